import { IssueCodes } from '../mandate-issue-codes.js';
import type { WorkspaceRule } from './rule.js';

export const organizationMultiple: WorkspaceRule = {
    id: IssueCodes.OrganizationMultiple,
    scope: 'workspace',
    category: 'well-formedness',
    severity: 'error',
    standards: ['ISO27001:5.3(a)'],
    summary: 'More than one organization is declared in one workspace.',
    fixable: false,
    findings(model) {
        const [first, ...others] = model.organizations;
        return others.map(organization => ({
            node: organization,
            property: 'name',
            message: `Only one organization may be declared per workspace, and '${first.name}' is already declared at ${model.locationOf(first)}. `
                + 'Keep each organization\'s policy in its own workspace folder.',
            related: [{ node: first, message: `The organization '${first.name}' is declared here first` }]
        }));
    }
};
