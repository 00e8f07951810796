/**
 * Quick fixes, applied the way a person applies them from the light bulb: ask VS Code for the
 * code actions at the finding, pick one by title, apply its edit and run its command (which
 * selects the inserted placeholder). The fix must change the text as expected and clear the
 * finding without a save; the suppression turns the finding into an accepted exception.
 * Edits go to the staged copy and are reverted, never saved.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { PLACEHOLDER_DATE, QuickFixTitles } from '../../../language/lsp/quick-fixes/quick-fix';
import { closeAllEditors, eventually, positionOf, ruleOf, stage } from './helpers';

function diagnosticsOf(document: vscode.TextDocument, rule: string): vscode.Diagnostic[] {
    return vscode.languages.getDiagnostics(document.uri).filter(diagnostic => ruleOf(diagnostic) === rule);
}

function describeDiagnostics(document: vscode.TextDocument): string {
    const all = vscode.languages.getDiagnostics(document.uri);
    return all.length === 0 ? '(none)' : all
        .map(d => `${d.range.start.line + 1} ${ruleOf(d)} [${vscode.DiagnosticSeverity[d.severity]}] ${d.message}`)
        .join('; ');
}

/** The one open (not accepted) finding of `rule` in `document`, waiting for the server to publish it. */
async function openFinding(document: vscode.TextDocument, rule: string): Promise<vscode.Diagnostic> {
    const open = () => diagnosticsOf(document, rule).filter(diagnostic => diagnostic.severity !== vscode.DiagnosticSeverity.Hint);
    await eventually(() => open().length === 1, () => `expected one ${rule}, got ${describeDiagnostics(document)}`);
    return open()[0];
}

