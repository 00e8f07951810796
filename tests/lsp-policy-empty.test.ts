/**
 * policy-empty through the bundled language server (out/server/main.cjs; run `npm run bundle`
 * before this file alone): an emptied policy is an error in the editor, on line 1 of the first
 * file, and live edits make it go and come back. No assertion depends on timing.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { DiagnosticSeverity } from 'vscode-languageserver-protocol/node';
import { codesOf, createWorkspace, disposeAllClients, hasCode, lacksCode, LspClient, messageOf, removeAllWorkspaces, workspaceUri } from './lsp-client.js';

const CASE_TIMEOUT_MS = 120_000;

afterEach(async () => {
    await disposeAllClients();
});

afterAll(async () => {
    await disposeAllClients();
    await removeAllWorkspaces();
});

describe('policy-empty in the language server', () => {
    it('publishes an error on line 1 of the first file, clears it on a declaration in another file and restores it on undo', async () => {
        const folder = await createWorkspace({ 'a-organization.mandate': '// the organization goes here\n', 'b-roles.mandate': '' });
        const first = workspaceUri(folder, 'a-organization.mandate');
        const second = workspaceUri(folder, 'b-roles.mandate');
        const client = await LspClient.start({ workspaceFolders: [folder], settings: { mandate: { asOf: '2025-06-30' } } });

        const initial = await client.waitForDiagnostics(first, hasCode('policy-empty'));
        expect(codesOf(initial)).toEqual(['policy-empty']);
        expect(initial[0].severity).toBe(DiagnosticSeverity.Error);
        expect(initial[0].range.start).toEqual({ line: 0, character: 0 });
        expect(messageOf(initial[0])).toMatch(/None of the 2 \.mandate files/);
        expect(await client.waitForDiagnostics(second)).toEqual([]);

        // A declaration typed into the other file: the untouched first file is re-validated.
        await client.openDocument(second, '');
        await client.insert(second, 'role ciso "CISO"\n');
        expect(codesOf(await client.waitForDiagnostics(first, lacksCode('policy-empty')))).not.toContain('policy-empty');

        // Undo: the finding comes back on the first file.
        await client.changeDocument(second, [{ range: { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } }, text: '' }]);
        expect(codesOf(await client.waitForDiagnostics(first, hasCode('policy-empty')))).toEqual(['policy-empty']);
    }, CASE_TIMEOUT_MS);
});
