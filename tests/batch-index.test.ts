import { EmptyFileSystem, URI } from 'langium';
import { describe, expect, test } from 'vitest';
import { checkSources } from '../language/engine/check-sources.js';
import { createMandateServices } from '../language/mandate-module.js';
import { whatIf, queryContext, ownWorkspace } from '../language/query/index.js';
import { AS_OF, CLEAN_POLICY } from './helpers.js';

const sources = Object.entries(CLEAN_POLICY).map(([name, text]) => ({ uri: `file:///ws/${name}`, text }));

/** The CISO role's node and its path, as Langium's find-references asks for them. */
function cisoOf(shared: ReturnType<typeof createMandateServices>['shared']) {
    const role = shared.mandate.WorkspaceModel.get().roles.find(candidate => candidate.name === 'ciso')!;
    return { role, path: shared.ServiceRegistry.all[0].workspace.AstNodeLocator.getAstNodePath(role) };
}

describe('the reference index of a one-shot run', () => {
    test('a check keeps none, and says so instead of answering "no references"', async () => {
        const { services } = await checkSources(sources, { asOf: AS_OF });
        const { role, path } = cisoOf(services.shared);
        expect(() => services.shared.workspace.IndexManager.findAllReferences(role, path)).toThrow(/batch run keeps no reference index/);
    });

    test('the language server\'s services keep every reference', async () => {
        const { shared } = createMandateServices(EmptyFileSystem);
        shared.mandate.Settings.setAsOf(AS_OF);
        const documents = sources.map(source => shared.workspace.LangiumDocumentFactory.fromString(source.text, URI.parse(source.uri)));
        documents.forEach(document => shared.workspace.LangiumDocuments.addDocument(document));
        await shared.workspace.DocumentBuilder.build(documents, { validation: true });
        const { role, path } = cisoOf(shared);
        const referencing = shared.workspace.IndexManager.findAllReferences(role, path).map(reference => reference.sourceUri.path).toArray();
        expect(referencing).toContain('/ws/people.mandate');
    });

    test('an edit in place relinks without it: a what-if that removes the CISO\'s holder sees the role vacant', async () => {
        const { services } = await checkSources(sources, { asOf: AS_OF });
        const context = queryContext(services.shared);
        const answer = await whatIf(context, { kind: 'vacate', role: 'ciso' }, AS_OF, ownWorkspace(context.shared, context.model.documents));
        expect(answer.vacated.map(role => role.name)).toEqual(['ciso']);
    });
});