/** The quick fixes VS Code offers at `diagnostic`, as the light bulb asks for them. */
async function quickFixesAt(document: vscode.TextDocument, diagnostic: vscode.Diagnostic): Promise<vscode.CodeAction[]> {
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[] | undefined>(
        'vscode.executeCodeActionProvider', document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    return actions ?? [];
}

/** Applies the action titled `title` at `diagnostic`: its edit, then its command, as the editor does. */
async function applyQuickFix(document: vscode.TextDocument, diagnostic: vscode.Diagnostic, title: string): Promise<vscode.CodeAction> {
    const actions = await quickFixesAt(document, diagnostic);
    const action = actions.find(candidate => candidate.title === title);
    assert.ok(action, `no quick fix '${title}' at line ${diagnostic.range.start.line + 1}; offered: ${actions.map(a => `'${a.title}'`).join(', ') || '(none)'}`);
    assert.ok(action.edit, `'${title}' has no edit`);
    assert.equal(await vscode.workspace.applyEdit(action.edit), true, `the edit of '${title}' was not applied`);
    if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
    return action;
}

/** The document's lines with `inserted` put before 0-based line `at`. */
function withLineInserted(before: string, at: number, inserted: string): string {
    const eol = before.includes('\r\n') ? '\r\n' : '\n';
    const lines = before.split(eol);
    lines.splice(at, 0, inserted);
    return lines.join(eol);
}

/** The active editor, which must still show `document` (the fix's command selects in the active editor). */
function activeEditorOf(document: vscode.TextDocument): vscode.TextEditor {
    const active = vscode.window.activeTextEditor;
    assert.ok(active, 'no editor is active after the fix');
    assert.equal(active.document.uri.toString(), document.uri.toString(), 'the fixed document stays the active editor');
    return active;
}

/** `line:character-line:character`, 1-based lines: readable in a failure, unlike the Position objects. */
function describeRange(range: vscode.Range): string {
    return `${range.start.line + 1}:${range.start.character}-${range.end.line + 1}:${range.end.character}`;
}

function selectedText(editor: vscode.TextEditor): string {
    return editor.document.getText(editor.selection);
}

suite('Quick fixes', () => {
    let document: vscode.TextDocument | undefined;

    /** Stages `example`, opens its policy.mandate in an editor, and returns the editor. */
    async function open(example: string): Promise<vscode.TextEditor> {
        const folder = await stage(example);
        document = await vscode.workspace.openTextDocument(path.join(folder, 'policy.mandate'));
        return vscode.window.showTextDocument(document);
    }

    teardown(async () => {
        // Revert, as live-edits.test.ts does: the staged file on disk never changes.
        if (document?.isDirty) {
            await vscode.window.showTextDocument(document);
            await vscode.commands.executeCommand('workbench.action.files.revert');
        }
        document = undefined;
        await closeAllEditors();
    });

    test(`'${QuickFixTitles.addStartDate}' inserts a placeholder date, selects it and clears assignment-date-missing`, async () => {
        const rule = 'assignment-date-missing';
        const editor = await open('findings/assignment-date-missing');
        const doc = editor.document;
        const finding = await openFinding(doc, rule);
        const assignment = 'assign priya-nair to ciso';
        const afterRole = positionOf(doc, assignment, assignment.length);
        assert.equal(finding.range.start.line, afterRole.line, 'the finding is on the assignment');
        const before = doc.getText();
        const at = doc.offsetAt(afterRole);

        await applyQuickFix(doc, finding, QuickFixTitles.addStartDate);

        // A placeholder, not the as-of date: date-invalid reports it until the real start date is written.
        const date = PLACEHOLDER_DATE;
        assert.equal(doc.getText(), `${before.slice(0, at)} since ${date}${before.slice(at)}`,
            'the fix inserts exactly " since 0000-00-00" after the role');

        // The command selects the date, so that typing replaces it with the real start date.
        const active = activeEditorOf(doc);
        const dateStart = afterRole.translate(0, ' since '.length);
        assert.equal(describeRange(active.selection), describeRange(new vscode.Range(dateStart, dateStart.translate(0, date.length))),
            `the selection covers the inserted date, not '${selectedText(active)}'`);
        assert.equal(selectedText(active), date);

        await eventually(() => diagnosticsOf(doc, rule).length === 0,
            () => `${rule} stayed after the fix: ${describeDiagnostics(doc)}`);
    });

    test(`'${QuickFixTitles.addAnnouncement}' adds an announcement line and clears assignment-not-communicated`, async () => {
        const rule = 'assignment-not-communicated';
        const editor = await open('findings/assignment-not-communicated');
        const doc = editor.document;
        const finding = await openFinding(doc, rule);
        const evidence = positionOf(doc, 'evidence "Board minutes');
        const indent = doc.lineAt(evidence.line).text.slice(0, evidence.character);
        let close = evidence.line + 1;
        while (doc.lineAt(close).text.trim() !== '}') close++;
        const before = doc.getText();

        await applyQuickFix(doc, finding, QuickFixTitles.addAnnouncement);

        assert.equal(doc.getText(), withLineInserted(before, close, `${indent}announced ${PLACEHOLDER_DATE} via intranet to all-staff`),
            'the announcement goes on a line of its own at the end of the assignment\'s block, indented like the evidence');

        await eventually(() => diagnosticsOf(doc, rule).length === 0,
            () => `${rule} stayed after the fix: ${describeDiagnostics(doc)}`);
    });

    test(`'${QuickFixTitles.suppress('assignment-date-missing')}' turns the finding into an accepted exception`, async () => {
        const rule = 'assignment-date-missing';
        const editor = await open('findings/assignment-date-missing');
        const doc = editor.document;
        const finding = await openFinding(doc, rule);
        assert.equal(finding.severity, vscode.DiagnosticSeverity.Error);
        const line = finding.range.start.line;
        const indent = /^\s*/.exec(doc.lineAt(line).text)![0];
        const before = doc.getText();

        await applyQuickFix(doc, finding, QuickFixTitles.suppress(rule));

        const comment = `${indent}// mandate-ignore ${rule}: <justification>`;
        assert.equal(doc.getText(), withLineInserted(before, line, comment), 'the suppression comment goes alone on the line above the finding');
        const active = activeEditorOf(doc);
        assert.equal(selectedText(active), '<justification>', 'the placeholder is selected, ready to be typed over');

        // Type the justification over the selected placeholder, as a person would.
        const justification = 'interim CISO until the board confirms the start date';
        await vscode.commands.executeCommand('type', { text: justification });
        assert.equal(doc.lineAt(line).text, `${indent}// mandate-ignore ${rule}: ${justification}`);

        const accepted = () => diagnosticsOf(doc, rule);
        await eventually(() => accepted().length === 1 && accepted()[0].severity === vscode.DiagnosticSeverity.Hint
                && accepted()[0].message.startsWith(`Accepted exception (${justification})`),
            () => `${rule} did not become an accepted exception: ${describeDiagnostics(doc)}`);
        assert.equal(accepted()[0].range.start.line, line + 1, 'the accepted finding stays on the assignment');
        assert.match(accepted()[0].message, /^Accepted exception/);
        // The typed justification counts, and the comment is used: no finding about the suppression itself.
        const aboutSuppression = vscode.languages.getDiagnostics(doc.uri).filter(diagnostic => ruleOf(diagnostic).startsWith('suppression-'));
        assert.deepEqual(aboutSuppression.map(ruleOf), [], describeDiagnostics(doc));
        // An accepted exception offers no quick fix of its own: the suppression records the decision.
        const titles = (await quickFixesAt(doc, accepted()[0])).map(action => action.title);
        assert.ok(!titles.includes(QuickFixTitles.suppress(rule)) && !titles.includes(QuickFixTitles.addStartDate),
            `an accepted exception still offers ${titles.join(', ')}`);
    });
});
