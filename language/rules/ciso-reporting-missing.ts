import { IssueCodes } from '../mandate-issue-codes.js';
import { ISMS_REPORTING } from '../standards/catalogue.js';
import type { WorkspaceFinding, WorkspaceRule } from './rule.js';

/**
 * Auditor's question 4: does the CISO's job description include reporting on ISMS performance?
 * A workspace rule: the answer depends on the `satisfies` lines of duties in other files, which
 * change without any name changing.
 */
export const cisoReportingMissing: WorkspaceRule = {
    id: IssueCodes.CisoReportingMissing,
    scope: 'workspace',
    category: 'leadership',
    severity: 'error',
    standards: [ISMS_REPORTING, 'ISO27001:9.3'],
    summary: "The CISO role's job description lacks ISO 27001 5.3(b), reporting ISMS performance to top management.",
    fixable: true,
    findings(model) {
        const findings: WorkspaceFinding[] = [];
        for (const role of model.cisoRoles) {
            if (model.dutiesCarriedBy(role).some(duty => duty.requirements.includes(ISMS_REPORTING))) continue;
            const candidate = model.responsibilities.find(duty => duty.requirements.includes(ISMS_REPORTING));
            const fix = candidate
                ? `Add \`responsible for ${candidate.name}\` to the role.`
                : `Declare a responsibility that \`satisfies ${ISMS_REPORTING}\` and add \`responsible for\` it to the role.`;
            findings.push({
                node: role, property: 'ciso',
                message: `The job description of CISO role '${role.name}' does not include reporting ISMS performance to top management (${ISMS_REPORTING}). ${fix}`
            });
        }
        return findings;
    }
};
