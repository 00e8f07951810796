import type { LexerResult } from 'langium';
import { TokenList, type TokenColumns } from './mandate-token-list.js';

type IToken = LexerResult['tokens'][number];
type TokenType = IToken['tokenType'];

/** Reads one terminal at an offset: the length of its match there, 0 when it does not match. */
type Matcher = (text: string, offset: number) => number;

/**
 * The terminals of mandate.langium, each with the pattern it must have for its matcher to read
 * exactly what Chevrotain's regular expression reads. A grammar that changes one of them leaves
 * the scanner off (`TokenScanner.for` answers undefined), and Chevrotain reads every text.
 */
function terminals(): ReadonlyArray<readonly [name: string, source: string, first: Uint8Array, matcher: Matcher]> {
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

/** What the scanner reads: a keyword's text (tried before any terminal) or a terminal's matcher. */
interface Entry {
    readonly type: TokenType;
    readonly keyword: string | undefined;
    readonly matcher: Matcher | undefined;
    /** The ASCII characters a match starts with. */
    readonly first: Uint8Array;
    /** SKIPPED (blanks), 'hidden' (comments) or undefined (a token for the parser). */
    readonly group: 'skipped' | 'hidden' | undefined;
}

/** An entry with the terminals that take over when they match more (`LONGER_ALT`, e.g. `roles` over the keyword `role`), in order. */
interface Candidate extends Entry {
    readonly longer: readonly Entry[];
}

/**
 * Reads a text into the tokens Chevrotain's lexer gives for it, faster (1.6× at 100k lines, and
 * the pass that looks for unreadable runs is not needed): Chevrotain tries each keyword that can
 * start at a character as a regular expression before the identifier, and lexing was a tenth of a
 * cold check. Chevrotain takes the first pattern that matches in the
 * vocabulary's order (keywords, longest first, before terminals), then the first of its
 * `LONGER_ALT` terminals that matches more; the scanner tries them in that order too, with a
 * hand-written matcher per terminal, and counts lines and columns as Chevrotain's full position
 * tracking does. It reads ASCII outside quoted texts and comments. A text with a lexing error it
 * declines, or, when asked to, reads as Chevrotain's error recovery does (`scanList`'s `onError`);
 * a text it declines, Chevrotain reads. tests/token-scanner.test.ts compares the two on every token
 * and error of many texts.
 */
export class TokenScanner {
    private constructor(
        /** The keywords and terminals that can start with each ASCII character, in the vocabulary's order. */
        private readonly byFirst: ReadonlyArray<readonly Candidate[]>,
        /** The characters that start nothing but skipped blanks: a third of all matches, read in one pass with their line breaks. */
        private readonly blank: Uint8Array,
        /** The vocabulary's token types by `tokenTypeIdx`. */
        private readonly typeTable: readonly TokenType[]
    ) {}

    /** The number columns of the last list, which nobody reads once the next text is scanned. */
    private spare: TokenColumns | undefined;

    /**
     * A scanner for the lexer's vocabulary in its order, or undefined when the vocabulary is not the
     * one it was written for (keywords followed by mandate.langium's terminals, with their patterns).
     */
    static for(vocabulary: readonly TokenType[]): TokenScanner | undefined {
        const known = terminals();
        const terminalsAt = vocabulary.length - known.length;
        const entries: Entry[] = [];
        for (const [index, type] of vocabulary.entries()) {
            const pattern = type.PATTERN;
            // Langium skips a hidden terminal that matches blanks (Chevrotain's SKIPPED group), and puts other hidden ones in 'hidden'.
            const whitespace = type.name === 'WS' && index >= terminalsAt;
            const group = whitespace ? (typeof type.GROUP === 'string' && type.GROUP !== 'hidden' ? 'skipped' : null) : type.GROUP === 'hidden' ? 'hidden' : type.GROUP === undefined ? undefined : null;
            if (group === null || type.PUSH_MODE !== undefined || type.POP_MODE !== undefined || type.tokenTypeIdx === undefined) return undefined;
            if (index < terminalsAt) {
                if (typeof pattern !== 'string' || pattern.length === 0 || pattern.charCodeAt(0) >= 128 || group !== undefined) return undefined;
                entries.push({ type, keyword: pattern, matcher: undefined, first: asciiClass(char => char === pattern[0]), group });
            } else {
                const [name, source, first, matcher] = known[index - terminalsAt];
                if (type.name !== name || !(pattern instanceof RegExp) || pattern.source !== source || pattern.flags !== '') return undefined;
                entries.push({ type, keyword: undefined, matcher, first, group });
            }
        }
        const byType = new Map(entries.map(entry => [entry.type, entry]));
        const byFirst: Candidate[][] = Array.from({ length: 128 }, () => []);
        for (const entry of entries) {
            const longer = (entry.type.LONGER_ALT === undefined ? [] : [entry.type.LONGER_ALT].flat()).map(type => byType.get(type));
            if (longer.some(alternative => alternative?.matcher === undefined)) return undefined;
            const candidate: Candidate = { type: entry.type, keyword: entry.keyword, matcher: entry.matcher, first: entry.first, group: entry.group, longer: longer as Entry[] };
            for (let code = 0; code < 128; code++) if (entry.first[code] === 1) byFirst[code].push(candidate);
        }
        const blank = asciiClass(char => {
            const only = byFirst[char.charCodeAt(0)];
            return only.length === 1 && only[0].group === 'skipped' && only[0].matcher === blanks;
        });
        const typeTable: TokenType[] = [];
        for (const type of vocabulary) typeTable[type.tokenTypeIdx!] = type;
        return new TokenScanner(byFirst, blank, typeTable);
    }

    /**
     * The tokens and comments of `text`, as Chevrotain's lexer gives them; undefined when Chevrotain must read it.
     * With `onError`, a text with lexing errors is read too, as Chevrotain reads it (see `scanList`).
     */
    scan(text: string, onError?: UnreadableCharacters): { tokens: IToken[], hidden: IToken[] } | undefined {
        const scanned = this.scanList(text, true, onError);
        return scanned && { tokens: scanned.tokens.all(), hidden: scanned.hidden };
    }

    /**
     * The same, the tokens as a list of numbers (mandate-token-list.ts), with their lines and columns if `positions`.
     * Without `onError`, a text with a lexing error is declined. With it, the characters no token starts
     * at are dropped up to the next character one does, and `onError` is told, as Chevrotain's error
     * recovery does: reading a 6.5 MB file with one such character took Chevrotain ~1 s. A character
     * outside ASCII that `\s` matches (a no-break space) is still declined, where a token could start.
     */
    scanList(text: string, positions = false, onError?: UnreadableCharacters): { tokens: TokenList, hidden: IToken[] } | undefined {
        const tokens = new TokenList(text, this.typeTable, positions, this.spare);
        const hidden: IToken[] = [];
        let offset = 0;
        let line = 1;
        let column = 1;
        while (offset < text.length) {
            const code = text.charCodeAt(offset);
            if (code >= 128) {
                if (!onError || UNICODE_SPACE.test(text[offset])) return undefined;
                const end = this.resyncAfter(text, offset);
                if (end < 0) return undefined;
                onError(offset, end - offset, line, column);
                column += end - offset;
                offset = end;
                continue;
            }
            if (this.blank[code] === 1) {
                let end = offset;
                for (let char = code; char < 128 && this.blank[char] === 1; char = text.charCodeAt(++end)) {
                    if (char === 10) {
                        line++;
                        column = offset - end; // + end + 1 below: 1 at the next character
                    } else if (char === 13) {
                        if (text.charCodeAt(end + 1) === 10) end++;
                        line++;
                        column = offset - end;
                    }
                }
                column += end - offset;
                offset = end;
                continue;
            }
            let entry: Entry | undefined;
            let matched = 0;
            const candidates = this.byFirst[code];
            for (let index = 0; index < candidates.length; index++) {
                const candidate = candidates[index];
                const keyword = candidate.keyword;
                matched = keyword !== undefined ? (text.startsWith(keyword, offset) ? keyword.length : 0) : candidate.matcher!(text, offset);
                if (matched === 0) continue;
                entry = candidate;
                for (let other = 0; other < candidate.longer.length; other++) {
                    const alternative = candidate.longer[other];
                    const longer = alternative.matcher!(text, offset);
                    if (longer > matched) {
                        entry = alternative;
                        matched = longer;
                        break;
                    }
                }
                break;
            }
            if (!entry) {
                if (!onError) return undefined; // a lexing error: Chevrotain reports it
                const end = this.resyncAfter(text, offset);
                if (end < 0) return undefined;
                onError(offset, end - offset, line, column);
                column += end - offset;
                offset = end;
                continue;
            }
            let token: IToken | undefined;
            if (entry.group === undefined) {
                tokens.push(entry.type, offset, matched, line, column);
            } else if (entry.group === 'hidden') {
                token = {
                    image: text.substring(offset, offset + matched), startOffset: offset, endOffset: offset + matched - 1,
                    startLine: line, endLine: line, startColumn: column, endColumn: column + matched - 1,
                    tokenTypeIdx: entry.type.tokenTypeIdx!, tokenType: entry.type
                };
                hidden.push(token);
            }
            // Only blanks and block comments span lines. Lines end as Chevrotain counts them: \n, \r\n, a lone \r.
            let breaks = 0;
            let lastBreak = -1;
            if (entry.group !== undefined) {
                for (let index = offset; index < offset + matched; index++) {
                    const char = text.charCodeAt(index);
                    if (char !== 10 && char !== 13) continue;
                    if (char === 13 && index + 1 < offset + matched && text.charCodeAt(index + 1) === 10) index++;
                    breaks++;
                    lastBreak = index - offset;
                }
            }
            if (breaks === 0) {
                column += matched;
            } else {
                line += breaks;
                column = matched - lastBreak;
                // A block comment (blanks are no token): it ends in `*/`, so the line break Chevrotain leaves to the next line is never its last character.
                if (token) {
                    token.endLine = line;
                    token.endColumn = column - 1;
                }
            }
            offset += matched;
        }
        // The columns go to the next list, unless a huge file grew them: a language server would keep them for good.
        this.spare = tokens.types.length <= MAX_SPARE_TOKENS ? tokens.numberColumns : undefined;
        return { tokens, hidden };
    }

    /**
     * Where Chevrotain's error recovery takes up reading again after an unreadable character at
     * `offset`: the next character some token matches at, or the end of the text. -1 when that is a
     * character outside ASCII that `\s` matches, which the scanner does not read.
     */
    private resyncAfter(text: string, offset: number): number {
        let at = offset + 1;
        for (; at < text.length; at++) {
            const code = text.charCodeAt(at);
            if (code >= 128) {
                if (UNICODE_SPACE.test(text[at])) return -1;
                continue;
            }
            const candidates = this.byFirst[code];
            for (let index = 0; index < candidates.length; index++) {
                const candidate = candidates[index];
                const keyword = candidate.keyword;
                if (keyword !== undefined ? text.startsWith(keyword, at) : candidate.matcher!(text, at) > 0) return at;
            }
        }
        return at;
    }
}

/** Told of the characters at `offset` no token starts at (`length` of them), at `line` and `column` (1-based), as Chevrotain reports them. */
export type UnreadableCharacters = (offset: number, length: number, line: number, column: number) => void;

/** A character outside ASCII that Chevrotain's `\s` (the WS terminal) reads as a blank. */
const UNICODE_SPACE = /\s/;

/** The most tokens whose columns a scanner keeps for its next text (12 bytes each). */
const MAX_SPARE_TOKENS = 1 << 20;

function blanks(text: string, offset: number): number {
    return runOf(text, offset, ASCII_SPACE);
}

function asciiClass(test: (char: string) => boolean): Uint8Array {
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
