/**
 * The token scanner (language/mandate-token-scanner.ts) must read every text it reads into exactly
 * the tokens Chevrotain's lexer gives: the same types, images, offsets, lines and columns, the same
 * comments, in the same order. Without an error callback it must decline every text in which
 * Chevrotain finds an error; with one, it reads such a text as Chevrotain's error recovery does (the
 * same errors, at the same places, with the same messages). Compared here
 * on the examples, the crash inputs, the fuzz regressions, generated workspaces, and random soups of
 * the pieces that make the patterns hard: keywords that begin longer names, requirement IDs that begin
 * with a keyword, dates that run on, escapes, comments and every kind of line break.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EmptyFileSystem, type LexerResult } from 'langium';
import { describe, expect, it } from 'vitest';
import type { MandateLexer } from '../language/mandate-lexer.js';
import { TokenScanner } from '../language/mandate-token-scanner.js';
import { createMandateServices } from '../language/mandate-module.js';
import { generateWorkspace } from './fuzz/grammar-generator.js';
import { Random } from './random-edits.js';

type Token = LexerResult['tokens'][number];
interface ChevrotainResult { tokens: Token[]; errors: unknown[]; groups: Record<string, Token[]> }

const parser = createMandateServices(EmptyFileSystem).Mandate.parser;
const lexer = parser.Lexer as MandateLexer;
/** The error messages count per text, and stop Chevrotain after a hundred: each text starts a new count. */
const messages = parser.LexerErrorMessageProvider as unknown as { startText(): void };
/** Chevrotain's own lexer, which the Mandate lexer makes for the first text the scanner declines (and here, at once). */
const chevrotain = (lexer as unknown as { chevrotain: { chevrotainLexer: { tokenize(text: string): ChevrotainResult } } }).chevrotain.chevrotainLexer;
const CRASHES = fileURLToPath(new URL('../../shared/crashes/', import.meta.url));

function policyFiles(folder: string): string[] {
    return readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter(name => name.endsWith('.mandate')).map(name => join(folder, name));
}

const plain = (token: Token) => ({ ...token, tokenType: token.tokenType.name });

const provider = parser.LexerErrorMessageProvider;

/** The scanner reads `text` with its lexing errors into Chevrotain's tokens, comments and errors. */
function expectSameReadingWithErrors(text: string): void {
    const errors: unknown[] = [];
    messages.startText();
    const scanned = lexer.scanner!.scan(text, (offset, length, line, column) => {
        errors.push({ offset, line, column, length, message: provider.buildUnexpectedCharactersMessage(text, offset, length, line, column) });
    });
    messages.startText();
    const reference = chevrotain.tokenize(text);
    const where = JSON.stringify(text.slice(0, 80));
    expect(scanned, `read ${where}`).toBeDefined();
    expect(errors, `the errors of ${where}`).toEqual(reference.errors);
    expect(scanned!.tokens.map(plain), `the tokens of ${where}`).toEqual(reference.tokens.map(plain));
    expect(scanned!.hidden.map(plain), `the comments of ${where}`).toEqual((reference.groups.hidden ?? []).map(plain));
}

/** Whether the scanner read `text`; when it did, its tokens are Chevrotain's, and so is what the lexer returns. */
function expectSameTokens(text: string): boolean {
    expectSameReadingWithErrors(text);
    const scanned = lexer.scanner!.scan(text);
    messages.startText();
    const reference = chevrotain.tokenize(text);
    if (!scanned) return false;
    const where = JSON.stringify(text.slice(0, 80));
    expect(reference.errors, `Chevrotain found no error in ${where}`).toEqual([]);
    expect(scanned.tokens.map(plain), `the tokens of ${where}`).toEqual(reference.tokens.map(plain));
    expect(scanned.hidden.map(plain), `the comments of ${where}`).toEqual((reference.groups.hidden ?? []).map(plain));
    scanned.tokens.forEach((token, index) => expect(token.tokenType).toBe(reference.tokens[index].tokenType));
    const lexed = lexer.tokenize(text);
    expect(lexed.tokens.map(plain)).toEqual(scanned.tokens.map(plain));
    expect(lexed.errors).toEqual([]);
    return true;
}

