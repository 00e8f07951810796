import { IssueCodes } from '../mandate-issue-codes.js';
import type { WorkspaceRule } from './rule.js';

/** Auditor's question 1: who is responsible for information security? */
export const cisoMissing: WorkspaceRule = {
    id: IssueCodes.CisoMissing,
    scope: 'workspace',
    throughSyntaxErrors: 'workspace',
    readsPresence: 'through holdings',
    category: 'leadership',
    severity: 'error',
    standards: ['ISO27001:5.3(a)', 'ISO27001:A.5.2', 'PCI-DSS:12.1.4', 'HIPAA:164.308(a)(2)'],
    summary: 'The workspace declares policy, but no role is designated CISO.',
    fixable: true,
    findings(model) {
        const anchor = model.workspaceAnchor;
        if (!anchor || model.cisoRoles.length > 0) return [];
        return [{
            node: anchor,
            ...('name' in anchor ? { property: 'name' as const } : {}),
            message: 'No role is designated as the CISO, so nobody is formally responsible for information security. '
                + 'Add `designated CISO` to the role that leads information security.'
        }];
    }
};
