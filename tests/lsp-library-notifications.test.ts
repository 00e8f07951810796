/**
 * Notifications the JSON-RPC library handles itself ($/setTrace, $/progress, $/cancelRequest,
 * $/logTrace), malformed, over stdio to the bundled server (out/server/main.cjs; `npm run bundle`
 * first), raw frames so any params can be sent. Each is logged to the output channel with its
 * method, what is wrong and its params, and dropped: never the library's "Notification handler
 * '$/setTrace' failed with message: Cannot read properties of null (reading 'value')", nothing on
 * stderr, and the server answers afterwards (language/lsp/library-messages.ts). No timing is asserted.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { libraryNotificationProblem } from '../language/lsp/library-messages.js';
import { RawLspPeer } from './fuzz/raw-lsp.js';
import { createWorkspace, removeAllWorkspaces, workspaceUri } from './lsp-client.js';

let peer: RawLspPeer | undefined;

afterEach(async () => {
    await peer?.dispose();
    peer = undefined;
});

afterAll(async () => {
    await removeAllWorkspaces();
});

/** What the library says when it reads params it should not have: an exception, not a message about the client's input. */
const LIBRARY_FAILURE = /failed with message|Cannot read propert|defines \d+ params|received parameters by position|\bundefined\b/;

const dropped = (server: RawLspPeer) => server.logs.filter(line => line.startsWith('Dropped a '));

async function started(): Promise<{ server: RawLspPeer; uri: string }> {
    const folder = await createWorkspace({ 'roles.mandate': 'role ciso "Chief Information Security Officer"\n' });
    peer = await RawLspPeer.start(folder, { mandate: { asOf: '2025-06-30' } });
    return { server: peer, uri: workspaceUri(folder, 'roles.mandate') };
}

/** The server still answers a hover on the policy. */
async function expectAnswers(server: RawLspPeer, uri: string): Promise<void> {
    const hover = await server.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 6 } });
    expect(JSON.stringify(hover.result)).toContain('Chief Information Security Officer');
    expect(server.exit).toBeUndefined();
    expect(server.stderr).toBe('');
}

