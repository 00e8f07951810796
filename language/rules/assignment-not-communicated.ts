import { IssueCodes } from '../mandate-issue-codes.js';
import { isFirstTerm, tenureAnnouncements } from '../workspace/tenure.js';
import type { NodeRule } from './rule.js';

/** Auditor's question 3: how was the position made known to the organization? */
export const assignmentNotCommunicated: NodeRule = {
    id: IssueCodes.AssignmentNotCommunicated,
    scope: 'node',
    category: 'communication',
    severity: 'warning',
    standards: ['ISO27001:5.3(a)', 'ISO27001:7.4', 'NIST-CSF:GV.RR-02', 'PCI-DSS:12.1.3'],
    summary: 'An appointment was never announced to the organization.',
    fixable: true,
    checks: (context, report) => ({
        Assignment: (assignment, accept) => {
            if (assignment.announcements.length > 0) return;
            // A renewal is covered by its tenure's announcement; an unannounced tenure is reported once, on its first term.
            const tenure = context.workspace().tenureOf(assignment);
            if (!isFirstTerm(tenure, assignment) || tenureAnnouncements(tenure, assignment).length > 0) return;
            report(accept, { node: assignment, property: 'role' },
                `The appointment of '${assignment.person?.$refText ?? '?'}' to '${assignment.role?.$refText ?? '?'}' was never announced. `
                + 'Record how it was made known inside the assignment, e.g. `announced 2024-03-05 via intranet to all-staff`.');
        }
    })
};
