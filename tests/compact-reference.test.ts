/**
 * The linker's references (language/mandate-reference.ts): Langium's, with the description linking
 * sets declared from the start, cleared rather than deleted when a document is unlinked, so that a
 * reference keeps one shape for its life; and once linked, the text is the declared name's.
 */
import type { LangiumDocument } from 'langium';
import { describe, expect, it } from 'vitest';
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
