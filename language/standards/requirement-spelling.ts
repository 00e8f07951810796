/**
 * How a requirement ID is compared with the catalogue's when it is not one of them. Numbers and
 * parenthesised items carry the meaning (A.5.24 is not A.5.2, 5.3(a) is not 5.3(b)), so they are
 * never guessed; case, punctuation and leading zeros are only spelling.
 */

/**
 * A part of a clause: a number, or an item (letters in parentheses, or right after a number as in
 * `5.3b`), is `fixed`; other letters are a code (A, GV, RR, CC), which a typo may have garbled.
 */
export interface ClauseToken {
    readonly text: string;
    readonly fixed: boolean;
}

/** `GV.RR-02` → GV, RR, 2; `5.3(b)` → 5, 3, (B); `164.308(a)(1)(ii)(A)` → 164, 308, (A), (1), (II), (A). */
export function clauseTokens(clause: string): ClauseToken[] {
    const tokens: ClauseToken[] = [];
    let depth = 0;
    for (const match of clause.matchAll(/[()]|[0-9]+|[A-Za-z]+/g)) {
        const text = match[0];
        if (text === '(') depth++;
        else if (text === ')') depth = Math.max(0, depth - 1);
        else if (/^[0-9]/.test(text)) tokens.push({ text: text.replace(/^0+(?=[0-9])/, ''), fixed: true });
        else tokens.push({ text: text.toUpperCase(), fixed: depth > 0 || /[0-9]/.test(clause[match.index - 1] ?? '') });
    }
    return tokens;
}

/**
 * The spelling-free form of a clause: `5.3b`, `5.3(b)` and `5.3(B)` share one, as do `GV.RR-2` and
 * `GV.RR-02`. Two IDs of one framework never share one (a test says so).
 */
export function spellingKey(tokens: readonly ClauseToken[]): string {
    return tokens.map(token => token.text).join('.');
}

/** The form without any separators: `A.524` and `A.5.24` share it (a missing dot), which is close but not certain. */
export function runTogetherKey(tokens: readonly ClauseToken[]): string {
    return tokens.map(token => token.text).join('');
}

/** A framework prefix without case, punctuation or an `IEC`: `iso/iec-27001` → `ISO27001`, `NIST_CSF` → `NISTCSF`. */
export function prefixKey(prefix: string): string {
    return prefix.toUpperCase().replace(/[^A-Z0-9]/g, '').replace(/^ISOIEC/, 'ISO');
}

const isDigit = (char: string | undefined) => char !== undefined && char >= '0' && char <= '9';

/**
 * Edits (with swapped neighbours as one) from `a` to `b`. With `lettersOnly`, a digit may be
 * added or dropped but never replaced or swapped: ISO2700 can be ISO27001, ISO27002 never is.
 */
export function typoDistance(a: string, b: string, lettersOnly = false): number {
    const blocked = Number.POSITIVE_INFINITY;
    const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
    for (let j = 0; j <= b.length; j++) rows[0][j] = j;
    for (let i = 1; i <= a.length; i++) {
        for (let j = 1; j <= b.length; j++) {
            const same = a[i - 1] === b[j - 1];
            const substitution = same ? 0 : lettersOnly && (isDigit(a[i - 1]) || isDigit(b[j - 1])) ? blocked : 1;
            let best = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + substitution);
            const swapped = i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1] && !same;
            if (swapped && !(lettersOnly && (isDigit(a[i - 1]) || isDigit(a[i - 2])))) best = Math.min(best, rows[i - 2][j - 2] + 1);
            rows[i][j] = best;
        }
    }
    return rows[a.length][b.length];
}

/**
 * Codes of this many letters or fewer are abbreviations (GV, RR, CC, PI, an organization's IAM
 * or ISMS): every letter carries meaning, so PR.AC (CSF 1.1's access control) is never PR.AA or
 * PR.AT, and CX never CC or C. Only longer codes, words such as ACCESS or REVIEW, can be misspelt.
 */
