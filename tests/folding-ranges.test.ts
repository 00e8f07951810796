import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import { DefaultFoldingRangeProvider } from 'langium/lsp';
import { describe, expect, test } from 'vitest';
import type { FoldingRange } from 'vscode-languageserver';
import type { Model } from '../language/generated/ast.js';
import { MandateFoldingRangeProvider } from '../language/lsp/mandate-folding-ranges.js';
import { LazyCompositeCstNode } from '../language/mandate-composite-cst-node.js';
import { createMandateServices, type MandateServices } from '../language/mandate-module.js';
import { fuzzCase, regressionFixtures } from './fuzz/cases.js';

/**
 * Folding ranges (language/lsp/mandate-folding-ranges.ts): Langium's ranges, found without making a
 * leaf for every token, and the outermost ones first when the editor keeps only so many.
 */
let counter = 0;
// One instance, as in the language server: the compact leaves' table of token kinds is shared by all (mandate-leaf-cst-node.ts).
const services: MandateServices = createMandateServices(EmptyFileSystem).Mandate;

function documentOf(text: string): { services: MandateServices; document: LangiumDocument } {
    const document = services.shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse(`memory:///folding-${counter++}.mandate`));
    return { services, document };
}

function key(range: FoldingRange): string {
    return `${range.startLine}:${range.startCharacter}-${range.endLine}:${range.endCharacter} ${range.kind ?? ''}`;
}

async function both(text: string): Promise<{ mandate: string[]; langium: string[] }> {
    const { services, document } = documentOf(text);
    const params = { textDocument: { uri: document.uri.toString() } };
    const mandate = (services.lsp.FoldingRangeProvider as MandateFoldingRangeProvider).getFoldingRanges(document, params);
    const langium = await new DefaultFoldingRangeProvider(services).getFoldingRanges(document, params);
    return { mandate: mandate.map(key), langium: langium.map(key).sort() };
}

const BLOCKS = `/* A block comment
   over three
   lines */
role ciso "CISO" {
    designated CISO
    responsible for reporting
}
person jane "Jane" {
    email "jane@example.org"
    employed since 2020-01-01
}
assign jane to ciso since 2024-01-01 {
    announced 2024-01-02 via email to everyone {
        evidence "mail"
        evidence "intranet"
    }
}
responsibility reporting "Reporting"
`;

describe('folding ranges', () => {
    test('the ranges Langium gives, declarations, nested blocks and block comments alike', async () => {
        const { mandate, langium } = await both(BLOCKS);
        expect([...mandate].sort()).toEqual(langium);
        expect(mandate).toHaveLength(5);
        const crlf = await both(BLOCKS.replace(/\n/g, '\r\n'));
        expect([...crlf.mandate].sort()).toEqual(crlf.langium);
        expect(crlf.mandate).toEqual(mandate);
    });

    test('the same ranges as Langium on the fuzz inputs', async () => {
        const problems: string[] = [];
        for (const fuzz of [...regressionFixtures(), ...Array.from({ length: 200 }, (_, index) => fuzzCase(5, index))]) {
            for (const [file, text] of Object.entries(fuzz.files)) {
                if (!file.endsWith('.mandate')) continue;
                const { mandate, langium } = await both(text);
                if (JSON.stringify([...mandate].sort()) !== JSON.stringify(langium)) problems.push(`${fuzz.id} ${file}`);
            }
        }
        expect(problems.slice(0, 5)).toEqual([]);
    });

    test('keeps the outermost ranges when the editor keeps only so many, in line order', () => {
        // Each assignment folds (6 lines), and so does its announcement (4 lines) inside it.
        const text = Array.from({ length: 50 }, (_, i) => `assign p${i} to r since 2024-01-01 {\n    announced 2024-01-02 via email to everyone {\n        evidence "a"\n        evidence "b"\n    }\n}\n`).join('');
        const { document } = documentOf(text);
        const provider = new MandateFoldingRangeProvider(services);
        provider.limitTo(10);
        const ranges = provider.getFoldingRanges(document, { textDocument: { uri: document.uri.toString() } });
        expect(ranges.map(range => range.startLine)).toEqual(Array.from({ length: 10 }, (_, i) => i * 6));
        provider.limitTo(undefined);
        expect(provider.getFoldingRanges(document, { textDocument: { uri: document.uri.toString() } })).toHaveLength(100);
    });

    test('makes no leaves for the tokens of the file', () => {
        const { services, document } = documentOf(BLOCKS);
        const person = (document.parseResult.value as Model).declarations[1].$cstNode as LazyCompositeCstNode;
        expect(person.rawChildren.some(child => typeof child === 'number')).toBe(true);
        (services.lsp.FoldingRangeProvider as MandateFoldingRangeProvider).getFoldingRanges(document, { textDocument: { uri: document.uri.toString() } });
        // Langium's provider walks every leaf of the file for block comments: the keywords and values get theirs then.
        expect(person.rawChildren.some(child => typeof child === 'number')).toBe(true);
    });
});