/** Pieces whose neighbours decide how they are read. */
const PIECES = [
    'role', 'roles', 'role-x', 'to', 'to-do', 'top', 'topmanagement', 'findings', 'finding', 'finding_s', 'day', 'days', 'CISO', 'CISOs',
    'CISO:5.3', 'CISO-x:1', 'ISMS', 'ISMS:A.5(a)(2)', 'ISO27001:5.3(a)', 'ISO27001:A.5.3(b', 'NIST-CSF:GV.RR-02', 'HIPAA:164.308(a)(2)',
    'SOC2:CC1.1.', 'A:', 'X-:1', 'Foo:bar-', 'Abc', 'abc', '_x', 'a--b', 'a-', '-', 'a_b-c_d', 'person', 'assign', 'everyone', 'within',
    '2024-01-01', '2024-01-015', '2024-1-01', '20240-01-01', '12345', '0', '7-', '"text"', '""', '"esc \\" quote"', '"back\\\\"',
    '"unclosed', '"line\nbreak"', '"\\\u2028"', '"\u2028 inside"', '"é ü 😀"', '/* c */', '/* multi\nline */', '/* a\r\nb\rc */',
    '/**/', '/*/', '/*unclosed', '// c', '// é\u2028x', '//', '/', ',', '{', '}', '(', ')', ':', '.', '@', '#', '\u00a0', '\ufeff',
    'é', '\u2028', '\u0085', '\u200b', ' ', '  ', '\t', '\n', '\r\n', '\r', '\n\r', '\v', '\f', '\r\n\r\n', 'a.b', 'A.5', 'x_1', '9a'
];

function soup(random: Random): string {
    const parts: string[] = [];
    // Short soups are often free of lexing errors, long ones rarely.
    for (let index = random.int(random.chance(0.7) ? 6 : 40); index >= 0; index--) {
        parts.push(random.pick(PIECES));
        if (random.chance(0.6)) parts.push(random.pick([' ', '\n', '\r\n', '\t', '\r']));
    }
    return parts.join('');
}

