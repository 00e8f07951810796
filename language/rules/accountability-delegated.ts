import { isRole } from '../generated/ast.js';
import { IssueCodes } from '../mandate-issue-codes.js';
import { dutyKinds, receivedOn, startOf } from './delegation-support.js';
import type { WorkspaceFinding, WorkspaceRule } from './rule.js';

/**
 * Accountability (the A of RACI) stays with the role whose job description says `accountable
 * for`; only the work (R) or an authority can be delegated. A delegation breaks that when
 *   1. the delegating role holds the duty only as `accountable for`: it is not responsible for
 *      it, not authorized to it, and no delegation of it to the role is in force when it
 *      delegates, so all it can hand over is its accountability; or
 *   2. the delegating role is accountable for the duty and the recipient role's job description
 *      says `accountable for` it as well: accountability moved, or is now claimed twice.
 * Handing the work up to the accountable role (an R role delegating to the A role) is fine.
 */
export const accountabilityDelegated: WorkspaceRule = {
    id: IssueCodes.AccountabilityDelegated,
    scope: 'workspace',
    readsPresence: 'through holdings',
    category: 'delegation',
    severity: 'error',
    standards: ['ISO27001:5.1', 'ISO27001:A.5.2', 'NIST-CSF:GV.RR-01'],
    summary: 'A delegation hands over accountability for a duty, which must stay with the delegating role; only the work or an authority can be delegated.',
    fixable: false,
    findings(model, context) {
        const asOf = context.settings.asOf();
        const findings: WorkspaceFinding[] = [];
        for (const delegation of model.delegations) {
            const duty = delegation.duty?.ref;
            const from = delegation.from?.ref;
            const to = delegation.to?.ref;
            if (!duty || !from || !to) continue;
            const kinds = dutyKinds(from, duty);
            if (!kinds.has('accountable')) continue;
            const holdsWork = kinds.has('responsible') || kinds.has('authorized')
                || receivedOn(model, from, duty, startOf(delegation, asOf), delegation).length > 0;
            if (!holdsWork) {
                findings.push({
                    node: delegation,
                    property: 'duty',
                    message: `'${from.name}' is only accountable for '${duty.name}', so delegating it hands over its accountability, which must stay with '${from.name}'. `
                        + `Delegate the work from the role that is responsible for '${duty.name}' instead, or make '${from.name}' \`responsible for ${duty.name}\` too if it does the work itself.`
                });
            } else if (isRole(to) && dutyKinds(to, duty).has('accountable')) {
                findings.push({
                    node: delegation,
                    property: 'to',
                    message: `'${to.name}' receives '${duty.name}' from '${from.name}' but also says it is \`accountable for ${duty.name}\`, so accountability has moved with the delegation `
                        + `or is now claimed by two roles. Keep \`accountable for ${duty.name}\` only in the job description of '${from.name}'; the recipient is responsible, not accountable.`
                });
            }
        }
        return findings;
    }
};
