import {
    AstUtils, DefaultLexer, GrammarAST, type LangiumCoreServices, type Lexer, type LexerResult, type TokenBuilder, type TokenizeOptions
} from 'langium';
import type { IToken } from 'chevrotain';
import { MAX_LEXER_ERRORS } from './mandate-bounded-parser.js';
import type { TokenList } from './mandate-token-list.js';
import { TokenScanner } from './mandate-token-scanner.js';
import { endsLine, lineEnd } from './util/line-breaks.js';
import { formatCount } from './util/format-count.js';

/** Thrown by the message provider when a text has more unreadable characters than are reported. */
export class LexingStopped extends Error {
    constructor(readonly offset: number) {
        super(`Lexing stopped after ${MAX_LEXER_ERRORS} errors`);
    }
}

/** What the lexer asks of its message provider besides messages (MandateLexerErrorMessageProvider). */
interface MessageBudget {
    startText?(): void;
}

/** A run of at least this many characters that cannot start a token is skipped whole. */
const MIN_SKIPPED_RUN = 32;

type LexingError = LexerResult['errors'][number];

/** Chevrotain's types, as Langium's lexer names them (chevrotain is Langium's dependency, not ours). */
type TokenTypeDictionary = Lexer['definition'];
type TokenType = TokenTypeDictionary[string];

/**
 * Langium's lexer, bounded for files that are not Mandate. Chevrotain, after an unreadable
 * character, tries every token pattern at every following character until one matches: five
 * megabytes of `@` took 40 s. So:
 * - a run of MIN_SKIPPED_RUN or more characters that no token starts with (outside quoted texts and
 *   comments) is one lexer error, and the lexer sees blanks there (offsets stay the same);
 * - after MAX_LEXER_ERRORS errors the lexer stops (`stoppedAt`); the parser reads what came before,
 *   and SyntaxDiagnostics says where reading stopped.
 * The message provider learns when a text starts, so it can count.
 *
 * The token scanner reads the texts, with their errors too (`readWithErrors`). Langium's lexer
 * (Chevrotain's, which analyses every token pattern as it is made: ~13 ms of each start of the CLI
 * and the server) is made for the first text the scanner declines, over the same token types.
 */
export class MandateLexer implements Lexer {
    readonly definition: TokenTypeDictionary;
    /** The token types in the builder's order, which is the order Chevrotain tries them in. */
    private readonly vocabulary: readonly TokenType[];
    private readonly tokenBuilder: TokenBuilder;
    private readonly budget: MessageBudget;
    private chevrotainBacked: DefaultLexer | undefined;
    /** ASCII characters a token can start with: letters, digits, `_`, blanks, `"`, `/` and each keyword's first character. */
    private readonly starts = new Uint8Array(128);
    /** Where the last text stopped being read, after MAX_LEXER_ERRORS errors; undefined when it was read to its end. */
    stoppedAt: number | undefined;
    /** When set, only the text before this offset is read (the bounded parser's first look at a large file). */
    limit: number | undefined;
    /** When set, the tokens starting at these offsets are read as these token types (mandate-typo-recovery.ts). */
    retyped: ReadonlyMap<number, TokenType> | undefined;
    /** When set, each of these words (a keyword with a letter that is not ASCII, `rôle`) is read as one token of that keyword, by offset. */
    joined: ReadonlyMap<number, JoinedWord> | undefined;
    private scannerMade: { readonly scanner: TokenScanner | undefined } | undefined;

