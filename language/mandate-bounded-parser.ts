import type { AstNode, LexerResult, ParseResult } from 'langium';
import { endsLine, lineOf } from './util/line-breaks.js';

/** Syntax errors kept per file, each kind. Past them a file is not a policy with typos but something else. */
export const MAX_PARSER_ERRORS = 100;
export const MAX_LEXER_ERRORS = 100;

/** How much of a file the parser could read, for SyntaxDiagnostics. */
export interface ReadingLimits {
    /** Where the parser stopped reading after MAX_PARSER_ERRORS errors; undefined when it read the whole file. */
    readonly stoppedAt?: { readonly offset: number; readonly line: number };
    /** Syntax errors beyond the caps, not reported one by one. */
    readonly droppedParserErrors: number;
    readonly droppedLexerErrors: number;
    /** Lines holding anything but blanks and comments. */
    readonly contentLines: number;
    /** Of those, lines the parser could not read: a syntax error, a skipped token, unreadable characters, or after it stopped. */
    readonly unreadableLines: number;
    /** The first such line, 0-based. */
    readonly firstUnreadableLine?: number;
}

const readingLimits = new WeakMap<AstNode, ReadingLimits>();

/** What the bounded parser recorded about the file `parseResult` came from. */
export function readingLimitsOf(parseResult: ParseResult): ReadingLimits | undefined {
    return readingLimits.get(parseResult.value);
}

/** Chevrotain's parser as far as the bounds touch it (its error handling and lexer adapter). */
interface ChevrotainInternals {
    recoveryEnabled: boolean;
    tokVector: Array<{ startOffset: number; startLine?: number }>;
    /** The real tokens; during a parse `tokVector` also holds EOF sentinels for lookahead. */
    tokVectorLength: number;
    SAVE_ERROR(error: Error): Error;
    LA(howMuch: number): { startOffset: number; startLine?: number; tokenType: { name: string } };
    importLexerState(state: number): void;
    attemptInRepetitionRecovery(...args: unknown[]): void;
}

interface ParserWithWrapper {
    wrapper: ChevrotainInternals;
    /** The lexer (MandateLexer), which says where it stopped reading and can be told to read only a prefix. */
    lexer?: { stoppedAt?: number, limit?: number };
    parse(input: string, ...rest: unknown[]): unknown;
}

type Token = LexerResult['tokens'][number];
type ParserError = ParseResult['parserErrors'][number] & { resyncedTokens?: Token[] };

/**
 * Bounds Chevrotain's error recovery. Its recovery inside a repetition calls the repetition again
 * recursively after each resync, so a file of random tokens (thousands of errors in the list of
 * declarations) ended in "Maximum call stack size exceeded" after a minute of resyncing. After
 * MAX_PARSER_ERRORS errors the parser stops: recovery is switched off and the input is moved to its
 * end, so the rules unwind at once and the tree holds what was read. The count of what was not
 * read goes to SyntaxDiagnostics (readingLimitsOf). Works for the document parser and the
 * completion parser (which reads the text before the cursor).
 */
export function withBoundedRecovery<P extends object>(parser: P, options: { record: boolean } = { record: true }): P {
    const target = parser as unknown as ParserWithWrapper;
    const wrapper = target.wrapper;
    const saveError = wrapper.SAVE_ERROR.bind(wrapper);
    const recoverInRepetition = wrapper.attemptInRepetitionRecovery;
    let saved = 0;
    let dropped = 0;
    let stoppedAt: ReadingLimits['stoppedAt'];
    wrapper.SAVE_ERROR = (error: Error) => {
        if (stoppedAt) {
            dropped++;
            return error;
        }
        const result = saveError(error);
        if (++saved >= MAX_PARSER_ERRORS) {
            const next = wrapper.LA(1);
            const atEnd = next.tokenType.name === 'EOF' || !Number.isFinite(next.startOffset);
            stoppedAt = atEnd ? { offset: Number.POSITIVE_INFINITY, line: Number.POSITIVE_INFINITY } : { offset: next.startOffset, line: (next.startLine ?? 1) - 1 };
            wrapper.recoveryEnabled = false;
            wrapper.importLexerState(wrapper.tokVectorLength - 1); // where Chevrotain's own terminated state is
        }
        return result;
    };
    wrapper.attemptInRepetitionRecovery = function (this: unknown, ...args: unknown[]) {
        if (!stoppedAt) recoverInRepetition.apply(this, args);
    };
    const parse = target.parse.bind(parser);
    /** One parse, of the whole text or (with `limit`) of the text before `limit`; where it stopped, if it did. */
    const parseOnce = (input: string, limit: number | undefined, rest: unknown[]): { result: unknown, stop: Stop } => {
        saved = 0;
        dropped = 0;
        stoppedAt = undefined;
        wrapper.recoveryEnabled = true;
        const lexer = target.lexer;
        if (lexer) lexer.limit = limit;
        try {
            const result = parse(input, ...rest);
            const lexerStop = lexer?.stoppedAt;
            return { result, stop: earliest(stoppedAt, lexerStop === undefined ? undefined : at(input, lexerStop)) };
        } finally {
            if (lexer) lexer.limit = undefined;
        }
    };
    target.parse = (input: string, ...rest: unknown[]) => {
        if (!options.record) return parseOnce(input, undefined, rest).result;
        // A large file is first read up to a blank after its first PREFIX characters: if that part
        // alone stops the parser, the file is not a policy, and lexing megabytes more would only
        // keep every request waiting (the parse is synchronous). Otherwise it is read whole.
        const limit = readsPrefixFirst(input) ? blankAfter(input, PREFIX) : undefined;
        let attempt = limit === undefined ? undefined : parseOnce(input, limit, rest);
        if (!attempt?.stop || attempt.stop.offset >= limit!) attempt = parseOnce(input, undefined, rest);
        // The parser keeps its token vector until the next parse: every token the lexer read.
        record(attempt.result as ParseResult, input, wrapper.tokVector as Token[], attempt.stop, dropped);
        return attempt.result;
    };
    return parser;
}

