import { isAppointingBody, isPerson, type Announcement } from '../generated/ast.js';
import { IssueCodes } from '../mandate-issue-codes.js';
import { isAnnouncedBy, startsAnnouncedSpan, tenureAnnouncements } from '../workspace/announced-records.js';
import { narrowAudience, type AudiencePart } from '../workspace/announcement-audience.js';
import type { WorkspaceModel } from '../workspace/workspace-model.js';
import type { WorkspaceFinding, WorkspaceRule } from './rule.js';

/** `'board' (a role, organization.mandate:5)`. */
function named(model: WorkspaceModel, part: AudiencePart): string {
    const what = isPerson(part) ? 'a person' : isAppointingBody(part) ? 'a body outside the organization' : 'a role';
    return `'${part.name}' (${what}, ${model.locationOf(part)})`;
}

/**
 * Auditor's question 3 for the CISO in office on the as-of date: the appointment was made known, but every announcement of it
 * named a part of the organization as its audience (the board, one person, a team's role), so the
 * organization as a whole was never told who its CISO is. Audiences the policy cannot judge (text,
 * a name it does not declare, such as `all-staff`) are taken at their word.
 */
export const cisoAnnouncementAudience: WorkspaceRule = {
    id: IssueCodes.CisoAnnouncementAudience,
    scope: 'workspace',
    category: 'communication',
    severity: 'warning',
    standards: ['ISO27001:5.3(a)', 'ISO27001:7.4', 'NIST-CSF:GV.RR-02'],
    summary: 'Every announcement of a CISO appointment names only a part of the organization as its audience: a person, a body outside it, or a role not all staff hold.',
    fixable: false,
    findings(model, context) {
        const asOf = context.settings.asOf();
        const findings: WorkspaceFinding[] = [];
        for (const role of model.cisoRoles) {
            // The CISO the organization has now: a successor announced ahead of the start, or a tenure long over, is not judged.
            const current = new Set(model.holdersOn(role, asOf).map(holder => model.tenureOf(holder)));
            for (const assignment of model.assignmentsOf(role)) {
                // A renewal is covered by its tenure's announcements (announcedSpan): judged once, on the span's first term.
                const tenure = model.tenureOf(assignment);
                if (!current.has(tenure) || !startsAnnouncedSpan(tenure, assignment)) continue;
                const made = tenureAnnouncements(tenure, assignment).filter(announcement => isAnnouncedBy(announcement, asOf));
                if (made.length === 0) continue; // never announced: assignment-not-communicated
                const parts: Array<{ readonly announcement: Announcement; readonly part: AudiencePart }> = [];
                for (const announcement of made) {
                    const part = narrowAudience(model, announcement);
                    if (!part) break;
                    parts.push({ announcement, part });
                }
                if (parts.length < made.length) continue;
                const audiences = [...new Set(parts.map(entry => entry.part))];
                const first = parts.reduce((earliest, entry) => entry.announcement.date < earliest.announcement.date ? entry : earliest);
                findings.push({
                    node: first.announcement,
                    property: 'audience',
                    message: `The appointment of '${assignment.person?.ref?.name ?? assignment.person?.$refText}' to the CISO role '${role.name}' was made known only to `
                        + `${audiences.map(part => named(model, part)).join(' and ')}, not to the organization as a whole: staff need to know who the CISO is. `
                        + 'Announce it to all staff too, e.g. `announced <date> via intranet to all-staff`.',
                    related: audiences.map(part => ({ node: part, message: `'${part.name}' is the audience the announcement names` }))
                });
            }
        }
        return findings;
    }
};
