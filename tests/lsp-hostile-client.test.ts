/**
 * A server that survives any client: the bundled language server (out/server/main.cjs, `npm run
 * bundle` first) driven over stdio by a client that sends what no editor should. Each case checks
 * that the server is still alive and answering afterwards, that what it could not use is logged to
 * the output channel with its method and document, and that nothing reaches stderr.
 * No timing is asserted: every wait is for an eventual state.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Connection } from 'vscode-languageserver';
import { ResponseError } from 'vscode-languageserver-protocol/node';
import { guardConnection } from '../language/lsp/guarded-connection.js';
import { codesOf, createWorkspace, disposeAllClients, hasCode, LspClient, removeAllWorkspaces, workspaceUri } from './lsp-client.js';

const CASE_TIMEOUT_MS = 120_000;
const SETTINGS = { mandate: { asOf: '2025-06-30' } };

afterEach(async () => {
    await disposeAllClients();
});

afterAll(async () => {
    await disposeAllClients();
    await removeAllWorkspaces();
});

async function start(files: Record<string, string> = {}) {
    const folder = await createWorkspace(files);
    const client = await LspClient.start({ workspaceFolders: [folder], settings: SETTINGS });
    return { folder, client };
}

let probes = 0;

/** The server still checks a new document and answers a hover on it. */
async function expectResponsive(client: LspClient, folder: string): Promise<void> {
    const uri = workspaceUri(folder, `probe-${++probes}.mandate`);
    await client.openDocument(uri, 'role probe "Probe"\nassign ghost to probe since 2024-01-01\n');
    await client.waitForDiagnostics(uri, hasCode('linking-error'));
    const hover = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 6 } });
    expect(JSON.stringify(hover)).toContain('Probe');
    expect(client.hasExited).toBe(false);
}

/** What the server logged to the output channel so far. */
const logs = (client: LspClient) => client.logMessages.map(log => log.message).join('\n');

/** A request's outcome: its result, or the error it answered with (never a dead server). */
async function outcome(client: LspClient, method: string, params: unknown): Promise<{ result?: unknown, error?: ResponseError<unknown> }> {
    try {
        return { result: await client.connection.sendRequest(method, params) };
    } catch (error) {
        expect(error).toBeInstanceOf(ResponseError);
        return { error: error as ResponseError<unknown> };
    }
}

describe('documents a client opens', () => {
    it('ignores a document whose language is not mandate: no diagnostics, no crash', async () => {
        const { folder, client } = await start();
        const text = workspaceUri(folder, 'notes.txt');
        const disguised = workspaceUri(folder, 'plain.mandate');
        await client.openDocument(text, 'role x "X"\nassign ghost to x\n', 'plaintext');
        await client.openDocument(disguised, 'role x "X"\nassign ghost to x\n', 'json');
        await expectResponsive(client, folder);
        expect(client.publishCount(text)).toBe(0);
        expect(client.publishCount(disguised)).toBe(0);
        expect(logs(client)).toMatch(/Ignored the document .*notes\.txt: its language is 'plaintext'/);
        expect(client.serverStderr).toBe('');
    }, CASE_TIMEOUT_MS);

    it.each([
        ['text: null', (uri: string) => ({ textDocument: { uri, languageId: 'mandate', version: 1, text: null } })],
        ['no text', (uri: string) => ({ textDocument: { uri, languageId: 'mandate', version: 1 } })],
        ['no version', (uri: string) => ({ textDocument: { uri, languageId: 'mandate', text: 'role a "A"' } })],
        ['no languageId', (uri: string) => ({ textDocument: { uri, version: 1, text: 'role a "A"' } })],
        ['no uri', () => ({ textDocument: { languageId: 'mandate', version: 1, text: 'role a "A"' } })],
        ['no textDocument', () => ({})],
        ['null params', () => null]
    ])('logs and drops a didOpen with %s', async (_case, params) => {
        const { folder, client } = await start();
        const uri = workspaceUri(folder, 'broken.mandate');
        await client.connection.sendNotification('textDocument/didOpen', params(uri));
        await expectResponsive(client, folder);
        expect(logs(client)).toMatch(/Dropped a textDocument\/didOpen notification/);
        expect(client.publishCount(uri)).toBe(0);
        expect(client.serverStderr).toBe('');
    }, CASE_TIMEOUT_MS);

    it('replaces the text when a document on disk is opened twice at once, then answers requests on it', async () => {
        const { folder, client } = await start({ 'disk.mandate': 'role a "A"\n' });
        const uri = workspaceUri(folder, 'disk.mandate');
        await client.waitForDiagnostics(uri);
        await client.openDocument(uri, 'role a "A"\nassign ghost to a since 2024-01-01\n');
        await client.openDocument(uri, 'role a "A"\nassign nobody to a since 2024-01-01\n');
        const linking = (all: readonly { code?: unknown, message: unknown }[]) => all.filter(diagnostic => diagnostic.code === 'linking-error').map(diagnostic => String(diagnostic.message));
        const diagnostics = await client.waitForDiagnostics(uri, all => linking(all).some(message => message.includes("'nobody'")));
        expect(linking(diagnostics).join()).not.toContain('ghost');
        const hover = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 5 } });
        expect(JSON.stringify(hover)).toContain('Role');
        const symbols = await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
        expect(JSON.stringify(symbols)).toContain('"a"');
        await client.closeDocument(uri);
        await client.waitForDiagnostics(uri, all => linking(all).length === 0);
        await expectResponsive(client, folder);
        expect(client.serverStderr).toBe('');
    }, CASE_TIMEOUT_MS);

    it('replaces the text when a document is opened twice: diagnostics follow the second text', async () => {
        const { folder, client } = await start();
        const uri = workspaceUri(folder, 'twice.mandate');
        await client.openDocument(uri, 'role a "A"\nassign ghost to a since 2024-01-01\n');
        await client.waitForDiagnostics(uri, hasCode('linking-error'));
        await client.openDocument(uri, 'role a "A" {\n');
        const second = await client.waitForDiagnostics(uri, hasCode('parsing-error'));
        expect(codesOf(second)).not.toContain('linking-error');
        // And edits apply to the second text.
        await client.changeDocument(uri, [{ range: { start: { line: 0, character: 12 }, end: { line: 1, character: 0 } }, text: '}\n' }]);
        await client.waitForDiagnostics(uri, diagnostics => !codesOf(diagnostics).includes('parsing-error'));
        await expectResponsive(client, folder);
        expect(client.serverStderr).toBe('');
    }, CASE_TIMEOUT_MS);
});