describe('notifications the JSON-RPC library handles itself', () => {
    it('$/setTrace with malformed params is logged with what is wrong and dropped; a valid one is not', { timeout: 120_000 }, async () => {
        const { server, uri } = await started();
        for (const params of [null, undefined, [], 'verbose', { value: 5 }, { value: 'loud' }, { level: 'verbose' }]) server.notification('$/setTrace', params);
        server.notification('$/setTrace', { value: 'verbose' });
        server.notification('$/setTrace', { value: 'off' });
        await server.until(() => dropped(server).length >= 7, 'seven dropped $/setTrace lines', 30_000);
        await expectAnswers(server, uri);
        expect(dropped(server)).toEqual([
            'Dropped a $/setTrace notification: its params are not an object (params: null).',
            'Dropped a $/setTrace notification: its params are not an object (params: none).',
            'Dropped a $/setTrace notification: its params are a list, not an object (the protocol passes params by name) (params: []).',
            'Dropped a $/setTrace notification: its params are not an object (params: "verbose").',
            'Dropped a $/setTrace notification: value is not one of off, messages, compact, verbose (params: {"value":5}).',
            'Dropped a $/setTrace notification: value is not one of off, messages, compact, verbose (params: {"value":"loud"}).',
            'Dropped a $/setTrace notification: value is not one of off, messages, compact, verbose (params: {"level":"verbose"}).'
        ]);
        expect(server.logs.filter(line => LIBRARY_FAILURE.test(line))).toEqual([]);
    });

    it('$/progress, $/cancelRequest, $/logTrace and a notification with a list of params: logged and dropped', { timeout: 120_000 }, async () => {
        const { server, uri } = await started();
        server.notification('$/progress', null);
        server.notification('$/progress', { token: { id: 1 }, value: {} });
        server.notification('$/progress', { token: 'no-such-progress' });
        server.notification('$/progress', ['no-such-progress', { kind: 'end' }]); // the positional form the library accepts
        server.notification('$/cancelRequest', { id: { request: 1 } });
        server.notification('$/cancelRequest', { id: 12345 }); // well formed: cancels nothing, quietly
        server.notification('$/logTrace', { message: 7 });
        server.notification('textDocument/didOpen', [{ textDocument: { uri, languageId: 'mandate', version: 1, text: '' } }]);
        await server.until(() => dropped(server).length >= 6, 'six dropped notifications', 30_000);
        await expectAnswers(server, uri);
        expect(dropped(server)).toEqual([
            'Dropped a $/progress notification: its params are not an object (params: null).',
            'Dropped a $/progress notification: token is not a progress token (a text or a whole number) (params: {"token":{"id":1},"value":{}}).',
            'Dropped a $/progress notification: value is missing (params: {"token":"no-such-progress"}).',
            'Dropped a $/cancelRequest notification: id is not a request id (a text or a whole number) (params: {"id":{"request":1}}).',
            'Dropped a $/logTrace notification: message is not a text (params: {"message":7}).',
            expect.stringMatching(/^Dropped a textDocument\/didOpen notification: its params are a list, not an object \(the protocol passes params by name\) \(params: \[\{"textDocument"/)
        ]);
        expect(server.logs.filter(line => LIBRARY_FAILURE.test(line))).toEqual([]);
    });

    it('a message that is JSON but no object (a text, a number, null, a batch list) is logged and dropped, not a library failure', { timeout: 120_000 }, async () => {
        const { server, uri } = await started();
        for (const body of ['"hello"', '7', 'null', '[{"jsonrpc":"2.0","method":"initialized","params":{}}]']) server.send(body);
        await server.until(() => dropped(server).length >= 4, 'four dropped messages', 30_000);
        await expectAnswers(server, uri);
        expect(dropped(server)).toEqual(['"hello"', '7', 'null', '[{"jsonrpc":"2.0","method":"initialized","params":{}}]']
            .map(shown => `Dropped a message that is not a JSON-RPC message (an object with jsonrpc, and a method or an id): ${shown}.`));
        expect(server.logs.filter(line => /Processing message queue failed|Cannot use 'in' operator/.test(line))).toEqual([]);
    });

    it('a call hierarchy request without an item gets InvalidParams and a log line, not a stack', { timeout: 120_000 }, async () => {
        const { server, uri } = await started();
        for (const method of ['callHierarchy/incomingCalls', 'callHierarchy/outgoingCalls']) {
            const answer = await server.request(method, { item: { uri } });
            expect(answer.error).toMatchObject({ code: -32602, message: `${method}: item is not a hierarchy item (uri, range and selectionRange).` });
        }
        expect(server.logs.filter(line => / at .*server\/main\.cjs|Cannot read propert/.test(line))).toEqual([]);
        await expectAnswers(server, uri);
    });
});

describe('libraryNotificationProblem (in process)', () => {
    it('leaves requests, well-formed notifications and other notifications\' object params alone', () => {
        expect(libraryNotificationProblem({ jsonrpc: '2.0', id: 1, method: '$/setTrace', params: null } as never)).toBeUndefined();
        expect(libraryNotificationProblem({ jsonrpc: '2.0', method: '$/setTrace', params: { value: 'messages' } } as never)).toBeUndefined();
        expect(libraryNotificationProblem({ jsonrpc: '2.0', method: '$/cancelRequest', params: { id: 'a' } } as never)).toBeUndefined();
        expect(libraryNotificationProblem({ jsonrpc: '2.0', method: '$/progress', params: [7, null] } as never)).toBeUndefined();
        expect(libraryNotificationProblem({ jsonrpc: '2.0', method: 'textDocument/didSave', params: null } as never)).toBeUndefined();
        expect(libraryNotificationProblem({ jsonrpc: '2.0', method: 'initialized', params: {} } as never)).toBeUndefined();
        expect(libraryNotificationProblem({ jsonrpc: '2.0', method: 'exit' } as never)).toBeUndefined();
    });
});

describe('requests about a document that is not a Mandate document', () => {
    it('are answered with no result and one log line, never a logged stack', { timeout: 120_000 }, async () => {
        const { server, uri } = await started();
        const foreign = uri.replace(/roles\.mandate$/, 'notes.txt');
        const position = { line: 0, character: 0 };
        const prepared = await server.request('textDocument/prepareCallHierarchy', { textDocument: { uri: foreign }, position });
        expect(prepared.error).toBeUndefined();
        expect(prepared.result).toBeNull();
        const range = { start: position, end: position };
        const incoming = await server.request('callHierarchy/incomingCalls', { item: { name: 'x', kind: 5, uri: foreign, range, selectionRange: range } });
        expect(incoming.error).toBeUndefined();
        await server.until(() => server.logs.filter(line => line.startsWith('Ignored a ')).length >= 2, 'two ignored requests', 30_000);
        // Langium's own one line may come first; what must not is a stack.
        expect(server.logs.filter(line => /^\s+at /m.test(line))).toEqual([]);
        expect(server.logs.filter(line => line.startsWith('Ignored a ')).join('\n')).toContain('it is not a Mandate document');
        await expectAnswers(server, uri);
    });
});
