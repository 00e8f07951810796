/**
 * The issue 12 commands and panels: Set As-of Date writes `mandate.asOf` for the workspace (the
 * date given as the command's argument, as a keybinding would; the input box is the same code
 * path), Explain Finding opens the rule's page rendered with the finding's facts, from the light
 * bulb, and the graph webview follows the theme with a nonce'd script and linked nodes.
 * examples/findings/ciso-vacant has one finding, ciso-vacant on policy.mandate:13.
 * The suites run in file name order, and this file's name puts it last on purpose: VS Code keeps
 * the policy.mandate it opened as a document after its editor is closed and the next suite's
 * staging deletes the file, and a restarted language client sends it again as an open document,
 * which made the Diagnostics suite's clean acme show ciso-vacant and role-holders-overlap.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { allTabs, closeAllEditors, describeTabs, eventually, mandateApi, ruleOf, staged, waitFor } from './helpers';

function workspaceAsOf(): string | undefined {
    return vscode.workspace.getConfiguration('mandate').inspect<string>('asOf')?.workspaceValue;
}

suite('Commands and the graph panel', () => {
    let folder: string;
    let original: string | undefined;

    suiteSetup(async () => {
        original = workspaceAsOf();
        await mandateApi(); // run alone (MANDATE_E2E_GREP), this suite is the first: the client must be up before staging
        folder = await staged('findings/ciso-vacant');
    });

    suiteTeardown(async () => {
        await vscode.workspace.getConfiguration('mandate').update('asOf', original, vscode.ConfigurationTarget.Workspace);
        await closeAllEditors();
    });

    test('Set As-of Date writes a valid date to the workspace settings, refuses one not in the calendar, and an empty date clears it', async () => {
        try {
            assert.equal(await vscode.commands.executeCommand('mandate.setAsOf', '2025-01-01'), '2025-01-01');
            assert.equal(workspaceAsOf(), '2025-01-01');
            assert.equal(await vscode.commands.executeCommand('mandate.setAsOf', '2025-02-30'), undefined);
            assert.equal(workspaceAsOf(), '2025-01-01', 'an impossible date was written');
            assert.equal(await vscode.commands.executeCommand('mandate.setAsOf', ''), '');
            assert.equal(workspaceAsOf(), undefined);
        } finally {
            await vscode.workspace.getConfiguration('mandate').update('asOf', original, vscode.ConfigurationTarget.Workspace);
        }
    });

    test("Explain Finding: the light bulb offers it on a finding, and it opens the rule's page rendered, read-only, with the finding's facts", async () => {
        const document = await vscode.workspace.openTextDocument(path.join(folder, 'policy.mandate'));
        await vscode.window.showTextDocument(document);
        let finding: vscode.Diagnostic | undefined;
        await eventually(() => (finding = vscode.languages.getDiagnostics(document.uri).find(diagnostic => ruleOf(diagnostic) === 'ciso-vacant')) !== undefined,
            () => 'no ciso-vacant finding on policy.mandate');
        // The finding's code link opens the page rendered, not the extension's markdown file.
        const code = finding!.code as { target: vscode.Uri };
        assert.equal(code.target.scheme, 'command');
        assert.match(code.target.path, /^mandate\.showRuleDoc$/);

        const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, finding!.range);
        const explain = actions.find(action => action.title === "Explain 'ciso-vacant'");
        assert.ok(explain?.command, `no Explain action; offered: ${actions.map(action => action.title).join(', ')}`);
        const uri = await vscode.commands.executeCommand<vscode.Uri>(explain.command.command, ...(explain.command.arguments ?? []));
        assert.ok(uri instanceof vscode.Uri, `the command returned ${String(uri)}`);
        assert.equal(uri.scheme, 'mandate-doc');

        const page = await vscode.workspace.openTextDocument(uri);
        const text = page.getText();
        for (const fact of ['## This finding', '`ciso-vacant`', '| Severity | error |', 'policy.mandate:13:', '# ciso-vacant']) {
            assert.ok(text.includes(fact), `the page lacks ${fact}:\n${text.slice(0, 600)}`);
        }
        await waitFor(() => allTabs().some(tab => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('markdown.preview') && tab.label.includes('ciso-vacant')),
            () => `no Markdown preview of the rule page; ${describeTabs()}`, 10_000);
    });

    test('the delegation graph webview: theme colours, a legend, zoom buttons, nodes linked to their declarations, scripts only by nonce', async () => {
        const panel = await vscode.commands.executeCommand<vscode.WebviewPanel>('mandate.showDelegationGraph');
        const html = panel.webview.html;
        const nonce = /script-src &#39;nonce-([A-Za-z0-9+/=_-]+)&#39;/.exec(html)?.[1];
        assert.ok(nonce, 'the CSP has no script nonce');
        const scripts = html.match(/<script[^>]*>/g) ?? [];
        assert.ok(scripts.length > 0 && scripts.every(tag => tag === `<script nonce="${nonce}">`), `scripts without the nonce: ${scripts.join(' ')}`);
        assert.doesNotMatch(html, /\son[a-z]+=/i);
        for (const part of ['var(--vscode-editor-background', 'body.vscode-dark', 'body.vscode-high-contrast', 'class="legend"', 'data-zoom="fit"', 'data-node="ciso" data-file="policy.mandate" data-line="13"']) {
            assert.ok(html.includes(part), `the graph page lacks ${part}`);
        }
        panel.dispose();
    });
});
