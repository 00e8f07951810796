import { IssueCodes } from '../mandate-issue-codes.js';
import { isValidIsoDate } from '../util/dates.js';
import { isPresentOn, presenceOf } from '../workspace/tenure.js';
import type { WorkspaceFinding, WorkspaceRule } from './rule.js';

/**
 * An assignment that takes effect before its person joins the organization: a person holds a role
 * only while employed or engaged (tenure.ts), so the role is vacant from the assignment's start
 * until they join, which nothing in the assignment shows. The mirror of leaver-holds-role.
 */
export const assignmentBeforeJoining: WorkspaceRule = {
    id: IssueCodes.AssignmentBeforeJoining,
    scope: 'workspace',
    category: 'continuity',
    severity: 'warning',
    standards: ['ISO27001:A.5.2', 'ISO27001:A.6.2'],
    summary: 'An assignment takes effect before its person joins the organization, so the role is vacant until they do.',
    fixable: false,
    findings(model) {
        const findings: WorkspaceFinding[] = [];
        for (const assignment of model.assignments) {
            const person = assignment.person?.ref;
            const since = assignment.since;
            // Undated or impossible dates are assignment-date-missing's and date-invalid's.
            if (!person || !since || !isValidIsoDate(since) || isPresentOn(person, since)) continue;
            // The first day with the organization after the start; none: they had left by then (leaver-holds-role).
            const joins = presenceOf(person).flatMap(period => period.since !== undefined && period.since > since ? [period] : [])
                .sort((a, b) => a.since! < b.since! ? -1 : 1)[0];
            if (!joins?.since || (assignment.until !== undefined && assignment.until < joins.since)) continue;
            const kind = person.engagedSince === joins.since ? 'engaged' : 'employed';
            findings.push({
                node: assignment,
                property: 'since',
                message: `This assignment of '${person.name}' to '${assignment.role?.$refText}' takes effect on ${since}, but '${person.name}' joins the organization `
                    + `on ${joins.since} (\`${kind} since ${joins.since}\`) and holds the role only from then: it is vacant until that day. `
                    + `Start the assignment on the joining date (\`since ${joins.since}\`), or correct \`${kind} since\`.`
            });
        }
        return findings;
    }
};
