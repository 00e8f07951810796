import { IssueCodes } from '../mandate-issue-codes.js';
import { ISMS_REPORTING } from '../standards/catalogue.js';
import type { NodeRule } from './rule.js';

/** Auditor's question 4: does the CISO's job description include reporting on ISMS performance? */
export const cisoReportingMissing: NodeRule = {
    id: IssueCodes.CisoReportingMissing,
    scope: 'node',
    category: 'leadership',
    severity: 'error',
    standards: [ISMS_REPORTING, 'ISO27001:9.3'],
    summary: "The CISO role's job description lacks ISO 27001 5.3(b), reporting ISMS performance to top management.",
    fixable: true,
    checks: (context, report) => ({
        Role: (role, accept) => {
            if (!role.ciso) return;
            const model = context.workspace();
            if (model.dutiesCarriedBy(role).some(duty => duty.requirements.includes(ISMS_REPORTING))) return;
            const candidates = model.responsibilities.filter(duty => duty.requirements.includes(ISMS_REPORTING));
            const fix = candidates.length > 0
                ? `Add \`responsible for ${candidates[0].name}\` to the role.`
                : `Declare a responsibility that \`satisfies ${ISMS_REPORTING}\` and add \`responsible for\` it to the role.`;
            report(accept, { node: role, property: 'ciso' },
                `The job description of CISO role '${role.name}' does not include reporting ISMS performance to top management (${ISMS_REPORTING}). ${fix}`);
        }
    })
};
