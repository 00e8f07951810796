/**
 * The days a role stood empty between holders, as tenure counts holding (tenure.ts, effectivePeriods):
 * the audit period's question "was the CISO role held throughout?", which the as-of date's holders alone
 * cannot answer. Days before the role was first held are no vacancy: a new ISMS had no CISO to lose.
 */
import type { Role } from '../generated/ast.js';
import { addCadence, type IsoDate, type Period } from '../util/dates.js';
import { effectivePeriods } from './tenure.js';
import type { WorkspaceModel } from './workspace-model.js';

/** A closed run of days on which nobody held the role. */
export interface Vacancy {
    readonly since: IsoDate;
    readonly until: IsoDate;
}

/**
 * The runs of days, each ending before `to`, that overlap [`from`, `to`] and on which nobody held
 * `role` after someone first had: the gaps between holdings. A run that reaches `to` (the role is
 * vacant on that day, which ciso-vacant and role-vacant report) is left out.
 */
export function vacanciesBetween(model: WorkspaceModel, role: Role, from: IsoDate, to: IsoDate): Vacancy[] {
    const held: Period[] = model.assignmentsOf(role).flatMap(assignment => effectivePeriods(assignment));
    // Dates have the form YYYY-MM-DD, so code-point order is date order; an open start comes first.
    held.sort((a, b) => (a.since ?? '') < (b.since ?? '') ? -1 : (a.since ?? '') > (b.since ?? '') ? 1 : 0);
    const gaps: Vacancy[] = [];
    let heldThrough: IsoDate | undefined;
    let started = false;
    for (const period of held) {
        if (started && heldThrough === undefined) break; // held with no end: no later gap
        if (started && period.since !== undefined && heldThrough !== undefined) {
            const since = addCadence(heldThrough, 1, 'day');
            if (period.since > since) {
                const until = addCadence(period.since, -1, 'day');
                if (until < to && until >= from) gaps.push({ since, until });
            }
        }
        if (!started || period.until === undefined || (heldThrough !== undefined && period.until > heldThrough)) heldThrough = period.until;
        started = true;
    }
    return gaps;
}
