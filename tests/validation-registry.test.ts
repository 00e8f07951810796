import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import { describe, expect, it, vi } from 'vitest';
import type { MandateAstType, Person } from '../language/generated/ast.js';
import { createMandateServices } from '../language/mandate-module.js';
import { AS_OF, CLEAN_POLICY } from './helpers.js';

/** CLEAN_POLICY checked with extra node checks registered next to Mandate's rules. */
async function checkWith(register: (services: ReturnType<typeof createMandateServices>['Mandate']) => void): Promise<LangiumDocument[]> {
    const { shared, Mandate } = createMandateServices(EmptyFileSystem);
    shared.mandate.Settings.setAsOf(AS_OF);
    register(Mandate);
    const documents = Object.entries(CLEAN_POLICY).map(([name, text]) => {
        const document = shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse(`file:///ws/${name}`));
        shared.workspace.LangiumDocuments.addDocument(document);
        return document;
    });
    await shared.workspace.DocumentBuilder.build(documents, { validation: true });
    return documents;
}

const messages = (documents: LangiumDocument[]) => documents.flatMap(document => (document.diagnostics ?? []).map(diagnostic => diagnostic.message));

describe('node checks run synchronously, once per node', () => {
    it('runs each check once on each node of its type, and only on those', async () => {
        const seen: string[] = [];
        const documents = await checkWith(services => services.validation.ValidationRegistry.register<MandateAstType>({
            Person: (person: Person) => { seen.push(person.name); },
            Role: [() => { seen.push('role'); }, () => { seen.push('role again'); }]
        }));
        expect(seen.sort()).toEqual(['jane', 'role', 'role', 'role again', 'role again']);
        expect(messages(documents)).toEqual([]);
    });

    it('turns a check that throws, or whose promise fails, into a finding on the node, and the other checks still run', async () => {
        const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
        try {
            const documents = await checkWith(services => services.validation.ValidationRegistry.register<MandateAstType>({
                Person: () => { throw new Error('boom'); },
                Role: async role => { if (role.name === 'ciso') throw new Error('later'); },
                Organization: (_organization, accept) => accept('warning', 'still checked', { node: _organization })
            }));
            const people = documents.find(document => document.uri.path.endsWith('people.mandate'))!;
            expect(people.diagnostics?.map(diagnostic => [diagnostic.message, diagnostic.range.start.line])).toEqual([['An error occurred during validation: boom', 1]]);
            expect(messages(documents)).toEqual(expect.arrayContaining(['An error occurred during validation: later', 'still checked']));
        } finally {
            error.mockRestore();
        }
    });
});
