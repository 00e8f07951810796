/**
 * Completion through VS Code's own command, as the editor asks for it: at a reference the
 * declared names of the right kind, and in an empty document the top-level keywords.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { closeAllEditors, positionOf, staged, workspaceFolder } from './helpers';

async function labelsAt(document: vscode.TextDocument, position: vscode.Position): Promise<string[]> {
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
        'vscode.executeCompletionItemProvider', document.uri, position);
    return list.items.map(item => typeof item.label === 'string' ? item.label : item.label.label);
}

function missing(expected: readonly string[], labels: readonly string[]): string[] {
    return expected.filter(label => !labels.includes(label));
}

suite('Completion', () => {
    let assignments: vscode.TextDocument;

    suiteSetup(async () => {
        const acme = await staged('acme');
        assignments = await vscode.workspace.openTextDocument(path.join(acme, 'assignments.mandate'));
    });

    suiteTeardown(closeAllEditors);

    test('after `assign <person> to` it lists the declared roles, not people', async () => {
        // Right after "to " in the CISO's assignment; roles are declared in roles.mandate.
        const labels = await labelsAt(assignments, positionOf(assignments, 'assign priya-nair to ciso', 'assign priya-nair to '.length));
        assert.deepEqual(missing(['ciso', 'board', 'ceo', 'isms-manager', 'dpo', 'sysadmin'], labels), [], `got ${labels.join(', ')}`);
        assert.ok(!labels.includes('priya-nair'), 'a person was offered where only a role fits');
    });

    test('after `assign` it lists the declared people, from another file', async () => {
        const labels = await labelsAt(assignments, positionOf(assignments, 'assign priya-nair to ciso', 'assign '.length));
        assert.deepEqual(missing(['priya-nair', 'daniel-weiss', 'thomas-becker', 'emily-clarke'], labels), [], `got ${labels.join(', ')}`);
        assert.ok(!labels.includes('isms-manager'), 'a role was offered where only a person fits');
    });

    test('typing a space after `assign` opens the list of people (trigger character)', async () => {
        const position = positionOf(assignments, 'assign priya-nair to ciso', 'assign '.length);
        const list = await vscode.commands.executeCommand<vscode.CompletionList>(
            'vscode.executeCompletionItemProvider', assignments.uri, position, ' ');
        const labels = list.items.map(item => typeof item.label === 'string' ? item.label : item.label.label);
        assert.deepEqual(missing(['priya-nair', 'daniel-weiss'], labels), [], `got ${labels.join(', ')}`);
        assert.ok(!labels.includes('ciso'), 'a role was offered where only a person fits');
    });

    test('in an empty document it lists the top-level keywords', async () => {
        // An existing file emptied in the editor, then reverted. Not an untitled editor: the client
        // sends only files. Not a new file either: VS Code keeps a closed file's document for a
        // while, and once the next suite's staging deleted it, a restarted client sent it again.
        const document = await vscode.workspace.openTextDocument(path.join(workspaceFolder(), 'training.mandate'));
        const editor = await vscode.window.showTextDocument(document);
        await editor.edit(builder => builder.replace(new vscode.Range(0, 0, document.lineCount, 0), ''));
        try {
            assert.equal(document.getText(), '');
            const labels = await labelsAt(document, new vscode.Position(0, 0));
            const keywords = ['organization', 'person', 'role', 'responsibility', 'authority', 'assign', 'delegate', 'training', 'completed', 'conflict between'];
            assert.deepEqual(missing(keywords, labels), [], `got ${labels.join(', ')}`);
        } finally {
            await vscode.commands.executeCommand('workbench.action.files.revert');
        }
        assert.equal(document.isDirty, false);
    });
});
