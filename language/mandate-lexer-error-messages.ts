import { DefaultLexerErrorMessageProvider } from 'langium';
import type { GrammarKeywords } from './mandate-grammar-keywords.js';
import type { MandateServices } from './mandate-module.js';
import { charAt, lexicalSpan } from './util/lexical-spans.js';
import { codePoint, describeCharacter, isInvisible } from './util/visible-text.js';

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

    override buildUnexpectedCharactersMessage(fullText: string, startOffset: number, length: number, line?: number, column?: number): string {
        const span = lexicalSpan(fullText, startOffset, length);
        const text = fullText.slice(span.start, span.end);
        const char = charAt(fullText, startOffset);
        switch (span.kind) {
            case 'unclosed-text':
                return `The quoted text that starts ${where(line, column)}is not closed. Add the closing \`"\` on the same line: a quoted text cannot span lines.`;
            case 'typographic-quote':
                return `${describeCharacter(char)} is a typographic quote. Write quoted texts with straight double quotes, e.g. \`${straightQuotes(text)}\`.`;
            case 'typographic-dash':
                return `${describeCharacter(char)} (${codePoint(char)}) is not a hyphen: type \`-\` instead, e.g. \`${text.replace(/[\u2010-\u2015\u2212]/gu, '-')}\`.`;
            case 'invisible': {
                const visible = [...text].filter(c => !isInvisible(c)).join('');
                return `The invisible character ${describeCharacter(char)} is not allowed outside quoted text: it can make the line display differently from what it says. `
                    + (visible ? `Delete it, leaving \`${visible}\`.` : 'Delete it.');
            }
            case 'non-ascii-name':
                return this.nonAsciiName(text);
            case 'stray':
                return stray(text);
        }
    }

    private nonAsciiName(word: string): string {
        const ascii = toAscii(word);
        const keyword = [...this.keywords.words].find(candidate => candidate.toLowerCase() === ascii.toLowerCase());
        if (keyword) return `\`${word}\` is not a keyword: write \`${keyword}\`.`;
        const suggestion = /^[a-zA-Z_]/.test(ascii) ? ` Write \`${ascii}\`` : ' Write it in ASCII letters';
        return `Names are ASCII kebab-case (letters, digits and hyphens), so \`${word}\` cannot be a name.${suggestion}, and keep the spelling \`${word}\` for the display name in quotes.`;
    }
}

function where(line: number | undefined, column: number | undefined): string {
    return line === undefined ? '' : `on line ${line}${column === undefined ? '' : `, column ${column}`} `;
}

function straightQuotes(text: string): string {
    const inner = text.replace(/[“”„‟«»‘’‚‛"]/gu, '').trim();
    return `"${inner}"`;
}

/** `jösé` → `jose`, `Müller` → `muller`: a kebab-case name close to what was typed. */
export function toAscii(word: string): string {
    return word.normalize('NFD').replace(/\p{M}/gu, '')
        .replace(/./gu, char => ASCII_LETTERS[char.toLowerCase()] ?? char)
        .replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '').replace(/-{2,}/g, '-')
        .toLowerCase();
}

function stray(text: string): string {
    if (text.startsWith("'")) return 'Quoted texts use double quotes: write `"…"`, not `\'…\'`.';
    if (text.includes('@')) return `An email address goes in quotes: \`email "${text}"\`.`;
    if (text === ';') return 'Mandate needs no `;` at the end of a line: delete it.';
    return `\`${text}\` is not part of the Mandate language. Delete it, or put it inside a quoted text.`;
}