    constructor(private readonly services: LangiumCoreServices) {
        this.tokenBuilder = services.parser.TokenBuilder;
        this.budget = services.parser.LexerErrorMessageProvider as unknown as MessageBudget;
        const tokens = this.tokenBuilder.buildTokens(services.Grammar, { caseInsensitive: services.LanguageMetaData.caseInsensitive });
        // One lexer mode: a list of token types, as DefaultLexer's constructor takes it.
        if (!Array.isArray(tokens)) throw new Error('The Mandate lexer expects one list of token types.');
        this.vocabulary = tokens as TokenType[];
        const definition: TokenTypeDictionary = {};
        for (const token of this.vocabulary) definition[token.name] = token;
        this.definition = definition;
        for (const char of 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_"/ \t\r\n\f\v') this.starts[char.charCodeAt(0)] = 1;
        for (const keyword of AstUtils.streamAllContents(services.Grammar).filter(GrammarAST.isKeyword)) {
            const code = keyword.value.charCodeAt(0);
            if (code < 128) this.starts[code] = 1;
        }
    }

    /**
     * Reads the texts Chevrotain would read without an error, faster (mandate-token-scanner.ts);
     * undefined when off. Made on first use: it needs the indexes Chevrotain gives the token types,
     * which the parser (Chevrotain's, made with the lexer's vocabulary) gives them when the lexer has not.
     */
    get scanner(): TokenScanner | undefined {
        if (!this.scannerMade) {
            if (this.vocabulary.some(token => token.tokenTypeIdx === undefined)) void this.chevrotain;
            this.scannerMade = { scanner: TokenScanner.for(this.vocabulary) };
        }
        return this.scannerMade.scanner;
    }

    tokenize(whole: string, options?: TokenizeOptions): LexerResult {
        this.stoppedAt = undefined;
        const text = this.limit !== undefined && this.limit < whole.length ? whole.slice(0, this.limit) : whole;
        const scanned = this.scanner?.scan(text);
        // Without an error to report there is nothing to skip, bound or count.
        if (scanned) return this.retype({ ...scanned, errors: [], report: this.tokenBuilder.flushLexingReport?.(text) }, text);
        const { readable, skipped } = this.skipUnreadableRuns(text);
        let result: LexerResult;
        try {
            result = this.readWithErrors(readable, options);
        } catch (error) {
            if (!(error instanceof LexingStopped)) throw error;
            this.stoppedAt = error.offset;
            result = this.readWithErrors(readable.slice(0, error.offset), options);
        }
        const stop = this.stoppedAt;
        const kept = stop === undefined ? skipped : skipped.filter(error => error.offset < stop);
        if (kept.length > 0) {
            result.errors.push(...kept);
            result.errors.sort((a, b) => a.offset - b.offset);
        }
        return this.retype(result, text);
    }

    /**
     * A text with lexing errors, read as Chevrotain reads it: by the token scanner, which drops the
     * characters no token starts at as Chevrotain's error recovery does, or by Chevrotain when the
     * grammar has terminals the scanner was not written for. The message provider counts each text's
     * errors (LexingStopped past its budget).
     */
    private readWithErrors(text: string, options: TokenizeOptions | undefined): LexerResult {
        const provider = this.services.parser.LexerErrorMessageProvider;
        const errors: LexingError[] = [];
        this.budget.startText?.();
        const scanned = this.scanner?.scan(text, (offset, length, line, column) => {
            errors.push({ offset, length, line, column, message: provider.buildUnexpectedCharactersMessage(text, offset, length, line, column) });
        });
        if (scanned) return { ...scanned, errors, report: this.tokenBuilder.flushLexingReport?.(text) };
        return this.chevrotain.tokenize(text, options);
    }

    /** `result` with the tokens `retyped` names read as their new type (their text unchanged), and the words `joined` names as one token each. */
    private retype(result: LexerResult, text: string): LexerResult {
        const retyped = this.retyped;
        const tokens = result.tokens;
        for (const [offset, tokenType] of retyped ?? []) {
            const index = tokenAt(tokens, offset);
            if (index >= 0) tokens[index] = { ...tokens[index], tokenType, tokenTypeIdx: tokenType.tokenTypeIdx! };
        }
        if (this.joined && this.joined.size > 0) result.tokens = joinWords(tokens, this.joined, text);
        return result;
    }

    /** Langium's lexer over this lexer's token types (the parser's vocabulary), made when first needed. */
    private get chevrotain(): DefaultLexer {
        return this.chevrotainBacked ??= new DefaultLexer(this.servicesGiving(this.vocabulary));
    }

    /** What DefaultLexer's constructor reads of the services, with a token builder that gives `tokens` rather than new ones. */
    private servicesGiving(tokens: readonly TokenType[]): LangiumCoreServices {
        const { services, tokenBuilder } = this;
        const builder: TokenBuilder = { buildTokens: () => [...tokens], flushLexingReport: text => tokenBuilder.flushLexingReport!(text) };
        return {
            Grammar: services.Grammar,
            LanguageMetaData: services.LanguageMetaData,
            parser: { LexerErrorMessageProvider: services.parser.LexerErrorMessageProvider, TokenBuilder: builder }
        } as unknown as LangiumCoreServices;
    }

    /**
     * The tokens of `text` as a list of numbers (mandate-token-list.ts) with the comments and the
     * lexing report `tokenize` gives, if the token scanner reads the text; undefined when Chevrotain must.
     */
    scanList(text: string): { tokens: TokenList, hidden: LexerResult['hidden'], report: LexerResult['report'] } | undefined {
        const scanned = this.scanner?.scanList(text);
        if (scanned && this.retyped) {
            // Read again with misspelt keywords as keywords: a file with one typo is then read predictively, in a fifth of the time.
            const { tokens } = scanned;
            for (const [offset, tokenType] of this.retyped) {
                const index = tokenAt(tokens.offsets.subarray(0, tokens.count), offset);
                if (index >= 0) tokens.types[index] = tokenType.tokenTypeIdx!;
            }
        }
        return scanned && { ...scanned, report: this.tokenBuilder.flushLexingReport?.(text) };
    }

    /** The text with long runs of unreadable characters blanked out, and a lexer error for each run. */
    private skipUnreadableRuns(text: string): { readable: string, skipped: LexingError[] } {
        const skipped: LexingError[] = [];
        const pieces: string[] = [];
        let copied = 0;
        let line = 1;
        let lineStart = 0;
        const canStart = (code: number) => code < 128 && this.starts[code] === 1;
        for (let index = 0; index < text.length;) {
            const code = text.charCodeAt(index);
            if (code === 10 || code === 13) { // lines as the protocol counts them: \r\n, \n or a lone \r
                if (code === 13 && text.charCodeAt(index + 1) === 10) index++;
                line++;
                lineStart = ++index;
            } else if (code === 34) { // a quoted text: anything goes up to its closing quote on the same line
                index = quoteEnd(text, index);
            } else if (code === 47 && text.charCodeAt(index + 1) === 47) { // a line comment
                index = lineEnd(text, index);
            } else if (code === 47 && text.charCodeAt(index + 1) === 42) { // a block comment
                const end = text.indexOf('*/', index + 2);
                const stop = end < 0 ? text.length : end + 2;
                for (let inner = index; inner < stop; inner++) {
                    if (!endsLine(text, inner)) continue;
                    line++;
                    lineStart = inner + 1;
                }
                index = stop;
            } else if (canStart(code)) {
                index++;
            } else {
                let end = index + 1;
                while (end < text.length && !canStart(text.charCodeAt(end))) end++;
                if (end - index >= MIN_SKIPPED_RUN) {
                    pieces.push(text.slice(copied, index), ' '.repeat(end - index));
                    copied = end;
                    skipped.push({ offset: index, length: end - index, line, column: index - lineStart + 1, message: runMessage(text, index, end) });
                }
                index = end;
            }
        }
        if (skipped.length === 0) return { readable: text, skipped };
        pieces.push(text.slice(copied));
        return { readable: pieces.join(''), skipped };
    }
}

/** After the quote that closes the one at `start` on its line (escapes skipped), or the end of the line. */
function quoteEnd(text: string, start: number): number {
    for (let index = start + 1; index < text.length; index++) {
        const code = text.charCodeAt(index);
        if (code === 92) {
            const next = text.charCodeAt(index + 1);
            if (next === 10 || next === 13) return index + 1;
            index++;
        } else if (code === 34) {
            return index + 1;
        } else if (code === 10 || code === 13) {
            return index;
        }
    }
    return text.length;
}

function runMessage(text: string, start: number, end: number): string {
    const shown = [...text.slice(start, Math.min(end, start + 40))].slice(0, 20).join('');
    return `\`${shown}…\` (${formatCount(end - start)} characters in a row) is not part of the Mandate language. Delete it, or put it inside a quoted text.`;
}

/**
 * What a word that stands for a keyword is read as when it is joined: `tokenType` (the keyword's)
 * from `offset` to `end`, at `line` and `column` (1-based, as Chevrotain counts).
 */
export interface JoinedWord {
    readonly end: number;
    readonly tokenType: TokenType;
    readonly line: number;
    readonly column: number;
}

/**
 * `tokens` with the pieces of each joined word (`rôle` lexes as `r` and `le` around an error) replaced
 * by one token of its keyword over the whole word. One pass: a large file may have many such words.
 */
function joinWords(tokens: IToken[], joined: ReadonlyMap<number, JoinedWord>, text: string): IToken[] {
    const words = [...joined].sort(([a], [b]) => a - b);
    const result: IToken[] = [];
    let next = 0;
    for (const token of tokens) {
        while (next < words.length && words[next][1].end <= token.startOffset) result.push(joinedToken(words[next++], text));
        const word = words[next];
        if (word && token.startOffset >= word[0] && token.startOffset < word[1].end) continue;
        result.push(token);
    }
    while (next < words.length) result.push(joinedToken(words[next++], text));
    return result;
}

function joinedToken([offset, word]: readonly [number, JoinedWord], text: string): IToken {
    const image = text.slice(offset, word.end);
    return {
        image, startOffset: offset, endOffset: word.end - 1, startLine: word.line, endLine: word.line,
        startColumn: word.column, endColumn: word.column + image.length - 1, tokenType: word.tokenType, tokenTypeIdx: word.tokenType.tokenTypeIdx!
    };
}

/** The index of the token (of `tokens`, or of their start offsets, in text order) that starts at `offset`, or -1. */
function tokenAt(tokens: readonly IToken[] | Int32Array, offset: number): number {
    let low = 0;
    let high = tokens.length - 1;
    while (low <= high) {
        const middle = (low + high) >> 1;
        const token = tokens[middle];
        const start = typeof token === 'number' ? token : token.startOffset;
        if (start === offset) return middle;
        if (start < offset) low = middle + 1;
        else high = middle - 1;
    }
    return -1;
}
