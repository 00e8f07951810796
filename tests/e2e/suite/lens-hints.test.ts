/**
 * Code lens and inlay hints in the editor, on acme at the workspace's as-of date: the CISO role
 * shows its holder, the lens opens the references view through the client's converter command,
 * and an assignment names the person it assigns.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { closeAllEditors, eventually, positionOf, staged } from './helpers';

function labelText(hint: vscode.InlayHint): string {
    return typeof hint.label === 'string' ? hint.label : hint.label.map(part => part.value).join('');
}

suite('Code lens and inlay hints', () => {
    let acme: string;

    suiteSetup(async () => {
        acme = await staged('acme');
    });

    suiteTeardown(closeAllEditors);

    test('the CISO role shows its holder, and the lens opens the references view', async () => {
        const roles = await vscode.workspace.openTextDocument(path.join(acme, 'roles.mandate'));
        await vscode.window.showTextDocument(roles);
        const line = positionOf(roles, 'role ciso ').line;
        let titles: string[] = [];
        let lenses: vscode.CodeLens[] = [];
        await eventually(async () => {
            // The server lists lenses without titles and resolves those shown: ask VS Code to resolve them.
            lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', roles.uri, 100)) ?? [];
            titles = lenses.filter(lens => lens.range.start.line === line).map(lens => lens.command?.title ?? '');
            return titles.some(title => /^Held by |^VACANT$/.test(title));
        }, () => `lenses on 'role ciso': ${JSON.stringify(titles)}`);
        assert.ok(titles.includes('Held by Priya Nair'), `lenses on 'role ciso': ${JSON.stringify(titles)}`);
        const held = lenses.find(lens => lens.range.start.line === line && lens.command?.title === 'Held by Priya Nair')!;
        await vscode.commands.executeCommand(held.command!.command, ...(held.command!.arguments ?? []));
    });

    test('an assignment names the person after the reference', async () => {
        const assignments = await vscode.workspace.openTextDocument(path.join(acme, 'assignments.mandate'));
        const at = positionOf(assignments, 'assign priya-nair to ciso');
        const range = new vscode.Range(at.line, 0, at.line + 1, 0);
        let labels: string[] = [];
        await eventually(async () => {
            const hints = (await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', assignments.uri, range)) ?? [];
            labels = hints.map(labelText);
            return labels.includes('Priya Nair');
        }, () => `inlay hints on 'assign priya-nair to ciso': ${JSON.stringify(labels)}`);
        assert.ok(labels.includes('Chief Information Security Officer'), JSON.stringify(labels));
    });
});
