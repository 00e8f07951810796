import { IssueCodes } from '../mandate-issue-codes.js';
import { ISMS_REPORTING } from '../standards/catalogue.js';
import { unassignedRequirementFindings } from './requirement-coverage.js';
import type { WorkspaceRule } from './rule.js';

export const ismsReportingUnassigned: WorkspaceRule = {
    id: IssueCodes.IsmsReportingUnassigned,
    scope: 'workspace',
    throughSyntaxErrors: 'workspace',
    // No `readsPresence: 'through holdings'`: whether a delegation hands the duty to a person depends on that
    // person being with the organization (requirement-coverage.ts), which a joining date typed can change.
    category: 'leadership',
    severity: 'error',
    standards: [ISMS_REPORTING, 'ISO27001:9.3'],
    summary: 'No role held on the as-of date carries ISO 27001 5.3(b), reporting ISMS performance to top management, or every role responsible for it is vacant and no delegation in force passes it on.',
    fixable: false,
    findings: (model, context) =>
        unassignedRequirementFindings(model, context, ISMS_REPORTING, 'to report ISMS performance to top management')
};
