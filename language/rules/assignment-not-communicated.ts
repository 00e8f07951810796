import { IssueCodes } from '../mandate-issue-codes.js';
import { isFirstTerm, tenureAnnouncements } from '../workspace/tenure.js';
import { assignmentNames } from './describe.js';
import { TERMS_AND_ANNOUNCEMENTS } from './communication-reads.js';
import type { WorkspaceFinding, WorkspaceRule } from './rule.js';

/** Auditor's question 3: how was the position made known to the organization? */
export const assignmentNotCommunicated: WorkspaceRule = {
    id: IssueCodes.AssignmentNotCommunicated,
    scope: 'workspace',
    category: 'communication',
    severity: 'warning',
    standards: ['ISO27001:5.3(a)', 'ISO27001:7.4', 'NIST-CSF:GV.RR-02', 'PCI-DSS:12.1.3'],
    summary: 'An appointment was never announced to the organization.',
    fixable: true,
    readsOf: TERMS_AND_ANNOUNCEMENTS,
    findings(model) {
        const findings: WorkspaceFinding[] = [];
        for (const assignment of model.assignments) {
            if (assignment.announcements.length > 0) continue;
            // A renewal is covered by its tenure's announcement; an unannounced tenure is reported once, on its first term.
            const tenure = model.tenureOf(assignment);
            if (!isFirstTerm(tenure, assignment) || tenureAnnouncements(tenure, assignment).length > 0) continue;
            findings.push({
                node: assignment,
                property: 'role',
                message: `The appointment${assignmentNames(assignment)} was never announced. `
                    + 'Record how it was made known inside the assignment, e.g. `announced 2024-03-05 via intranet to all-staff`.'
            });
        }
        return findings;
    }
};
