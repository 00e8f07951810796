import type { AstNode, LangiumParser, ParseResult, ParserOptions } from 'langium';
import type { IRecognitionException, TokenType } from 'chevrotain';
import { readingLimitsOf } from './mandate-bounded-parser.js';
import type { JoinedWord, MandateLexer } from './mandate-lexer.js';
import type { MandateLexerErrorMessageProvider } from './mandate-lexer-error-messages.js';
import type { MandateParserErrorMessageProvider } from './mandate-parser-error-messages.js';

/**
 * Readings of a file after the first, at most: error recovery skips a whole declaration, so a typo
 * after it shows only in the next reading; a word that is no misspelt keyword costs a reading of its own.
 */
const MAX_REREADINGS = 6;

/**
 * Characters re-read per parse, at most, beyond one re-reading: a large file re-read six times would
 * hold every request for seconds per keystroke (6.5 MB take ~2 s to read with errors). Exported for the tests.
 */
export const REREAD_CHARACTERS = 8_000_000;

/** How many times a text of `length` characters may be read again: at least once, fewer the larger it is. */
export function rereadingsFor(length: number): number {
    return Math.max(1, Math.min(MAX_REREADINGS, Math.floor(REREAD_CHARACTERS / Math.max(1, length))));
}

/**
 * A misspelt keyword whose syntax error names the keyword it misspells (`asign priya-nair to ciso …`,
 * `since 2024-03-01 apointed by board`, `evidance "…"` in a block) is reported, and the declaration
 * is then read as if it were spelt right. Error recovery would skip the declaration, or its rest, up
 * to the next declaration, and the policy would lose what it says: one typo in acme's assignments
 * made the CISO role vacant and gave 55 findings besides the one syntax error (ciso-vacant,
 * raci-accountable, control-owner-missing, …), all of them about a declaration that is there. The
 * file still has its syntax error, so a check still fails; the other findings are the ones the
 * declaration, spelt right, gives.
 *
 * The file is read again with each such word read as the keyword its message suggests, and that
 * reading is kept only if it has no more other errors than the reading before: when a word was not
 * a misspelt keyword (the rest does not read as that declaration either), the reading before is kept.
 *
 * A keyword written with an accent (`rôle`) is a lexer error, and its pieces (`r`, `le`) then make
 * the parser skip the declaration as well. Such words are read as their keyword first, all at once
 * and then one at a time, and a reading is kept only if it has fewer syntax errors: the lexer error
 * stays, with the message that names the keyword.
 */
export function withKeywordTypoRecovery(
    parser: LangiumParser, lexer: MandateLexer, messages: MandateParserErrorMessageProvider, lexerMessages: MandateLexerErrorMessageProvider
): LangiumParser {
    const parse = parser.parse.bind(parser);
    /** A reading of the file, with its errors at misspelt keywords apart from the others. */
    const read = <T extends AstNode>(input: string, options: ParserOptions, retyped: ReadonlyMap<number, TokenType> | undefined, joined?: ReadonlyMap<number, JoinedWord>) => {
        messages.takeKeywordTypos();
        lexerMessages.takeKeywordWords();
        lexer.retyped = retyped;
        lexer.joined = joined;
        let result: ParseResult<T>;
        try {
            result = parse<T>(input, options);
        } finally {
            lexer.retyped = undefined;
            lexer.joined = undefined;
        }
        const typos = new Map<number, TokenType>();
        for (const typo of messages.takeKeywordTypos()) {
            const keyword = lexer.definition[typo.keyword];
            if (keyword) typos.set(typo.offset, keyword);
        }
        const words = new Map<number, JoinedWord>();
        for (const [offset, word] of lexerMessages.takeKeywordWords()) {
            const tokenType = lexer.definition[word.keyword];
            if (tokenType) words.set(offset, { end: word.end, tokenType, line: word.line, column: word.column });
        }
        const typoErrors = result.parserErrors.filter(error => typos.has(error.token.startOffset));
        return { result, typos, words, typoErrors, others: result.parserErrors.length - typoErrors.length };
    };
    (parser as { parse: LangiumParser['parse'] }).parse = <T extends AstNode = AstNode>(input: string, options: ParserOptions = {}): ParseResult<T> => {
        let best = read<T>(input, options, undefined);
        // A file so full of errors that the parser stopped reading it is left as read (mandate-bounded-parser.ts).
        if ((best.typoErrors.length === 0 && best.words.size === 0) || options.rule !== undefined || readingLimitsOf(best.result)?.stoppedAt) return best.result;
        const retyped = new Map<number, TokenType>();
        const joined = new Map<number, JoinedWord>();
        const reported: IRecognitionException[] = [];
        const refused = new Set<number>();
        let rereadings = 0;
        const allowed = rereadingsFor(input.length);
        /**
         * Reads the file with `words` as one keyword token each too; keeps that reading if it has fewer
         * other errors, or as many and fewer at misspelt keywords (`assigñ` reads as a misspelt `assig`).
         */
        const join = (words: ReadonlyArray<readonly [number, JoinedWord]>): boolean => {
            rereadings++;
            const reading = read<T>(input, options, retyped, new Map([...joined, ...words]));
            const better = reading.others < best.others || (reading.others === best.others && reading.typoErrors.length < best.typoErrors.length);
            if (!better || readingLimitsOf(reading.result)?.stoppedAt) return false;
            for (const [offset, word] of words) joined.set(offset, word);
            best = reading;
            return true;
        };
        const words = [...best.words];
        if (words.length > 0 && !join(words) && words.length > 1) {
            for (const word of words) {
                if (rereadings >= allowed) break;
                join([word]);
            }
        }
        /** Reads the file with `errors`' words as keywords too; keeps that reading if it has no more other errors. */
        const attempt = (errors: readonly IRecognitionException[]): boolean => {
            rereadings++;
            const next = new Map(retyped);
            for (const error of errors) next.set(error.token.startOffset, best.typos.get(error.token.startOffset)!);
            const reading = read<T>(input, options, next, joined);
            if (reading.others > best.others || readingLimitsOf(reading.result)?.stoppedAt) return false;
            reported.push(...errors);
            for (const [offset, keyword] of next) retyped.set(offset, keyword);
            best = reading;
            return true;
        };
        while (rereadings < allowed) {
            const pending = best.typoErrors.filter(error => !refused.has(error.token.startOffset));
            if (pending.length === 0) break;
            if (attempt(pending)) continue;
            if (pending.length === 1) refused.add(pending[0].token.startOffset);
            // One of them was no misspelt keyword: each is tried alone.
            else for (const error of pending) {
                if (rereadings >= allowed) break;
                if (attempt([error])) break;
                refused.add(error.token.startOffset);
            }
        }
        if (reported.length === 0) return best.result;
        // The typos read as keywords stay errors, with the messages that name the keywords, in text order with the others.
        const errors = best.result.parserErrors;
        errors.push(...reported);
        errors.sort((a, b) => a.token.startOffset - b.token.startOffset);
        return best.result;
    };
    return parser;
}
