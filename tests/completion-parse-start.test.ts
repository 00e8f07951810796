import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EmptyFileSystem, type LangiumDocument } from 'langium';
import { DefaultCompletionProvider, type NextFeature } from 'langium/lsp';
import { parseHelper } from 'langium/test';
import { describe, expect, it, vi } from 'vitest';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Model } from '../language/generated/ast.js';
import { completionParseStart } from '../language/lsp/completion-parse-start.js';
import { createMandateServices } from '../language/mandate-module.js';
import { buildNow } from '../language/util/lazy-service.js';

type FeatureFinder = { findFeaturesAt(document: TextDocument, offset: number): NextFeature[] };

/** What completion would propose next at `offset`, as comparable data. */
function shapeOf(features: NextFeature[]): string[] {
    return features.map(next => `${next.feature.$type}:${JSON.stringify((next.feature as { value?: string }).value ?? (next.feature as { feature?: string }).feature ?? '')}:${next.type ?? ''}:${next.property ?? ''}`);
}

describe('completion parses from the last top-level statement before the cursor', () => {
    const services = createMandateServices(EmptyFileSystem).Mandate;
    const provider = services.lsp.CompletionProvider as unknown as FeatureFinder;
    const wholeFile = (document: TextDocument, offset: number) => DefaultCompletionProvider.prototype['findFeaturesAt'].call(provider, document, offset) as NextFeature[];
    const parse = parseHelper<Model>(services);

    /** Where tokens start and end (and now and then inside one), at most `samples` places spread over `text`: the same features as parsing the whole file before them. */
    async function expectSameFeatures(text: string, uri: string, samples = Infinity): Promise<number> {
        const document: LangiumDocument<Model> = await parse(text, { documentUri: uri });
        const offsets: number[] = [];
        for (let offset = 0; offset <= text.length; offset++) {
            if (offset === text.length || /\s/.test(text[offset]) !== /\s/.test(text[offset - 1] ?? ' ') || offset % 11 === 0) offsets.push(offset);
        }
        const step = Math.max(1, Math.ceil(offsets.length / samples));
        let shortened = 0;
        for (let index = 0; index < offsets.length; index += step) {
            const offset = offsets[index];
            if (completionParseStart(document, text, offset) > 0) shortened++;
            expect(shapeOf(provider.findFeaturesAt(document.textDocument, offset)), `${uri} at ${offset}`).toEqual(shapeOf(wholeFile(document.textDocument, offset)));
        }
        return shortened;
    }

    it('proposes the same as a whole-file parse everywhere in the acme example', async () => {
        const folder = join(__dirname, '..', 'examples', 'acme');
        let shortened = 0;
        for (const name of readdirSync(folder).filter(file => file.endsWith('.mandate'))) {
            shortened += await expectSameFeatures(readFileSync(join(folder, name), 'utf8'), `file:///acme/${name}`, 250);
        }
        // Most places are past a first statement: the shortcut is taken, and still agrees.
        expect(shortened).toBeGreaterThan(1000);
    }, 120_000);

    it('proposes the same while a statement is half typed, and after a comment', async () => {
        const text = 'role board "Board"\n// the CISO\nperson jane "Jane" { employed since 2020-01-01 }\nassign jane to \n';
        expect(await expectSameFeatures(text, 'file:///ws/half.mandate')).toBeGreaterThan(10);
        const start = completionParseStart(await parse(text, { documentUri: 'file:///ws/half2.mandate' }), text, text.indexOf('to ') + 3);
        expect(text.slice(start).startsWith('assign jane to')).toBe(true);
    });

    it('starts at the start of the file before a syntax error, or when the tree is of another text', async () => {
        const broken = 'role board "Board"\nrole ciso { reports to }\nrole x "X"\nassign ';
        const document = await parse(broken, { documentUri: 'file:///ws/broken.mandate' });
        expect(document.parseResult.parserErrors.length).toBeGreaterThan(0);
        const errorAt = document.parseResult.parserErrors[0].token.startOffset;
        expect(completionParseStart(document, broken, broken.length)).toBeLessThanOrEqual(errorAt);
        expect(await expectSameFeatures(broken, 'file:///ws/broken2.mandate')).toBeGreaterThanOrEqual(0);
        expect(completionParseStart(document, `${broken} `, broken.length)).toBe(0);
        expect(completionParseStart(undefined, broken, broken.length)).toBe(0);
    });
});

