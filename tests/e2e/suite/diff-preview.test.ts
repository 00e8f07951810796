/**
 * Only real files are policy (issue 12). "Open Changes" shows a file against a read-only copy of
 * it (a `git:` URI with the file's own path), and a rename opens a refactoring preview of every
 * file it changes. Both copies used to reach the language server as policy: every name in them
 * became duplicate-name against the real file (acme: 0 to 30 errors), and the errors stayed after
 * the diff was closed. The Problems (vscode.languages.getDiagnostics) must be the same before,
 * during and after.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { brief, closeAllEditors, DiagnosticsWatcher, findingsUnder, formatFindings, positionOf, ruleOf, staged, waitFor, type Finding } from './helpers';

/** Stands in for the git extension's `git:` scheme: the same path as the real file, another scheme, read-only text. */
const COPY_SCHEME = 'mandate-e2e-git';
const BARRIER = '\nresponsibility scratch-duty "Nobody does this"\n';

/** Every diagnostic VS Code holds for a policy document that is not a file (a copy, a preview, an untitled editor). */
function diagnosticsOfCopies(): string[] {
    return vscode.languages.getDiagnostics()
        .filter(([uri, diagnostics]) => uri.scheme !== 'file' && uri.path.endsWith('.mandate') && diagnostics.length > 0)
        .map(([uri, diagnostics]) => `${uri.toString()}: ${diagnostics.map(ruleOf).join(', ')}`);
}

suite('Diffs and previews', () => {
    let root: string;
    let roles: vscode.Uri;
    let before: Finding[];
    let provider: vscode.Disposable;

    suiteSetup(async () => {
        root = await staged('acme');
        roles = vscode.Uri.file(path.join(root, 'roles.mandate'));
        provider = vscode.workspace.registerTextDocumentContentProvider(COPY_SCHEME, {
            provideTextDocumentContent: uri => fs.readFileSync(uri.fsPath, 'utf8')
        });
    });

    setup(async () => {
        await closeAllEditors();
        before = findingsUnder(root);
        assert.deepEqual(before.filter(finding => finding.rule === 'duplicate-name'), [], 'acme has duplicate names to begin with');
    });

    teardown(async () => {
        const document = vscode.workspace.textDocuments.find(open => open.uri.toString() === roles.toString());
        if (document && document.getText().includes(BARRIER)) await removeBarrier(document);
        await closeAllEditors();
    });

    suiteTeardown(() => provider.dispose());

    /**
     * An unsaved edit to the real file that adds one known finding: once it is shown, the server has
     * handled everything the editor sent before it, the copy's opening included.
     */
    async function barrier(): Promise<vscode.TextDocument> {
        const document = await vscode.workspace.openTextDocument(roles);
        const edit = new vscode.WorkspaceEdit();
        edit.insert(roles, document.positionAt(document.getText().length), BARRIER);
        assert.equal(await vscode.workspace.applyEdit(edit), true, 'the edit was not applied');
        await waitFor(() => findingsUnder(root).some(finding => finding.file === 'roles.mandate' && finding.rule === 'unused-responsibility'),
            () => `the edit's finding never came: ${formatFindings(findingsUnder(root))}`);
        return document;
    }

    /** Takes the edit out again and saves: the file on disk has its text as before, and closing asks nothing. */
    async function removeBarrier(document: vscode.TextDocument): Promise<void> {
        const start = document.positionAt(document.getText().lastIndexOf(BARRIER));
        const edit = new vscode.WorkspaceEdit();
        edit.delete(roles, new vscode.Range(start, document.positionAt(document.offsetAt(start) + BARRIER.length)));
        assert.equal(await vscode.workspace.applyEdit(edit), true, 'the edit was not taken out');
        assert.equal(await document.save(), true, 'roles.mandate was not saved');
    }

    /** Takes the edit out, closes every editor, and waits until the Problems are as before. */
    async function removeBarrierAndClose(document: vscode.TextDocument): Promise<void> {
        const watcher = new DiagnosticsWatcher();
        try {
            await removeBarrier(document);
            await closeAllEditors();
            await watcher.settled([roles.fsPath]);
        } finally {
            watcher.dispose();
        }
        await waitFor(() => formatFindings(findingsUnder(root)) === formatFindings(before),
            () => `after closing: ${formatFindings(findingsUnder(root))}, before: ${formatFindings(before)}`);
    }

    test('a diff against a read-only copy of a policy file changes no diagnostics, during or after', async () => {
        const copy = roles.with({ scheme: COPY_SCHEME });
        await vscode.commands.executeCommand('vscode.diff', copy, roles, 'roles.mandate (HEAD) ↔ roles.mandate');
        await waitFor(() => vscode.workspace.textDocuments.some(open => open.uri.toString() === copy.toString()),
            () => 'the diff did not open the copy');

        const document = await barrier();
        const during = findingsUnder(root).filter(finding => finding.rule !== 'unused-responsibility');
        assert.deepEqual(during.map(brief), before.map(brief), 'the copy changed the diagnostics of the files');
        assert.deepEqual(diagnosticsOfCopies(), []);

        await removeBarrierAndClose(document);
        assert.deepEqual(diagnosticsOfCopies(), []);
    });

    test('a rename preview changes no diagnostics, during or after', async () => {
        // What a rename with "Shift+Enter" (preview) does: a workspace edit that needs confirmation.
        const document = await vscode.workspace.openTextDocument(roles);
        const at = positionOf(document, 'role ciso', 'role '.length);
        const rename = new vscode.WorkspaceEdit();
        rename.replace(roles, new vscode.Range(at, at.translate(0, 'ciso'.length)), 'chief-security', { needsConfirmation: true, label: 'Rename' });
        const applied = vscode.workspace.applyEdit(rename);
        const isPreview = (uri: vscode.Uri): boolean => uri.scheme === 'vscode-bulkeditpreview-editor' && uri.path === roles.path;
        await waitFor(() => vscode.workspace.textDocuments.some(open => isPreview(open.uri)),
            () => `the refactoring preview did not open a copy of roles.mandate; open documents: ${vscode.workspace.textDocuments.map(open => open.uri.toString()).join(', ')}`);

        const edited = await barrier();
        const during = findingsUnder(root).filter(finding => finding.rule !== 'unused-responsibility');
        assert.deepEqual(during.map(brief), before.map(brief), 'the preview changed the diagnostics of the files');
        assert.deepEqual(diagnosticsOfCopies(), []);

        await vscode.commands.executeCommand('refactorPreview.discard');
        assert.equal(await applied, false, 'the discarded rename was applied');
        await removeBarrierAndClose(edited);
        assert.deepEqual(diagnosticsOfCopies(), []);
    });
});
