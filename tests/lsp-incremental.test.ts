/**
 * Which files the bundled language server re-publishes after an edit (run `npm run build` first
 * when running this file alone). Nothing here asserts on timing: a request that waits for the
 * workspace lock tells when every build the edits started has finished and published.
 */
import * as fs from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { FileChangeType, type Range } from 'vscode-languageserver-protocol/node';
import { REPORT_REQUEST, STATUS_NOTIFICATION } from '../language/lsp/mandate-protocol.js';
import { codesOf, createWorkspace, writeWorkspaceFile, disposeAllClients, hasCode, LspClient, positionAt, removeAllWorkspaces, workspaceUri } from './lsp-client.js';

const CASE_TIMEOUT_MS = 120_000;
const TEAMS = 6;

afterEach(async () => {
    await disposeAllClients();
});

afterAll(async () => {
    await disposeAllClients();
    await removeAllWorkspaces();
});

const ORGANIZATION = `organization acme "Acme Ltd" { top management board }
role board "Board of Directors"
role ciso "CISO" { designated CISO reports to board responsible for reporting, conformance accountable for reporting, conformance }
responsibility reporting "Report ISMS performance" { satisfies ISO27001:5.3(b) }
responsibility conformance "Keep the ISMS conforming" { satisfies ISO27001:5.3(a) }
person jane "Jane Doe"
assign jane to ciso since 2024-01-01 appointed by board { announced 2024-01-02 via intranet to all-staff }
`;

/** A team file that refers to the organization file's roles; `n` makes its names its own. */
function team(n: number): string {
    return `role lead-${n} "Team lead ${n}" { reports to ciso }
person member-${n} "Member ${n}"
assign member-${n} to lead-${n} since 2024-02-01 appointed by board { announced 2024-02-01 via email to all-staff }
`;
}

/** Resolves once the server has finished every build queued before it, and published their diagnostics. */
async function settled(client: LspClient): Promise<void> {
    // A report request reads under the workspace lock, after all queued writes; an unknown format answers at once.
    await client.connection.sendRequest(REPORT_REQUEST, { format: 'none' }).catch(() => undefined);
}

