import { IssueCodes } from '../mandate-issue-codes.js';
import { daysBetween, isValidIsoDate } from '../util/dates.js';
import { firstAnnouncement, startsAnnouncedSpan } from '../workspace/announced-records.js';
import { assignmentNames } from './describe.js';
import { TERMS_AND_ANNOUNCEMENTS } from './communication-reads.js';
import type { WorkspaceFinding, WorkspaceRule } from './rule.js';

/** An appointment was first made known more than `maxDays` after it took effect. */
export const announcementLate: WorkspaceRule = {
    id: IssueCodes.AnnouncementLate,
    scope: 'workspace',
    category: 'communication',
    severity: 'warning',
    standards: ['ISO27001:7.4', 'NIST-CSF:GV.RR-02', 'PCI-DSS:12.1.3'],
    summary: 'An appointment\'s first announcement came more than `maxDays` days after its start date.',
    fixable: false,
    options: {
        maxDays: {
            type: 'integer', default: 30, minimum: 0,
            description: 'The most days an appointment may take effect before it is first announced.'
        }
    },
    readsOf: TERMS_AND_ANNOUNCEMENTS,
    findings(model, context) {
        const max = context.settings.option(announcementLate, 'maxDays');
        const findings: WorkspaceFinding[] = [];
        for (const assignment of model.assignments) {
            // A tenure is announced once (an acting holder confirmed in the role, again: announcedSpan): measured from its start, on its first term, over the announcements of all its terms.
            const tenure = model.tenureOf(assignment);
            if (!startsAnnouncedSpan(tenure, assignment)) continue;
            const since = assignment.since;
            // Undated or impossible dates are reported by assignment-date-missing and date-invalid.
            if (!since || !isValidIsoDate(since)) continue;
            const first = firstAnnouncement(tenure, assignment, context.settings.asOf());
            if (!first) continue; // not announced by the as-of date: assignment-not-communicated
            const late = daysBetween(since, first.date);
            if (late <= max) continue;
            findings.push({
                node: first,
                property: 'date',
                message: `The appointment${assignmentNames(assignment)} took effect on ${since} `
                    + `but was first announced on ${first.date}, ${late} days later (at most ${max} allowed). If it was made known earlier, record that `
                    + 'announcement with its evidence, e.g. `announced <date> via email to all-staff`; if it really was late, accept the exception '
                    + 'above the assignment with `// mandate-ignore announcement-late: <reason>`.'
            });
        }
        return findings;
    }
};
