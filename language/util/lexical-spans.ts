import { lineEnd } from './line-breaks.js';
import { isInvisible } from './visible-text.js';

/**
 * What a lexing error is about, and how far its text reaches. The lexer skips only the
 * characters it cannot read; the span is what a person would call the mistake: the whole
 * word `jösé`, or an unclosed quoted text up to the end of its line.
 */
export type LexicalSpanKind = 'unclosed-text' | 'unclosed-comment' | 'typographic-quote' | 'typographic-dash' | 'invisible' | 'non-ascii-name' | 'stray';

export interface LexicalSpan {
    readonly kind: LexicalSpanKind;
    /** Offsets into the document text, end exclusive. */
    readonly start: number;
    readonly end: number;
    /**
     * True when this explanation is better than any parser error inside the span (the parser only
     * sees what the lexer could read, e.g. `s` out of `jösé`); false for stray punctuation, where
     * the parser's expectation (a date, a quoted text) says more.
     */
    readonly explainsParserErrors: boolean;
}

const OPENING_QUOTES = '“„‟«‘‚‛';
const TYPOGRAPHIC_QUOTES = `${OPENING_QUOTES}”»’`;
const DASHES = /^[\u2010-\u2015\u2212]$/u;
const NON_ASCII_WORD = /^[\p{L}\p{M}\p{N}]$/u;

export function lexicalSpan(text: string, offset: number, length: number): LexicalSpan {
    const char = charAt(text, offset);
    if (char === '"') return { kind: 'unclosed-text', start: offset, end: lineEnd(text, offset), explainsParserErrors: true };
    // A `/*` the lexer could not read has no `*/` after it: the words after it on its line were meant as the comment.
    if (char === '/' && text[offset + 1] === '*') return { kind: 'unclosed-comment', start: offset, end: lineEnd(text, offset), explainsParserErrors: true };
    if (TYPOGRAPHIC_QUOTES.includes(char)) {
        return { kind: 'typographic-quote', start: offset, end: closingQuote(text, offset), explainsParserErrors: true };
    }
    if (DASHES.test(char)) return { kind: 'typographic-dash', ...word(text, offset), explainsParserErrors: true };
    if (isInvisible(char)) return { kind: 'invisible', ...word(text, offset), explainsParserErrors: true };
    if (char.charCodeAt(0) > 0x7f && NON_ASCII_WORD.test(char)) return { kind: 'non-ascii-name', ...word(text, offset), explainsParserErrors: true };
    // An unquoted email address: the lexer's `@` says more than the parser's "expected a quoted text".
    if (char === '@') return { kind: 'stray', ...chunkAround(text, offset, offset + 1), explainsParserErrors: true };
    return { kind: 'stray', start: offset, end: offset + Math.max(length, 1), explainsParserErrors: false };
}

/** The run of non-blank characters around `[start, end)`: the "word" a stray character sits in. */
export function chunkAround(text: string, start: number, end: number): { start: number; end: number } {
    let from = start;
    let to = end;
    const [low, high] = [Math.max(0, start - MAX_WORD), Math.min(text.length, end + MAX_WORD)];
    while (from > low && !/\s/.test(text[from - 1])) from--;
    while (to < high && !/\s/.test(text[to])) to++;
    return { start: from, end: to };
}

/**
 * How far a "word" reaches at most on either side of an error. A file of garbage can be one line
 * of megabytes without a blank; each of its errors must not scan all of it (see SyntaxDiagnostics).
 */
const MAX_WORD = 200;

/** The whole character at `offset`, including the second half of a surrogate pair. */
export function charAt(text: string, offset: number): string {
    return String.fromCodePoint(text.codePointAt(offset) ?? 0);
}

/** After the quote that closes the one at `offset` on the same line; just the quote itself when it opens nothing. */
function closingQuote(text: string, offset: number): number {
    if (!OPENING_QUOTES.includes(text[offset])) return offset + 1;
    const end = lineEnd(text, offset);
    for (let index = offset + 1; index < end; index++) {
        if (TYPOGRAPHIC_QUOTES.includes(text[index]) || text[index] === '"') return index + 1;
    }
    return end;
}

/** The name-like word around `offset`: letters, digits, `_`, `-`, and the characters that broke it. */
function word(text: string, offset: number): { start: number; end: number } {
    const inWord = (index: number): boolean => {
        const char = text[index];
        return /[\w-]/.test(char) || /[\uD800-\uDFFF]/.test(char) || isInvisible(char) || NON_ASCII_WORD.test(char) || DASHES.test(char);
    };
    let start = offset;
    let end = offset + 1;
    const [low, high] = [Math.max(0, offset - MAX_WORD), Math.min(text.length, offset + 1 + MAX_WORD)];
    while (start > low && inWord(start - 1)) start--;
    while (end < high && inWord(end)) end++;
    return { start, end };
}
