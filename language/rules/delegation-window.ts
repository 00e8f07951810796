import type { Delegation } from '../generated/ast.js';
import { IssueCodes } from '../mandate-issue-codes.js';
import { describePeriod } from '../util/dates.js';
import { presenceOf, tenureCovers, tenureHeldPeriods, type Tenure } from '../workspace/tenure.js';
import type { WorkspaceFinding, WorkspaceRule } from './rule.js';

/** Open ends are unbounded, which is easy to miss in a message: say so. */
function openEnds(delegation: Delegation): string {
    if (delegation.since === undefined && delegation.until === undefined) return '';
    if (delegation.since === undefined) return ', with no start date';
    return delegation.until === undefined ? ', with no end date' : '';
}

/** Whether a tenure has begun by the delegation's start (an open start needs an open tenure start). */
function heldAtStart(tenure: Tenure, delegation: Delegation): boolean {
    return tenureCovers(tenure, { since: delegation.since, until: delegation.since });
}

/**
 * `olga from 2020-01-01 to 2025-03-31 (assigned from 2020-01-01 to 2025-06-30, but with the organization
 * only from 2019-01-01 to 2025-03-31)`: the days the tenure really gives the role, as tenureCovers counts them.
 */
function describeTenure(tenure: Tenure): string {
    const terms = tenure.terms.length > 1 ? `${tenure.terms.length} terms` : '';
    const held = tenureHeldPeriods(tenure);
    const assigned = describePeriod(tenure);
    const same = held.length === 1 && held[0].since === tenure.since && held[0].until === tenure.until;
    if (same) return `${tenure.person.name} ${assigned}${terms ? ` (${terms})` : ''}`;
    const actually = held.length === 0 ? 'never while with the organization' : held.map(describePeriod).join(' and ');
    const why = `assigned ${assigned}${terms ? ` in ${terms}` : ''}, but with the organization only ${presenceOf(tenure.person).map(describePeriod).join(' and ')}`;
    return `${tenure.person.name} ${actually} (${why})`;
}


/**
 * A delegation is given by the holder of the delegating role, and lasts no longer than that
 * holder's own tenure: one holder's tenure must cover the whole window. A tenure spans renewals
 * (consecutive terms of the same person) and ends when the person leaves. Open ends are
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
            const tenures = model.tenuresOf(from);
            const window = { since: delegation.since, until: delegation.until };
            if (tenures.some(tenure => tenureCovers(tenure, window))) continue;
            // Point at the end that no holder covers: the start if nobody held the role then, else the end.
            const startHeld = delegation.since === undefined
                ? tenures.some(tenure => tenure.since === undefined)
                : tenures.some(tenure => heldAtStart(tenure, delegation));
            const property = startHeld ? (delegation.until ? 'until' : 'from') : (delegation.since ? 'since' : 'from');
            const holders = tenures.length === 0
                ? `'${from.name}' has no holder at all`
                : `'${from.name}' is held by ${tenures.slice(0, 3).map(describeTenure).join('; ')}${tenures.length > 3 ? '; …' : ''}`;
            findings.push({
                node: delegation,
                property,
                message: `No holder of '${from.name}' is assigned for the whole delegation window (${describePeriod(delegation)}${openEnds(delegation)}): ${holders}. `
                    + `A delegation lasts no longer than the delegator's own tenure: fit \`since\`/\`until\` inside one holder's tenure, `
                    + 'or record a new delegation from the successor.'
            });
        }
        return findings;
    }
};
