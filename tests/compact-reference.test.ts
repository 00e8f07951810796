/**
 * The linker's references (language/mandate-reference.ts): Langium's, with the description linking
 * sets declared from the start, cleared rather than deleted when a document is unlinked, so that a
 * reference keeps one shape for its life; once linked, the text is the declared name's; and the
 * leaf of the name, which the predictive parser does not make, is made when first asked for.
 */
import { EmptyFileSystem, GrammarUtils, type AstNode, type CstNode, type LangiumDocument } from 'langium';
import { describe, expect, it } from 'vitest';
import type { Model, Organization, Role } from '../language/generated/ast.js';
import { LazyCompositeCstNode } from '../language/mandate-composite-cst-node.js';
import { createMandateServices } from '../language/mandate-module.js';
import { predictiveParsing } from '../language/mandate-predictive-parser.js';
import { CompactReference } from '../language/mandate-reference.js';
import { Workspace } from './workspace-helpers.js';

const FILES = {
    'organization.mandate': 'organization acme "Acme" { top management board }\nrole board "Board"\nrole ciso "CISO"\nperson jane "Jane"\n',
    'team.mandate': 'assign jane to ciso since 2024-01-01 appointed by board\nassign jane to cisoo since 2024-01-01\n'
};

function referencesOf(document: LangiumDocument): CompactReference[] {
    const references = document.references as unknown[];
    expect(references.length).toBeGreaterThan(0);
    for (const reference of references) expect(reference).toBeInstanceOf(CompactReference);
    return references as CompactReference[];
}

describe('the linker\'s references', () => {
    it('link, unlink and link again with the same own properties, the text staying what the file says', async () => {
        const workspace = await Workspace.open(FILES);
        const document = workspace.shared.workspace.LangiumDocuments.getDocument(workspace.uri('team.mandate'))!;
        const references = referencesOf(document);
        const shape = Object.keys(references[0]);
        expect(shape).toContain('_nodeDescription');
        const texts = references.map(reference => reference.$refText);
        expect(texts).toEqual(['jane', 'ciso', 'board', 'jane', 'cisoo']);
        expect(references.map(reference => reference.$refNode?.text)).toEqual(texts);
        expect(references.map(reference => reference.ref?.$type)).toEqual(['Person', 'Role', 'Role', 'Person', undefined]);
        expect(references[4].error?.message).toContain("No role named 'cisoo'");

        const linker = workspace.shared.ServiceRegistry.getServices(document.uri).references.Linker;
        linker.unlink(document);
        for (const reference of references) {
            expect(Object.keys(reference)).toEqual(shape);
            expect(reference._ref).toBeUndefined();
            expect(reference.$nodeDescription).toBeUndefined();
            // The node kept for `ref` goes with what linking set: a stale one would outlive a relink.
            expect((reference as unknown as { target: unknown }).target).toBeUndefined();
        }
        await linker.link(document);
        expect(document.references).toEqual(references);
        expect(references.map(reference => reference.ref?.$type)).toEqual(['Person', 'Role', 'Role', 'Person', undefined]);
        expect(references.map(reference => reference.$refText)).toEqual(texts);
        expect(references.map(reference => reference.$nodeDescription?.name)).toEqual(['jane', 'ciso', 'board', 'jane', undefined]);
        for (const reference of references) expect(Object.keys(reference)).toEqual(shape);
    });
});

/** The tokens of a statement's node: those still without a leaf are numbers (mandate-composite-cst-node.ts). */
function childrenOf(node: AstNode): ReadonlyArray<CstNode | number> {
    const composite = node.$cstNode;
    if (!(composite instanceof LazyCompositeCstNode)) throw new Error('not a node the predictive parser built');
    return composite.rawChildren;
}

describe('the leaf of a name a reference gives', () => {
    it('is made when first asked, in its node\'s children, and is the one Langium\'s parser makes', () => {
        const text = 'organization acme "Acme" { top management board, ceo }\nrole board "Board"\nrole ceo "CEO"\nrole ciso "CISO" {\n    reports to ceo\n}\n';
        const parser = createMandateServices(EmptyFileSystem).Mandate.parser.LangiumParser;
        const files = predictiveParsing.files;
        const model = parser.parse<Model>(text).value;
        expect(predictiveParsing.files).toBe(files + 1);
        const organization = model.declarations[0] as Organization;
        const ciso = model.declarations[3] as Role;
        // No token of these statements has a leaf yet, names and references included.
        for (const node of [organization, ciso]) expect(childrenOf(node).filter(child => typeof child !== 'number')).toEqual([]);

        // Whether there is a node does not make one.
        expect((ciso.reportsTo as CompactReference).hasRefNode).toBe(true);
        expect(childrenOf(ciso).filter(child => typeof child !== 'number')).toEqual([]);

        const [board, ceo] = organization.topManagement;
        const second = ceo.$refNode!;
        expect(second.text).toBe('ceo');
        // That leaf alone is made, in its place among the node's children.
        expect(childrenOf(organization).filter(child => typeof child !== 'number')).toEqual([second]);
        expect(board.$refNode!.text).toBe('board');
        expect(ceo.$refNode).toBe(second);
        expect(childrenOf(organization).filter(child => typeof child !== 'number')).toEqual([board.$refNode, second]);
        expect(GrammarUtils.findNodeForProperty(ciso.$cstNode, 'name')?.text).toBe('ciso');
        expect(ciso.reportsTo!.$refNode?.text).toBe('ceo');

        // Where Langium's parser puts it, with the same grammar element.
        predictiveParsing.enabled = false;
        try {
            const reference = (parser.parse<Model>(text).value.declarations[0] as Organization).topManagement[1].$refNode!;
            expect([second.offset, second.end, second.grammarSource]).toEqual([reference.offset, reference.end, reference.grammarSource]);
        } finally {
            predictiveParsing.enabled = true;
        }
    });
});