describe('publishing after an edit', () => {
    it('re-publishes nothing but what changed when a comment goes into the file every team file refers to', async () => {
        const files: Record<string, string> = { 'organization.mandate': ORGANIZATION };
        for (let n = 0; n < TEAMS; n++) files[`team-${n}.mandate`] = team(n);
        const folder = await createWorkspace(files);
        const uris = Object.keys(files).map(name => workspaceUri(folder, name));
        const organization = uris[0];
        const client = await LspClient.start({ workspaceFolders: [folder] });
        for (const uri of uris) expect(await client.waitForDiagnostics(uri)).toEqual([]);
        await settled(client);
        const before = uris.map(uri => client.publishCount(uri));

        await client.openDocument(organization, ORGANIZATION);
        await client.insert(organization, '// Acme, as of June 2025\n', 'organization');
        await client.insert(organization, '    // the CISO reports to the board\n', 'assign');
        await settled(client);
        // Every file's diagnostics are what they were (none): no team file is published again. The edited
        // file's own text changed, so its result goes out (once per build that reached it).
        expect(uris.slice(1).map(uri => client.publishCount(uri))).toEqual(before.slice(1));
        expect(client.publishCount(organization)).toBeGreaterThan(before[0]);
        const edited = client.publishCount(organization);

        // An edit that does change a team file's diagnostics is published, for that file only.
        const renamed = client.textOf(organization).replace('role ciso', 'role security-officer');
        await client.changeDocument(organization, [{ range: { start: { line: 0, character: 0 }, end: { line: 99, character: 0 } }, text: renamed }]);
        await settled(client);
        expect(codesOf(await client.waitForDiagnostics(uris[1], hasCode('linking-error')))).toEqual(['linking-error']);
        const after = uris.map(uri => client.publishCount(uri));
        // The organization file and every team file now name a role nobody declares.
        expect(after[0] - edited).toBe(1);
        expect(after.slice(1).map((count, index) => count - before[index + 1])).toEqual(uris.slice(1).map(() => 1));
    }, CASE_TIMEOUT_MS);
    it('publishes a file deleted and created again, or changed on disk, though its diagnostics are the same as before', async () => {
        // A client that re-creates a file (git checkout, a test staging a workspace) must see that
        // the server has checked the new file; an empty list is then a real result.
        const folder = await createWorkspace({ 'organization.mandate': ORGANIZATION, 'team-0.mandate': team(0) });
        const teamUri = workspaceUri(folder, 'team-0.mandate');
        const client = await LspClient.start({ workspaceFolders: [folder] });
        expect(await client.waitForDiagnostics(teamUri)).toEqual([]);
        await settled(client);

        await fs.rm(fileURLToPath(teamUri));
        await client.didChangeWatchedFiles([{ uri: teamUri, type: FileChangeType.Deleted }]);
        await settled(client);
        const afterDelete = client.publishCount(teamUri);

        await writeWorkspaceFile(folder, 'team-0.mandate', team(0));
        await client.didChangeWatchedFiles([{ uri: teamUri, type: FileChangeType.Created }]);
        await settled(client);
        expect(client.publishCount(teamUri)).toBe(afterDelete + 1);
        expect(await client.waitForDiagnostics(teamUri)).toEqual([]);

        // Replaced on disk by another text with the same (no) findings, as a file watcher may report a
        // quick delete and create: the new text's result is published too.
        await writeWorkspaceFile(folder, 'team-0.mandate', `// rewritten\n${team(0)}`);
        await client.didChangeWatchedFiles([{ uri: teamUri, type: FileChangeType.Changed }]);
        await settled(client);
        expect(client.publishCount(teamUri)).toBe(afterDelete + 2);
    }, CASE_TIMEOUT_MS);

    it('keeps the tree through a comment typed in an open file: its diagnostics and positions move, no other file is published', async () => {
        const people = `// The team
role helper "Helper" { reports to ciso }
person member-9 "Member 9"
assign member-9 to helper since 2024-03-01 appointed by board {
    evidence "minutes/missing.pdf"
    announced 2024-03-02 via intranet to all-staff
}
`;
        const files: Record<string, string> = { 'organization.mandate': ORGANIZATION, 'team-0.mandate': team(0), 'people.mandate': people };
        const folder = await createWorkspace(files);
        const uri = workspaceUri(folder, 'people.mandate');
        const others = ['organization.mandate', 'team-0.mandate'].map(name => workspaceUri(folder, name));
        const client = await LspClient.start({ workspaceFolders: [folder] });
        const before = await client.waitForDiagnostics(uri, hasCode('evidence-missing'));
        await client.openDocument(uri, people);
        await settled(client);
        const counts = others.map(other => client.publishCount(other));
        // The server sends its status after every build, and after a kept tree: the editor then finds the policy tests again.
        let statuses = 0;
        client.connection.onNotification(STATUS_NOTIFICATION, () => { statuses++; });
        const kept = () => client.logMessages.filter(log => log.message.endsWith('(only blanks and comments changed: the syntax tree was kept).')).length;

        await client.insert(uri, '// Appointed at the March meeting\n\n', 'person member-9');
        await settled(client);
        // The tree was kept and moved (language/layout-edit/).
        expect(kept()).toBe(1);
        expect(statuses).toBe(1);
        const moved = client.latestDiagnostics(uri)!.find(diagnostic => diagnostic.code === 'evidence-missing')!;
        const original = before.find(diagnostic => diagnostic.code === 'evidence-missing')!;
        expect(moved.range.start.line).toBe(original.range.start.line + 2);
        expect(others.map(other => client.publishCount(other))).toEqual(counts);
        // Go to definition from the assignment lands on the person's name, on its new line.
        const text = client.textOf(uri);
        const reference = positionAt(text, text.indexOf('member-9', text.indexOf('assign')));
        type Target = { range?: Range; targetSelectionRange?: Range };
        const found = await client.connection.sendRequest<Target[] | null>('textDocument/definition', { textDocument: { uri }, position: reference });
        const target = found?.[0]?.targetSelectionRange ?? found?.[0]?.range;
        expect(target?.start).toEqual(positionAt(text, text.indexOf('member-9')));

        // Deleting the comment again gives back the diagnostics of the text as it was.
        await client.changeDocument(uri, [{ range: { start: { line: 2, character: 0 }, end: { line: 4, character: 0 } }, text: '' }]);
        await settled(client);
        expect(client.textOf(uri)).toBe(people);
        expect(client.latestDiagnostics(uri)!.map(diagnostic => diagnostic.range)).toEqual(before.map(diagnostic => diagnostic.range));
        expect(kept()).toBe(2);

        // An edit of more than blanks and comments is built as usual.
        await client.insert(uri, 'person member-10 "Member 10"\n', 'assign');
        await settled(client);
        expect(kept()).toBe(2);
        expect(statuses).toBe(3);
    }, CASE_TIMEOUT_MS);
});
