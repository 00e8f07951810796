import { EmptyFileSystem, URI } from 'langium';
import { describe, expect, it } from 'vitest';
import { createMandateServices } from '../language/mandate-module.js';

/**
 * The workspace's documents keep the list `all` gives between changes
 * (workspace/mandate-langium-documents.ts): every way a document is added or removed must show in
 * the next list, in Langium's order.
 */
describe('the list of all documents', () => {
    it('follows every addition and removal', () => {
        const documents = createMandateServices(EmptyFileSystem).shared.workspace.LangiumDocuments;
        const factory = createMandateServices(EmptyFileSystem).shared.workspace.LangiumDocumentFactory;
        const listed = () => documents.all.map(document => document.uri.path).toArray();
        const add = (path: string) => documents.addDocument(factory.fromString('person a "A"', URI.parse(`file://${path}`)));

        expect(listed()).toEqual([]);
        add('/policy/b.mandate');
        add('/policy/a.mandate');
        add('/policy/team/c.mandate');
        const first = listed();
        expect(first.slice().sort()).toEqual(['/policy/a.mandate', '/policy/b.mandate', '/policy/team/c.mandate']);
        expect(listed()).toEqual(first);
        documents.deleteDocument(URI.parse('file:///policy/b.mandate'));
        expect(listed()).toEqual(first.filter(path => path !== '/policy/b.mandate'));
        add('/policy/d.mandate');
        expect(listed()).toContain('/policy/d.mandate');
        documents.deleteDocuments(URI.parse('file:///policy/team'));
        expect(listed().sort()).toEqual(['/policy/a.mandate', '/policy/d.mandate']);
        documents.invalidateDocument(URI.parse('file:///policy/a.mandate'));
        expect(listed().sort()).toEqual(['/policy/a.mandate', '/policy/d.mandate']);
        documents.deleteDocuments(URI.parse('file:///policy'));
        expect(listed()).toEqual([]);
    });
});
