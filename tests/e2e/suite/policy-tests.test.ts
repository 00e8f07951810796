/**
 * Policy tests in the Testing view, and Mandate: Query (issue 13), on acme: its
 * tests/acme.test.mandate passes, and an unsaved edit adds a test that is wrong on purpose (no
 * file is written or deleted: a deleted file that VS Code still holds as a document would come
 * back to the server). The extension's controller lists the tests (the language server discovers
 * them, unsaved text included), VS Code's own "Run All Tests" runs them, and the failure is
 * reported at its expectation with expected and actual; the "Run test" lens runs one test the
 * same way. The query command answers through the server and links its places to the policy.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { closeAllEditors, eventually, mandateApi, positionOf, staged, type MandateApi } from './helpers';

const PASSING = 'the CISO on the audit date';
const FAILING = 'a deliberately wrong expectation';
const WRONG_TEST = `
test "${FAILING}" on 2025-06-30 {
    expect holders of ciso are nobody
}
`;

suite('Policy tests in the Testing view', () => {
    let folder: string;
    let api: MandateApi;
    let tests: vscode.TextDocument;

    /** The controller's tests of tests.mandate, by title. */
    function items(): Map<string, vscode.TestItem> {
        const found = new Map<string, vscode.TestItem>();
        api.policyTests.controller.items.forEach(file => file.children.forEach(item => {
            if (item.uri?.fsPath === tests.uri.fsPath) found.set(item.label, item);
        }));
        return found;
    }

    function outcome(title: string): string {
        const item = items().get(title);
        return (item && api.policyTests.outcomes.get(item.id)?.state) ?? 'none';
    }

    suiteSetup(async () => {
        folder = await staged('acme');
        api = await mandateApi();
        tests = await vscode.workspace.openTextDocument(path.join(folder, 'tests', 'acme.test.mandate'));
        await vscode.window.showTextDocument(tests);
        const edit = new vscode.WorkspaceEdit();
        edit.insert(tests.uri, tests.positionAt(tests.getText().length), WRONG_TEST);
        assert.equal(await vscode.workspace.applyEdit(edit), true, 'the failing test was not added');
    });

    suiteTeardown(async () => {
        // Revert, so that the file on disk never changes and closing asks nothing.
        if (tests?.isDirty) {
            await vscode.window.showTextDocument(tests);
            await vscode.commands.executeCommand('workbench.action.files.revert');
        }
        await closeAllEditors();
    });

    test('the Testing view lists the test blocks and runs them: one passes, one fails at its expectation', async () => {
        await eventually(() => items().has(PASSING) && items().has(FAILING), () => `tests in the Testing view: ${[...items().keys()].join(', ') || 'none'}`);
        api.policyTests.outcomes.clear();
        await vscode.commands.executeCommand('testing.runAll');
        await eventually(() => outcome(PASSING) !== 'none' && outcome(FAILING) !== 'none',
            () => `outcomes: ${PASSING}: ${outcome(PASSING)}, ${FAILING}: ${outcome(FAILING)}`);
        assert.equal(outcome(PASSING), 'passed');
        assert.equal(outcome(FAILING), 'failed');
        const [message] = api.policyTests.outcomes.get(items().get(FAILING)!.id)!.messages;
        assert.equal(message.uri, tests.uri.toString());
        assert.equal(message.line, positionOf(tests, 'expect holders of ciso are nobody').line + 1);
        assert.match(message.expected ?? '', /nobody/);
        assert.match(message.actual ?? '', /priya-nair/);
    });

    test('the "Run test" code lens runs its test through the Testing view', async () => {
        const line = positionOf(tests, `test "${FAILING}"`).line;
        let lenses: vscode.CodeLens[] = [];
        await eventually(async () => {
            lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', tests.uri)) ?? [];
            return lenses.some(lens => lens.range.start.line === line && lens.command?.title === 'Run test');
        }, () => `lenses: ${JSON.stringify(lenses.map(lens => `${lens.range.start.line + 1} ${lens.command?.title}`))}`);
        const run = lenses.find(lens => lens.range.start.line === line && lens.command?.title === 'Run test')!;
        api.policyTests.outcomes.clear();
        await vscode.commands.executeCommand(run.command!.command, ...(run.command!.arguments ?? []));
        await eventually(() => outcome(FAILING) !== 'none', () => `outcome of '${FAILING}': ${outcome(FAILING)}`);
        assert.equal(outcome(FAILING), 'failed');
        assert.equal(outcome(PASSING), 'none', 'the lens ran only its own test');
    });

    test('Mandate: Query answers who may perform a duty, and links the places it cites', async () => {
        const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('mandate.query', 'may-perform', 'approve-privileged-access');
        assert.ok(uri instanceof vscode.Uri, `the command returned ${String(uri)}`);
        const answer = await vscode.workspace.openTextDocument(uri);
        assert.match(answer.getText(), /priya-nair/);
        const links = (await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', uri)) ?? [];
        const targets = links.map(link => link.target ? path.basename(link.target.fsPath) : '');
        assert.ok(targets.includes('roles.mandate'), `links: ${JSON.stringify(targets)}`);
    });
});
