import { IssueCodes } from '../mandate-issue-codes.js';
import type { WorkspaceFinding, WorkspaceRule } from './rule.js';
import { carries, receivedOn, startOf } from './delegation-support.js';

/**
 * A role can only hand on what it holds: a duty its job description carries (responsible for,
 * accountable for, authorized to), or one delegated to it that is in force when it delegates.
 * Only the delegation that first escalates is reported, not the ones chained from it.
 */
export const delegationEscalation: WorkspaceRule = {
    id: IssueCodes.DelegationEscalation,
    scope: 'workspace',
    readsPresence: 'through holdings',
    category: 'delegation',
    severity: 'error',
    standards: ['ISO27001:A.5.2', 'SOC2:CC1.3', 'NIST-CSF:GV.RR-02'],
    summary: 'A role delegates a duty or authority that its job description does not carry and that was not delegated to it.',
    fixable: false,
    findings(model, context) {
        const asOf = context.settings.asOf();
        const findings: WorkspaceFinding[] = [];
        for (const delegation of model.delegations) {
            const duty = delegation.duty?.ref;
            const from = delegation.from?.ref;
            if (!duty || !from) continue; // unresolved: the linker reports it
            if (carries(model, from, duty)) continue;
            const start = startOf(delegation, asOf);
            if (receivedOn(model, from, duty, start, delegation).length > 0) continue;
            const kind = duty.$type === 'Authority' ? 'authority' : 'responsibility';
            const dated = delegation.since ? `when this delegation starts (${start})` : `on ${start}`;
            findings.push({
                node: delegation,
                property: 'from',
                message: `'${from.name}' delegates the ${kind} '${duty.name}', which it does not hold: its job description does not carry it `
                    + `(responsible for, accountable for or authorized to) and no delegation of '${duty.name}' to '${from.name}' is in force ${dated}. `
                    + `Delegate from the role that carries '${duty.name}', or add it to the job description of '${from.name}'.`
            });
        }
        return findings;
    }
};
