/**
 * Activation: the extension starts for .mandate files, claims the `mandate` language and
 * registers every command its manifest contributes. Commands are read from package.json, so a
 * command added later is covered without touching this file.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { closeAllEditors, extension, staged, waitFor } from './helpers';

interface Manifest {
    contributes: { commands: Array<{ command: string }>, languages: Array<{ id: string, extensions: string[] }> };
}

function manifest(): Manifest {
    return JSON.parse(fs.readFileSync(path.join(extension().extensionPath, 'package.json'), 'utf8')) as Manifest;
}

suite('Activation', () => {
    let document: vscode.TextDocument;

    suiteSetup(async () => {
        const folder = await staged('acme');
        document = await vscode.workspace.openTextDocument(path.join(folder, 'roles.mandate'));
        await vscode.window.showTextDocument(document);
    });

    suiteTeardown(closeAllEditors);

    test('opening a .mandate file activates the extension', async () => {
        const mandate = extension();
        await waitFor(() => mandate.isActive, () => 'the extension did not activate', 20_000);
        assert.equal(mandate.isActive, true);
    });

    test('a .mandate file has the language id `mandate`', () => {
        assert.equal(document.languageId, 'mandate');
        const contributed = manifest().contributes.languages.find(language => language.id === 'mandate');
        assert.deepEqual(contributed?.extensions, ['.mandate']);
    });

    test('every command in package.json contributes.commands is registered', async () => {
        const contributed = manifest().contributes.commands.map(command => command.command);
        assert.ok(contributed.includes('mandate.restartServer') && contributed.includes('mandate.showOutput'),
            `unexpected contributed commands: ${contributed.join(', ')}`);
        const registered = new Set(await vscode.commands.getCommands(true));
        assert.deepEqual(contributed.filter(command => !registered.has(command)), [], 'contributed but not registered');
    });

    test('Mandate: Show Language Server Output runs without an error', async () => {
        await vscode.commands.executeCommand('mandate.showOutput');
    });
});