describe('token scanner', () => {
    it('is on for the Mandate grammar, and off for a vocabulary it was not written for', () => {
        expect(lexer.scanner).toBeDefined();
        const vocabulary = Object.values(lexer.definition);
        expect(TokenScanner.for(vocabulary)).toBeDefined();
        const changed = (name: string, change: object) => vocabulary.map(type => type.name === name ? { ...type, ...change } : type);
        // A terminal's pattern, its flags, or its place; a keyword that is a pattern, or in a group; lexer modes.
        expect(TokenScanner.for(changed('ID', { PATTERN: /[a-z]+/ }))).toBeUndefined();
        expect(TokenScanner.for(changed('STRING', { PATTERN: new RegExp((vocabulary.find(type => type.name === 'STRING')!.PATTERN as RegExp).source, 'i') }))).toBeUndefined();
        expect(TokenScanner.for([...vocabulary.slice(0, -2), vocabulary.at(-1)!, vocabulary.at(-2)!])).toBeUndefined();
        expect(TokenScanner.for(changed('role', { PATTERN: /role/ }))).toBeUndefined();
        expect(TokenScanner.for(changed('role', { GROUP: 'hidden' }))).toBeUndefined();
        expect(TokenScanner.for(changed('WS', { GROUP: 'hidden' }))).toBeUndefined();
        expect(TokenScanner.for(changed('role', { PUSH_MODE: 'other' }))).toBeUndefined();
    });

    it('never makes Chevrotain\'s lexer for the Mandate grammar: the scanner reads every text, with its errors too', () => {
        // Making Chevrotain's lexer analyses every token pattern (~13 ms of a start).
        const fresh = createMandateServices(EmptyFileSystem).Mandate.parser;
        const made = () => (fresh.Lexer as unknown as { chevrotainBacked?: unknown }).chevrotainBacked !== undefined;
        expect(fresh.LangiumParser.parse('role ciso "CISO"\n').parserErrors).toEqual([]);
        expect(fresh.LangiumParser.parse('\ufeffrole ciso\u00a0"CISO"\n').parserErrors).toEqual([]);
        const lexed = fresh.Lexer.tokenize('role ciso "CISO" @\u00a0\n');
        expect(lexed.errors).toHaveLength(1);
        const definition = Object.values(fresh.Lexer.definition);
        for (const token of lexed.tokens) expect(definition).toContain(token.tokenType);
        expect(fresh.LangiumParser.parse('rôle ciso "CISO" @\n').lexerErrors).toHaveLength(2);
        expect(made()).toBe(false);
    });

    it('reads a text with lexing errors as Chevrotain does, through the lexer too, the reading limit included', () => {
        const texts = ['role a "A" @', 'role a "A" /* open', 'role a "unclosed\nperson p "P"', 'rôle a', 'a - b', 'a\u0085b', '§§ role ¶ a "A" @@ # b', 'é', '@',
            'x "\\\u2028"', 'role @\u00a0a', '@ \ufeff', '@\u3000\u2028\r\n\u00a0x'];
        for (const text of texts) expectSameReadingWithErrors(text);
        // Past the message budget the lexer stops, and reads the text before the error it stopped at.
        const noisy = 'role a "A" @\n'.repeat(300);
        const lexed = lexer.tokenize(noisy);
        messages.startText();
        expect(lexer.stoppedAt).toBeDefined();
        expect(lexed.errors.length).toBeLessThan(300);
        expect(lexed.tokens.at(-1)!.startOffset).toBeLessThan(lexer.stoppedAt!);
    });

    it('reads every example as Chevrotain does', () => {
        const files = policyFiles(fileURLToPath(new URL('../examples/', import.meta.url)));
        expect(files.length).toBeGreaterThan(5);
        // Every example is plain ASCII outside its texts and comments, with no lexing error: none is left to Chevrotain.
        for (const file of files) expect(expectSameTokens(readFileSync(file, 'utf8')), file).toBe(true);
    });

    it('reads generated workspaces and the fuzz regressions as Chevrotain does', () => {
        const random = new Random(8817);
        let read = 0;
        let texts = 0;
        for (let run = 0; run < 40; run++) {
            for (const text of Object.values(generateWorkspace(random))) {
                texts++;
                if (expectSameTokens(text)) read++;
            }
        }
        // The generator writes hostile names and characters too: those files go to Chevrotain.
        expect(read).toBeGreaterThan(texts / 4);
        for (const file of policyFiles(fileURLToPath(new URL('./fuzz/regressions/', import.meta.url)))) expectSameTokens(readFileSync(file, 'utf8'));
    });

    it('reads the inputs that crashed 0.1.0 as Chevrotain does, or leaves them to it', ctx => {
        if (!existsSync(CRASHES)) ctx.skip();
        for (const file of policyFiles(CRASHES)) expectSameTokens(readFileSync(file, 'utf8'));
    });

    it('reads random soups of hard pieces as Chevrotain does, with their lexing errors or without', () => {
        const random = new Random(4242);
        let read = 0;
        let declined = 0;
        for (let run = 0; run < 4000; run++) {
            const text = soup(random);
            if (expectSameTokens(text)) {
                read++;
            } else {
                declined++;
            }
        }
        // Both paths are exercised often.
        expect(read).toBeGreaterThan(150);
        expect(declined).toBeGreaterThan(1000);
    });

    it('declines a text exactly where Chevrotain finds an error, and reads blanks outside ASCII between tokens', () => {
        for (const text of ['role a "A" @', 'role a "A" /* open', 'role a "unclosed', 'a - b', 'x "\\\u2028"', 'rôle a']) {
            expect(lexer.scanner!.scan(text), JSON.stringify(text)).toBeUndefined();
        }
        const texts = ['role a "Aé 😀" // ü\u2028', '/* \u00a0 */ role a', 'role a "A" /* c */\r\n// d\r', 'role\u00a0a', '\ufeffrole a "A"', 'role a "A"\u2028',
            'role a\u2028\u2029"A"\r\n\u3000\u00a0 role b', ' \u00a0\n\u00a0 \r\n\u00a0x'];
        for (const text of texts) expect(expectSameTokens(text), JSON.stringify(text)).toBe(true);
    });

    it('reads a text with more tokens than its length usually holds, and texts after it, as Chevrotain does', () => {
        // A token per character or two: more than the list is first made for (mandate-token-list.ts), so it grows.
        const dense = ['a,'.repeat(6000), '{}'.repeat(5000), 'x{y}'.repeat(3000)];
        for (const text of dense) expect(expectSameTokens(text), text.slice(0, 8)).toBe(true);
        expect(lexer.scanner!.scanList(dense[0])!.tokens.count).toBe(12000);
        // Later texts are read into the columns the last one left, or into new ones when a text needs more room.
        for (const text of ['role a "A"', 'x'.repeat(50) + ' y'.repeat(20000), 'role b "B" { reports to a }']) expect(expectSameTokens(text)).toBe(true);
    });

    it('counts lines and columns across every kind of line break, in blanks and in block comments', () => {
        const text = 'role a "A"\r\n\r\n  role b "B"\r/* x\n y\r\n z */ role c\n/*\n*/\n\tperson p "P" /* one\n*/';
        expect(expectSameTokens(text)).toBe(true);
        const last = lexer.scanner!.scan(text)!.hidden.at(-1)!;
        expect([last.startLine, last.startColumn, last.endLine, last.endColumn]).toEqual([9, 15, 10, 2]);
    });
});
