import type { LexerResult } from 'langium';
import { TokenList, type TokenColumns } from './mandate-token-list.js';
import { asciiClass, blanks, terminals, type Matcher } from './mandate-token-matchers.js';

type IToken = LexerResult['tokens'][number];
type TokenType = IToken['tokenType'];


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
 * tracking does. Outside quoted texts and comments it reads ASCII and the blanks `\s` matches
 * beyond it (a no-break space, a BOM: a large file with one such blank was read by the recovering
 * parser, 1.5 s longer). A text with a lexing error it declines, or, when asked to, reads as
 * Chevrotain's error recovery does (`scanList`'s `onError`). tests/token-scanner.test.ts compares
 * the two on every token and error of many texts.
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
     * recovery does: reading a 6.5 MB file with one such character took Chevrotain ~1 s.
     */
    scanList(text: string, positions = false, onError?: UnreadableCharacters): { tokens: TokenList, hidden: IToken[] } | undefined {
        const tokens = new TokenList(text, this.typeTable, positions, this.spare);
        const hidden: IToken[] = [];
        let offset = 0;
        let line = 1;
        let column = 1;
        while (offset < text.length) {
            const code = text.charCodeAt(offset);
            // No token starts with a character outside ASCII but a blank.
            const unreadable = code >= 128 && !isUnicodeBlank(text, offset);
            // Blanks, a no-break space among them (Chevrotain's `\s+`): only `\n` and `\r` end lines.
            if (!unreadable && (code >= 128 || this.blank[code] === 1)) {
                let end = offset;
                for (let char = code; char < 128 ? this.blank[char] === 1 : isUnicodeBlank(text, end); char = text.charCodeAt(++end)) {
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
            const candidates = unreadable ? NO_CANDIDATES : this.byFirst[code];
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
     * `offset`: the next character some token matches at (a blank outside ASCII too), or the end of the text.
     */
    private resyncAfter(text: string, offset: number): number {
        let at = offset + 1;
        for (; at < text.length; at++) {
            const code = text.charCodeAt(at);
            if (code >= 128) {
                if (isUnicodeBlank(text, at)) return at;
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

const NO_CANDIDATES: readonly Candidate[] = [];

/** Whether the character at `index`, outside ASCII, is one Chevrotain's `\s` (the WS terminal) reads as a blank: a no-break space, a BOM, U+2028. */
function isUnicodeBlank(text: string, index: number): boolean {
    return UNICODE_SPACE.test(text[index] ?? '');
}

const UNICODE_SPACE = /\s/;

/** The most tokens whose columns a scanner keeps for its next text (12 bytes each). */
const MAX_SPARE_TOKENS = 1 << 20;
