import type { Assignment, Delegation } from '../generated/ast.js';
import { IssueCodes } from '../mandate-issue-codes.js';
import { describePeriod, type IsoDate } from '../util/dates.js';
import type { WorkspaceFinding, WorkspaceRule } from './rule.js';

/** Whether a period starts no later than `since` (undefined: unbounded in the past). */
function startsBy(period: IsoDate | undefined, since: IsoDate | undefined): boolean {
    return period === undefined || (since !== undefined && period <= since);
}

/** Whether a period ends no earlier than `until` (undefined: unbounded in the future). */
function endsAfter(period: IsoDate | undefined, until: IsoDate | undefined): boolean {
    return period === undefined || (until !== undefined && until <= period);
}

function covers(assignment: Assignment, delegation: Delegation): boolean {
    return startsBy(assignment.since, delegation.since) && endsAfter(assignment.until, delegation.until);
}

/** Open ends are unbounded, which is easy to miss in a message: say so. */
function openEnds(delegation: Delegation): string {
    if (delegation.since === undefined && delegation.until === undefined) return '';
    if (delegation.since === undefined) return ', with no start date';
    return delegation.until === undefined ? ', with no end date' : '';
}

function tenure(assignment: Assignment): string {
    return `${assignment.person?.$refText ?? '?'} ${describePeriod(assignment)}`;
}

/**
 * A delegation is given by the holder of the delegating role, and lasts no longer than that
 * holder's own assignment: one holder's assignment must cover the whole window. Open ends are
 * unbounded, so a delegation without `until` needs a holder without end date.
 */
export const delegationWindow: WorkspaceRule = {
    id: IssueCodes.DelegationWindow,
    scope: 'workspace',
    category: 'delegation',
    severity: 'warning',
    standards: ['ISO27001:A.5.2', 'SOC2:CC1.3'],
    summary: 'No holder of the delegating role is assigned for the whole period of the delegation.',
    fixable: false,
    findings(model) {
        const findings: WorkspaceFinding[] = [];
        for (const delegation of model.delegations) {
            const from = delegation.from?.ref;
            if (!from) continue;
            const assignments = model.assignmentsOf(from);
            if (assignments.some(assignment => covers(assignment, delegation))) continue;
            // Point at the end that no holder covers: the start if nobody held the role then, else the end.
            const startHeld = assignments.some(assignment => startsBy(assignment.since, delegation.since)
                && (delegation.since === undefined || assignment.until === undefined || delegation.since <= assignment.until));
            const property = startHeld ? (delegation.until ? 'until' : 'from') : (delegation.since ? 'since' : 'from');
            const holders = assignments.length === 0
                ? `'${from.name}' has no holder at all`
                : `'${from.name}' is held by ${assignments.slice(0, 3).map(tenure).join('; ')}${assignments.length > 3 ? '; …' : ''}`;
            findings.push({
                node: delegation,
                property,
                message: `No holder of '${from.name}' is assigned for the whole delegation window (${describePeriod(delegation)}${openEnds(delegation)}): ${holders}. `
                    + `A delegation lasts no longer than the delegator's own assignment: fit \`since\`/\`until\` inside one holder's tenure, `
                    + 'or record a new delegation from the successor.'
            });
        }
        return findings;
    }
};
