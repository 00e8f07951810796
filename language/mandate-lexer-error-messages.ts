import { DefaultLexerErrorMessageProvider } from 'langium';
import { MAX_LEXER_ERRORS } from './mandate-bounded-parser.js';
import type { GrammarKeywords } from './mandate-grammar-keywords.js';
import { LexingStopped } from './mandate-lexer.js';
import type { MandateServices } from './mandate-module.js';
import { charAt, lexicalSpan } from './util/lexical-spans.js';
import { codePoint, describeCharacter, isInvisible } from './util/visible-text.js';

/** A word that stands for `keyword` but has a letter that is not ASCII, where it is in the text (line and column 1-based, as Chevrotain counts). */
export interface KeywordWord {
    readonly offset: number;
    readonly end: number;
    readonly keyword: string;
    readonly line: number;
    readonly column: number;
}

/** Letters an ASCII name can use instead, where decomposition alone does not find one. */
const ASCII_LETTERS: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ð: 'd', ł: 'l', þ: 'th', ı: 'i' };

/**
 * Lexer errors in the policy author's words. Chevrotain says "unexpected character: ->é<- at
 * offset: 10"; Mandate says what is wrong with the word and how to write it instead.
 */
export class MandateLexerErrorMessageProvider extends DefaultLexerErrorMessageProvider {
    private readonly keywords: GrammarKeywords;

    constructor(services: MandateServices) {
        super();
        this.keywords = services.syntax.GrammarKeywords;
    }

    /** Messages left for the text being lexed: past MAX_LEXER_ERRORS the lexer stops (mandate-lexer.ts). */
    private budget = MAX_LEXER_ERRORS;
    /** Words with a letter that is not ASCII that stand for a keyword (`rôle`), since `takeKeywordWords`. */
    private keywordWords = new Map<number, KeywordWord>();

    /** The words reported as a keyword written with a letter that is not ASCII, by offset, forgotten once taken. */
    takeKeywordWords(): ReadonlyMap<number, KeywordWord> {
        const words = this.keywordWords;
        this.keywordWords = new Map();
        return words;
    }

    /** Called by the lexer before each text. */
    startText(): void {
        this.budget = MAX_LEXER_ERRORS;
    }

    override buildUnexpectedCharactersMessage(fullText: string, startOffset: number, length: number, line?: number, column?: number): string {
        // Past the budget the lexer stops reading the text (MandateLexer): it is not a policy with typos.
        if (this.budget <= 0) throw new LexingStopped(startOffset);
        this.budget--;
        const span = lexicalSpan(fullText, startOffset, length);
        const text = fullText.slice(span.start, span.end);
        const char = charAt(fullText, startOffset);
        switch (span.kind) {
            case 'unclosed-text':
                return `The quoted text that starts ${where(line, column)}is not closed. Add the closing \`"\` on the same line: a quoted text cannot span lines.`;
            case 'unclosed-comment':
                return `The block comment that starts ${where(line, column)}is not closed. Add \`*/\` where it ends, or write \`//\` for a comment to the end of the line: `
                    + 'until then, what follows `/*` is read as policy.';
            case 'typographic-quote':
                return `${describeCharacter(char)} is a typographic quote. Write quoted texts with straight double quotes, e.g. \`${straightQuotes(text)}\`.`;
            case 'typographic-dash':
                return `${describeCharacter(char)} (${codePoint(char)}) is not a hyphen: type \`-\` instead, e.g. \`${text.replace(/[\u2010-\u2015\u2212]/gu, '-')}\`.`;
            case 'invisible': {
                const visible = [...text].filter(c => !isInvisible(c)).join('');
                return `The invisible character ${describeCharacter(char)} is not allowed outside quoted text: it can make the line display differently from what it says. `
                    + (visible ? `Delete it, leaving \`${visible}\`.` : 'Delete it.');
            }
            case 'non-ascii-name': {
                const keyword = this.keywordSpeltAs(text);
                if (!keyword) return this.nonAsciiName(text);
                // A word is on one line: its first character is as many columns before it as characters.
                if (line !== undefined && column !== undefined) {
                    this.keywordWords.set(span.start, { offset: span.start, end: span.end, keyword, line, column: column - (startOffset - span.start) });
                }
                return `\`${text}\` is not a keyword: write \`${keyword}\`.`;
            }
            case 'stray':
                return stray(text);
        }
    }

    /** The keyword `word` is without its accents (`rôle` → `role`); undefined when it is none. */
    private keywordSpeltAs(word: string): string | undefined {
        const ascii = toAscii(word);
        return ascii ? [...this.keywords.words].find(candidate => candidate.toLowerCase() === ascii) : undefined;
    }

    private nonAsciiName(word: string): string {
        const ascii = toAscii(word);
        const rule = `Names are ASCII kebab-case (letters, digits and hyphens), so \`${word}\` cannot be a name`;
        const keep = `and keep the spelling \`${word}\` for the display name in quotes.`;
        if (ascii) return `${rule}. Write \`${ascii}\`, ${keep}`;
        // No accent to drop: another script, or a look-alike of a Latin letter (Cyrillic `р`), shown by its code point.
        const foreign = [...new Set([...word].filter(char => char.charCodeAt(0) > 0x7f))].map(char => `\`${char}\` (${codePoint(char)})`);
        return `${rule}: ${foreign.join(', ')} ${foreign.length > 1 ? 'are not ASCII letters' : 'is not an ASCII letter'}. Write it in ASCII letters, ${keep}`;
    }
}

function where(line: number | undefined, column: number | undefined): string {
    return line === undefined ? '' : `on line ${line}${column === undefined ? '' : `, column ${column}`} `;
}

function straightQuotes(text: string): string {
    // Curly and angle quotes, written as escapes: the bundles are ASCII (esbuild.mjs). “ ” „ ‟ « » ‘ ’ ‚ ‛
    const inner = text.replace(/[\u201C\u201D\u201E\u201F\u00AB\u00BB\u2018\u2019\u201A\u201B"]/gu, '').trim();
    return `"${inner}"`;
}

/** `jösé` → `jose`, `Müller` → `muller`: the kebab-case name without accents; undefined when dropping accents is not enough. */
export function toAscii(word: string): string | undefined {
    const plain = word.normalize('NFD').replace(/\p{M}/gu, '').replace(/./gu, char => ASCII_LETTERS[char.toLowerCase()] ?? char).toLowerCase();
    return /^[a-z_][a-z0-9_]*(-[a-z0-9_]+)*$/.test(plain) ? plain : undefined;
}

function stray(text: string): string {
    if (text.startsWith("'")) return 'Quoted texts use double quotes: write `"…"`, not `\'…\'`.';
    if (text.includes('@')) return `An email address goes in quotes: \`email "${text}"\`.`;
    if (text === ';') return 'Mandate needs no `;` at the end of a line: delete it.';
    return `\`${text}\` is not part of the Mandate language. Delete it, or put it inside a quoted text.`;
}
