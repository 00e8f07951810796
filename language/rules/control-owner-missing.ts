import { controlOwners, isOwnerless } from '../applicability/control-owners.js';
import { statementOfApplicability } from '../applicability/statement-of-applicability.js';
import { IssueCodes } from '../mandate-issue-codes.js';
import type { WorkspaceFinding, WorkspaceRule } from './rule.js';

/**
 * Every applicable requirement of a framework the policy claims needs a control owner: a role held
 * on the as-of date that is accountable for a duty satisfying it, unless the policy itself
 * evidences it (structural evidence). Only explicit `claims` are checked, so a policy without a
 * statement of applicability is not flooded with one warning per ISO 27001 control.
 */
export const controlOwnerMissing: WorkspaceRule = {
    id: IssueCodes.ControlOwnerMissing,
    scope: 'workspace',
    category: 'leadership',
    severity: 'warning',
    standards: ['ISO27001:A.5.2', 'ISO27001:6.1.3(d)'],
    summary: 'An applicable requirement of a claimed framework has no control owner held on the as-of date and no structural evidence.',
    fixable: false,
    findings(model, context) {
        const soa = statementOfApplicability(model);
        if (!soa.declared) return [];
        const asOf = context.settings.asOf();
        const claims = new Map(soa.frameworks.flatMap(framework => framework.claim ? [[framework.prefix, framework.claim] as const] : []));
        const findings: WorkspaceFinding[] = [];
        for (const entry of controlOwners(model, asOf)) {
            const { requirement, vacantOwners } = entry;
            const claim = claims.get(requirement.framework);
            if (!claim || !isOwnerless(entry)) continue;
            const vacant = vacantOwners.length > 0 ? ` (${vacantOwners.map(owner => `'${owner.role.name}'`).join(', ')} ${vacantOwners.length === 1 ? 'is' : 'are'} accountable but vacant)` : '';
            findings.push({
                node: claim, property: 'framework',
                message: `${requirement.id} (${requirement.title}) has no control owner on ${asOf}${vacant}: `
                    + 'make a held role `accountable for` a duty that `satisfies` it, or declare it `not applicable` with a justification.'
            });
        }
        return findings;
    }
};
