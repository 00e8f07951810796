import { IssueCodes } from '../mandate-issue-codes.js';
import type { WorkspaceRule } from './rule.js';

/** Clause 5.3 is about what top management assigns; the policy has to say who that is. */
export const topManagementMissing: WorkspaceRule = {
    id: IssueCodes.TopManagementMissing,
    scope: 'workspace',
    throughSyntaxErrors: 'workspace',
    readsPresence: 'through holdings',
    category: 'leadership',
    severity: 'error',
    standards: ['ISO27001:5.1', 'ISO27001:5.3(a)', 'SOC2:CC1.3', 'NIST-CSF:GV.RR-01'],
    summary: 'The workspace declares policy, but there is no organization, or no organization names its top management.',
    fixable: false,
    findings(model) {
        const anchor = model.workspaceAnchor;
        if (!anchor) return [];
        // An unresolved `top management` reference is the linker's business, not a missing declaration.
        if (model.organizations.some(organization => organization.topManagement.length > 0)) return [];
        const target = { node: anchor, ...('name' in anchor ? { property: 'name' as const } : {}) };
        if (model.organizations.length === 0) {
            return [{
                ...target,
                message: 'The policy declares no organization, so nothing says who top management is: the body that assigns '
                    + 'the ISMS roles and receives its reports. Add `organization <id> "<name>" { top management <role> }`, '
                    + 'naming the role of the board or executive team.'
            }];
        }
        return [{
            ...target,
            message: `The organization '${model.organizations[0].name}' does not say who its top management is: the body that assigns `
                + 'the ISMS roles and receives its reports. Add `top management <role>` to it, naming the role of the board or executive team.'
        }];
    }
};