describe('changes a client sends', () => {
    it('drops a change to a document that is not open, and changes without a usable version or content', async () => {
        const { folder, client } = await start();
        const uri = workspaceUri(folder, 'open.mandate');
        await client.openDocument(uri, 'role a "A"\n');
        await client.waitForDiagnostics(uri);
        const send = (params: unknown) => client.connection.sendNotification('textDocument/didChange', params);
        await send({ textDocument: { uri: workspaceUri(folder, 'never-opened.mandate'), version: 2 }, contentChanges: [{ text: 'role b "B"' }] });
        await send({ textDocument: { uri, version: null }, contentChanges: [{ text: 'role b "B"' }] });
        await send({ textDocument: { uri, version: 'two' }, contentChanges: [{ text: 'role b "B"' }] });
        await send({ textDocument: { uri, version: 3 }, contentChanges: 'role b "B"' });
        await send({ textDocument: { uri, version: 4 }, contentChanges: [{ text: null }] });
        await send({ textDocument: { uri, version: 5 }, contentChanges: [{ range: { start: { line: -1, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }] });
        await send({ textDocument: { uri, version: 6 }, contentChanges: [{ range: { start: 'here' }, text: 'x' }] });
        await send(null);
        await expectResponsive(client, folder);
        expect(logs(client).match(/Dropped a textDocument\/didChange notification/g)?.length).toBe(7);
        expect(client.publishCount(workspaceUri(folder, 'never-opened.mandate'))).toBe(0);
        // None of them changed the text: an edit made now applies to the text as it was opened.
        await client.changeDocument(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'assign ghost to a since 2024-01-01\n' }]);
        await client.waitForDiagnostics(uri, hasCode('linking-error'));
        expect(client.serverStderr).toBe('');
    }, CASE_TIMEOUT_MS);

    it('applies a change whose range lies past the end of the document at the end, and a version that does not increase', async () => {
        const { folder, client } = await start();
        const uri = workspaceUri(folder, 'range.mandate');
        await client.openDocument(uri, 'role a "A"\n');
        await client.waitForDiagnostics(uri);
        const far = { line: 10_000, character: 10_000 };
        await client.connection.sendNotification('textDocument/didChange', {
            textDocument: { uri, version: 1 }, contentChanges: [{ range: { start: far, end: far }, text: 'assign ghost to a since 2024-01-01\n' }]
        });
        await client.waitForDiagnostics(uri, hasCode('linking-error'));
        await expectResponsive(client, folder);
        expect(client.serverStderr).toBe('');
    }, CASE_TIMEOUT_MS);
});

