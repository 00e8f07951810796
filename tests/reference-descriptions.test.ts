import { describe, expect, it, vi } from 'vitest';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DefaultIndexManager, DefaultReferenceDescriptionProvider, DefaultReferences, UriUtils, type ReferenceDescription } from 'langium';
import { compareStrings } from '../language/util/compare.js';
import { ReferenceIndexManager } from '../language/workspace/reference-index-manager.js';
import { syntaxNodes } from '../language/util/syntax-nodes.js';
import { MandateReferenceDescriptionProvider } from '../language/mandate-reference-descriptions.js';
import { generateWorkspace } from './fuzz/grammar-generator.js';
import { readTextFolder } from './folder-helpers.js';
import { Random } from './random-edits.js';
import { Workspace } from './workspace-helpers.js';

/**
 * The reference index (find references, rename) is recorded by MandateReferenceDescriptionProvider,
 * a faster walk than Langium's: it must record exactly what Langium's would, in the same order.
 * The server's index (ReferenceIndexManager) keeps a summary per document and makes the entries a
 * request asks for then: every answer must be Langium's index's, entries and order alike.
 */
const EXAMPLES = fileURLToPath(new URL('../examples/', import.meta.url));

async function compareAll(workspace: Workspace): Promise<number> {
    const services = workspace.shared.ServiceRegistry.all[0];
    expect(services.workspace.ReferenceDescriptionProvider).toBeInstanceOf(MandateReferenceDescriptionProvider);
    const langiums = new DefaultReferenceDescriptionProvider(services);
    let count = 0;
    for (const document of workspace.shared.workspace.LangiumDocuments.all) {
        const ours = await services.workspace.ReferenceDescriptionProvider.createDescriptions(document);
        expect(ours).toEqual(await langiums.createDescriptions(document));
        count += ours.length;
    }
    await compareIndex(workspace);
    return count;
}

/** Documents come in the order each index first saw them; within a document, entries keep their order. */
function bySource(entries: ReferenceDescription[]): ReferenceDescription[] {
    return [...entries].sort((a, b) => compareStrings(a.sourceUri.toString(), b.sourceUri.toString()));
}

/** Langium's own index, filled from Langium's walk, against the server's for every node and every document. */
async function compareIndex(workspace: Workspace): Promise<void> {
    const shared = workspace.shared;
    const services = shared.ServiceRegistry.all[0];
    const ours = shared.workspace.IndexManager;
    expect(ours).toBeInstanceOf(ReferenceIndexManager);
    const langiums = new DefaultIndexManager(shared);
    const documents = shared.workspace.LangiumDocuments.all.toArray();
    const walk = new DefaultReferenceDescriptionProvider(services);
    for (const document of documents) {
        (langiums as unknown as { referenceIndex: Map<string, unknown> }).referenceIndex.set(document.uri.toString(), await walk.createDescriptions(document));
    }
    const references = services.references.References;
    const langiumsReferences = new DefaultReferences(services);
    let found = 0;
    for (const document of documents) {
        for (const node of syntaxNodes(document.parseResult.value)) {
            const path = services.workspace.AstNodeLocator.getAstNodePath(node);
            const expected = bySource(langiums.findAllReferences(node, path).toArray());
            expect(bySource(ours.findAllReferences(node, path).toArray())).toEqual(expected);
            found += expected.length;
            // A search in one document (a highlight's) gives Langium's answer from that document, the declaration included only there,
            // and then the announcements' audiences written as the name, which are no cross-references (audience-references.test.ts).
            for (const documentUri of expected.length > 0 ? documents.map(other => other.uri) : []) {
                for (const includeDeclaration of [true, false]) {
                    const langiumsInDocument = langiumsReferences.findReferences(node, { documentUri, includeDeclaration }).filter(entry => UriUtils.equals(entry.sourceUri, documentUri));
                    const referencesInDocument = references.findReferences(node, { documentUri, includeDeclaration }).filter(entry => !/\/announcements@\d+$/.test(entry.sourcePath));
                    expect(referencesInDocument.toArray()).toEqual(langiumsInDocument.toArray());
                }
            }
        }
        for (const changed of documents) {
            const uris = new Set([changed.uri.toString()]);
            expect(ours.isAffected(document, uris)).toBe(langiums.isAffected(document, uris));
        }
    }
    // Every entry is some node's reference, so the answers together hold them all.
    const entries = [...(langiums as unknown as { referenceIndex: Map<string, unknown[]> }).referenceIndex.values()].reduce((sum, list) => sum + list.length, 0);
    expect(found).toBe(entries);
}

/** Compares after the first build, after the largest file is gone (its references' files relinked), and after it is back. */
async function expectLangiumsDescriptions(files: Record<string, string>): Promise<number> {
    const workspace = await Workspace.open(files);
    const count = await compareAll(workspace);
    const [largest] = Object.entries(files).sort(([, a], [, b]) => b.length - a.length)[0] ?? [];
    if (largest !== undefined) {
        await workspace.delete(largest);
        await compareAll(workspace);
        await workspace.write(largest, files[largest]);
        expect(await compareAll(workspace)).toBe(count);
    }
    return count;
}

describe('the reference index entries', () => {
    it('are Langium\'s for every example', async () => {
        const folders = [`${EXAMPLES}acme`, ...readdirSync(`${EXAMPLES}findings`).map(name => `${EXAMPLES}findings/${name}`)];
        let count = 0;
        for (const folder of folders) count += await expectLangiumsDescriptions(readTextFolder(folder, path => path.endsWith('.mandate')));
        expect(count).toBeGreaterThan(500);
    });

    it('are Langium\'s for generated workspaces, broken references and syntax errors included', async () => {
        const random = new Random(4411);
        for (let round = 0; round < 15; round++) await expectLangiumsDescriptions(generateWorkspace(random));
    });
});

describe('a search for references in one document', () => {
    it('makes the entries of that document only, however many others refer to the declaration', async () => {
        const teams = Object.fromEntries(Array.from({ length: 5 }, (_, index) => [`team-${index}.mandate`, `role lead-${index} "Lead ${index}" { reports to ceo }\n`]));
        const workspace = await Workspace.open({ 'organization.mandate': 'role ceo "CEO"\nrole cfo "CFO" { reports to ceo }\n', ...teams });
        const services = workspace.shared.ServiceRegistry.all[0];
        const organization = workspace.document('organization.mandate');
        const ceo = syntaxNodes(organization.parseResult.value).find(node => (node as { name?: string }).name === 'ceo')!;
        const made = vi.spyOn(MandateReferenceDescriptionProvider.prototype, 'descriptionsTo');
        try {
            const found = services.references.References.findReferences(ceo, { documentUri: organization.uri, includeDeclaration: true }).toArray();
            expect(found.map(entry => entry.segment.range.start.line)).toEqual([0, 1]);
            expect(made.mock.calls.map(([document]) => document.uri.toString())).toEqual([organization.uri.toString()]);
        } finally {
            made.mockRestore();
        }
    });
});
