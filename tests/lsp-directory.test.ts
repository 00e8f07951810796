/**
 * The directory export through the bundled language server (out/server/main.cjs; run `npm run
 * bundle` before this file alone): read at start-up from mandate.config.json, the drift rules
 * applied, read again when the export is changed, broken, deleted or created, with a broken export
 * shown on the file at its position. No assertion depends on timing.
 */
import { readFileSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { FileChangeType } from 'vscode-languageserver-protocol/node';
import { codesOf, createWorkspace, disposeAllClients, hasCode, lacksCode, LspClient, messageOf, removeAllWorkspaces, workspaceUri } from './lsp-client.js';

const CASE_TIMEOUT_MS = 120_000;
const EXAMPLE = fileURLToPath(new URL('../examples/findings/directory-leaver-holds-role/', import.meta.url));
const POLICY = readFileSync(path.join(EXAMPLE, 'policy.mandate'), 'utf8');
const LEFT = readFileSync(path.join(EXAMPLE, 'hr/people.csv'), 'utf8');
/** The same export with Sofia still employed: no drift. */
const EMPLOYED = LEFT.replace('2020-02-03,2025-03-31,Terminated', '2020-02-03,,Active');

afterEach(async () => {
    await disposeAllClients();
});

afterAll(async () => {
    await disposeAllClients();
    await removeAllWorkspaces();
});

describe('the directory export in the language server', () => {
    it('applies the drift rules at start-up and re-checks when the export changes, breaks, goes and comes back', async () => {
        expect(EMPLOYED).not.toBe(LEFT);
        const folder = await createWorkspace({
            'policy.mandate': POLICY,
            'mandate.config.json': '{ "directory": { "source": "hr/people.csv" } }',
            'hr/people.csv': EMPLOYED
        });
        const policy = workspaceUri(folder, 'policy.mandate');
        const file = workspaceUri(folder, 'hr/people.csv');
        const config = workspaceUri(folder, 'mandate.config.json');
        const client = await LspClient.start({ workspaceFolders: [folder], settings: { mandate: { asOf: '2025-06-30' } } });
        expect(codesOf(await client.waitForDiagnostics(policy))).not.toContain('directory-leaver-holds-role');

        // HR records the leaver: the untouched policy now has a leaver holding a role.
        await writeFile(fileURLToPath(file), LEFT, 'utf8');
        await client.didChangeWatchedFiles([{ uri: file, type: FileChangeType.Changed }]);
        const left = await client.waitForDiagnostics(policy, hasCode('directory-leaver-holds-role'));
        expect(left.filter(diagnostic => diagnostic.code === 'directory-leaver-holds-role').map(messageOf))
            .toEqual([expect.stringContaining('(hr/people.csv:4 ("Sofia Alvarez", 1002))')]);

        // A broken export: one problem on the file, at its line and column; no drift rule applies.
        await writeFile(fileURLToPath(file), `${LEFT}1003,"Liam Foster\n`, 'utf8');
        await client.didChangeWatchedFiles([{ uri: file, type: FileChangeType.Changed }]);
        const problems = await client.waitForDiagnostics(file, diagnostics => diagnostics.length > 0);
        expect(problems.map(problem => [problem.code, problem.range.start.line])).toEqual([['directory-invalid', 4]]);
        expect(messageOf(problems[0])).toMatch(/^This quoted field is never closed.*The directory drift rules are not applied until the export reads cleanly\.$/);
        await client.waitForDiagnostics(policy, lacksCode('directory-leaver-holds-role'));

        // Deleted: a problem on "source" in mandate.config.json, and the export's own problems clear.
        await rm(fileURLToPath(file));
        await client.didChangeWatchedFiles([{ uri: file, type: FileChangeType.Deleted }]);
        expect(await client.waitForDiagnostics(file, diagnostics => diagnostics.length === 0)).toEqual([]);
        const missing = await client.waitForDiagnostics(config, diagnostics => diagnostics.length > 0);
        expect(missing.map(messageOf)).toEqual([expect.stringMatching(/^The directory 'hr\/people.csv' does not exist in the workspace folder/)]);

        // Created again: read, applied, and the configuration's problem clears.
        await writeFile(fileURLToPath(file), LEFT, 'utf8');
        await client.didChangeWatchedFiles([{ uri: file, type: FileChangeType.Created }]);
        await client.waitForDiagnostics(policy, hasCode('directory-leaver-holds-role'));
        expect(await client.waitForDiagnostics(config, diagnostics => diagnostics.length === 0)).toEqual([]);
    }, CASE_TIMEOUT_MS);

    it('reloads when the folder holding the export is renamed away, announced by the folder\'s events alone', async () => {
        const folder = await createWorkspace({
            'policy.mandate': POLICY,
            'mandate.config.json': '{ "directory": { "source": "hr/people.csv" } }',
            'hr/people.csv': LEFT
        });
        const policy = workspaceUri(folder, 'policy.mandate');
        const config = workspaceUri(folder, 'mandate.config.json');
        const client = await LspClient.start({ workspaceFolders: [folder], settings: { mandate: { asOf: '2025-06-30' } } });
        await client.waitForDiagnostics(policy, hasCode('directory-leaver-holds-role'));
        await rename(path.join(folder, 'hr'), path.join(folder, 'hr-old'));
        await client.didChangeWatchedFiles([
            { uri: workspaceUri(folder, 'hr'), type: FileChangeType.Deleted },
            { uri: workspaceUri(folder, 'hr-old'), type: FileChangeType.Created }
        ]);
        await client.waitForDiagnostics(policy, lacksCode('directory-leaver-holds-role'));
        const missing = await client.waitForDiagnostics(config, diagnostics => diagnostics.length > 0);
        expect(missing.map(messageOf)).toEqual([expect.stringMatching(/^The directory 'hr\/people.csv' does not exist in the workspace folder/)]);
    }, CASE_TIMEOUT_MS);
});
