import { IssueCodes } from '../mandate-issue-codes.js';
import { ISMS_REPORTING } from '../standards/catalogue.js';
import { unassignedRequirementFindings } from './requirement-coverage.js';
import type { WorkspaceRule } from './rule.js';

export const ismsReportingUnassigned: WorkspaceRule = {
    id: IssueCodes.IsmsReportingUnassigned,
    scope: 'workspace',
    throughSyntaxErrors: 'workspace',
    readsPresence: 'through holdings',
    category: 'leadership',
    severity: 'error',
    standards: [ISMS_REPORTING, 'ISO27001:9.3'],
    summary: 'No role held on the as-of date carries ISO 27001 5.3(b), reporting ISMS performance to top management.',
    fixable: false,
    findings: (model, context) =>
        unassignedRequirementFindings(model, context, ISMS_REPORTING, 'to report ISMS performance to top management')
};
