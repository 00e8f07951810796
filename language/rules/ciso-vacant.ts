import { IssueCodes } from '../mandate-issue-codes.js';
import { nextHolding, vacancyAdvice, vacancyHistory } from './role-vacant.js';
import type { WorkspaceFinding, WorkspaceRule } from './rule.js';

export const cisoVacant: WorkspaceRule = {
    id: IssueCodes.CisoVacant,
    scope: 'workspace',
    readsPresence: 'through holdings',
    category: 'leadership',
    severity: 'error',
    standards: ['ISO27001:5.3(a)', 'ISO27001:A.5.2', 'HIPAA:164.308(a)(2)'],
    summary: 'The CISO role has no holder on the as-of date.',
    fixable: false,
    findings(model, context) {
        const asOf = context.settings.asOf();
        const findings: WorkspaceFinding[] = [];
        for (const role of model.cisoRoles) {
            if (model.isHeldOn(role, asOf)) continue;
            const history = vacancyHistory(model, role, asOf);
            findings.push({
                node: role,
                property: 'name',
                message: `Nobody holds the CISO role '${role.name}' on ${asOf}.${history} ${vacancyAdvice(model, role, asOf)}${nextHolding(model, role, asOf) ? '' : '.'}`
            });
        }
        return findings;
    }
};
