import type { Assignment, Delegation, Person } from '../generated/ast.js';
import { isDateShaped, type Period } from '../util/dates.js';
import type { TokenEdit } from './semantic-fingerprint.js';
import { heldWithin, presenceOf, tenureHeldWithin } from './tenure.js';
import type { WorkspaceModel } from './workspace-model.js';

/** The dates that say when a person is with the organization (tenure.ts, presenceOf). */
const PRESENCE_DATES: ReadonlySet<string> = new Set(['employedSince', 'employedUntil', 'engagedSince', 'engagedUntil']);

/**
 * Whether `edit` (one token typed, semantic-fingerprint.ts) changed a date of a person's employment
 * or engagement and nothing that anyone holds: every assignment of the person gives the role on
 * the same days before and after, and so does each tenure those make up, and every delegation to
 * the person reaches them on the same days. Who holds which role on any date (holdersOn,
 * rolesOfPersonOn, effectivePeriods, tenureHeldPeriods) and what a delegation hands a person
 * (reachesPersonOn) then read the same,
 * so a rule that reads presence only through them (WorkspaceRule's `readsPresence`) says the same.
 * The usual such edit: a joining date typed years before the person's first appointment.
 * `model` is the workspace after the edit; the person's assignments and their dates are the same
 * nodes' counterparts as before, since the edit was inside the person's date.
 */
export function leavesHoldingsSame(edit: TokenEdit, model: WorkspaceModel): boolean {
    if (edit.before.$type !== 'Person' || edit.after.$type !== 'Person' || !edit.property || !PRESENCE_DATES.has(edit.property)) return false;
    const before = edit.before as Person;
    const after = edit.after as Person;
    if (before.name !== after.name) return false;
    const [oldPresence, newPresence] = [presenceOf(before), presenceOf(after)];
    for (const assignment of model.assignmentsOfPerson(after)) {
        // A value that is no date at all (never written so by the parser) is left to the rules to read again.
        if (!hasDateShapes(assignment)) return false;
        const own: Period = { since: assignment.since, until: assignment.until };
        if (!samePeriods(heldWithin(own, oldPresence), heldWithin(own, newPresence))) return false;
        const tenure = model.tenureOf(assignment);
        const terms = tenure?.terms.map(term => ({ since: term.since, until: term.until }));
        if (terms && !samePeriods(tenureHeldWithin(terms, oldPresence), tenureHeldWithin(terms, newPresence))) return false;
    }
    // A delegation to the person reaches them on the days of its window within the stay it took effect in (reachesPersonOn).
    for (const delegation of model.delegationsTo(after)) {
        if (!hasDateShapes(delegation)) return false;
        const own: Period = { since: delegation.since, until: delegation.until };
        if (!samePeriods(heldWithin(own, oldPresence), heldWithin(own, newPresence))) return false;
    }
    return true;
}

function hasDateShapes(assignment: Assignment | Delegation): boolean {
    return (assignment.since === undefined || isDateShaped(assignment.since)) && (assignment.until === undefined || isDateShaped(assignment.until));
}

/** The same periods in the same order: a stricter test than the same days, which may say "changed" when unsure but never "same" wrongly. */
function samePeriods(a: readonly Period[], b: readonly Period[]): boolean {
    return a.length === b.length && a.every((period, index) => period.since === b[index].since && period.until === b[index].until);
}
