import type { LangiumDocument } from 'langium';
import { CodeActionKind, type CodeAction, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver-types';
import type { MandateServices } from '../../mandate-module.js';
import { SELECT_RANGE_COMMAND, type SelectRangeArguments } from '../mandate-protocol.js';

/** What one quick fix sees: the services, the document the editor asked about and one of its diagnostics. */
export interface QuickFixContext {
    readonly services: MandateServices;
    readonly document: LangiumDocument;
    readonly diagnostic: Diagnostic;
}

/** Builds the code actions for one diagnostic; none when the finding cannot be fixed as it stands. */
export type QuickFix = (context: QuickFixContext) => CodeAction[];

/** Text edits by document URI, as a WorkspaceEdit's `changes`. */
export type Changes = Record<string, TextEdit[]>;

export { PLACEHOLDER_DATE } from '../../util/dates.js';

/**
 * The titles of the quick fixes. They are part of the editor's interface: people and the
 * end-to-end tests pick fixes by title, so they stay stable and never show dates or counts.
 */
export const QuickFixTitles = {
    addStartDate: 'Add a start date (a placeholder to replace)',
    addAnnouncement: 'Add an announcement to the assignment',
    endEarlierAssignment: (person: string) => `End the assignment of '${person}' the day before this one starts`,
    designateCiso: (role: string) => `Designate '${role}' as CISO`,
    createCisoFromTemplate: 'Create a CISO role from the template',
    addReportingDuty: (responsibility: string, role: string) => `Add 'responsible for ${responsibility}' to '${role}'`,
    addAccountableReportingDuty: (responsibility: string, role: string) =>
        `Add 'responsible for ${responsibility}' and 'accountable for ${responsibility}' to '${role}'`,
    addReportingResponsibility: 'Add an ISMS reporting responsibility',
    createDeclaration: (keyword: string, name: string) => `Create ${keyword} '${name}'`,
    changeReference: (from: string, to: string) => `Change '${from}' to '${to}'`,
    replaceRequirement: (from: string, to: string) => `Replace '${from}' with '${to}'`,
    removeSuppression: 'Remove this suppression comment',
    suppress: (rule: string) => `Suppress '${rule}' here with a justification`
} as const;

export interface QuickFixOptions {
    /** The fix an editor may apply on its own (e.g. "auto fix"); at most one per diagnostic. */
    readonly preferred?: boolean;
    /** A range of `selectIn` to select after the edit, in the document's coordinates after the edit. */
    readonly select?: Range;
    /** The URI of the document `select` refers to; the URI the editor asked about by default. */
    readonly selectIn?: string;
}

export function quickFix(context: QuickFixContext, title: string, changes: Changes, options: QuickFixOptions = {}): CodeAction {
    const action: CodeAction = {
        title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [context.diagnostic],
        edit: { changes }
    };
    if (options.preferred) action.isPreferred = true;
    if (options.select) {
        const args: SelectRangeArguments = [options.selectIn ?? context.document.textDocument.uri, options.select];
        action.command = { title: 'Select the inserted placeholder', command: SELECT_RANGE_COMMAND, arguments: args };
    }
    return action;
}

/** Changes to the document the editor asked about. */
export function here(context: QuickFixContext, ...edits: TextEdit[]): Changes {
    return { [context.document.textDocument.uri]: edits };
}
