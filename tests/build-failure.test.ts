import { Cancellation, DocumentState, OperationCancelled, type LangiumDocument } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { describe, expect, it } from 'vitest';
import { BuildFailedError } from '../language/workspace/build-failure.js';
import { builderWorkspace, settled } from './builder-helpers.js';

/**
 * A build or update that fails (not cancelled) reaches no later state, and Langium's waits for a
 * state end only when a build reaches it: a rename or code action waiting for the workspace was never
 * answered, for as long as every build failed (the stdio fuzz, seed 4622). Such a wait is now answered
 * with the failure (language/workspace/build-failure.ts), and the next build that succeeds answers as before.
 */
function setUp() {
    const { shared, builder, add } = builderWorkspace();
    let version = 1;
    /** What an editor's change does: the document gets new text, then an update. */
    const edit = (document: LangiumDocument, text: string, cancelToken?: Cancellation.CancellationToken) => {
        shared.workspace.TextDocuments?.set(TextDocument.create(document.uri.toString(), 'mandate', ++version, text));
        return builder.update([document.uri], [], cancelToken);
    };
    const indexer = shared.workspace.IndexManager;
    const updateContent = indexer.updateContent.bind(indexer);
    /** Every build from now fails while it indexes, until `repair`. */
    const breakIndexing = () => { indexer.updateContent = () => Promise.reject(new Error('the index is broken')); };
    const repair = () => { indexer.updateContent = updateContent; };
    /**
     * Edits `document` with its next build stopped where it indexes; there, a wait for the workspace
     * and one for the document start, and are checked to be waiting. The build goes on (`open`) or fails (`fail`).
     */
    const editStoppedWhileIndexing = async (document: LangiumDocument, text: string) => {
        let reached!: () => void;
        let open!: () => void;
        let fail!: (error: Error) => void;
        const hit = new Promise<void>(resolve => { reached = resolve; });
        const gate = new Promise<void>((resolve, reject) => { open = resolve; fail = reject; });
        indexer.updateContent = async (indexed, token) => {
            reached();
            await gate;
            return updateContent(indexed, token);
        };
        const update = edit(document, text);
        await hit;
        const workspaceWait = builder.waitUntil(DocumentState.IndexedReferences);
        const documentWait = builder.waitUntil(DocumentState.Validated, document.uri);
        expect(await settled(workspaceWait)).toBe('pending');
        expect(await settled(documentWait)).toBe('pending');
        return { update, workspaceWait, documentWait, open, fail };
    };
    return { builder, add, edit, breakIndexing, repair, editStoppedWhileIndexing };
}

describe('requests waiting for a build that fails', () => {
    it('waiting for the workspace or a document are answered with the failure, and so are those that start before the next build', async () => {
        const { builder, add, editStoppedWhileIndexing } = setUp();
        const roles = add('roles.mandate', 'role ciso "CISO"\n');
        await builder.build([roles], { validation: true });
        const { update, workspaceWait, documentWait, fail } = await editStoppedWhileIndexing(roles, 'role ciso "Chief Information Security Officer"\n');
        fail(new Error('the index is broken'));
        await expect(update).rejects.toThrow('the index is broken');
        for (const wait of [workspaceWait, documentWait]) {
            const error = await wait.catch((failure: unknown) => failure);
            expect(error).toBeInstanceOf(BuildFailedError);
            expect((error as Error).message).toMatch(/^Mandate could not check the workspace \(the index is broken\); the Mandate output has the details/);
        }
        // Nothing builds until the next update: a request now is answered at once, not left waiting.
        expect(await settled(builder.waitUntil(DocumentState.Linked))).toBe('rejected');
        expect(await settled(builder.waitUntil(DocumentState.Linked, roles.uri))).toBe('rejected');
    });

    it('for a state reached already are answered as Langium answers them', async () => {
        const { builder, add, edit, breakIndexing } = setUp();
        const roles = add('roles.mandate', 'role ciso "CISO"\n');
        const people = add('people.mandate', 'person jane "Jane Doe"\n');
        await builder.build([roles, people], { validation: true });
        breakIndexing();
        // Only people.mandate is updated, and the update fails: roles.mandate keeps its state.
        await expect(edit(people, 'person jane "Jane Roe"\n')).rejects.toThrow('the index is broken');
        await expect(builder.waitUntil(DocumentState.Validated, roles.uri)).resolves.toEqual(roles.uri);
        await expect(builder.waitUntil(DocumentState.Changed)).resolves.toBeUndefined();
    });

    it('wait as before once a build starts again, and are answered when it succeeds', async () => {
        const { builder, add, edit, breakIndexing, repair, editStoppedWhileIndexing } = setUp();
        const roles = add('roles.mandate', 'role ciso "CISO"\n');
        await builder.build([roles], { validation: true });
        breakIndexing();
        await expect(edit(roles, 'role ciso "Chief"\n')).rejects.toThrow('the index is broken');
        repair();
        const { update, workspaceWait, documentWait, open } = await editStoppedWhileIndexing(roles, 'role ciso "Chief Information Security Officer"\n');
        open();
        await update;
        await expect(workspaceWait).resolves.toBeUndefined();
        await expect(documentWait).resolves.toEqual(roles.uri);
    });

    it('a cancelled build is no failure: the waits go on for the build that follows it', async () => {
        const { builder, add, edit } = setUp();
        const roles = add('roles.mandate', 'role ciso "CISO"\n');
        await builder.build([roles], { validation: true });
        const source = new Cancellation.CancellationTokenSource();
        source.cancel();
        await expect(edit(roles, 'role ciso "Chief"\n', source.token)).rejects.toBe(OperationCancelled);
        const wait = builder.waitUntil(DocumentState.Validated, roles.uri);
        expect(await settled(wait)).toBe('pending');
        await edit(roles, 'role ciso "Chief Information Security Officer"\n');
        await expect(wait).resolves.toEqual(roles.uri);
    });
});
