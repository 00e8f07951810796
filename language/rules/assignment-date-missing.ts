import { IssueCodes } from '../mandate-issue-codes.js';
import { assignmentNames } from './describe.js';
import type { NodeRule } from './rule.js';

/** Auditor's question 2: when did this person get the role? */
export const assignmentDateMissing: NodeRule = {
    id: IssueCodes.AssignmentDateMissing,
    scope: 'node',
    category: 'appointment',
    severity: 'error',
    standards: ['ISO27001:5.3(a)', 'ISO27001:7.5', 'ISO27001:A.5.2'],
    summary: 'An assignment has no start date.',
    fixable: true,
    checks: (_context, report) => ({
        Assignment: (assignment, accept) => {
            if (assignment.since) return;
            report(accept, { node: assignment, property: 'role' },
                `The assignment${assignmentNames(assignment)} has no start date, `
                // `since` follows the capacity in the grammar: `assign ben to ops as acting since …`.
                + `so nobody can tell when they got the role. Add \`since YYYY-MM-DD\` after ${assignment.capacity ? `\`as ${assignment.capacity}\`` : 'the role'}.`);
        }
    })
};
