/**
 * Live edits: the server follows unsaved edits made through a WorkspaceEdit, without a reload.
 * Fixing a finding clears it; breaking a reference raises one. Edits go to the staged copy.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { brief, closeAllEditors, findingsUnder, formatFindings, positionOf, stage, waitFor, type Finding } from './helpers';

async function edit(change: (edit: vscode.WorkspaceEdit) => void): Promise<void> {
    const workspaceEdit = new vscode.WorkspaceEdit();
    change(workspaceEdit);
    assert.equal(await vscode.workspace.applyEdit(workspaceEdit), true, 'the edit was not applied');
}

suite('Live edits', () => {
    let folder: string;
    let document: vscode.TextDocument;

    setup(async () => {
        folder = await stage('findings/assignment-date-missing');
        document = await vscode.workspace.openTextDocument(path.join(folder, 'policy.mandate'));
        await vscode.window.showTextDocument(document);
    });

    teardown(async () => {
        // Revert, so that closing asks nothing and the file on disk never changes. (Saving and
        // then deleting the file at once, as the next stage() does, can leave the deleted file's
        // diagnostics behind: the server re-reads the still-open document after the delete.)
        if (document.isDirty) {
            await vscode.window.showTextDocument(document);
            await vscode.commands.executeCommand('workbench.action.files.revert');
        }
        await closeAllEditors();
    });

    test('adding the missing start date clears assignment-date-missing', async () => {
        const afterRole = positionOf(document, 'assign priya-nair to ciso', 'assign priya-nair to ciso'.length);
        // The line comes from the text, so editing the example does not break the test.
        const before = findingsUnder(folder);
        assert.deepEqual(before.map(brief), [`policy.mandate:${afterRole.line + 1} assignment-date-missing`]);

        await edit(change => change.insert(document.uri, afterRole, ' since 2022-04-01'));
        assert.match(document.lineAt(afterRole.line).text, /to ciso since 2022-04-01 appointed by board/);

        await waitFor(() => findingsUnder(folder).length === 0,
            () => `the finding stayed: ${formatFindings(findingsUnder(folder))}`);
    });

    test('renaming a referenced person to an undeclared name raises linking-error on that line', async () => {
        const person = positionOf(document, 'assign priya-nair', 'assign '.length);
        const range = new vscode.Range(person, person.translate(0, 'priya-nair'.length));
        await edit(change => change.replace(document.uri, range, 'priya-nare'));

        const expected: Finding = { file: 'policy.mandate', line: person.line + 1, rule: 'linking-error' };
        await waitFor(() => findingsUnder(folder).some(finding => brief(finding) === brief(expected)),
            () => `expected ${brief(expected)}, got ${formatFindings(findingsUnder(folder))}`);
        const message = vscode.languages.getDiagnostics(document.uri).find(diagnostic => diagnostic.range.start.line === person.line
            && String(typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code) === 'linking-error')?.message;
        assert.match(message ?? '', /priya-nare/);
    });
});
