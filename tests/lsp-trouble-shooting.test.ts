/**
 * Trouble-shooting (issue 12): the output channel was empty, and the server sent no `serverInfo`.
 * The initialize result names the server and its version; the log (window/logMessage, what VS Code
 * shows under Mandate: Show Language Server Output) gives the version at start, the workspace
 * folders, the as-of date and the configuration file after the first check and whenever one
 * changes, and how long each check took. The server runs with the Node.js options and environment
 * the extension starts it with (server/node-options.ts); the extension's own start is covered by the
 * end-to-end tests.
 * Run `npm run build` first when running this file alone.
 */
import { readFileSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { FileChangeType, MessageType } from 'vscode-languageserver-protocol/node';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { generateBigFile } from '../bench/generate-workspace.js';
import { SERVER_ENVIRONMENT, SERVER_NODE_OPTIONS } from '../server/node-options.js';
import { codesOf, createWorkspace, disposeAllClients, LspClient, removeAllWorkspaces, workspaceUri } from './lsp-client.js';

const CASE_TIMEOUT_MS = 60_000;
const VERSION = (JSON.parse(readFileSync(join(import.meta.dirname, '..', 'package.json'), 'utf8')) as { version: string }).version;
const POLICY = `organization acme "Acme" { top management board }
role board "Board"
person lone "Lone Person"
`;
const CHECKED = /^Checked (\d+) files? in \d+ ms( \(only blanks and comments changed: the syntax tree was kept\)| \(one statement was read again: the rest of the syntax tree was kept\))?\.$/;

afterEach(async () => {
    await disposeAllClients();
});

afterAll(async () => {
    await disposeAllClients();
    await removeAllWorkspaces();
});

/** The Info lines of the server's log, in order. */
function infoLines(client: LspClient): string[] {
    return client.logMessages.filter(message => message.type === MessageType.Info).map(message => message.message);
}

async function waitForLine(client: LspClient, predicate: (line: string) => boolean, what: string, after = 0): Promise<string> {
    const find = (): string | undefined => infoLines(client).slice(after).find(predicate);
    await client.waitUntil(() => find() !== undefined, `the log line ${what}`);
    return find()!;
}

describe('trouble-shooting', () => {
    it('the log says when an edit of a large file was read by parsing one statement again', async () => {
        const files = generateBigFile(12, 20);
        expect(files['people.mandate'].length).toBeGreaterThan(64 * 1024);
        const folder = await createWorkspace(files);
        const client = await LspClient.start({ workspaceFolders: [folder], settings: { mandate: { asOf: '2025-06-30' } } });
        await waitForLine(client, line => CHECKED.test(line), 'of the first check');
        const seen = infoLines(client).length;
        const people = workspaceUri(folder, 'people.mandate');
        await client.openDocument(people, files['people.mandate']);
        // Inside an appointment's evidence: the file's other 2,000 statements keep their nodes.
        await client.insert(people, 'x', 'HR-5-1"');
        const edited = await waitForLine(client, line => CHECKED.test(line) && line.includes('read again'), 'of the check after the edit', seen);
        expect(edited).toMatch(/^Checked 1 file in \d+ ms \(one statement was read again: the rest of the syntax tree was kept\)\.$/);
    }, CASE_TIMEOUT_MS);

    it('initialize answers serverInfo with the name mandate and the package version', async () => {
        const folder = await createWorkspace({ 'policy.mandate': POLICY });
        const client = await LspClient.start({ workspaceFolders: [folder] });
        expect(client.serverInfo).toEqual({ name: 'mandate', version: VERSION });
    }, CASE_TIMEOUT_MS);

    it('the log gives the version, folders, as-of date, configuration file and check times, at start and on changes', async () => {
        const folder = await createWorkspace({
            'policy.mandate': POLICY,
            'more/people.mandate': 'person other "Other Person"\n',
            'mandate.config.json': JSON.stringify({ rules: { 'ciso-missing': 'warning' } })
        });
        const client = await LspClient.start({ workspaceFolders: [folder], settings: { mandate: { asOf: '2025-06-30' } } });
        const first = await waitForLine(client, line => CHECKED.test(line), '"Checked … files in … ms."');
        expect(first).toMatch(/^Checked 2 files in \d+ ms\.$/);
        const start = infoLines(client);
        expect(start).toContain(`Mandate language server ${VERSION} (Node ${process.version}, ${process.platform}).`);
        expect(start).toContain(`Workspace folders: ${folder}.`);
        expect(start).toContain('As-of date: 2025-06-30 (mandate.asOf).');
        expect(start).toContain(`Configuration: ${join(folder, 'mandate.config.json')}.`);
        // Each fact once, before the first check time.
        expect(start.slice(0, start.indexOf(first)).filter(line => line.startsWith('As-of date:'))).toHaveLength(1);

        // A new as-of date is logged with the check it causes.
        let seen = infoLines(client).length;
        await client.setSettings({ mandate: { asOf: '' } });
        await waitForLine(client, line => /^As-of date: \d{4}-\d{2}-\d{2} \(today: mandate\.asOf is not set\)\.$/.test(line), 'with today\'s as-of date', seen);
        await waitForLine(client, line => CHECKED.test(line), 'of the check after the as-of date changed', seen);

        // An edit logs its check time, and nothing about settings that did not change.
        seen = infoLines(client).length;
        const policy = workspaceUri(folder, 'policy.mandate');
        await client.openDocument(policy, POLICY);
        await client.insert(policy, '// a comment\n');
        // A comment changes nothing the file says: its syntax tree is kept, and the log says so.
        const edited = await waitForLine(client, line => CHECKED.test(line), 'of the check after an edit', seen);
        expect(edited).toMatch(/^Checked 1 file in \d+ ms \(only blanks and comments changed: the syntax tree was kept\)\.$/);
        expect(infoLines(client).slice(seen).filter(line => /^(Workspace folders|As-of date|Configuration):/.test(line))).toEqual([]);

        // The configuration file removed.
        seen = infoLines(client).length;
        await rm(join(folder, 'mandate.config.json'));
        await client.didChangeWatchedFiles([{ uri: workspaceUri(folder, 'mandate.config.json'), type: FileChangeType.Deleted }]);
        await waitForLine(client, line => line.startsWith('Configuration: none'), 'saying no configuration file is in use', seen);

        // No internal words in any of it.
        expect(infoLines(client).join('\n')).not.toMatch(/undefined|NaN|\[object Object\]/);
    }, CASE_TIMEOUT_MS);
    it('the log says which directory export the drift rules use, how many records it has, and when it has problems', async () => {
        const header = 'Employee #,Display Name,Work Email,Job Title,Supervisor Email,Hire Date,Termination Date,Status';
        const folder = await createWorkspace({
            'policy.mandate': POLICY,
            'mandate.config.json': JSON.stringify({ directory: { source: 'hr/people.csv' } }),
            'hr/people.csv': `${header}\n1,Lone Person,lone@acme.example,Analyst,,2020-01-01,,Active\n`
        });
        const client = await LspClient.start({ workspaceFolders: [folder], settings: { mandate: { asOf: '2025-06-30' } } });
        await waitForLine(client, line => CHECKED.test(line), '"Checked … files in … ms."');
        expect(infoLines(client)).toContain('Directory: hr/people.csv, read as CSV (BambooHR preset, detected): 1 record.');

        const seen = infoLines(client).length;
        await writeFile(join(folder, 'hr', 'people.csv'), `${header}\n1,"Lone Person\n`, 'utf8');
        await client.didChangeWatchedFiles([{ uri: workspaceUri(folder, 'hr/people.csv'), type: FileChangeType.Changed }]);
        await waitForLine(client, line => line.startsWith('Directory: hr/people.csv, read as CSV') && line.includes('with 1 problem (shown on the file'), 'saying the export has a problem', seen);
        expect(infoLines(client).join('\n')).not.toMatch(/undefined|NaN|\[object Object\]/);
    }, CASE_TIMEOUT_MS);
});

describe('the server as the extension starts it', () => {
    it('Node accepts the options and the server checks with them and the variables in its environment', async () => {
        expect(SERVER_NODE_OPTIONS).toContain('--max-semi-space-size=4');
        expect(SERVER_ENVIRONMENT).toEqual({ MALLOC_ARENA_MAX: '2' });
        const folder = await createWorkspace({ 'policy.mandate': POLICY });
        const client = await LspClient.start({ workspaceFolders: [folder], nodeOptions: SERVER_NODE_OPTIONS, environment: SERVER_ENVIRONMENT });
        expect(codesOf(await client.waitForDiagnostics(workspaceUri(folder, 'policy.mandate')))).toContain('ciso-missing');
        const commandLine = readFileSync(`/proc/${client.process.pid}/cmdline`, 'utf8').split('\0');
        expect(commandLine.slice(1, 1 + SERVER_NODE_OPTIONS.length)).toEqual([...SERVER_NODE_OPTIONS]);
        const environment = readFileSync(`/proc/${client.process.pid}/environ`, 'utf8').split('\0');
        for (const [name, value] of Object.entries(SERVER_ENVIRONMENT)) expect(environment).toContain(`${name}=${value}`);
    }, CASE_TIMEOUT_MS);
});