describe('requests with malformed params', () => {
    const position = { line: 0, character: 6 };
    const methods: Array<[string, (uri: string) => Record<string, unknown>]> = [
        ['textDocument/hover', uri => ({ textDocument: { uri }, position })],
        ['textDocument/completion', uri => ({ textDocument: { uri }, position })],
        ['completionItem/resolve', uri => ({ label: 'a', data: { declaration: { uri, path: '/statements@0' } } })],
        ['textDocument/definition', uri => ({ textDocument: { uri }, position })],
        ['textDocument/references', uri => ({ textDocument: { uri }, position, context: { includeDeclaration: true } })],
        ['textDocument/documentHighlight', uri => ({ textDocument: { uri }, position })],
        ['textDocument/prepareRename', uri => ({ textDocument: { uri }, position })],
        ['textDocument/rename', uri => ({ textDocument: { uri }, position, newName: 'b' })],
        ['textDocument/codeAction', uri => ({ textDocument: { uri }, range: { start: position, end: position }, context: { diagnostics: [] } })],
        ['textDocument/documentSymbol', uri => ({ textDocument: { uri } })],
        ['textDocument/foldingRange', uri => ({ textDocument: { uri } })],
        ['codeLens/resolve', () => ({ range: { start: position, end: position }, data: [0, 0, 0, 0] })],
        // Not advertised, but Langium registers handlers for them, which read their params unchecked.
        ['textDocument/semanticTokens/full', uri => ({ textDocument: { uri } })],
        ['textDocument/semanticTokens/range', uri => ({ textDocument: { uri }, range: { start: position, end: position } })],
        ['textDocument/inlayHint', uri => ({ textDocument: { uri }, range: { start: position, end: position } })],
        ['workspace/symbol', () => ({ query: 'a' })],
        ['mandate/report', () => ({ format: 'md' })],
        ['mandate/graph', () => ({ webview: { nonce: 'bm9uY2Utbm9uY2Utbm9uY2U=', cspSource: 'vscode-resource:' } })],
        ['mandate/query', () => ({ kind: 'holders', subject: 'a' })],
        ['mandate/querySubjects', () => ({ kinds: ['role'] })],
        ['mandate/discoverTests', () => ({})],
        ['mandate/runTests', () => ({ ids: [] })]
    ];
    /** Ways to break each method's params: every one must be answered with an error or null. */
    const breakages: Array<[string, (params: Record<string, unknown>) => unknown]> = [
        ['null params', () => null],
        ['an array', () => [1, 2]],
        ['no textDocument', ({ textDocument: _omitted, ...rest }) => rest],
        ['a number for the URI', params => ({ ...params, textDocument: { uri: 42 } })],
        ['a position that is text', params => ({ ...params, position: 'line 1' })],
        ['a negative position', params => ({ ...params, position: { line: -1, character: -5 } })],
        ['a fractional position', params => ({ ...params, position: { line: 0.5, character: 1 } })],
        ['a range without an end', params => ({ ...params, range: { start: position } })],
        ['diagnostics that are not a list', params => ({ ...params, context: { diagnostics: 'all' } })],
        ['a context that is null', params => ('context' in params ? { ...params, context: null } : params)],
        ['a newName that is a number', params => ({ ...params, newName: 7 })],
        ['a query that is an object', params => ({ ...params, query: { a: 1 } })],
        ['a format that is a list', params => ({ ...params, format: ['md'] })],
        ['a webview without a nonce', params => ({ ...params, webview: {} })],
        ['a webview nonce too short to be one', params => ({ ...params, webview: { nonce: 'n', cspSource: 'x' } })],
        ['a query subject that is a number', params => ('subject' in params ? { ...params, subject: 7 } : params)],
        ['a date that is a number', params => ('subject' in params ? { ...params, date: 20250630 } : params)],
        ['subject kinds that are not a list', params => ('kinds' in params ? { ...params, kinds: 'role' } : params)],
        ['a completion item whose label is a number', params => ('label' in params ? { ...params, label: 7 } : params)],
        ['test ids that are numbers', params => ('ids' in params ? { ...params, ids: [1, 2] } : params)],
        ['lens data of another shape', params => ('data' in params && !('label' in params) ? { ...params, data: { kind: 'holders', index: -1 } } : params)]
    ];

    it('answers every request with a result, null or an error, logs what it dropped, and stays alive', async () => {
        const { folder, client } = await start({ 'policy.mandate': 'role a "A"\n' });
        const uri = workspaceUri(folder, 'policy.mandate');
        await client.openDocument(uri, 'role a "A"\n');
        await client.waitForDiagnostics(uri);
        let dropped = 0;
        for (const [method, valid] of methods) {
            expect((await outcome(client, method, valid(uri))).error?.message ?? '', `${method} with valid params`).not.toMatch(/could not answer/);
            for (const [, breakage] of breakages) {
                const params = valid(uri);
                const broken = breakage(params);
                if (JSON.stringify(broken) === JSON.stringify(params)) continue; // this breakage does not apply to the method
                const answer = await outcome(client, method, broken);
                if (answer.error) {
                    expect(answer.error.message).not.toMatch(/Cannot read properties|is not a function|undefined/);
                    dropped++;
                }
                expect(client.hasExited, `${method} with ${JSON.stringify(broken)}`).toBe(false);
            }
        }
        expect(dropped).toBeGreaterThan(50);
        for (const [method] of methods) expect(logs(client)).toContain(`Dropped a ${method} request`);
        await expectResponsive(client, folder);
        expect(client.serverStderr).toBe('');
    }, CASE_TIMEOUT_MS);

    it('answers a request about a document that is neither open nor on disk with an error, and stays alive', async () => {
        const { folder, client } = await start();
        const missing = workspaceUri(folder, 'missing.mandate');
        const answer = await outcome(client, 'textDocument/hover', { textDocument: { uri: missing }, position: { line: 0, character: 0 } });
        if (answer.error) expect(answer.error.message).toContain('missing.mandate');
        else expect(answer.result).toBeNull();
        await expectResponsive(client, folder);
        expect(client.serverStderr).toBe('');
    }, CASE_TIMEOUT_MS);
});

