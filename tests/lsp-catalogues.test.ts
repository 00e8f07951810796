/**
 * Catalogue files through the bundled language server (out/server/main.cjs; run `npm run bundle`
 * before this file alone): read at start-up from mandate.config.json, cited, hovered and completed
 * like built-in requirements, problems shown on the file that has them, and read again when a
 * catalogue file changes on disk. No assertion depends on timing.
 */
import { rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { FileChangeType, HoverRequest, type MarkupContent } from 'vscode-languageserver-protocol/node';
import {
    codesOf, createWorkspace, disposeAllClients, hasCode, lacksCode, LspClient, messageOf, removeAllWorkspaces, workspaceUri
} from './lsp-client.js';

const CASE_TIMEOUT_MS = 120_000;

afterEach(async () => {
    await disposeAllClients();
});

afterAll(async () => {
    await disposeAllClients();
    await removeAllWorkspaces();
});

const POLICY = 'responsibility access-reviews "Review production access" {\n    satisfies ACME:AC-01, ACME:AC-02\n}\n';

function catalogue(requirements: ReadonlyArray<{ id: string; title: string }>): string {
    return `${JSON.stringify({ frameworks: [{ prefix: 'ACME', name: 'Acme Security Controls', requirements }] }, null, 2)}\n`;
}

const BOTH = catalogue([
    { id: 'AC-01', title: 'Production access is reviewed every quarter' },
    { id: 'AC-02', title: 'Leavers lose access within one working day' }
]);

describe('catalogue files in the language server', () => {
    it('applies a catalogue file at start-up, with hover and completion, and re-checks when it changes', async () => {
        const folder = await createWorkspace({
            'access.mandate': POLICY,
            'mandate.config.json': '{ "catalogues": ["controls/acme.catalogue.json"] }',
            'controls/acme.catalogue.json': BOTH
        });
        const policy = workspaceUri(folder, 'access.mandate');
        const file = workspaceUri(folder, 'controls/acme.catalogue.json');
        const client = await LspClient.start({ workspaceFolders: [folder], settings: { mandate: { asOf: '2025-06-30' } } });
        expect(codesOf(await client.waitForDiagnostics(policy))).not.toContain('requirement-unknown');

        const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: policy }, position: { line: 1, character: 16 } });
        expect((hover?.contents as MarkupContent).value).toBe('**ACME:AC-01**: Production access is reviewed every quarter\n\nAcme Security Controls, AC-01');
        await client.openDocument(policy, POLICY);
        const items = await client.completion(policy, { line: 1, character: 14 });
        expect(items.map(item => item.label)).toEqual(expect.arrayContaining(['ACME:AC-01', 'ACME:AC-02']));

        // AC-02 goes from the file: the untouched policy now cites an unknown ID.
        await writeFile(fileURLToPath(file), catalogue([{ id: 'AC-01', title: 'Production access is reviewed every quarter' }]), 'utf8');
        await client.didChangeWatchedFiles([{ uri: file, type: FileChangeType.Changed }]);
        const unknown = await client.waitForDiagnostics(policy, hasCode('requirement-unknown'));
        expect(unknown.filter(diagnostic => diagnostic.code === 'requirement-unknown').map(messageOf)).toEqual([expect.stringMatching(/^'ACME:AC-02' is not a requirement/)]);

        // Broken JSON: shown on the catalogue file; nothing of it applies.
        await writeFile(fileURLToPath(file), '{ "frameworks": [ { "prefix": "ACME", ', 'utf8');
        await client.didChangeWatchedFiles([{ uri: file, type: FileChangeType.Changed }]);
        const problems = await client.waitForDiagnostics(file, diagnostics => diagnostics.length > 0);
        expect(codesOf(problems)).toContain('catalogue-invalid');
        expect(messageOf(problems[0])).toMatch(/^Invalid JSON/);
        await client.waitForDiagnostics(policy, diagnostics => diagnostics.filter(diagnostic => diagnostic.code === 'requirement-unknown').length === 2);

        // Fixed: its problems clear and both IDs resolve again.
        await writeFile(fileURLToPath(file), BOTH, 'utf8');
        await client.didChangeWatchedFiles([{ uri: file, type: FileChangeType.Changed }]);
        expect(await client.waitForDiagnostics(file, diagnostics => diagnostics.length === 0)).toEqual([]);
        expect(codesOf(await client.waitForDiagnostics(policy, lacksCode('requirement-unknown')))).not.toContain('requirement-unknown');
    }, CASE_TIMEOUT_MS);

    it('shows a path problem on mandate.config.json and applies the valid catalogue, and a file created later is read', async () => {
        const folder = await createWorkspace({
            'access.mandate': POLICY,
            'mandate.config.json': '{\n  "catalogues": ["../outside.json", "controls/later.catalogue.json", "controls/acme.catalogue.json"]\n}\n',
            'controls/acme.catalogue.json': catalogue([{ id: 'AC-01', title: 'Production access is reviewed every quarter' }])
        });
        const policy = workspaceUri(folder, 'access.mandate');
        const config = workspaceUri(folder, 'mandate.config.json');
        const client = await LspClient.start({ workspaceFolders: [folder], settings: { mandate: { asOf: '2025-06-30' } } });

        const configProblems = await client.waitForDiagnostics(config, diagnostics => diagnostics.length === 2);
        expect(configProblems.map(diagnostic => [diagnostic.code, diagnostic.range.start.line, diagnostic.range.start.character])).toEqual([
            ['config-invalid', 1, 17], ['config-invalid', 1, 36]
        ]);
        expect(messageOf(configProblems[0])).toMatch(/outside the workspace folder/);
        expect(messageOf(configProblems[1])).toMatch(/'controls\/later\.catalogue\.json' does not exist/);
        // The valid file applies: AC-01 resolves, AC-02 does not.
        const first = await client.waitForDiagnostics(policy, hasCode('requirement-unknown'));
        expect(first.filter(diagnostic => diagnostic.code === 'requirement-unknown')).toHaveLength(1);

        // The missing file appears, with AC-02 under another prefix of its own.
        const later = workspaceUri(folder, 'controls/later.catalogue.json');
        await writeFile(fileURLToPath(later), JSON.stringify({ frameworks: [{ prefix: 'ACME', name: 'Again', requirements: [] }] }), 'utf8');
        await client.didChangeWatchedFiles([{ uri: later, type: FileChangeType.Created }]);
        expect((await client.waitForDiagnostics(config, diagnostics => diagnostics.length === 1)).map(messageOf)).toEqual([expect.stringMatching(/outside the workspace folder/)]);
        // Listed first, the new file now defines ACME; the older one is reported on its prefix.
        const redefined = await client.waitForDiagnostics(workspaceUri(folder, 'controls/acme.catalogue.json'), diagnostics => diagnostics.length > 0);
        expect(messageOf(redefined[0])).toBe("Framework 'ACME' is already defined in controls/later.catalogue.json; a framework is defined once, so merge the two or give this one another prefix.");
        await client.waitForDiagnostics(policy, diagnostics => diagnostics.filter(diagnostic => diagnostic.code === 'requirement-unknown').length === 2);

        // Deleted again: back to the first state.
        await rm(fileURLToPath(later));
        await client.didChangeWatchedFiles([{ uri: later, type: FileChangeType.Deleted }]);
        expect(await client.waitForDiagnostics(workspaceUri(folder, 'controls/acme.catalogue.json'), diagnostics => diagnostics.length === 0)).toEqual([]);
        await client.waitForDiagnostics(policy, diagnostics => diagnostics.filter(diagnostic => diagnostic.code === 'requirement-unknown').length === 1);
    }, CASE_TIMEOUT_MS);
});
