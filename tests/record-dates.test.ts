/**
 * An announcement or acknowledgement counts once its date has come, and never when it is dated on
 * a day the calendar does not have (announced-records.ts, `recordStateOn`): the checks and every format of
 * the report say the same of it. Before, an impossible date was "dated after the as-of date: not
 * made yet" in the report while the check said nothing of the announcement, and the report said
 * "Acknowledged the role on" an impossible or later date the check did not count. Fixed as-of dates.
 */
import { describe, expect, it } from 'vitest';
import { exportOscal } from '../language/report/export-oscal.js';
import { renderJson } from '../language/report/render-json.js';
import { renderMarkdown } from '../language/report/render-markdown.js';
import { check, withEdit, type Files } from './helpers.js';
import { reportOf } from './report-helpers.js';

const CONFIG = JSON.stringify({ rules: { 'role-acknowledgement-missing': 'warning' } });

/** Jane's appointment, announced and acknowledged on `date`. */
function recordedOn(date: string): Files {
    return withEdit('people.mandate', text => text.replace(
        'announced 2024-03-05 via intranet to all-staff',
        `announced ${date} via intranet to all-staff\n    acknowledged ${date}`
    ));
}

type Json = Record<string, any>;

function janeHolder(json: Json): Json {
    return json.roles.find((entry: Json) => entry.role.id === 'ciso').holders[0];
}

describe('records dated on a day the calendar does not have', () => {
    const files = recordedOn('2024-02-30');

    it('count for nothing in the checks: date-invalid on each, and the acknowledgement rule says why', async () => {
        const findings = await check(files, '2025-06-30', CONFIG);
        expect(findings.filter(finding => finding.rule === 'date-invalid')).toHaveLength(2);
        // Nothing else counts, so question 3 has no answer: assignment-not-communicated says so too (docs/rules/date-invalid.md)...
        expect(findings.filter(finding => finding.rule === 'assignment-not-communicated').map(finding => finding.message)).toEqual([
            "The appointment of 'jane' to 'ciso' has no announcement that counts by 2025-06-30: 2024-02-30 is not a day the calendar has, so that announcement counts for nothing until corrected. "
            + 'Record how it was made known inside the assignment, e.g. `announced <date> via intranet to all-staff`.'
        ]);
        // ...but not for the quick fix's placeholder, a record still being written: date-invalid's finding is the one thing to do.
        const placeholder = await check(recordedOn('0000-00-00'), '2025-06-30', CONFIG);
        expect(placeholder.filter(finding => finding.rule === 'assignment-not-communicated')).toEqual([]);
        expect(placeholder.filter(finding => finding.rule === 'date-invalid')).toHaveLength(2);
        const acknowledged = findings.find(finding => finding.rule === 'role-acknowledgement-missing');
        expect(acknowledged?.message).toContain('The acknowledgement dated 2024-02-30, a day the calendar does not have, counts for nothing until the date is corrected.');
    });

    it('count for nothing in the report, which never calls them later than the as-of date', async () => {
        const report = await reportOf(files, '2025-06-30', CONFIG);
        const markdown = renderMarkdown(report);
        expect(markdown).not.toContain('after the as-of date');
        expect(markdown).not.toContain('Acknowledged the role on 2024-02-30');
        expect(markdown).toContain('Recorded on a day the calendar does not have: 2024-02-30 via intranet to all-staff (not a valid date: it counts for nothing until corrected).');
        expect(markdown).toContain('An acknowledgement of the role is recorded for 2024-02-30 (not a valid date: it counts for nothing until corrected).');
        const holder = janeHolder(JSON.parse(renderJson(report)));
        expect(holder.announcements[0]).toMatchObject({ date: '2024-02-30', invalidDate: true });
        expect(holder.announcements[0]).not.toHaveProperty('upcoming');
        expect(holder.acknowledgements[0]).toMatchObject({ date: '2024-02-30', invalidDate: true });
        const oscal = JSON.stringify(exportOscal(report));
        expect(oscal).toContain('dated on a day the calendar does not have');
        expect(oscal).not.toContain('acknowledged 2024-02-30');
    });
});

describe('an acknowledgement dated after the as-of date', () => {
    it('is named as not made yet in the report, as the check counts it', async () => {
        const later = withEdit('people.mandate', text => text.replace('announced 2024-03-05 via intranet to all-staff', 'announced 2024-03-05 via intranet to all-staff\n    acknowledged 2025-09-01'));
        const findings = await check(later, '2025-06-30', CONFIG);
        expect(findings.find(finding => finding.rule === 'role-acknowledgement-missing')?.message).toContain('The acknowledgement dated 2025-09-01 is after the as-of date');
        const report = await reportOf(later, '2025-06-30', CONFIG);
        const markdown = renderMarkdown(report);
        expect(markdown).not.toContain('Acknowledged the role on 2025-09-01');
        expect(markdown).toContain('An acknowledgement of the role is recorded for 2025-09-01 (dated after the as-of date: not made yet).');
        expect(janeHolder(JSON.parse(renderJson(report))).acknowledgements[0]).toMatchObject({ date: '2025-09-01', upcoming: true });
        // On a later as-of date it was made, and nothing is marked.
        const made = renderMarkdown(await reportOf(later, '2025-12-31', CONFIG));
        expect(made).toContain('Acknowledged the role on 2025-09-01.');
    });
});
