import { AstUtils, EmptyFileSystem, isReference, URI, type AstNode, type LangiumDocument } from 'langium';
import { AbstractSemanticTokenProvider, type SemanticTokenAcceptor } from 'langium/lsp';
import { describe, expect, test } from 'vitest';
import { SemanticTokenModifiers, SemanticTokenTypes } from 'vscode-languageserver';
import { isClaim, isCustomFramework, isCustomRequirement, isOrganization, type Model } from '../language/generated/ast.js';
import { MandateSemanticTokenProvider, SEMANTIC_TOKEN_TYPES } from '../language/lsp/mandate-semantic-tokens.js';
import { LazyCompositeCstNode } from '../language/mandate-composite-cst-node.js';
import { createMandateServices, type MandateServices } from '../language/mandate-module.js';
import { fuzzCase, regressionFixtures } from './fuzz/cases.js';

/**
 * The semantic tokens (language/lsp/mandate-semantic-tokens.ts) are found without making the leaves
 * of every token and without Langium's streams, and are the tokens Langium's own way of finding them
 * gives: this test keeps that way as the reference.
 */
const services: MandateServices = createMandateServices(EmptyFileSystem).Mandate;
let counter = 0;

/** The provider as it was written on Langium's property search and streams. */
class ReferenceProvider extends AbstractSemanticTokenProvider {
    protected override highlightElement(node: AstNode, acceptor: SemanticTokenAcceptor): void {
        const type = SEMANTIC_TOKEN_TYPES[node.$type];
        if (type && (node as { name?: unknown }).name) acceptor({ node, property: 'name' as never, type, modifier: SemanticTokenModifiers.declaration });
        if (isOrganization(node)) {
            // Only its `top management` references below.
        } else if (isClaim(node) && node.framework) {
            acceptor({ node, property: 'framework', type: SemanticTokenTypes.enum });
        } else if (isCustomFramework(node) && node.prefix) {
            acceptor({ node, property: 'prefix', type: SemanticTokenTypes.enum, modifier: SemanticTokenModifiers.declaration });
        } else if (isCustomRequirement(node) && node.id) {
            acceptor({ node, property: 'id', type: SemanticTokenTypes.enumMember, modifier: SemanticTokenModifiers.declaration });
        }
        if (['Responsibility', 'Authority', 'Training', 'Exclusion'].includes(node.$type)) {
            const requirements = (node as { requirements?: unknown }).requirements;
            if (Array.isArray(requirements)) requirements.forEach((_, index) => acceptor({ node, property: 'requirements' as never, index, type: SemanticTokenTypes.enumMember }));
        }
        for (const info of AstUtils.streamReferences(node)) {
            const { reference } = info;
            if (!isReference(reference) || !reference.$refNode) continue;
            const target = reference.ref;
            const referenceType = target ? SEMANTIC_TOKEN_TYPES[target.$type] : ({ Role: SemanticTokenTypes.class, Person: SemanticTokenTypes.variable, Training: SemanticTokenTypes.event } as Record<string, string>)[services.shared.AstReflection.getReferenceType(info)];
            if (referenceType) acceptor({ cst: reference.$refNode, type: referenceType });
        }
    }
}

function documentOf(text: string): LangiumDocument {
    return services.shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse(`memory:///tokens-${counter++}.mandate`));
}

async function tokens(provider: AbstractSemanticTokenProvider, text: string, range?: { start: { line: number; character: number }; end: { line: number; character: number } }): Promise<number[]> {
    const document = documentOf(text);
    const params = { textDocument: { uri: document.uri.toString() } };
    return (range ? await provider.semanticHighlightRange(document, { ...params, range }) : await provider.semanticHighlight(document, params)).data;
}

describe('semantic tokens', () => {
    test('the tokens Langium\'s way of finding them gives, whole documents and ranges, on the fuzz inputs', async () => {
        const ours = new MandateSemanticTokenProvider(services);
        const reference = new ReferenceProvider(services);
        const problems: string[] = [];
        for (const fuzz of [...regressionFixtures(), ...Array.from({ length: 200 }, (_, index) => fuzzCase(13, index))]) {
            for (const [file, text] of Object.entries(fuzz.files)) {
                if (!file.endsWith('.mandate')) continue;
                const lines = text.split('\n').length;
                const range = { start: { line: Math.floor(lines / 3), character: 0 }, end: { line: Math.floor((2 * lines) / 3), character: 0 } };
                for (const part of [undefined, range]) {
                    const [actual, expected] = [await tokens(ours, text, part), await tokens(reference, text, part)];
                    if (JSON.stringify(actual) !== JSON.stringify(expected)) problems.push(`${fuzz.id} ${file}${part ? ' (range)' : ''}`);
                }
            }
        }
        expect(problems.slice(0, 5)).toEqual([]);
    });

    test('makes no leaves for the keywords and values of the file', async () => {
        const document = documentOf('role ciso "CISO" { designated CISO }\nresponsibility r "R" { satisfies ISO27001:5.3, ISO27001:A.5.2 }\n');
        await new MandateSemanticTokenProvider(services).semanticHighlight(document, { textDocument: { uri: document.uri.toString() } });
        for (const declaration of (document.parseResult.value as Model).declarations) {
            expect((declaration.$cstNode as LazyCompositeCstNode).rawChildren.some(child => typeof child === 'number')).toBe(true);
        }
    });
});
