/** What the quick-fix tests share: a clean policy, and asking for, applying and checking a fix with the engine (checkSources). */
import { TextDocument, type LangiumDocument } from 'langium';
import { expect } from 'vitest';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import { checkSources, type Finding } from '../language/engine/check-sources.js';
import { QuickFixTitles } from '../language/lsp/mandate-code-actions.js';
import { SELECT_RANGE_COMMAND, type SelectRangeArguments } from '../language/lsp/mandate-protocol.js';
import { IssueCodes, LINKING_ERROR_CODE } from '../language/mandate-issue-codes.js';
import type { MandateServices } from '../language/mandate-module.js';
import { AS_OF, type Files } from './helpers.js';

export const ROOT = 'file:///ws/';

/**
 * A complete clause 5.3 policy (the CISO carries 5.3(a) and (b), appointed by top management and
 * announced), kept here rather than shared so that the expected texts below stay exact.
 */
export const CLEAN_POLICY = {
    'organization.mandate': `
organization acme "Acme Ltd" {
    top management board
}
role board "Board of Directors"
`,
    'roles.mandate': `
role ciso "Chief Information Security Officer" {
    designated CISO
    reports to board
    responsible for isms-reporting, isms-conformance
    accountable for isms-reporting, isms-conformance
}
responsibility isms-reporting "Report ISMS performance to top management" {
    satisfies ISO27001:5.3(b)
    every quarter
}
responsibility isms-conformance "Make the ISMS conform to ISO 27001" {
    satisfies ISO27001:5.3(a)
}
`,
    'people.mandate': `
person jane "Jane Doe" {
    email "jane@acme.example"
    employed since 2020-01-01
}
assign jane to ciso since 2024-03-01 appointed by board {
    evidence "minutes/2024-02-board.pdf"
    announced 2024-03-05 via intranet to all-staff
}
`
} as const;

interface Requested {
    readonly services: MandateServices;
    readonly actions: CodeAction[];
    readonly diagnostic: Diagnostic;
    readonly document: LangiumDocument;
}

function codeOf(diagnostic: Diagnostic): string | undefined {
    const code = diagnostic.code ?? (diagnostic.data as { code?: string } | undefined)?.code;
    return code === undefined ? undefined : String(code);
}

/** Checks `files` as one workspace and asks for the code actions of the one finding of `code` (the `nth` if several). */
export async function actionsFor(files: Files, code: string, nth = 0): Promise<Requested> {
    const sources = Object.entries(files).map(([name, text]) => ({ uri: ROOT + name, text }));
    const { services, documents } = await checkSources(sources, { asOf: AS_OF });
    const found = documents.flatMap(document => (document.diagnostics ?? [])
        .filter(diagnostic => codeOf(diagnostic) === code)
        .map(diagnostic => ({ document, diagnostic })));
    expect(found.length, `findings of ${code}`).toBeGreaterThan(nth);
    const { document, diagnostic } = found[nth];
    const result = await services.lsp.CodeActionProvider!.getCodeActions(document, {
        textDocument: { uri: document.textDocument.uri },
        range: diagnostic.range,
        context: { diagnostics: [diagnostic], triggerKind: 1 }
    });
    const actions = (result ?? []).filter((action): action is CodeAction => 'kind' in action || 'edit' in action);
    expect(actions.length).toBe((result ?? []).length);
    return { services, actions, diagnostic, document };
}

export function titles(requested: Requested): string[] {
    return requested.actions.map(action => action.title);
}

export function action(requested: Requested, title: string): CodeAction {
    const found = requested.actions.find(candidate => candidate.title === title);
    expect(found, `"${title}" in ${JSON.stringify(titles(requested))}`).toBeDefined();
    return found!;
}

/** The workspace's files with the action's edits applied, by file name. */
function applied(files: Files, fix: CodeAction): Files {
    const result = { ...files };
    for (const [uri, edits] of Object.entries(fix.edit?.changes ?? {})) {
        const name = uri.slice(ROOT.length);
        expect(result[name], uri).toBeDefined();
        result[name] = TextDocument.applyEdits(TextDocument.create(uri, 'mandate', 0, result[name]), edits);
    }
    return result;
}

export async function findingsOf(files: Files): Promise<readonly Finding[]> {
    const sources = Object.entries(files).map(([name, text]) => ({ uri: ROOT + name, text }));
    return (await checkSources(sources, { asOf: AS_OF })).findings;
}

/** Unsuppressed findings as rule IDs. */
export async function rulesOf(files: Files): Promise<string[]> {
    return (await findingsOf(files)).filter(finding => !finding.suppressed).map(finding => finding.rule);
}

/** Whatever else the rules report, `files` has no kind of finding that CLEAN_POLICY does not have. */
export async function expectNoNewKindOfFinding(files: Files): Promise<void> {
    const clean = new Set(await rulesOf(CLEAN_POLICY));
    expect((await rulesOf(files)).filter(rule => !clean.has(rule))).toEqual([]);
}

/** Applies the fix titled `title` and returns the fixed files; the finding and any invalid Mandate must be gone. */
export async function fix(files: Files, code: string, title: string, nth = 0): Promise<Files> {
    const requested = await actionsFor(files, code, nth);
    const chosen = action(requested, title);
    expect(chosen.kind).toBe('quickfix');
    expect(chosen.diagnostics).toEqual([requested.diagnostic]);
    const fixed = applied(files, chosen);
    const after = await rulesOf(fixed);
    expect(after).not.toContain(code);
    for (const invalid of ['lexing-error', 'parsing-error', LINKING_ERROR_CODE, IssueCodes.DuplicateName]) {
        expect(after, JSON.stringify(after)).not.toContain(invalid);
    }
    return fixed;
}

/** The text a `mandate.selectRange` command would select, in the fixed document. */
export function selected(fixed: Files, chosen: CodeAction): string {
    expect(chosen.command?.command).toBe(SELECT_RANGE_COMMAND);
    const [uri, range] = chosen.command!.arguments as SelectRangeArguments;
    const text = TextDocument.create(uri, 'mandate', 0, fixed[uri.slice(ROOT.length)]);
    return text.getText(range);
}

export const suppressTitle = QuickFixTitles.suppress;
