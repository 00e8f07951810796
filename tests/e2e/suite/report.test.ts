/**
 * The report and graph commands: Generate Audit Report in each format, Export OSCAL (and its system security plan), the
 * `mandate.report.outputDir` guard, and the live delegation graph. The language server renders
 * everything; the client writes the file inside the workspace folder and opens it: Markdown in
 * the Markdown preview, HTML in a `mandate.report` webview, JSON and OSCAL in a text editor.
 * All of it runs against examples/acme, staged in the throw-away workspace; each test starts
 * without reports/, so a file found there was written by that test.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { REPORT_REQUEST, type ReportResult } from '../../../language/lsp/mandate-protocol';
import { allTabs, closeAllEditors, describeTabs, eventually, mandateApi, staged, waitFor } from './helpers';

interface Organization {
    readonly id: string;
    readonly title: string;
}

/** The staged policy's organization, as organization.mandate declares it. */
function organizationOf(folder: string): Organization {
    const match = /^organization\s+([A-Za-z0-9_-]+)\s+"([^"]+)"/m.exec(fs.readFileSync(path.join(folder, 'organization.mandate'), 'utf8'));
    assert.ok(match, 'organization.mandate declares no organization');
    return { id: match[1], title: match[2] };
}

/** `uri`'s path relative to `folder`, with forward slashes; '..' first when it is outside. */
function relativeTo(folder: string, uri: vscode.Uri): string {
    return path.relative(folder, uri.fsPath).split(path.sep).join('/');
}

async function generate(format?: string): Promise<vscode.Uri | undefined> {
    return format === undefined
        ? vscode.commands.executeCommand<vscode.Uri | undefined>('mandate.exportOscal')
        : vscode.commands.executeCommand<vscode.Uri | undefined>('mandate.generateReport', format);
}

/** Runs the command and checks that it wrote `reports/<name>` inside the workspace; returns the file's text. */
async function generated(folder: string, format: string | undefined, name: string): Promise<{ uri: vscode.Uri, text: string }> {
    const uri = await generate(format);
    assert.ok(uri instanceof vscode.Uri, `the command returned ${String(uri)}, not the written file`);
    assert.equal(uri.scheme, 'file');
    assert.equal(relativeTo(folder, uri), `reports/${name}`);
    assert.ok(fs.existsSync(uri.fsPath), `${uri.fsPath} was not written`);
    return { uri, text: fs.readFileSync(uri.fsPath, 'utf8') };
}

function webviewTabs(viewType: string): vscode.Tab[] {
    // VS Code 1.100 reports a panel's viewType with a prefix: `mainThreadWebview-mandate.graph`.
    return allTabs().filter(tab => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith(viewType));
}

function textTabOn(uri: vscode.Uri): vscode.Tab | undefined {
    return allTabs().find(tab => tab.input instanceof vscode.TabInputText && tab.input.uri.toString() === uri.toString());
}

