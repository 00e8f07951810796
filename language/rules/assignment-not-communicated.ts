import type { Assignment } from '../generated/ast.js';
import { IssueCodes } from '../mandate-issue-codes.js';
import { isValidIsoDate, PLACEHOLDER_DATE } from '../util/dates.js';
import { isAnnouncedBy, recordStateOn, startsAnnouncedSpan, tenureAnnouncements, upcomingAnnouncement } from '../workspace/announced-records.js';
import { capacityOf, type Tenure } from '../workspace/tenure.js';
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
    findings(model, context) {
        const asOf = context.settings.asOf();
        const findings: WorkspaceFinding[] = [];
        for (const assignment of model.assignments) {
            // A renewal is covered by its tenure's announcement (not a confirmation of an acting holder: announcedSpan); an unannounced tenure is reported once, on its first term.
            const tenure = model.tenureOf(assignment);
            if (!startsAnnouncedSpan(tenure, assignment)) continue;
            const recorded = tenureAnnouncements(tenure, assignment);
            // An appointment that has not begun (a successor decided for later) is announced when it takes effect, or ahead of it.
            if (assignment.since && isValidIsoDate(assignment.since) && assignment.since > asOf) continue;
            let message: string;
            if (recorded.length === 0) {
                const stoodIn = standInBefore(tenure, assignment);
                message = stoodIn
                    // The acting term may well have been announced: what was not is that the stand-in now holds the role for good.
                    ? `The confirmation${assignmentNames(assignment)}, after the ${stoodIn} term, was not announced: the organization was told of a stand-in, so the confirmation needs an announcement of its own. `
                    : `The appointment${assignmentNames(assignment)} was never announced. `;
            } else {
                if (recorded.some(announcement => isAnnouncedBy(announcement, asOf))) continue; // made by the as-of date
                const upcoming = upcomingAnnouncement(tenure, assignment, asOf);
                // On a day the calendar does not have: date-invalid's error is on the date, but question 3 has no answer either, so this says so;
                // not for a quick fix's placeholder, a record plainly still being written, which date-invalid asks to complete.
                const impossible = recorded.filter(announcement => recordStateOn(announcement.date, asOf) === 'invalid-date' && announcement.date !== PLACEHOLDER_DATE);
                if (impossible.length > 0) {
                    const one = impossible.length === 1;
                    message = `The appointment${assignmentNames(assignment)} has no announcement that counts by ${asOf}: ${impossible.map(announcement => announcement.date).join(', ')} `
                        + `${one ? 'is not a day' : 'are not days'} the calendar has, so ${one ? 'that announcement counts' : 'those announcements count'} for nothing until corrected`
                        + `${upcoming ? `, and the one dated ${upcoming.date} is after the as-of date` : ''}. `;
                } else if (upcoming && assignment.since && isValidIsoDate(assignment.since)) {
                    message = `The appointment${assignmentNames(assignment)} took effect on ${assignment.since} but had not been announced by ${asOf}: `
                        + `the announcement dated ${upcoming.date} is after the as-of date, so it does not count yet. `;
                } else {
                    continue;
                }
            }
            findings.push({
                node: assignment,
                property: 'role',
                message: message + 'Record how it was made known inside the assignment, e.g. `announced <date> via intranet to all-staff`.'
            });
        }
        return findings;
    }
};

/** `acting` or `interim` when this term confirms the person in the role after such a term of the same tenure; else undefined. */
function standInBefore(tenure: Tenure | undefined, assignment: Assignment): 'acting' | 'interim' | undefined {
    if (!tenure || capacityOf(assignment) !== undefined) return undefined;
    const index = tenure.terms.indexOf(assignment);
    for (let at = index - 1; at >= 0; at--) {
        const capacity = capacityOf(tenure.terms[at]);
        if (capacity) return capacity;
    }
    return undefined;
}
