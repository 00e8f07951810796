import { DocumentState, isOperationCancelled } from 'langium';
import { describe, expect, it } from 'vitest';
import { builderWorkspace as setUp, settled } from './builder-helpers.js';

/**
 * A request for a document waits until the document reaches the state the request needs
 * (Langium's `waitUntil`). Such a wait must always end: an unanswered request hangs the editor.
 * The stdio fuzz found two ways it did not (tests/lsp-fuzz.test.ts now sends `didClose` too).
 */
describe('requests waiting for a document', () => {
    it('are answered as cancelled when the document is dropped before it is built (a close of a document not on disk)', async () => {
        const { builder, add } = setUp();
        const scratch = add('scratch.mandate', 'role ciso "CISO"\n');
        const wait = builder.waitUntil(DocumentState.Validated, scratch.uri);
        expect(await settled(wait)).toBe('pending');
        await builder.update([], [scratch.uri]);
        expect(await settled(wait)).toBe('rejected');
        // The request handler turns this into the LSP answer 'The request has been cancelled'.
        expect(isOperationCancelled(await wait.catch((error: unknown) => error))).toBe(true);
    });

    it('are answered once a completed build has left their document in the state they wait for, even if the wait missed that phase', async () => {
        const { builder, add } = setUp();
        const roles = add('roles.mandate', 'role ciso "CISO"\n');
        const people = add('people.mandate', 'person jane "Jane Doe"\n');
        const wait = builder.waitUntil(DocumentState.Linked, roles.uri);
        // What a storm of opens, closes and changes did: the document got there, the wait was not told.
        roles.state = DocumentState.Validated;
        expect(await settled(wait)).toBe('pending');
        await builder.build([people], { validation: true });
        expect(await settled(wait)).toBe('resolved');
        await expect(wait).resolves.toEqual(roles.uri);
    });

    it('keep waiting while their document is still short of the state, and are answered when a build gets it there', async () => {
        const { builder, add } = setUp();
        const roles = add('roles.mandate', 'role ciso "CISO"\n');
        const people = add('people.mandate', 'person jane "Jane Doe"\n');
        const wait = builder.waitUntil(DocumentState.Validated, roles.uri);
        await builder.build([people], { validation: true });
        expect(await settled(wait)).toBe('pending');
        await builder.build([roles], { validation: true });
        await expect(wait).resolves.toEqual(roles.uri);
    });
});
