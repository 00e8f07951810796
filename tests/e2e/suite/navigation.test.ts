/**
 * Go to Definition across files: a name used in assignments.mandate is declared in
 * people.mandate or roles.mandate, and VS Code's definition command must land there.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { closeAllEditors, positionOf, staged } from './helpers';

type Definition = vscode.Location | vscode.LocationLink;

async function definitionsAt(document: vscode.TextDocument, position: vscode.Position): Promise<Array<{ file: string, line: number }>> {
    const results = await vscode.commands.executeCommand<Definition[]>('vscode.executeDefinitionProvider', document.uri, position);
    return results.map(result => 'targetUri' in result
        ? { file: path.basename(result.targetUri.fsPath), line: (result.targetSelectionRange ?? result.targetRange).start.line }
        : { file: path.basename(result.uri.fsPath), line: result.range.start.line });
}

suite('Navigation', () => {
    let acme: string;
    let assignments: vscode.TextDocument;

    suiteSetup(async () => {
        acme = await staged('acme');
        assignments = await vscode.workspace.openTextDocument(path.join(acme, 'assignments.mandate'));
    });

    suiteTeardown(closeAllEditors);

    async function declarationLine(file: string, text: string): Promise<number> {
        const document = await vscode.workspace.openTextDocument(path.join(acme, file));
        return positionOf(document, text).line;
    }

    test('a person used in assignments.mandate jumps to its declaration in people.mandate', async () => {
        const position = positionOf(assignments, 'assign priya-nair to ciso', 'assign pr'.length);
        const expected = await declarationLine('people.mandate', 'person priya-nair');
        assert.deepEqual(await definitionsAt(assignments, position), [{ file: 'people.mandate', line: expected }]);
    });

    test('a role used in assignments.mandate jumps to its declaration in roles.mandate', async () => {
        const position = positionOf(assignments, 'assign priya-nair to ciso', 'assign priya-nair to ci'.length);
        const expected = await declarationLine('roles.mandate', 'role ciso ');
        assert.deepEqual(await definitionsAt(assignments, position), [{ file: 'roles.mandate', line: expected }]);
    });
});
