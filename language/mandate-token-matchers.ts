/**
 * The hand-written matchers of mandate.langium's terminals, for the token scanner
 * (mandate-token-scanner.ts): each reads at an offset exactly what Chevrotain's regular expression
 * for the terminal reads there. tests/token-scanner.test.ts compares the two on many texts.
 */

/** Reads one terminal at an offset: the length of its match there, 0 when it does not match. */
export type Matcher = (text: string, offset: number) => number;

/**
 * The terminals of mandate.langium, each with the pattern it must have for its matcher to read
 * exactly what Chevrotain's regular expression reads. A grammar that changes one of them leaves
 * the scanner off (`TokenScanner.for` answers undefined), and Chevrotain reads every text.
 */
export function terminals(): ReadonlyArray<readonly [name: string, source: string, first: Uint8Array, matcher: Matcher]> {
    return [
        ['WS', String.raw`\s+`, ASCII_SPACE, blanks],
        ['ML_COMMENT', String.raw`\/\*[\s\S]*?\*\/`, SLASH, blockComment],
        ['SL_COMMENT', String.raw`\/\/[^\n\r]*`, SLASH, lineComment],
        ['DATE', String.raw`[0-9]{4}-[0-9]{2}-[0-9]{2}`, DIGIT, date],
        ['REQUIREMENT', String.raw`[A-Z][A-Za-z0-9]*(-[A-Za-z0-9]+)*:[A-Za-z0-9]+([.\-][A-Za-z0-9]+)*(\([A-Za-z0-9]+\))*`, UPPER, requirement],
        ['ID', String.raw`[a-zA-Z_][a-zA-Z0-9_]*(-[a-zA-Z0-9_]+)*`, WORD_START, identifier],
        ['INT', '[0-9]+', DIGIT, (text, offset) => runOf(text, offset, DIGIT)],
        ['STRING', String.raw`"[^"\\\r\n]*(\\.[^"\\\r\n]*)*"`, QUOTE, quoted]
    ];
}

export function blanks(text: string, offset: number): number {
    return runOf(text, offset, ASCII_SPACE);
}

export function asciiClass(test: (char: string) => boolean): Uint8Array {
    const table = new Uint8Array(128);
    for (let code = 0; code < 128; code++) if (test(String.fromCharCode(code))) table[code] = 1;
    return table;
}

// What `\s` is in ASCII: tab, line feed, vertical tab, form feed, carriage return and space.
const ASCII_SPACE = asciiClass(char => /\s/.test(char));
const DIGIT = asciiClass(char => /[0-9]/.test(char));
const UPPER = asciiClass(char => /[A-Z]/.test(char));
const ALNUM = asciiClass(char => /[A-Za-z0-9]/.test(char));
const WORD = asciiClass(char => /[a-zA-Z0-9_]/.test(char));
const WORD_START = asciiClass(char => /[a-zA-Z_]/.test(char));
const SLASH = asciiClass(char => char === '/');
const QUOTE = asciiClass(char => char === '"');

function isIn(table: Uint8Array, text: string, index: number): boolean {
    const code = text.charCodeAt(index);
    return code < 128 && table[code] === 1; // NaN past the end
}

/** The length of the run of `table`'s characters at `offset`. */
function runOf(text: string, offset: number, table: Uint8Array): number {
    let end = offset;
    while (isIn(table, text, end)) end++;
    return end - offset;
}

/** Where runs of `table` characters end from `start`, each introduced by a separator (`-`, or `.` too when `dots`), as a greedy regular expression reads them. */
function separatedRuns(text: string, start: number, table: Uint8Array, dots: boolean): number {
    let end = start;
    for (;;) {
        const separator = text.charCodeAt(end);
        if ((separator !== 45 && !(dots && separator === 46)) || !isIn(table, text, end + 1)) return end;
        end = end + 1 + runOf(text, end + 1, table);
    }
}

function blockComment(text: string, offset: number): number {
    if (text.charCodeAt(offset) !== 47 || text.charCodeAt(offset + 1) !== 42) return 0;
    const close = text.indexOf('*/', offset + 2);
    return close < 0 ? 0 : close + 2 - offset;
}

function lineComment(text: string, offset: number): number {
    if (text.charCodeAt(offset) !== 47 || text.charCodeAt(offset + 1) !== 47) return 0;
    let end = offset + 2;
    for (let code = text.charCodeAt(end); end < text.length && code !== 10 && code !== 13; code = text.charCodeAt(++end));
    return end - offset;
}

function date(text: string, offset: number): number {
    const digits = (from: number, count: number) => runOf(text, from, DIGIT) >= count;
    return digits(offset, 4) && text.charCodeAt(offset + 4) === 45 && digits(offset + 5, 2) && text.charCodeAt(offset + 7) === 45 && digits(offset + 8, 2) ? 10 : 0;
}

function requirement(text: string, offset: number): number {
    if (!isIn(UPPER, text, offset)) return 0;
    const prefix = separatedRuns(text, offset + 1 + runOf(text, offset + 1, ALNUM), ALNUM, false);
    if (text.charCodeAt(prefix) !== 58 || !isIn(ALNUM, text, prefix + 1)) return 0;
    let end = separatedRuns(text, prefix + 1 + runOf(text, prefix + 1, ALNUM), ALNUM, true);
    // `(a)(2)`: each a run in parentheses; one left open ends the match before it.
    while (text.charCodeAt(end) === 40 && isIn(ALNUM, text, end + 1)) {
        const close = end + 1 + runOf(text, end + 1, ALNUM);
        if (text.charCodeAt(close) !== 41) break;
        end = close + 1;
    }
    return end - offset;
}

function identifier(text: string, offset: number): number {
    if (!isIn(WORD_START, text, offset)) return 0;
    return separatedRuns(text, offset + 1 + runOf(text, offset + 1, WORD), WORD, false) - offset;
}

/** A quoted text on one line: any character but a quote, a backslash or a line end, or a backslash and any character that is not a line end. */
function quoted(text: string, offset: number): number {
    if (text.charCodeAt(offset) !== 34) return 0;
    for (let index = offset + 1; index < text.length; index++) {
        const code = text.charCodeAt(index);
        if (code === 34) return index + 1 - offset;
        if (code === 10 || code === 13) return 0;
        if (code === 92) {
            const next = text.charCodeAt(index + 1);
            // `.` matches no line terminator: \n, \r, U+2028, U+2029 (and nothing past the end).
            if (Number.isNaN(next) || next === 10 || next === 13 || next === 0x2028 || next === 0x2029) return 0;
            index++;
        }
    }
    return 0;
}
