/**
 * The language server finds mandate.config.json at a workspace root the way it looks up any path
 * a policy names: a FIFO there is never opened (it hung the server's configuration load), and a
 * symbolic link out of the workspace is not followed (a file outside configured the checks).
 * Run `npm run build` first when running this file alone.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { codesOf, createWorkspace, disposeAllClients, LspClient, messageOf, removeAllWorkspaces, workspaceUri } from './lsp-client.js';

const CASE_TIMEOUT_MS = 60_000;
// No CISO: ciso-missing, a finding a configuration can turn off.
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

describe('mandate.config.json at a workspace root', () => {
    it('a FIFO is reported and never opened; the policy is still checked', async () => {
        const folder = await createWorkspace({ 'policy.mandate': POLICY });
        execFileSync('mkfifo', [path.join(folder, 'mandate.config.json')]);
        const client = await LspClient.start({ workspaceFolders: [folder] });
        expect(codesOf(await client.waitForDiagnostics(workspaceUri(folder, 'policy.mandate')))).toContain('ciso-missing');
        const config = await client.waitForDiagnostics(workspaceUri(folder, 'mandate.config.json'), list => list.length > 0);
        expect(config.map(messageOf).join('\n')).toMatch(/not read: it is a named pipe \(FIFO\), not a regular file/);
    }, CASE_TIMEOUT_MS);

    it('a symbolic link out of the workspace is not followed: the outside file configures nothing', async () => {
        const outside = await fs.mkdtemp(path.join(os.tmpdir(), 'mandate-outside-'));
        try {
            await fs.writeFile(path.join(outside, 'mandate.config.json'), JSON.stringify({ rules: { 'ciso-missing': 'off' } }));
            const folder = await createWorkspace({ 'policy.mandate': POLICY });
            await fs.symlink(path.join(outside, 'mandate.config.json'), path.join(folder, 'mandate.config.json'));
            const client = await LspClient.start({ workspaceFolders: [folder] });
            const config = await client.waitForDiagnostics(workspaceUri(folder, 'mandate.config.json'), list => list.length > 0);
            expect(config.map(messageOf).join('\n')).toMatch(/not read: .*symbolic link that leads outside the workspace folder/);
            expect(codesOf(await client.waitForDiagnostics(workspaceUri(folder, 'policy.mandate')))).toContain('ciso-missing');
        } finally {
            await fs.rm(outside, { recursive: true, force: true });
        }
    }, CASE_TIMEOUT_MS);
});
