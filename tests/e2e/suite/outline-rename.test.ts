/**
 * The outline of the acme assignments file (it had none), and a rename the server refuses: to the
 * name of another person, which would have merged the two.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { closeAllEditors, positionOf, staged } from './helpers';

suite('Outline and rename', () => {
    let assignments: vscode.TextDocument;

    suiteSetup(async () => {
        const acme = await staged('acme');
        assignments = await vscode.workspace.openTextDocument(path.join(acme, 'assignments.mandate'));
    });

    suiteTeardown(closeAllEditors);

    test('the outline of assignments.mandate names each assignment "person → role", with titles and announcements', async () => {
        const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', assignments.uri);
        const names = (symbols ?? []).map(symbol => symbol.name);
        assert.ok(names.includes('priya-nair → ciso') && names.includes('thomas-becker → ciso'), `outline: ${names.join(', ')}`);
        const priya = symbols.find(symbol => symbol.name === 'priya-nair → ciso')!;
        assert.equal(priya.kind, vscode.SymbolKind.Event);
        assert.equal(priya.detail, 'Priya Nair as Chief Information Security Officer, since 2022-04-01');
        assert.deepEqual(priya.children.map(child => child.name), ['announced 2022-03-30', 'announced 2022-04-01', 'announced 2022-04-07']);
    });

    test('renaming a person to the name of another person is refused with a message', async () => {
        const position = positionOf(assignments, 'assign priya-nair to ciso', 'assign pr'.length);
        const prepared = await vscode.commands.executeCommand<{ range: vscode.Range, placeholder: string }>('vscode.prepareRename', assignments.uri, position);
        assert.equal(prepared.placeholder, 'priya-nair');
        await assert.rejects(
            Promise.resolve(vscode.commands.executeCommand('vscode.executeDocumentRenameProvider', assignments.uri, position, 'thomas-becker')),
            (error: Error) => /^Cannot rename `priya-nair` to `thomas-becker`: person thomas-becker \("Thomas Becker"\) is already declared at people\.mandate:\d+/.test(error.message)
                || assert.fail(`unexpected message: ${error.message}`)
        );
    });
});
