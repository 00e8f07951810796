import * as vscode from 'vscode';
import { factsOf, ruleOfDiagnostic, showRuleDoc } from './rule-docs.js';

export const EXPLAIN_FINDING_COMMAND = 'mandate.explainFinding';

function isMandateFinding(diagnostic: vscode.Diagnostic): boolean {
    return diagnostic.source === 'mandate' && ruleOfDiagnostic(diagnostic) !== undefined;
}

/** The Mandate findings under the cursor of `editor`, those starting nearest first. */
function findingsAtCursor(editor: vscode.TextEditor): vscode.Diagnostic[] {
    const position = editor.selection.active;
    return vscode.languages.getDiagnostics(editor.document.uri)
        .filter(diagnostic => isMandateFinding(diagnostic) && (diagnostic.range.contains(position) || diagnostic.range.start.line === position.line))
        .sort((a, b) => Number(b.range.contains(position)) - Number(a.range.contains(position)) || a.severity - b.severity);
}

async function pickFinding(findings: readonly vscode.Diagnostic[]): Promise<vscode.Diagnostic | undefined> {
    if (findings.length <= 1) return findings[0];
    const picked = await vscode.window.showQuickPick(
        findings.map(diagnostic => ({ label: ruleOfDiagnostic(diagnostic) ?? '', detail: diagnostic.message, diagnostic })),
        { title: 'Mandate: Explain Finding', placeHolder: 'Several findings here: choose one' });
    return picked?.diagnostic;
}

/**
 * "Mandate: Explain Finding": the rule's page, rendered, with the finding's message, place, rule
 * and severity above it. Called with `(uri, diagnostic)` by the code action, or with nothing for
 * the finding under the cursor. Returns the page's URI, or undefined when there was nothing to explain.
 */
export async function explainFinding(context: vscode.ExtensionContext, uri?: unknown, diagnostic?: unknown): Promise<vscode.Uri | undefined> {
    if (uri instanceof vscode.Uri && diagnostic instanceof vscode.Diagnostic) {
        const facts = factsOf(uri, diagnostic);
        return facts ? showRuleDoc(context, facts.rule, facts) : undefined;
    }
    const editor = vscode.window.activeTextEditor;
    if (!editor) {
        void vscode.window.showInformationMessage('Mandate: put the cursor on a finding to explain it.');
        return undefined;
    }
    const chosen = await pickFinding(findingsAtCursor(editor));
    if (!chosen) {
        void vscode.window.showInformationMessage('Mandate: there is no Mandate finding at the cursor.');
        return undefined;
    }
    const facts = factsOf(editor.document.uri, chosen);
    return facts ? showRuleDoc(context, facts.rule, facts) : undefined;
}

/** "Explain '<rule>'" in the light bulb of every Mandate finding, after the fixes the server offers. */
export class ExplainFindingActions implements vscode.CodeActionProvider {
    // Getters, not static fields: a static field runs when the bundle loads, before VS Code is asked
    // for anything, and the packaged client must load with nothing but the `vscode` module's names.
    static get kind(): vscode.CodeActionKind { return vscode.CodeActionKind.QuickFix.append('explain'); }
    static get metadata(): vscode.CodeActionProviderMetadata { return { providedCodeActionKinds: [ExplainFindingActions.kind] }; }

    provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
        const seen = new Set<string>();
        return context.diagnostics.filter(isMandateFinding).flatMap(diagnostic => {
            const rule = ruleOfDiagnostic(diagnostic)!;
            if (seen.has(rule)) return [];
            seen.add(rule);
            const action = new vscode.CodeAction(`Explain '${rule}'`, ExplainFindingActions.kind);
            action.diagnostics = [diagnostic];
            action.command = { command: EXPLAIN_FINDING_COMMAND, title: action.title, arguments: [document.uri, diagnostic] };
            return [action];
        });
    }
}
