import type { LangiumDocument, MaybePromise } from 'langium';
import type { CodeActionProvider } from 'langium/lsp';
import type { CodeActionParams } from 'vscode-languageserver';
import { CodeActionKind, type CodeAction, type Command, type Diagnostic } from 'vscode-languageserver-types';
import type { SuppressedData } from '../mandate-document-validator.js';
import { IssueCodes, LINKING_ERROR_CODE } from '../mandate-issue-codes.js';
import type { MandateServices } from '../mandate-module.js';
import { findRule } from '../rules/index.js';
import { addAnnouncement, addStartDate, endEarlierAssignment } from './quick-fixes/assignment-fixes.js';
import { addReportingDuty, designateCiso } from './quick-fixes/ciso-fixes.js';
import type { QuickFix } from './quick-fixes/quick-fix.js';
import { correctKeyword } from './quick-fixes/keyword-fixes.js';
import { declareMissing, replaceRequirement } from './quick-fixes/reference-fixes.js';
import { removeSuppression, suppressHere } from './quick-fixes/suppression-fixes.js';

export { QuickFixTitles } from './quick-fixes/quick-fix.js';

/**
 * The quick fix of each diagnostic code that has one. A rule whose finding has an obvious
 * correction is marked `fixable` in the registry and listed here; tests/quick-fixes.test.ts
 * checks that the two agree.
 */
export const QUICK_FIXES: ReadonlyMap<string, QuickFix> = new Map<string, QuickFix>([
    [IssueCodes.AssignmentDateMissing, addStartDate],
    [IssueCodes.AssignmentNotCommunicated, addAnnouncement],
    [IssueCodes.RoleHoldersOverlap, endEarlierAssignment],
    [IssueCodes.CisoMissing, designateCiso],
    [IssueCodes.CisoReportingMissing, addReportingDuty],
    [IssueCodes.RequirementUnknown, replaceRequirement],
    [IssueCodes.SuppressionUnused, removeSuppression],
    [LINKING_ERROR_CODE, declareMissing],
    // A syntax error that names the keyword a word misspells.
    ['parsing-error', correctKeyword],
    ['lexing-error', correctKeyword]
]);

/** A diagnostic's code: Langium keeps the code of its own errors (linking, parsing) in `data`. */
function codeOf(diagnostic: Diagnostic): string | undefined {
    const code = diagnostic.code ?? (diagnostic.data as { code?: unknown } | undefined)?.code;
    return code === undefined ? undefined : String(code);
}

function isAcceptedException(diagnostic: Diagnostic): boolean {
    return (diagnostic.data as Partial<SuppressedData> | undefined)?.suppressed !== undefined;
}

/**
 * Quick fixes for Mandate's findings: the rule's own fix where one is obvious, and for every
 * rule's finding a `// mandate-ignore` comment to accept it as an exception. Accepted exceptions
 * get none: their suppression already says what the team decided.
 */
export class MandateCodeActionProvider implements CodeActionProvider {
    constructor(private readonly services: MandateServices) {}

    getCodeActions(document: LangiumDocument, params: CodeActionParams): MaybePromise<Array<Command | CodeAction> | undefined> {
        const only = params.context.only;
        if (only && !only.some(kind => kind === CodeActionKind.Empty || kind === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(`${kind}.`))) return undefined;
        const actions = new Map<string, CodeAction>();
        for (const diagnostic of params.context.diagnostics) {
            const code = codeOf(diagnostic);
            if (code === undefined || isAcceptedException(diagnostic)) continue;
            const context = { services: this.services, document, diagnostic };
            const rule = findRule(code);
            const fixes = [QUICK_FIXES.get(code), rule && rule.scope !== 'engine' ? suppressHere : undefined];
            for (const fix of fixes) {
                if (!fix) continue;
                for (const action of this.run(fix, context)) {
                    // Two diagnostics with the same fix (a name misspelt twice) share one action.
                    const key = `${action.title}\n${JSON.stringify(action.edit)}`;
                    const existing = actions.get(key);
                    if (existing) existing.diagnostics?.push(diagnostic);
                    else actions.set(key, action);
                }
            }
        }
        return actions.size > 0 ? [...actions.values()] : undefined;
    }

    /** One fix that fails must not take the other fixes of the request with it. */
    private run(fix: QuickFix, context: Parameters<QuickFix>[0]): CodeAction[] {
        try {
            return fix(context);
        } catch (error) {
            console.error(`Mandate: a quick fix for '${String(context.diagnostic.code)}' failed:`, error);
            return [];
        }
    }
}