describe('the guard around every handler (in process)', () => {
    /** A connection that records what is registered and logged, as vscode-languageserver's does. */
    function fakeConnection() {
        const handlers = new Map<string, (...args: unknown[]) => unknown>();
        const logged: string[] = [];
        const register = (name: string) => (handler: (...args: unknown[]) => unknown) => handlers.set(name, handler);
        const connection = {
            onHover: register('hover'), onDidOpenTextDocument: register('didOpen'),
            onRequest: (method: string, handler: (...args: unknown[]) => unknown) => handlers.set(method, handler),
            console: { error: (message: string) => logged.push(`error ${message}`), info: (message: string) => logged.push(`info ${message}`) }
        };
        return { connection, handlers, logged };
    }

    it('logs a handler that throws with its method, document and position, and answers with an error', async () => {
        const { connection, handlers, logged } = fakeConnection();
        guardConnection(connection as unknown as Connection);
        connection.onHover(() => { throw new TypeError("Cannot read properties of undefined (reading 'x')"); });
        const answer = await handlers.get('hover')!({ textDocument: { uri: 'file:///ws/a.mandate' }, position: { line: 2, character: 4 } });
        expect((answer as ResponseError<unknown>).code).toBe(-32603);
        expect((answer as ResponseError<unknown>).message).toBe("Mandate could not answer textDocument/hover: Cannot read properties of undefined (reading 'x')");
        expect(logged[0]).toMatch(/^error textDocument\/hover for file:\/\/\/ws\/a\.mandate at 3:5 failed: Cannot read properties/);
    });

    it('passes a cancellation or an answer of its own through, and logs a failed notification without rethrowing', async () => {
        const { connection, handlers, logged } = fakeConnection();
        guardConnection(connection as unknown as Connection);
        connection.onRequest('mandate/report', () => { throw new ResponseError(-32800, 'The request has been cancelled.'); });
        connection.onDidOpenTextDocument(() => Promise.reject(new Error('no such text')));
        const cancelled = await handlers.get('mandate/report')!({ format: 'md' });
        expect((cancelled as ResponseError<unknown>).code).toBe(-32800);
        await handlers.get('didOpen')!({ textDocument: { uri: 'file:///ws/b.mandate', languageId: 'mandate', version: 1, text: '' } });
        expect(logged).toEqual([expect.stringMatching(/^error textDocument\/didOpen for file:\/\/\/ws\/b\.mandate failed: no such text/)]);
    });
});

describe('workspace notifications', () => {
    it('drops malformed file events and workspace folder changes', async () => {
        const { folder, client } = await start({ 'policy.mandate': 'role a "A"\n' });
        await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: 5, type: 'changed' }] });
        await client.connection.sendNotification('workspace/didChangeWatchedFiles', null);
        await client.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [{ name: 'no uri' }], removed: null } });
        await client.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [{ uri: 'file:///does/not/exist', name: 'gone' }], removed: [] } });
        await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
        await expectResponsive(client, folder);
        expect(logs(client).match(/Dropped a workspace\/didChangeWatchedFiles notification/g)?.length).toBe(2);
        expect(logs(client)).toMatch(/Ignored a workspace folder without a URI/);
        expect(client.serverStderr).toBe('');
    }, CASE_TIMEOUT_MS);
});
