/**
 * Format Document in the editor: the extension is the formatter for Mandate files ("There is no
 * formatter for 'mandate' files installed" before issue 12). A file of the formatted acme example,
 * laid out badly in the editor, comes back exactly as it is on disk; the change is never saved.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { closeAllEditors, eventually, staged } from './helpers';

suite('Formatting', () => {
    let acme: string;

    suiteSetup(async () => {
        acme = await staged('acme');
    });

    suiteTeardown(closeAllEditors);

    test('Format Document restores the canonical layout of a badly laid out file', async () => {
        const document = await vscode.workspace.openTextDocument(path.join(acme, 'delegations.mandate'));
        const original = document.getText();
        const editor = await vscode.window.showTextDocument(document);
        // No indentation, and three blank lines wherever there was one.
        const messy = original.replace(/^ +/gm, '').replace(/\n\n/g, '\n\n\n\n');
        await editor.edit(builder => builder.replace(new vscode.Range(0, 0, document.lineCount, 0), messy));
        assert.equal(document.getText(), messy);
        try {
            const edits = await vscode.commands.executeCommand<vscode.TextEdit[]>('vscode.executeFormatDocumentProvider', document.uri,
                { tabSize: 2, insertSpaces: true });
            assert.ok(edits && edits.length > 0, 'the Mandate formatter answered no edits');
            await vscode.commands.executeCommand('editor.action.formatDocument');
            await eventually(() => document.getText() === original, () => `the formatted text differs:\n${document.getText()}`);
        } finally {
            await vscode.commands.executeCommand('workbench.action.files.revert');
        }
        assert.equal(document.isDirty, false);
    });
});
