/**
 * Diagnostics in the real editor: every examples/findings/<rule-id> folder shows exactly the
 * findings its `// expect:` markers name, with the rule ID as the diagnostic's code, and the
 * clean Acme policy shows no errors and no warnings, both from the server's start-up validation
 * and after being copied in. The as-of date is fixed in the workspace settings (workspace.ts).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
    DiagnosticsWatcher, examplesFolder, expectedFindings, findingsUnder, formatFindings, policyFiles, stage, staged, waitFor
} from './helpers';

const PROBLEMS = [vscode.DiagnosticSeverity.Error, vscode.DiagnosticSeverity.Warning];

/**
 * Rules that read the git history (recorded-by provenance), which only the CLI reads: the editor
 * never runs git, so their examples show every marked finding except the rule's own.
 */
const CLI_ONLY = new Set(['record-late']);

function findingFolders(): string[] {
    const root = path.join(examplesFolder(), 'findings');
    return fs.readdirSync(root, { withFileTypes: true })
        .filter(entry => entry.isDirectory())
        .map(entry => entry.name)
        .sort();
}

suite('Diagnostics', () => {
    test('start-up validation: examples/acme has no errors and no warnings', async () => {
        // The workspace opens with acme in it. Restarting the server replays the
        // start-up validation while this test watches, so an empty result is a real result.
        const acme = await staged('acme');
        // Watch from after the restart: stopping the client clears (and so "publishes") every
        // file, and only the new server's start-up build may count. It cannot publish before
        // this line runs, because it first asks this extension host for the mandate settings.
        await vscode.commands.executeCommand('mandate.restartServer');
        const watcher = new DiagnosticsWatcher();
        try {
            await watcher.settled(policyFiles(acme));
        } finally {
            watcher.dispose();
        }
        assert.deepEqual(findingsUnder(acme, PROBLEMS), []);
    });

    test('examples/acme copied into the workspace has no errors and no warnings', async () => {
        const acme = await stage('acme');
        assert.deepEqual(findingsUnder(acme, PROBLEMS), []);
    });

    for (const rule of findingFolders()) {
        test(`examples/findings/${rule}: the marked findings, with their rule IDs as codes`, async () => {
            const marked = expectedFindings(path.join(examplesFolder(), 'findings', rule));
            assert.ok(marked.some(finding => finding.rule === rule), `no \`// expect: ${rule}\` marker`);
            const expected = CLI_ONLY.has(rule) ? marked.filter(finding => finding.rule !== rule) : marked;
            const root = await stage(`findings/${rule}`);
            if (fs.existsSync(path.join(root, 'mandate.config.json'))) {
                // The server re-reads the copied configuration (an opt-in rule's example enables it there)
                // after the policy's first publication, and re-validates: wait for that result.
                await waitFor(() => JSON.stringify(findingsUnder(root)) === JSON.stringify(expected),
                    () => `expected ${formatFindings(expected)} after the configuration was read, VS Code shows ${formatFindings(findingsUnder(root))}`);
            }
            const actual = findingsUnder(root);
            assert.deepEqual(actual, expected,
                `expected ${formatFindings(expected)}\n      but VS Code shows ${formatFindings(actual)}`);
        });
    }
});
