/**
 * Integration tests of the bundled language server (out/server/main.cjs), driven over stdio by a
 * real JSON-RPC client (tests/lsp-client.ts). `npm test` builds first through `pretest`; when
 * running this file alone, run `npm run build` before `npx vitest run tests/lsp.test.ts`.
 *
 * Nothing here asserts on timing: every wait is for an eventual state, with a generous timeout.
 */
import { rm, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import {
    CompletionItemKind, CompletionResolveRequest, DiagnosticSeverity, FileChangeType, MessageType, TextDocumentSyncKind, type CompletionItem, type Diagnostic
} from 'vscode-languageserver-protocol/node';
import {
    codesOf, createWorkspace, disposeAllClients, hasCode, lacksCode, LspClient, messageOf, removeAllWorkspaces, withCursor,
    workspaceUri, writeWorkspaceFile
} from './lsp-client.js';

/** Each case starts a server and waits for several publications; the per-wait timeout is 20 s. */
const CASE_TIMEOUT_MS = 120_000;

afterEach(async () => {
    await disposeAllClients();
});

afterAll(async () => {
    await disposeAllClients();
    await removeAllWorkspaces();
});

function errors(diagnostics: readonly Diagnostic[]): Diagnostic[] {
    return diagnostics.filter(diagnostic => diagnostic.severity === DiagnosticSeverity.Error);
}

function only(diagnostics: readonly Diagnostic[], code: string): Diagnostic {
    const matching = diagnostics.filter(diagnostic => diagnostic.code === code);
    expect(matching, `exactly one ${code} in ${JSON.stringify(codesOf(diagnostics))}`).toHaveLength(1);
    return matching[0];
}

/** Today as the server computes it (local calendar date); both ends of the test, in case it spans midnight. */
function localIsoDate(now = new Date()): string {
    const pad = (value: number) => String(value).padStart(2, '0');
    return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

const ORGANIZATION = 'organization acme "Acme Ltd" { top management board }\n'
    + 'role board "Board of Directors"\n';

/** Everything a complete clause 5.3 policy needs besides the organization and the board. */
const CISO_POLICY = 'role ciso "Chief Information Security Officer" { designated CISO reports to board responsible for isms-reporting, isms-conformance accountable for isms-reporting, isms-conformance }\n'
    + 'responsibility isms-reporting "Report ISMS performance to top management" { satisfies ISO27001:5.3(b) every quarter }\n'
    + 'responsibility isms-conformance "Make the ISMS conform to ISO 27001" { satisfies ISO27001:5.3(a) }\n'
    + 'person jane "Jane Doe"\n'
    + 'assign jane to ciso since 2024-01-01 appointed by board { announced 2024-01-05 via intranet to all-staff }\n';

describe('Mandate language server over stdio (bundled out/server/main.cjs)', () => {

    it('publishes ciso-missing for an opened document and clears it as edits arrive', async () => {
        const initial = ORGANIZATION + 'role ciso "Chief Information Security Officer" { reports to board }\n';
        const folder = await createWorkspace();
        const uri = await writeWorkspaceFile(folder, 'acme.mandate', initial);
        const client = await LspClient.start({ workspaceFolders: [folder] });

        // Langium advertises incremental sync; the client sends ranges accordingly (it would send full text for Full).
        expect([TextDocumentSyncKind.Incremental, TextDocumentSyncKind.Full]).toContain(client.syncKind());
        expect(client.capabilities.completionProvider).toBeDefined();
        // A space after a keyword that takes a name, and the colon of a requirement ID, open completion (issue 12).
        expect(client.capabilities.completionProvider?.triggerCharacters).toEqual([' ', ':']);

        await client.openDocument(uri, initial);
        const before = await client.waitForDiagnostics(uri, hasCode('ciso-missing'));
        const missing = only(before, 'ciso-missing');
        expect(missing.severity).toBe(DiagnosticSeverity.Error);
        // Published on the organization's name, the workspace anchor.
        expect(missing.range.start).toEqual({ line: 0, character: 'organization '.length });
        expect(missing.range.end).toEqual({ line: 0, character: 'organization acme'.length });
        expect(messageOf(missing)).toMatch(/designated CISO/);

        // Designate the CISO: ciso-missing goes, and the role is now reported as vacant.
        await client.insert(uri, 'designated CISO ', 'reports to board');
        const designated = await client.waitForDiagnostics(uri, lacksCode('ciso-missing'));
        expect(codesOf(designated)).toContain('ciso-vacant');
        expect(codesOf(designated)).not.toContain('ciso-missing');

        // Give the CISO its clause 5.3 responsibilities and a holder, in one didChange with two edits.
        const text = client.textOf(uri);
        const endOfDocument = { line: text.split('\n').length - 1, character: 0 };
        const beforeReports = text.indexOf('reports to board');
        const cisoLine = text.slice(0, beforeReports).split('\n').length - 1;
        const column = beforeReports - (text.lastIndexOf('\n', beforeReports) + 1);
        const final = await client.changeDocument(uri, [
            { range: { start: endOfDocument, end: endOfDocument }, text: CISO_POLICY.split('\n').slice(1).join('\n') },
            {
                range: { start: { line: cisoLine, character: column }, end: { line: cisoLine, character: column } },
                text: 'responsible for isms-reporting, isms-conformance accountable for isms-reporting, isms-conformance '
            }
        ]);
        expect(final).toContain('designated CISO responsible for isms-reporting, isms-conformance accountable for isms-reporting, isms-conformance reports to board');
        const complete = await client.waitForDiagnostics(uri, diagnostics => diagnostics.length === 0);
        expect(complete).toEqual([]);

        // A clean shutdown: shutdown request, exit notification, exit code 0.
        await client.dispose();
        expect(client.hasExited).toBe(true);
        expect(client.exitCode).toBe(0);
    }, CASE_TIMEOUT_MS);

    it('publishes start-up diagnostics for every file on disk without any didOpen', async () => {
        const folder = await createWorkspace();
        const organization = await writeWorkspaceFile(folder, 'organization.mandate', ORGANIZATION);
        const security = await writeWorkspaceFile(folder, 'teams/security.mandate', CISO_POLICY);
        // Refers to a role nobody declares, and to a date that does not exist.
        const broken = await writeWorkspaceFile(folder, 'teams/finance.mandate',
            'person joe "Joe Bloggs"\nassign joe to cfo since 2024-02-30 appointed by board\n');

        const client = await LspClient.start({ workspaceFolders: [folder] });
        const [organizationDiagnostics, securityDiagnostics, brokenDiagnostics] = await Promise.all(
            [organization, security, broken].map(uri => client.waitForDiagnostics(uri))
        );

        expect(organizationDiagnostics).toEqual([]);
        expect(securityDiagnostics).toEqual([]);
        expect(errors(brokenDiagnostics).length).toBeGreaterThan(0);
        expect(codesOf(brokenDiagnostics)).toEqual(expect.arrayContaining(['linking-error', 'date-invalid']));
        const unresolved = only(brokenDiagnostics, 'linking-error');
        expect(unresolved.range.start.line).toBe(1);
        expect(messageOf(unresolved)).toMatch(/cfo/);
        expect(client.texts.size).toBe(0);
    }, CASE_TIMEOUT_MS);

    it('re-validates the organization file when the CISO file is deleted, re-created or changed on disk', async () => {
        // The CISO file's assignment is not announced, so it carries a warning of its own.
        const unannounced = CISO_POLICY.replace(/ \{ announced[^}]*\}/, '');
        const folder = await createWorkspace({ 'organization.mandate': ORGANIZATION, 'ciso.mandate': unannounced });
        const organization = workspaceUri(folder, 'organization.mandate');
        const ciso = workspaceUri(folder, 'ciso.mandate');
        const client = await LspClient.start({ workspaceFolders: [folder] });

        expect(await client.waitForDiagnostics(organization)).toEqual([]);
        expect(codesOf(await client.waitForDiagnostics(ciso))).toEqual(['assignment-not-communicated']);
        // The server asked to be told about file changes, which is how editors come to send them.
        expect(client.registrations.map(registration => registration.method)).toContain('workspace/didChangeWatchedFiles');

        // Delete: the organization file, which references nothing in the CISO file, must get ciso-missing.
        await rm(fileURLToPath(ciso));
        await client.didChangeWatchedFiles([{ uri: ciso, type: FileChangeType.Deleted }]);
        const afterDelete = await client.waitForDiagnostics(organization, hasCode('ciso-missing'));
        expect(only(afterDelete, 'ciso-missing').range.start.line).toBe(0);
        // The deleted file's own diagnostics are cleared.
        expect(await client.waitForDiagnostics(ciso, diagnostics => diagnostics.length === 0)).toEqual([]);

        // Re-create: ciso-missing clears again.
        await writeFile(fileURLToPath(ciso), unannounced, 'utf8');
        await client.didChangeWatchedFiles([{ uri: ciso, type: FileChangeType.Created }]);
        expect(await client.waitForDiagnostics(organization, lacksCode('ciso-missing'))).toEqual([]);
        expect(codesOf(await client.waitForDiagnostics(ciso, hasCode('assignment-not-communicated'))))
            .toEqual(['assignment-not-communicated']);

        // Change on disk: the role is no longer designated CISO.
        await writeFile(fileURLToPath(ciso), unannounced.replace('designated CISO ', ''), 'utf8');
        await client.didChangeWatchedFiles([{ uri: ciso, type: FileChangeType.Changed }]);
        expect(codesOf(await client.waitForDiagnostics(organization, hasCode('ciso-missing')))).toContain('ciso-missing');
    }, CASE_TIMEOUT_MS);

    it('goes back to the file on disk when an edited document is closed, and forgets a deleted one', async () => {
        const folder = await createWorkspace({ 'organization.mandate': ORGANIZATION, 'ciso.mandate': CISO_POLICY });
        const ciso = workspaceUri(folder, 'ciso.mandate');
        const client = await LspClient.start({ workspaceFolders: [folder] });
        expect(await client.waitForDiagnostics(ciso)).toEqual([]);

        // An unsaved edit breaks a reference; closing without saving restores the file's state.
        await client.openDocument(ciso, CISO_POLICY);
        await client.changeDocument(ciso, [{ range: { start: { line: 3, character: 7 }, end: { line: 3, character: 11 } }, text: 'janet' }]);
        await client.waitForDiagnostics(ciso, hasCode('linking-error'));
        await client.closeDocument(ciso);
        expect(await client.waitForDiagnostics(ciso, lacksCode('linking-error'))).toEqual([]);

        // Deleted while open, then closed: its diagnostics go away instead of living on.
        await client.openDocument(ciso, CISO_POLICY);
        await client.changeDocument(ciso, [{ range: { start: { line: 3, character: 7 }, end: { line: 3, character: 11 } }, text: 'janet' }]);
        await client.waitForDiagnostics(ciso, hasCode('linking-error'));
        await rm(fileURLToPath(ciso));
        await client.closeDocument(ciso);
        expect(await client.waitForDiagnostics(ciso, diagnostics => diagnostics.length === 0)).toEqual([]);
    }, CASE_TIMEOUT_MS);

    it('follows workspace folders added and removed after start-up', async () => {
        const first = await createWorkspace({ 'organization.mandate': ORGANIZATION, 'ciso.mandate': CISO_POLICY });
        const second = await createWorkspace({ 'people.mandate': 'person bob "Bob" { employed since 2024-02-30 }\n' });
        const people = workspaceUri(second, 'people.mandate');
        const client = await LspClient.start({ workspaceFolders: [first] });
        expect(await client.waitForDiagnostics(workspaceUri(first, 'ciso.mandate'))).toEqual([]);

        await client.changeWorkspaceFolders([second], []);
        expect(codesOf(await client.waitForDiagnostics(people, hasCode('date-invalid')))).toEqual(['date-invalid']);
        await client.changeWorkspaceFolders([], [second]);
        expect(await client.waitForDiagnostics(people, diagnostics => diagnostics.length === 0)).toEqual([]);
    }, CASE_TIMEOUT_MS);

    it('applies the configuration of the folders in the workspace after folders are added and removed', async () => {
        const first = await createWorkspace({ 'organization.mandate': ORGANIZATION, 'ciso.mandate': CISO_POLICY, 'people.mandate': 'person bob "Bob" { employed since 2024-02-30 }\n' });
        const second = await createWorkspace({ 'mandate.config.json': '{ "rules": { "date-invalid": "warning" } }' });
        const people = workspaceUri(first, 'people.mandate');
        const severityOf = (diagnostics: Diagnostic[]) => diagnostics.find(diagnostic => diagnostic.code === 'date-invalid')?.severity;
        const client = await LspClient.start({ workspaceFolders: [first] });
        expect(severityOf(await client.waitForDiagnostics(people, hasCode('date-invalid')))).toBe(DiagnosticSeverity.Error);
        await client.changeWorkspaceFolders([second], []);
        await client.waitForDiagnostics(people, diagnostics => severityOf(diagnostics) === DiagnosticSeverity.Warning);
        await client.changeWorkspaceFolders([], [second]);
        await client.waitForDiagnostics(people, diagnostics => severityOf(diagnostics) === DiagnosticSeverity.Error);
    }, CASE_TIMEOUT_MS);

    it('keeps the documents of a workspace folder inside a folder that is removed', async () => {
        const outer = await createWorkspace({ 'organization.mandate': ORGANIZATION, 'ciso.mandate': CISO_POLICY, 'sub/people.mandate': 'person bob "Bob" { employed since 2024-02-30 }\n' });
        const inner = path.join(outer, 'sub');
        const people = workspaceUri(outer, 'sub/people.mandate');
        const client = await LspClient.start({ workspaceFolders: [outer, inner] });
        await client.waitForDiagnostics(people, hasCode('date-invalid'));
        await client.changeWorkspaceFolders([], [outer]);
        // Answered after the removal is built: bob is still declared, and his file still checked.
        const symbols = await client.connection.sendRequest<Array<{ name: string }>>('workspace/symbol', { query: 'bob' });
        expect(symbols.map(symbol => symbol.name)).toContain('bob — Bob');
        expect(codesOf(client.latestDiagnostics(people) ?? [])).toContain('date-invalid');
    }, CASE_TIMEOUT_MS);

    it('applies mandate.config.json, re-reads it on change and shows its problems on the file', async () => {
        const unannounced = CISO_POLICY.replace(/ \{ announced[^}]*\}/, '');
        const folder = await createWorkspace({
            'organization.mandate': ORGANIZATION, 'ciso.mandate': unannounced,
            'mandate.config.json': '{ "rules": { "assignment-not-communicated": "error" } }'
        });
        const ciso = workspaceUri(folder, 'ciso.mandate');
        const config = workspaceUri(folder, 'mandate.config.json');
        const client = await LspClient.start({ workspaceFolders: [folder] });
        const first = await client.waitForDiagnostics(ciso, hasCode('assignment-not-communicated'));
        expect(first[0].severity).toBe(1);
        expect(first[0].codeDescription?.href).toMatch(/docs\/rules\/assignment-not-communicated\.md$/);

        await writeFile(fileURLToPath(config), '{ "rules": { "assignment-not-communicated": "loud" ', 'utf8');
        await client.didChangeWatchedFiles([{ uri: config, type: FileChangeType.Changed }]);
        const problems = await client.waitForDiagnostics(config, diagnostics => diagnostics.length > 0);
        expect(codesOf(problems)).toContain('config-invalid');
        // The broken file counts as no configuration: the rule is back at its default severity.
        expect((await client.waitForDiagnostics(ciso, diagnostics => diagnostics[0]?.severity === 2))[0].code).toBe('assignment-not-communicated');

        await writeFile(fileURLToPath(config), '{ "rules": { "assignment-not-communicated": "off" } }', 'utf8');
        await client.didChangeWatchedFiles([{ uri: config, type: FileChangeType.Changed }]);
        expect(await client.waitForDiagnostics(config, diagnostics => diagnostics.length === 0)).toEqual([]);
        expect(await client.waitForDiagnostics(ciso, diagnostics => diagnostics.length === 0)).toEqual([]);
    }, CASE_TIMEOUT_MS);

    it('re-checks evidence-missing when the named evidence file appears or disappears', async () => {
        const policy = CISO_POLICY.replace('{ announced', '{ evidence "minutes/2024-01-board.pdf" announced');
        const folder = await createWorkspace({ 'organization.mandate': ORGANIZATION, 'ciso.mandate': policy });
        const ciso = workspaceUri(folder, 'ciso.mandate');
        const evidence = workspaceUri(folder, 'minutes/2024-01-board.pdf');
        const client = await LspClient.start({ workspaceFolders: [folder] });
        expect(codesOf(await client.waitForDiagnostics(ciso, hasCode('evidence-missing')))).toEqual(['evidence-missing']);

        await writeWorkspaceFile(folder, 'minutes/2024-01-board.pdf', '%PDF-1.7');
        await client.didChangeWatchedFiles([{ uri: evidence, type: FileChangeType.Created }]);
        expect(await client.waitForDiagnostics(ciso, lacksCode('evidence-missing'))).toEqual([]);

        await rm(fileURLToPath(evidence));
        await client.didChangeWatchedFiles([{ uri: evidence, type: FileChangeType.Deleted }]);
        expect(codesOf(await client.waitForDiagnostics(ciso, hasCode('evidence-missing')))).toEqual(['evidence-missing']);
    }, CASE_TIMEOUT_MS);

    it('re-checks evidence-missing when the folder holding the evidence is deleted or created, announced by the folder\'s event alone', async () => {
        const policy = CISO_POLICY.replace('{ announced', '{ evidence "minutes/2024-01-board.pdf" announced');
        const folder = await createWorkspace({ 'organization.mandate': ORGANIZATION, 'ciso.mandate': policy, 'minutes/2024-01-board.pdf': '%PDF-1.7' });
        const ciso = workspaceUri(folder, 'ciso.mandate');
        const minutes = workspaceUri(folder, 'minutes');
        const client = await LspClient.start({ workspaceFolders: [folder] });
        expect(await client.waitForDiagnostics(ciso, lacksCode('evidence-missing'))).toEqual([]);
        // Open in the editor, with the text on disk: still checked again.
        await client.openDocument(ciso, policy);

        // VS Code announces a folder deleted (or renamed away) by the folder's event only.
        await rm(fileURLToPath(minutes), { recursive: true });
        await client.didChangeWatchedFiles([{ uri: minutes, type: FileChangeType.Deleted }]);
        expect(codesOf(await client.waitForDiagnostics(ciso, hasCode('evidence-missing')))).toEqual(['evidence-missing']);

        await writeWorkspaceFile(folder, 'minutes/2024-01-board.pdf', '%PDF-1.7');
        await client.didChangeWatchedFiles([{ uri: minutes, type: FileChangeType.Created }]);
        expect(await client.waitForDiagnostics(ciso, lacksCode('evidence-missing'))).toEqual([]);
    }, CASE_TIMEOUT_MS);

    it('clears the diagnostics of a policy deleted together with the folder of the files it names, in one event', async () => {
        const policy = CISO_POLICY.replace('{ announced', '{ evidence "minutes/2024-01-board.pdf" announced');
        const folder = await createWorkspace({ 'organization.mandate': ORGANIZATION, 'ciso.mandate': `${policy}person idle "Idle" { employed since 2024-02-30 }\n`, 'minutes/2024-01-board.pdf': '%PDF-1.7' });
        const ciso = workspaceUri(folder, 'ciso.mandate');
        const client = await LspClient.start({ workspaceFolders: [folder] });
        await client.waitForDiagnostics(ciso, diagnostics => diagnostics.length > 0);
        await rm(fileURLToPath(ciso));
        await rm(fileURLToPath(workspaceUri(folder, 'minutes')), { recursive: true });
        await client.didChangeWatchedFiles([{ uri: ciso, type: FileChangeType.Deleted }, { uri: workspaceUri(folder, 'minutes'), type: FileChangeType.Deleted }]);
        expect(await client.waitForDiagnostics(ciso, diagnostics => diagnostics.length === 0)).toEqual([]);
        // Answered after the update: the deleted policy is not back.
        const symbols = await client.connection.sendRequest<Array<{ name: string }>>('workspace/symbol', { query: 'idle' });
        expect(symbols).toEqual([]);
        expect(client.latestDiagnostics(ciso)).toEqual([]);
    }, CASE_TIMEOUT_MS);

    describe('the mandate.asOf setting', () => {
        const limitedTerm = ORGANIZATION + CISO_POLICY.replace('since 2024-01-01', 'since 2024-01-01 until 2025-12-31');

        it('is read before the first build and re-applied on didChangeConfiguration', async () => {
            const folder = await createWorkspace({ 'acme.mandate': limitedTerm });
            const uri = workspaceUri(folder, 'acme.mandate');
            const client = await LspClient.start({ workspaceFolders: [folder], settings: { mandate: { asOf: '2025-06-30' } } });

            // The very first publication already uses the configured date (today, the CISO's term is over).
            const first = await client.waitForDiagnostics(uri, () => true, undefined, { after: 0 });
            expect(first).toEqual([]);
            expect(JSON.stringify(client.configurationRequests)).toContain('"section":"mandate"');

            await client.setSettings({ mandate: { asOf: '2026-06-30' } });
            const vacant = only(await client.waitForDiagnostics(uri, hasCode('ciso-vacant')), 'ciso-vacant');
            expect(vacant.severity).toBe(DiagnosticSeverity.Error);
            expect(messageOf(vacant)).toContain('2026-06-30');
            expect(messageOf(vacant)).toContain('It was last held on 2025-12-31, by ');

            // And back again.
            await client.setSettings({ mandate: { asOf: '2025-06-30' } });
            expect(await client.waitForDiagnostics(uri, lacksCode('ciso-vacant'))).toEqual([]);
        }, CASE_TIMEOUT_MS);

        it('falls back to today on an invalid date sent by didChangeConfiguration, and keeps answering', async () => {
            const folder = await createWorkspace({ 'acme.mandate': limitedTerm });
            const uri = workspaceUri(folder, 'acme.mandate');
            const client = await LspClient.start({ workspaceFolders: [folder], settings: { mandate: { asOf: '2025-06-30' } } });
            expect(await client.waitForDiagnostics(uri)).toEqual([]);

            const todayBefore = localIsoDate();
            await client.setSettings({ mandate: { asOf: '2025-02-30' } });
            // Today is after the term ended on 2025-12-31, so the CISO role is vacant on today's date.
            const vacant = only(await client.waitForDiagnostics(uri, hasCode('ciso-vacant')), 'ciso-vacant');
            const todayAfter = localIsoDate();
            expect([todayBefore, todayAfter].some(today => messageOf(vacant).includes(`on ${today}.`))).toBe(true);
            expect(messageOf(vacant)).not.toContain('2025-02-30');

            const warning = await client.waitForMessage(MessageType.Warning, message => message.includes('mandate.asOf'));
            expect(warning).toContain('2025-02-30');

            // Still alive and answering requests.
            const completion = await client.completion(uri, { line: 0, character: 0 });
            expect(completion.length).toBeGreaterThan(0);
            expect(client.hasExited).toBe(false);

            // And a valid date afterwards is applied again.
            await client.setSettings({ mandate: { asOf: '2025-06-30' } });
            expect(await client.waitForDiagnostics(uri, lacksCode('ciso-vacant'))).toEqual([]);
        }, CASE_TIMEOUT_MS);

        it('falls back to today on an invalid date returned by workspace/configuration at start-up', async () => {
            const folder = await createWorkspace({ 'acme.mandate': limitedTerm });
            const uri = workspaceUri(folder, 'acme.mandate');
            const todayBefore = localIsoDate();
            const client = await LspClient.start({ workspaceFolders: [folder], settings: { mandate: { asOf: '2025-02-30' } } });

            const vacant = only(await client.waitForDiagnostics(uri, hasCode('ciso-vacant')), 'ciso-vacant');
            const todayAfter = localIsoDate();
            expect([todayBefore, todayAfter].some(today => messageOf(vacant).includes(`on ${today}.`))).toBe(true);
            const warning = await client.waitForMessage(MessageType.Warning, message => message.includes('mandate.asOf'));
            expect(warning).toContain('2025-02-30');
            expect((await client.completion(uri, { line: 0, character: 0 })).length).toBeGreaterThan(0);
            expect(client.hasExited).toBe(false);
        }, CASE_TIMEOUT_MS);

        it('says so when mandate.asOf is a number, not a date written as text, instead of silently using today', async () => {
            const folder = await createWorkspace({ 'acme.mandate': limitedTerm });
            const client = await LspClient.start({ workspaceFolders: [folder], settings: { mandate: { asOf: 20250630 } } });
            const warning = await client.waitForMessage(MessageType.Warning, message => message.includes('mandate.asOf'));
            expect(warning).toBe('Setting mandate.asOf: 20250630 is not a valid as-of date; write it as text, "YYYY-MM-DD", e.g. "2025-01-31". Using today\'s date instead.');
        }, CASE_TIMEOUT_MS);
    });

    describe('completion', () => {
        it('offers the top-level keywords in an empty document', async () => {
            const folder = await createWorkspace();
            const uri = workspaceUri(folder, 'empty.mandate');
            const client = await LspClient.start({ workspaceFolders: [folder] });
            await client.openDocument(uri, '');
            await client.waitForDiagnostics(uri);

            const items = await client.completion(uri, { line: 0, character: 0 });
            const keywords = items.filter(item => item.kind === CompletionItemKind.Keyword).map(item => item.label);
            expect(keywords).toEqual(expect.arrayContaining([
                'organization', 'person', 'role', 'responsibility', 'authority', 'assign', 'delegate', 'training',
                'completed', 'conflict between'
            ]));
            // Only declarations start a file: no keyword from inside a block.
            expect(keywords).not.toContain('satisfies');
            expect(keywords).not.toContain('reports');
        }, CASE_TIMEOUT_MS);

        it('offers catalogue requirement IDs with their titles after satisfies', async () => {
            const folder = await createWorkspace();
            const uri = workspaceUri(folder, 'duties.mandate');
            const { text, position } = withCursor('responsibility isms-reporting "Report ISMS performance" { satisfies |');
            const client = await LspClient.start({ workspaceFolders: [folder] });
            await client.openDocument(uri, text);
            await client.waitForDiagnostics(uri);

            const items = await client.completion(uri, position);
            const labels = items.map(item => item.label);
            expect(labels).toEqual(expect.arrayContaining(['ISO27001:5.3(a)', 'ISO27001:5.3(b)']));
            const reporting = items.find(item => item.label === 'ISO27001:5.3(b)')!;
            expect(typeof reporting.detail).toBe('string');
            expect(reporting.detail!.length).toBeGreaterThan(0);
            expect(reporting.kind).toBe(CompletionItemKind.Constant);
            // Requirement IDs, not keywords, come after `satisfies`.
            expect(labels).not.toContain('role');
        }, CASE_TIMEOUT_MS);

        it('offers the declared roles of the whole workspace after reports to', async () => {
            const folder = await createWorkspace({ 'board.mandate': ORGANIZATION });
            const uri = workspaceUri(folder, 'roles.mandate');
            const { text, position } = withCursor(
                'role ciso "Chief Information Security Officer" { reports to | }\n'
                + 'role cfo "Chief Financial Officer"\n'
                + 'person jane "Jane Doe"\n'
            );
            const client = await LspClient.start({ workspaceFolders: [folder] });
            // The start-up build has indexed the file on disk once its diagnostics are out.
            await client.waitForDiagnostics(workspaceUri(folder, 'board.mandate'));
            await client.openDocument(uri, text);
            await client.waitForDiagnostics(uri);

            const items = await client.completion(uri, position);
            const labels = items.map(item => item.label);
            expect(labels).toEqual(expect.arrayContaining(['board', 'cfo']));
            expect(labels).not.toContain('jane');
            expect(labels).not.toContain('acme');
            // With the as-of status: nobody holds them (completion-values.ts).
            expect(items.find(item => item.label === 'board')?.detail).toBe('Board of Directors (vacant)');
            expect(items.find(item => item.label === 'cfo')?.detail).toBe('Chief Financial Officer (vacant)');
        }, CASE_TIMEOUT_MS);

        it('reads the doc comment of a name when the editor resolves its item, not for every name of the list', async () => {
            const folder = await createWorkspace({ 'board.mandate': ORGANIZATION.replace('role board', '// Signs off the ISMS budget.\nrole board') });
            const uri = workspaceUri(folder, 'roles.mandate');
            const { text, position } = withCursor('role ciso "Chief Information Security Officer" { reports to | }\n');
            const client = await LspClient.start({ workspaceFolders: [folder] });
            expect(client.capabilities.completionProvider?.resolveProvider).toBe(true);
            await client.waitForDiagnostics(workspaceUri(folder, 'board.mandate'));
            await client.openDocument(uri, text);
            await client.waitForDiagnostics(uri);

            const board = (await client.completion(uri, position)).find(item => item.label === 'board')!;
            expect(board.documentation).toBeUndefined();
            const resolved: CompletionItem = await client.connection.sendRequest(CompletionResolveRequest.type, board);
            expect(resolved.documentation).toEqual({ kind: 'markdown', value: 'Signs off the ISMS budget.' });
            expect(resolved.detail).toBe(board.detail);
        }, CASE_TIMEOUT_MS);
    });
});
