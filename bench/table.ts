/**
 * One table, two renderings: plain text for the terminal and Markdown for docs/benchmarks.md.
 */
import { cellText, FIGURES, meetsGoal, ratioText, type Results } from './figures.js';

export const COLUMNS = ['figure', 'goal', 'this build', '0.1.0', 'ratio', 'meets goal'] as const;

export function tableRows(results: Results, baselineRun: boolean): string[][] {
    return FIGURES.map(figure => {
        const current = results.get(figure.id, 'current');
        const baseline = results.get(figure.id, 'baseline');
        return [
            figure.figure,
            figure.goal,
            cellText(current, 'not run'),
            cellText(baseline, baselineRun ? 'not run' : 'not run (--no-baseline)'),
            ratioText(figure, current, baseline),
            meetsGoal(figure, current, baseline)
        ];
    });
}

/** A fixed-width table; long figure names are wrapped so that it fits a wide terminal. */
export function textTable(rows: string[][]): string {
    const limits = [48, 26, 44, 30, 7, 10];
    const wrapped = rows.map(row => row.map((cell, column) => wrap(cell.replace(/`/g, ''), limits[column])));
    const header = COLUMNS.map(name => [name]);
    const all = [header, ...wrapped];
    const widths = COLUMNS.map((_, column) => Math.max(...all.map(row => Math.max(...row[column].map(line => line.length)))));
    const line = (row: string[][]) => {
        const height = Math.max(...row.map(cell => cell.length));
        const out: string[] = [];
        for (let i = 0; i < height; i++) out.push(row.map((cell, column) => (cell[i] ?? '').padEnd(widths[column])).join(' | ').trimEnd());
        return out.join('\n');
    };
    const rule = widths.map(width => '-'.repeat(width)).join('-+-');
    // A rule between rows, since a wrapped row takes several lines.
    return [line(header), rule, ...wrapped.flatMap(row => [line(row), rule])].join('\n');
}

export function markdownTable(rows: string[][]): string {
    const escape = (cell: string) => cell.replace(/\|/g, '\\|');
    return [
        `| ${COLUMNS.join(' | ')} |`,
        `|${COLUMNS.map(() => '---').join('|')}|`,
        ...rows.map(row => `| ${row.map(escape).join(' | ')} |`)
    ].join('\n');
}

function wrap(text: string, width: number): string[] {
    const lines: string[] = [];
    let current = '';
    for (const word of text.split(' ')) {
        if (current && current.length + 1 + word.length > width) {
            lines.push(current);
            current = word;
        } else {
            current = current ? `${current} ${word}` : word;
        }
    }
    lines.push(current);
    return lines;
}
