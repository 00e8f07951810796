/**
 * A count as messages write it, with a comma between thousands (`12,345`). Not `toLocaleString`:
 * the first call of it loads ICU's number formatting, which kept 5 MB more of the Node.js executable
 * resident in a language server that had shown one such message (a file typed full of unreadable text).
 */
export function formatCount(value: number): string {
    const digits = String(Math.trunc(Math.abs(value)));
    let grouped = digits.slice(0, digits.length % 3 || 3);
    for (let index = grouped.length; index < digits.length; index += 3) grouped += `,${digits.slice(index, index + 3)}`;
    return value < 0 ? `-${grouped}` : grouped;
}
