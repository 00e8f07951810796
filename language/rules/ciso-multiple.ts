import { IssueCodes } from '../mandate-issue-codes.js';
import type { WorkspaceRule } from './rule.js';

export const cisoMultiple: WorkspaceRule = {
    id: IssueCodes.CisoMultiple,
    scope: 'workspace',
    category: 'leadership',
    severity: 'error',
    standards: ['ISO27001:5.3(a)', 'PCI-DSS:12.1.4'],
    summary: 'More than one role is designated CISO, so responsibility for information security is ambiguous.',
    fixable: false,
    findings(model) {
        const roles = model.cisoRoles;
        if (roles.length < 2) return [];
        const names = roles.map(role => `'${role.name}'`).join(', ');
        return roles.map(role => ({
            node: role,
            property: 'ciso',
            message: `Roles ${names} are all designated CISO; exactly one role can be the organization's CISO. `
                + 'Keep `designated CISO` on one role and make the others report to it or act as its deputy.'
        }));
    }
};