type Stop = ReadingLimits['stoppedAt'];

/**
 * How much of a large file is read first, to tell a policy from garbage (characters). Garbage
 * stops the parser within a few kilobytes; a policy pays for this prefix twice, so it is small.
 */
const PREFIX = 50_000;

/** The offset of the first blank at or after `from`, where a prefix can end between tokens; undefined if none. */
function blankAfter(text: string, from: number): number | undefined {
    const blank = /\s/g;
    blank.lastIndex = from;
    return blank.exec(text)?.index;
}

function earliest(a: Stop, b: Stop): Stop {
    return a === undefined ? b : b === undefined ? a : a.offset <= b.offset ? a : b;
}

function at(text: string, offset: number): NonNullable<Stop> {
    return { offset, line: lineOf(text, offset) };
}

/** What `record` notes of a parse without any error (the predictive parser's): the whole file read, `contentLines` lines with a token. */
export function recordCompleteReading(result: ParseResult, contentLines: number): void {
    readingLimits.set(result.value, {
        stoppedAt: undefined, droppedParserErrors: 0, droppedLexerErrors: 0, contentLines, unreadableLines: 0, firstUnreadableLine: undefined
    });
}

/** Whether the bounded parser reads `input` first up to a prefix: a file large enough to be garbage worth not lexing whole. */
export function readsPrefixFirst(input: string): boolean {
    return input.length > 2 * PREFIX;
}

/** Keeps the first MAX_LEXER_ERRORS lexer errors and works out how much of the file was read. */
function record(result: ParseResult, text: string, tokens: readonly Token[], stoppedAt: Stop, droppedParserErrors: number): void {
    const lexerErrors = result.lexerErrors;
    const unreadable = new Set<number>();
    for (const error of lexerErrors) if (error.line !== undefined) unreadable.add(error.line - 1);
    for (const error of result.parserErrors as ParserError[]) {
        if (Number.isFinite(error.token.startLine)) unreadable.add(error.token.startLine! - 1);
        for (const skipped of error.resyncedTokens ?? []) if (skipped.startLine !== undefined) unreadable.add(skipped.startLine - 1);
    }
    const content = new Set(unreadable);
    let previousLine = -1; // tokens come in text order: a line of several is added once
    for (const token of tokens) {
        if (token.startLine === undefined) continue;
        const line = token.startLine - 1;
        if (line !== previousLine) content.add(previousLine = line);
        if (stoppedAt && token.startOffset >= stoppedAt.offset) unreadable.add(line);
    }
    // The lexer may have stopped too: every line after that with anything on it is unread.
    if (stoppedAt && Number.isFinite(stoppedAt.offset)) {
        let line = stoppedAt.line;
        let blank = true;
        for (let index = stoppedAt.offset; index <= text.length; index++) {
            const char = text.charCodeAt(index);
            if (index === text.length || endsLine(text, index)) {
                if (!blank) {
                    content.add(line);
                    unreadable.add(line);
                }
                line++;
                blank = true;
            } else if (char > 32) {
                blank = false;
            }
        }
    }
    const droppedLexerErrors = Math.max(0, lexerErrors.length - MAX_LEXER_ERRORS);
    if (droppedLexerErrors > 0) lexerErrors.splice(MAX_LEXER_ERRORS);
    let first: number | undefined;
    for (const line of unreadable) if (first === undefined || line < first) first = line;
    readingLimits.set(result.value, {
        stoppedAt, droppedParserErrors, droppedLexerErrors, contentLines: content.size, unreadableLines: unreadable.size, firstUnreadableLine: first
    });
}
