// A workspace emptied as an editor's file watcher reports it: the policies' diagnostics are cleared
// and the server stays responsive, whatever order the events of the folders and of the files come
// in. A folder's event re-checks the policies naming files under it; a policy whose own file is
// already gone (its event still to come) must not be read again, or the server was left with it.
// Runs the bundled server (`npm run bundle` before this file alone).
import { cpSync, readdirSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { FileChangeType, type FileEvent } from 'vscode-languageserver-protocol/node';
import { createWorkspace, disposeAllClients, LspClient, removeAllWorkspaces, workspaceUri } from './lsp-client.js';

const CASE_TIMEOUT_MS = 60_000;
const ACME = fileURLToPath(new URL('../examples/acme/', import.meta.url));

afterAll(async () => {
    await disposeAllClients();
    await removeAllWorkspaces();
});

describe('a workspace emptied on disk', () => {
    it.each(['the files first', 'the folders first', 'all in one event, the folders first'])('clears every diagnostic when %s are reported', async order => {
        const root = await createWorkspace({});
        cpSync(ACME, root, { recursive: true });
        const client = await LspClient.start({ workspaceFolders: [root], settings: { mandate: { asOf: '2025-06-30' } } });
        const roles = workspaceUri(root, 'roles.mandate');
        await client.waitForDiagnostics(roles);
        const policies = readdirSync(root).filter(name => name.endsWith('.mandate'));
        const folders = readdirSync(root).filter(name => !name.endsWith('.mandate'));
        expect(folders).toContain('docs'); // acme names its job descriptions there
        policies.forEach(name => rmSync(path.join(root, name)));
        folders.forEach(name => rmSync(path.join(root, name), { recursive: true, force: true }));
        const deleted = (names: string[]): FileEvent[] => names.map(name => ({ uri: workspaceUri(root, name), type: FileChangeType.Deleted }));
        if (order === 'the files first') {
            await client.didChangeWatchedFiles(deleted(policies));
            await client.didChangeWatchedFiles(deleted(folders));
        } else if (order === 'the folders first') {
            await client.didChangeWatchedFiles(deleted(folders));
            await client.didChangeWatchedFiles(deleted(policies));
        } else {
            await client.didChangeWatchedFiles(deleted([...folders, ...policies]));
        }
        // The server does not hang on them, and nothing is left of the policy (asked until the updates are built).
        let symbols: unknown[] = [];
        for (let tries = 0; tries < 200; tries++) {
            symbols = await client.connection.sendRequest('workspace/symbol', { query: 'priya' });
            if (symbols.length === 0) break;
            await new Promise(resolve => setTimeout(resolve, 100));
        }
        expect(symbols).toEqual([]);
        const roots = ['roles.mandate', 'people.mandate', 'assignments.mandate'].map(name => workspaceUri(root, name));
        for (const uri of roots) expect(client.latestDiagnostics(uri) ?? [], uri).toEqual([]);
    }, CASE_TIMEOUT_MS);
});
