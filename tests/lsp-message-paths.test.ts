/**
 * A message that points at another declaration names its file by the path in the workspace folder
 * (`teams/b/people.mandate:1`), after the folder's name once the workspace has several folders, as
 * the report names files (workspace/file-label.ts). Two teams each keep a people.mandate; the
 * file's name alone would not say which. Adding a folder changes every such message, although no
 * policy file changed: the folders' configuration is read again then, which checks the workspace
 * again (mandate-workspace-folders.ts). Run `npm run build` first when running this file alone.
 */
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createWorkspace, disposeAllClients, hasCode, LspClient, messageOf, removeAllWorkspaces, workspaceUri } from './lsp-client.js';

const CASE_TIMEOUT_MS = 90_000;

afterEach(async () => {
    await disposeAllClients();
});

afterAll(async () => {
    await disposeAllClients();
    await removeAllWorkspaces();
});

function duplicateMessage(diagnostics: readonly Diagnostic[]): string {
    const diagnostic = diagnostics.find(candidate => candidate.code === 'duplicate-name');
    return diagnostic ? messageOf(diagnostic) : '';
}

describe('paths in messages', () => {
    it('names the other file by its path in the folder, and after the folder once a second folder is added or removed', async () => {
        const teams = await createWorkspace({
            'organization.mandate': 'organization acme "Acme Ltd" { top management board }\nrole board "Board"\n',
            'teams/a/people.mandate': 'person bob "Bob Ames"\n',
            'teams/b/people.mandate': '\nperson bob "Bob Bell"\n'
        });
        // A folder without policy: no file of the workspace changes when it comes or goes.
        const notes = await createWorkspace({ 'README.md': 'Meeting notes.\n' });
        const people = workspaceUri(teams, 'teams/a/people.mandate');
        const client = await LspClient.start({ workspaceFolders: [teams] });
        expect(duplicateMessage(await client.waitForDiagnostics(people, hasCode('duplicate-name')))).toContain("The name 'bob' is also declared at teams/b/people.mandate:2.");

        await client.changeWorkspaceFolders([notes], []);
        const named = `at ${path.basename(teams)}/teams/b/people.mandate:2.`;
        expect(duplicateMessage(await client.waitForDiagnostics(people, diagnostics => duplicateMessage(diagnostics).includes(named)))).toContain(named);

        await client.changeWorkspaceFolders([], [notes]);
        expect(duplicateMessage(await client.waitForDiagnostics(people, diagnostics => duplicateMessage(diagnostics).includes('at teams/b/people.mandate:2.'))))
            .toContain("The name 'bob' is also declared at teams/b/people.mandate:2.");
    }, CASE_TIMEOUT_MS);
});