export const ABBREVIATION_LETTERS = 4;

/**
 * How far a clause is from a catalogue clause when only its codes are misspelt: the numbers and
 * items must be the same, in the same order, with as many codes, and every code the candidate
 * changes must be a word unknown to the framework (`ACESS-REVEIW` → `ACCESS-REVIEW`, but never
 * `GV.RRR-02` → `GV.RR-02` or `PR.PT-1` → `PR.PS-01`: an abbreviation is not a spelling).
 * Undefined when the clause differs in anything else.
 */
export function codeTypoCost(written: readonly ClauseToken[], candidate: readonly ClauseToken[], knownCodes: ReadonlySet<string>): number | undefined {
    const writtenSegments = segments(written);
    const candidateSegments = segments(candidate);
    if (writtenSegments.fixed.join('|') !== candidateSegments.fixed.join('|')) return undefined;
    let cost = 0;
    for (let index = 0; index < writtenSegments.codes.length; index++) {
        const mine = writtenSegments.codes[index];
        const theirs = candidateSegments.codes[index];
        // A code added or dropped is another reference (PR for PR.AC, A.5.24 for 5.24).
        if (mine.length !== theirs.length) return undefined;
        for (let at = 0; at < mine.length; at++) {
            if (mine[at] === theirs[at]) continue;
            if (knownCodes.has(mine[at]) || Math.min(mine[at].length, theirs[at].length) <= ABBREVIATION_LETTERS) return undefined;
            cost += typoDistance(mine[at], theirs[at]);
        }
    }
    return cost;
}

/** The fixed tokens in order, and the codes before, between and after them. */
function segments(tokens: readonly ClauseToken[]): { fixed: string[]; codes: string[][] } {
    const fixed: string[] = [];
    const codes: string[][] = [[]];
    for (const token of tokens) {
        if (token.fixed) {
            fixed.push(token.text);
            codes.push([]);
        } else {
            codes[codes.length - 1].push(token.text);
        }
    }
    return { fixed, codes };
}

/** How many code letters may be misspelt: one in short codes (GV.RR), about one in four in longer ones. */
export function codeTypoBudget(candidate: readonly ClauseToken[]): number {
    const letters = candidate.filter(token => !token.fixed).reduce((sum, token) => sum + token.text.length, 0);
    return Math.min(3, Math.max(1, Math.floor(letters / 4)));
}

/** The codes before the first number (`A` of A.5.24, `GV.RR` of GV.RR-02): IDs with one lead share a numbering. */
export function leadOf(tokens: readonly ClauseToken[]): string {
    const first = tokens.findIndex(token => token.fixed);
    return tokens.slice(0, first < 0 ? tokens.length : first).map(token => token.text).join('.');
}

/** The shape of a numbering: at most `count` numbers and items, the one at each place at most `lengths[place]` characters. */
export interface NumberingForm {
    count: number;
    readonly lengths: number[];
}

/** Widens `form` to take in the numbers and items of `tokens`. */
export function widenForm(form: NumberingForm, tokens: readonly ClauseToken[]): void {
    const fixed = tokens.filter(token => token.fixed);
    form.count = Math.max(form.count, fixed.length);
    fixed.forEach((token, place) => { form.lengths[place] = Math.max(form.lengths[place] ?? 0, token.text.length); });
}

/**
 * Whether the numbers of `tokens` could be an ID of this numbering in their own right: no more of
 * them, none longer than any at its place. PCI DSS `12.11` could (3.2.1 had it), so it is not a
 * `12.1.1` with a dot missing; ISO/IEC 27001 `6.13` could not (no clause has a two-digit second number).
 */
export function fitsForm(form: NumberingForm | undefined, tokens: readonly ClauseToken[]): boolean {
    if (!form) return false;
    const fixed = tokens.filter(token => token.fixed);
    return fixed.length <= form.count && fixed.every((token, place) => token.text.length <= (form.lengths[place] ?? 0));
}