/** The Content-Security-Policy of a page, unescaped from its <meta> element. */
function contentSecurityPolicy(html: string): string {
    const match = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/i.exec(html);
    assert.ok(match, 'the page has no Content-Security-Policy <meta> element');
    return match[1].replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

async function setOutputDir(value: string | undefined): Promise<void> {
    await vscode.workspace.getConfiguration('mandate').update('report.outputDir', value, vscode.ConfigurationTarget.Workspace);
}

/** What the server answers to a Markdown report request now: the target it names, or its error. */
async function serverAnswer(): Promise<{ target?: string, error?: string }> {
    const { client } = await mandateApi();
    try {
        return { target: (await client.sendRequest<ReportResult>(REPORT_REQUEST, { format: 'md' })).target };
    } catch (error) {
        return { error: (error as Error).message };
    }
}

suite('Report and graph', () => {
    let folder: string;
    let organization: Organization;
    let reports: string;

    suiteSetup(async () => {
        folder = await staged('acme');
        organization = organizationOf(folder);
        reports = path.join(folder, 'reports');
        await mandateApi();
    });

    setup(async () => {
        await closeAllEditors();
        fs.rmSync(reports, { recursive: true, force: true });
    });

    teardown(closeAllEditors);

    test("Generate Audit Report 'md' writes reports/<org>.md and opens the Markdown preview", async () => {
        const { text } = await generated(folder, 'md', `${organization.id}.md`);
        assert.ok(text.includes(organization.title), `the report does not name ${organization.title}`);
        assert.ok(text.includes("The auditor's four questions"), 'the report has no "The auditor\'s four questions" section');

        // The built-in Markdown preview: in 1.100 a tab 'Preview acme.md', a `mainThreadWebview-markdown.preview` webview.
        const preview = (): vscode.Tab | undefined => webviewTabs('markdown.preview').find(tab => tab.label.includes(`${organization.id}.md`));
        await waitFor(() => preview() !== undefined, () => `no Markdown preview of ${organization.id}.md; ${describeTabs()}`, 10_000);
    });

    test("Generate Audit Report 'html' writes reports/<org>.html with a CSP and no script, and shows it in a mandate.report webview", async () => {
        const { text } = await generated(folder, 'html', `${organization.id}.html`);
        assert.ok(text.includes('Content-Security-Policy'), 'the saved page has no Content-Security-Policy');
        assert.doesNotMatch(text, /<script/i);
        assert.ok(text.includes(organization.title), `the saved page does not name ${organization.title}`);
        // A saved page pins its style by hash: no nonce, which only a webview has.
        assert.match(contentSecurityPolicy(text), /style-src 'sha256-[A-Za-z0-9+/=]+'/);

        await waitFor(() => webviewTabs('mandate.report').length === 1, () => `expected one mandate.report webview; ${describeTabs()}`, 10_000);
        assert.equal(webviewTabs('mandate.report')[0].label, 'Mandate Audit Report');
    });

    test("Generate Audit Report 'json' writes reports/<org>.json and opens it in a text editor", async () => {
        const { uri, text } = await generated(folder, 'json', `${organization.id}.json`);
        const report = JSON.parse(text) as { organization?: { title?: string }, asOf?: string };
        assert.equal(report.organization?.title, organization.title);
        // The workspace fixes mandate.asOf (tests/e2e/workspace.ts); the report must use it.
        assert.equal(report.asOf, vscode.workspace.getConfiguration('mandate').get('asOf'));

        await waitFor(() => textTabOn(uri) !== undefined, () => `no text editor on ${relativeTo(folder, uri)}; ${describeTabs()}`, 10_000);
        assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString());
    });

    test('Export OSCAL writes reports/<org>.oscal.json, an OSCAL component-definition, and opens it in a text editor', async () => {
        const { uri, text } = await generated(folder, undefined, `${organization.id}.oscal.json`);
        const oscal = JSON.parse(text) as Record<string, unknown>;
        assert.ok(typeof oscal['component-definition'] === 'object' && oscal['component-definition'] !== null,
            `no component-definition at the top level: ${Object.keys(oscal).join(', ')}`);

        await waitFor(() => textTabOn(uri) !== undefined, () => `no text editor on ${relativeTo(folder, uri)}; ${describeTabs()}`, 10_000);
        assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString());
    });

    test('Export OSCAL System Security Plan writes reports/<org>.oscal-ssp.json, an OSCAL system-security-plan, and opens it in a text editor', async () => {
        const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('mandate.exportOscalSsp');
        assert.ok(uri instanceof vscode.Uri, `the command returned ${String(uri)}, not the written file`);
        assert.equal(relativeTo(folder, uri), `reports/${organization.id}.oscal-ssp.json`);
        const plan = (JSON.parse(fs.readFileSync(uri.fsPath, 'utf8')) as Record<string, Record<string, Record<string, unknown>>>)['system-security-plan'];
        assert.ok(plan, 'no system-security-plan at the top level');
        assert.ok(Array.isArray(plan['system-implementation']?.users), 'the plan has no users');

        await waitFor(() => textTabOn(uri) !== undefined, () => `no text editor on ${relativeTo(folder, uri)}; ${describeTabs()}`, 10_000);
        assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString());
    });

    test('mandate.report.outputDir outside the workspace folder: nothing is written, the command returns undefined, the server says why', async () => {
        const outside = path.resolve(folder, '..', 'outside');
        assert.equal(fs.existsSync(outside), false, `${outside} exists before the test`);
        try {
            await setOutputDir('../outside');
            // The setting reaches the server as a notification: wait until the server applies it.
            let answer: { target?: string, error?: string } = {};
            await eventually(async () => (answer = await serverAnswer()).error !== undefined,
                () => `the server still writes to ${answer.target ?? '?'} with mandate.report.outputDir '../outside'`);
            // This message is what the command shows in its error notification.
            assert.match(answer.error ?? '', /mandate\.report\.outputDir '\.\.\/outside' is not inside the workspace folder/);

            assert.equal(await generate('md'), undefined);
            assert.equal(fs.existsSync(outside), false, `${outside} was created`);
            assert.equal(fs.existsSync(reports), false, 'a report was written to the default folder instead');
            assert.deepEqual(webviewTabs('markdown.preview').map(tab => tab.label), [], 'a preview opened');
        } finally {
            await setOutputDir(undefined);
            fs.rmSync(outside, { recursive: true, force: true });
        }
        let answer: { target?: string, error?: string } = {};
        await eventually(async () => (answer = await serverAnswer()).target !== undefined,
            () => `after the reset the server still refuses: ${answer.error ?? '?'}`);
        assert.equal(relativeTo(folder, vscode.Uri.parse(answer.target!)), `reports/${organization.id}.md`);
    });

    suite('Delegation graph', () => {
        let document: vscode.TextDocument | undefined;

        teardown(async () => {
            // Revert, so the file on disk never changes and closing asks nothing.
            if (document?.isDirty) {
                await vscode.window.showTextDocument(document);
                await vscode.commands.executeCommand('workbench.action.files.revert');
            }
            document = undefined;
        });

        async function showGraph(): Promise<vscode.WebviewPanel> {
            const panel = await vscode.commands.executeCommand<vscode.WebviewPanel | undefined>('mandate.showDelegationGraph');
            assert.ok(panel?.webview, `the command returned ${String(panel)}, not the panel`);
            return panel;
        }

        test('Show Delegation Graph opens a mandate.graph webview: an SVG under a nonce-based CSP, scripts only by that nonce', async () => {
            const panel = await showGraph();
            assert.match(panel.viewType, /mandate\.graph$/);
            await waitFor(() => webviewTabs('mandate.graph').length === 1, () => `expected one mandate.graph webview; ${describeTabs()}`, 10_000);

            const html = panel.webview.html;
            assert.ok(html.includes('<svg'), 'the page has no <svg>');
            assert.ok(html.includes('&#39;nonce-'), "the CSP's nonce source is not HTML-escaped in the <meta> content");
            const policy = contentSecurityPolicy(html);
            assert.match(policy, /default-src 'none'/);
            assert.doesNotMatch(policy, /unsafe-/);
            const nonce = /style-src 'nonce-([A-Za-z0-9+/=_-]+)'/.exec(policy)?.[1];
            assert.ok(nonce, `no style-src nonce in ${policy}`);
            assert.ok(html.includes(`<style nonce="${nonce}">`), 'the <style> element does not carry the CSP nonce');
            // The zoom and open-declaration scripts: Mandate's own, admitted by the same nonce only.
            assert.match(policy, new RegExp(`script-src 'nonce-${nonce.replace(/[+/=]/g, '\\$&')}'$`));
            assert.deepEqual([...new Set(html.match(/<script[^>]*>/g))], [`<script nonce="${nonce}">`]);
            assert.ok(html.includes(organization.title), `the graph's title does not name ${organization.title}`);

            // Showing it again reveals the same panel, redrawn with a fresh nonce.
            const again = await showGraph();
            assert.equal(again, panel);
            assert.equal(webviewTabs('mandate.graph').length, 1, describeTabs());
            const renewed = /style-src 'nonce-([A-Za-z0-9+/=_-]+)'/.exec(contentSecurityPolicy(again.webview.html))?.[1];
            assert.ok(renewed && renewed !== nonce, 'the redrawn page reuses the old nonce');
        });

        test('the delegation graph redraws after a live edit adds a role, and again after the edit is reverted', async () => {
            document = await vscode.workspace.openTextDocument(path.join(folder, 'roles.mandate'));
            await vscode.window.showTextDocument(document);
            const panel = await showGraph();
            assert.doesNotMatch(panel.webview.html, /Auditor X/);

            const edit = new vscode.WorkspaceEdit();
            edit.insert(document.uri, document.lineAt(document.lineCount - 1).range.end, '\n\nrole auditor-x "Auditor X"\n');
            assert.equal(await vscode.workspace.applyEdit(edit), true, 'the edit was not applied');
            await eventually(() => panel.webview.html.includes('Auditor X'), () => 'the graph was not redrawn with the new role "Auditor X"');
            assert.ok(panel.webview.html.includes('<svg'));

            await vscode.window.showTextDocument(document);
            await vscode.commands.executeCommand('workbench.action.files.revert');
            assert.equal(document.isDirty, false);
            await eventually(() => !panel.webview.html.includes('Auditor X'), () => 'the graph still shows "Auditor X" after the revert');
        });
    });
});
