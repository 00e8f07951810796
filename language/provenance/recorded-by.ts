/**
 * Who recorded a record, as the rule and the report read it: the first commit, or why it is not
 * known. The history is read by the CLI (`check`, `report`) before the checks run and kept in the
 * settings; the language server does not read it, so the editor never runs git on a keystroke
 * and the answer there is "not read".
 */
import type { Announcement, Assignment, Delegation } from '../generated/ast.js';
import type { RecordedBy, RecordHistory } from './record-history.js';
import { recordKeyOf } from './record-keys.js';

export type RecordedByUnknown = 'not-read' | 'no-git' | 'shallow-clone' | 'not-committed';

export type RecordedByState =
    | { readonly known: true; readonly by: RecordedBy }
    | { readonly known: false; readonly reason: RecordedByUnknown };

/** Why the history as a whole is missing, when it is. */
export function historyUnknown(history: RecordHistory | undefined): RecordedByUnknown | undefined {
    if (!history) return 'not-read';
    return history.unavailable ? 'no-git' : undefined;
}

export function recordedByOf(history: RecordHistory | undefined, node: Assignment | Announcement | Delegation): RecordedByState {
    const missing = historyUnknown(history);
    if (missing || !history) return { known: false, reason: missing ?? 'not-read' };
    const key = recordKeyOf(node);
    const by = history.first.get(key);
    if (!by) return { known: false, reason: 'not-committed' };
    if (history.beforeShallow.has(key)) return { known: false, reason: 'shallow-clone' };
    return { known: true, by };
}

/** The note a person reads where the commit would be. */
export const RECORDED_BY_NOTES: Readonly<Record<RecordedByUnknown, string>> = {
    'not-read': 'recorded-by unknown: git history not read',
    'no-git': 'recorded-by unknown: not in a git repository, or git is not available',
    'shallow-clone': 'recorded-by unknown: shallow clone (recorded in its oldest commit or earlier)',
    'not-committed': 'not yet committed'
};
