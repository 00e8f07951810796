/**
 * Paths named in a policy through the bundled CLI and language server (out/cli/main.cjs,
 * out/server/main.cjs; `npm run bundle` before running this file alone): links out of the
 * workspace, `file:` URLs, encoded and `~` paths are findings of `mandate check`, of every report
 * format and of the editor alike, and the canary file they point at reaches none of them.
 */
import { mkdir, symlink } from 'node:fs/promises';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPORT_REQUEST, type ReportResult } from '../language/lsp/mandate-protocol.js';
import { REPORT_FORMATS } from '../language/report/format-info.js';
import { mandate } from './cli-helpers.js';
import { disposeAllClients, LspClient, messageOf, workspaceUri } from './lsp-client.js';
import { expectedFindings, hostileWorkspace, type HostileWorkspace } from './policy-paths-fixture.js';

const AS_OF = '2025-06-30';
const PATH_RULES = ['path-outside-workspace', 'evidence-missing'];

let workspace: HostileWorkspace;

beforeAll(async () => {
    workspace = await hostileWorkspace();
});

afterAll(async () => {
    await disposeAllClients();
    await workspace?.remove();
});

function noCanary(text: string, where: string): void {
    expect(text.includes(workspace.canaryText), where).toBe(false);
    expect(text.includes(workspace.canarySha256), where).toBe(false);
}

interface Row { file: string; line: number; rule: string; message: string }

describe('paths named in a policy, through the CLI and the language server', () => {
    let checkRows: Row[];

    it('mandate check reports every path that leads outside the workspace', () => {
        const run = mandate(workspace.root, 'check', '--format', 'json', '--as-of', AS_OF, '.');
        expect(run.code, run.stderr).toBe(1);
        checkRows = (JSON.parse(run.stdout) as Row[]).filter(row => PATH_RULES.includes(row.rule));
        expect(checkRows.map(row => `${path.basename(row.file)}:${row.line} ${row.rule}`).sort()).toEqual(expectedFindings(workspace));
        noCanary(run.stdout + run.stderr, 'check');
    });

    it.each(REPORT_FORMATS)('mandate report --format %s has the same findings and never the canary', format => {
        const run = mandate(workspace.root, 'report', '--format', format, '--as-of', AS_OF, '.');
        expect(run.stderr).not.toMatch(/internal error|TypeError|undefined/i);
        expect(run.stdout.length).toBeGreaterThan(0);
        noCanary(run.stdout + run.stderr, format);
        if (format === 'json') {
            const report = JSON.parse(run.stdout) as { findings: Array<{ rule: string; message: string; source: { file: string; line: number } }> };
            const rows = report.findings.filter(finding => PATH_RULES.includes(finding.rule))
                .map(finding => `${path.basename(finding.source.file)}:${finding.source.line} ${finding.rule} ${finding.message}`).sort();
            expect(rows).toEqual(checkRows.map(row => `${path.basename(row.file)}:${row.line} ${row.rule} ${row.message}`).sort());
        }
    });

    it('the language server publishes the same findings', async () => {
        const client = await LspClient.start({ workspaceFolders: [workspace.root], settings: { mandate: { asOf: AS_OF } } });
        const rows: string[] = [];
        for (const name of ['people.mandate', 'roles.mandate']) {
            const diagnostics = await client.waitForDiagnostics(workspaceUri(workspace.root, name), list => list.some(diagnostic => diagnostic.code === 'path-outside-workspace'), 60_000);
            for (const diagnostic of diagnostics) {
                const message = messageOf(diagnostic);
                noCanary(message, `${name} diagnostics`);
                if (PATH_RULES.includes(String(diagnostic.code))) rows.push(`${name}:${diagnostic.range.start.line + 1} ${String(diagnostic.code)} ${message}`);
            }
        }
        expect(rows.sort()).toEqual(checkRows.map(row => `${path.basename(row.file)}:${row.line} ${row.rule} ${row.message}`).sort());

        // The editor's report, built by the server, never carries the canary either.
        for (const format of REPORT_FORMATS) {
            const result: ReportResult = await client.connection.sendRequest(REPORT_REQUEST, { format });
            noCanary(result.content, `editor report ${format}`);
        }
    }, 120_000);

    it('the editor never saves a report into a report folder that is a symbolic link out of the workspace', async () => {
        await symlink(workspace.outside, path.join(workspace.root, 'linked-reports'));
        const client = await LspClient.start({ workspaceFolders: [workspace.root], settings: { mandate: { asOf: AS_OF, report: { outputDir: 'linked-reports' } } } });
        await client.waitForDiagnostics(workspaceUri(workspace.root, 'people.mandate'), list => list.length > 0, 60_000);
        await expect(client.connection.sendRequest(REPORT_REQUEST, { format: 'md' })).rejects.toThrow(
            "mandate.report.outputDir 'linked-reports' is not inside the workspace folder: 'linked-reports' is a symbolic link that leads outside the workspace folder. Use a relative folder such as 'reports'.");
    }, 120_000);

    it('the editor never saves a report over a report file that is a symbolic link out of the workspace, or a folder', async () => {
        const client = await LspClient.start({ workspaceFolders: [workspace.root], settings: { mandate: { asOf: AS_OF, report: { outputDir: 'own-reports' } } } });
        await client.waitForDiagnostics(workspaceUri(workspace.root, 'people.mandate'), list => list.length > 0, 60_000);
        const { target } = await client.connection.sendRequest<ReportResult>(REPORT_REQUEST, { format: 'json' });
        const name = path.basename(fileURLToPath(target));
        await mkdir(path.join(workspace.root, 'own-reports'), { recursive: true });
        await symlink(path.join(workspace.outside, 'victim.json'), path.join(workspace.root, 'own-reports', name));
        await expect(client.connection.sendRequest(REPORT_REQUEST, { format: 'json' })).rejects.toThrow(
            `The report 'own-reports/${name}' would be written outside the workspace folder: 'own-reports/${name}' is a symbolic link that leads outside the workspace folder.`);
        await mkdir(path.join(workspace.root, 'own-reports', name.replace(/\.json$/, '.md')));
        await expect(client.connection.sendRequest(REPORT_REQUEST, { format: 'md' })).rejects.toThrow(/cannot be written: it is a folder/);
    }, 120_000);
});
