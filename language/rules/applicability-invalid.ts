import { statementOfApplicability } from '../applicability/statement-of-applicability.js';
import { IssueCodes } from '../mandate-issue-codes.js';
import type { WorkspaceFinding, WorkspaceRule } from './rule.js';

/**
 * The statement of applicability must be one an auditor accepts: claimed frameworks exist and are
 * claimed once, and every exclusion names a requirement of that framework, says why it does not
 * apply, and is not contradicted by a duty that satisfies it. The engine that decides what is
 * applicable finds these problems (an invalid exclusion does not take effect); this rule reports them.
 */
export const applicabilityInvalid: WorkspaceRule = {
    id: IssueCodes.ApplicabilityInvalid,
    scope: 'workspace',
    category: 'well-formedness',
    severity: 'error',
    standards: ['ISO27001:6.1.3(d)'],
    summary: 'A `claims` declaration names an unknown or repeated framework, or an exclusion lacks a justification, is not a requirement of the claimed framework, or is satisfied by a duty.',
    fixable: false,
    findings(model) {
        return statementOfApplicability(model).problems.map(({ node, property, index, message, related }): WorkspaceFinding => ({
            node, message,
            ...(property ? { property } : {}),
            ...(index !== undefined ? { index } : {}),
            ...(related ? { related } : {})
        }));
    }
};
