import { IssueCodes } from '../mandate-issue-codes.js';
import { isValidIsoDate } from '../util/dates.js';
import { isPresentOn, presenceOf } from '../workspace/tenure.js';
import type { Declarations } from '../workspace/declaration-index.js';
import type { Reads } from '../workspace/document-sources.js';
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
    // Document by document (WorkspaceModel.sharesOf): what a file's assignments say depends on that file and the
    // people they name, so an edit to one team's file looks at its own assignments again, not the workspace's.
    findings: model => model.sharesOf(beforeJoiningFindings).flat()
};

/** The findings on one document's assignments; each person named is read, wherever it is declared. */
export function beforeJoiningFindings(own: Declarations, recorder: Reads): WorkspaceFinding[] {
    const findings: WorkspaceFinding[] = [];
    for (const assignment of own.assignments) {
        const person = assignment.person?.ref;
        const since = assignment.since;
        if (!person) continue;
        recorder.read(person);
        // Undated or impossible dates are assignment-date-missing's and date-invalid's.
        if (!since || !isValidIsoDate(since) || isPresentOn(person, since)) continue;
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