describe('completion finds the tokens around the cursor from the statement at the cursor', () => {
    const services = createMandateServices(EmptyFileSystem).Mandate;
    type Backtracker = { backtrackIn?: LangiumDocument; backtrackToAnyToken(text: string, offset: number): unknown };
    const provider = services.lsp.CompletionProvider as unknown as Backtracker;
    const wholeText = (text: string, offset: number) => DefaultCompletionProvider.prototype['backtrackToAnyToken'].call(provider, text, offset);
    const parse = parseHelper<Model>(services);

    it('answers as lexing the whole text does, at the token boundaries of the acme example and of half-typed files', async () => {
        const folder = join(__dirname, '..', 'examples', 'acme');
        const texts = readdirSync(folder).filter(file => file.endsWith('.mandate')).map(name => readFileSync(join(folder, name), 'utf8'));
        texts.push('role board "Board"\n/* a\nblock */ person jane "Jane" { employed since 2020-01-01 }\nassign jane to  ', 'role board "Board"\nrole ciso { reports to }\nassign ');
        let shortened = 0;
        for (const [index, text] of texts.entries()) {
            const document = await parse(text, { documentUri: `file:///ws/backtrack-${index}.mandate` });
            for (let offset = 0; offset <= text.length; offset++) {
                // Every token boundary, and now and then a place inside a token.
                if (offset < text.length && /\s/.test(text[offset]) === /\s/.test(text[offset - 1] ?? ' ') && offset % 5 !== 0) continue;
                if (completionParseStart(document, text, offset) > 0) shortened++;
                provider.backtrackIn = document;
                expect(provider.backtrackToAnyToken(text, offset), `file ${index} at ${offset}`).toEqual(wholeText(text, offset));
                // Read once: a later call without a document lexes the whole text.
                expect(provider.backtrackIn).toBeUndefined();
            }
        }
        expect(shortened).toBeGreaterThan(2000);
    }, 120_000);

    it('lexes the statements around the cursor only, not the rest of a large file', async () => {
        const people = Array.from({ length: 2000 }, (_, index) => `person p-${index} "Person ${index}" { employed since 2020-01-01 }\nrole r-${index} "Role ${index}"\nassign p-${index} to r-${index} since 2022-01-01`);
        const text = `${people.join('\n')}\n`;
        const document = await parse(text, { documentUri: 'file:///ws/large.mandate' });
        // The lexer is a stand-in built on first use (util/lazy-service.ts): spy on the real one.
        const lexer = buildNow(services.parser.Lexer);
        const lexed = vi.spyOn(lexer, 'tokenize');
        try {
            // In the middle, on the first token of a statement (which needs the statement before), at the start and at the end.
            for (const offset of [text.indexOf('assign p-1000 to ') + 'assign p-1000 to '.length, text.indexOf('role r-1000'), text.indexOf('person p-1000'), 3, text.length - 5]) {
                lexed.mockClear();
                provider.backtrackIn = document;
                const answer = provider.backtrackToAnyToken(text, offset);
                const lexedTexts = lexed.mock.calls.map(([lexedText]) => lexedText);
                expect(answer, `at ${offset}`).toEqual(wholeText(text, offset));
                expect(lexedTexts.length, `at ${offset}`).toBeGreaterThan(0);
                for (const lexedText of lexedTexts) expect(lexedText.length, `at ${offset}`).toBeLessThan(300);
            }
        } finally {
            lexed.mockRestore();
        }
    });
});

