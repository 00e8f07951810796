import type { Assignment, Role } from '../generated/ast.js';
import { IssueCodes } from '../mandate-issue-codes.js';
import { compareStrings } from '../util/compare.js';
import { describePeriod, overlapOf, type Period } from '../util/dates.js';
import { effectivePeriods } from '../workspace/tenure.js';
import type { WorkspaceModel } from '../workspace/workspace-model.js';
import type { WorkspaceFinding, WorkspaceRule } from './rule.js';

/** Two assignments of different people to a one-holder role whose held days overlap. */
export interface HolderOverlap {
    readonly earlier: Assignment;
    readonly later: Assignment;
    readonly period: Period;
}

interface Held {
    readonly assignment: Assignment;
    readonly period: Period;
}

/** An open start sorts first, an open end last. */
const startKey = (period: Period) => period.since ?? '';
const endsLater = (a: Period, b: Period) => a.until === undefined ? b.until !== undefined : b.until !== undefined && a.until > b.until;

/**
 * The overlaps of a one-holder role, each later assignment reported once against the earlier
 * assignment of another person that runs longest into it. One sweep in start order keeps the
 * two longest-running earlier periods of different people, so this is O(n log n) per role.
 */
export function holderOverlaps(model: WorkspaceModel, role: Role): HolderOverlap[] {
    const held: Held[] = model.assignmentsOf(role)
        .filter(assignment => assignment.person?.ref)
        .flatMap(assignment => effectivePeriods(assignment).map(period => ({ assignment, period })))
        .sort((a, b) => compareStrings(startKey(a.period), startKey(b.period)));
    const overlaps: HolderOverlap[] = [];
    const reported = new Set<Assignment>();
    let longest: Held | undefined;
    let longestOther: Held | undefined; // the longest-running one of a person other than `longest`'s
    for (const current of held) {
        const person = current.assignment.person.ref;
        const rival = longest && longest.assignment.person.ref !== person ? longest : longestOther;
        const period = rival && overlapOf(rival.period, current.period);
        if (rival && period && !reported.has(current.assignment)) {
            reported.add(current.assignment);
            overlaps.push({ earlier: rival.assignment, later: current.assignment, period });
        }
        if (!longest || endsLater(current.period, longest.period)) {
            if (longest && longest.assignment.person.ref !== person) longestOther = longest;
            longest = current;
        } else if (longest.assignment.person.ref !== person && (!longestOther || endsLater(current.period, longestOther.period))) {
            longestOther = current;
        }
    }
    return overlaps;
}

function term(model: WorkspaceModel, assignment: Assignment): string {
    return `${assignment.person.ref?.name ?? assignment.person.$refText} ${describePeriod(assignment)} (${model.locationOf(assignment)})`;
}

/**
 * Roles that admit one holder at a time (the designated CISO, and roles marked `single holder`)
 * must never have two people in them on the same day: "who is the CISO?" has to have one answer.
 */
export const roleHoldersOverlap: WorkspaceRule = {
    id: IssueCodes.RoleHoldersOverlap,
    scope: 'workspace',
    readsPresence: 'through holdings',
    category: 'appointment',
    severity: 'error',
    standards: ['ISO27001:5.3(a)', 'ISO27001:A.5.2', 'SOC2:CC1.3'],
    summary: 'Two people hold a role that admits one holder at a time (the CISO, or a role marked `single holder`) on the same day.',
    fixable: true,
    findings(model) {
        const findings: WorkspaceFinding[] = [];
        for (const role of model.roles) {
            if (!model.isSingleHolder(role)) continue;
            const kind = role.ciso ? 'the CISO role' : 'the single-holder role';
            for (const { earlier, later, period } of holderOverlaps(model, role)) {
                findings.push({
                    node: later,
                    property: later.since ? 'since' : 'person',
                    message: `Two people hold ${kind} '${role.name}' ${describePeriod(period)}: ${term(model, earlier)} and ${term(model, later)}. `
                        + 'Only one person can hold it at a time. End the earlier assignment the day before the later one starts. '
                        + 'A stand-in for a holder who stays appointed (leave, illness) is a delegation of the duties, not a second assignment.',
                    related: [{ node: earlier, message: `The assignment of ${earlier.person.ref?.name ?? earlier.person.$refText} to '${role.name}'` }]
                });
            }
        }
        return findings;
    }
};
