/**
 * The Node.js options the extension starts the language server with (server/node-options.ts): Node
 * accepts them and the server checks with them (an option Node rejected would end it at start). The
 * extension's own start is covered by the end-to-end tests. Run `npm run build` first when running
 * this file alone.
 */
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { SERVER_NODE_OPTIONS } from '../server/node-options.js';
import { codesOf, createWorkspace, disposeAllClients, LspClient, removeAllWorkspaces, workspaceUri } from './lsp-client.js';

const CASE_TIMEOUT_MS = 60_000;
const POLICY = `organization acme "Acme" { top management board }
role board "Board"
person lone "Lone Person"
`;

afterEach(async () => {
    await disposeAllClients();
});

afterAll(async () => {
    await disposeAllClients();
    await removeAllWorkspaces();
});

describe('the language server started with the extension\'s Node.js options', () => {
    it('starts, checks and runs with the options on its command line', async () => {
        expect(SERVER_NODE_OPTIONS).toContain('--max-semi-space-size=4');
        const folder = await createWorkspace({ 'policy.mandate': POLICY });
        const client = await LspClient.start({ workspaceFolders: [folder], nodeOptions: SERVER_NODE_OPTIONS });
        expect(codesOf(await client.waitForDiagnostics(workspaceUri(folder, 'policy.mandate')))).toContain('ciso-missing');
        const commandLine = readFileSync(`/proc/${client.process.pid}/cmdline`, 'utf8').split('\0');
        expect(commandLine.slice(1, 1 + SERVER_NODE_OPTIONS.length)).toEqual([...SERVER_NODE_OPTIONS]);
    }, CASE_TIMEOUT_MS);
});
