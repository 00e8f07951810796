/**
 * An announcement dated after the as-of date has not happened yet (date-in-future): the rules, the
 * auditor's third question, 7.4 and every format treat the appointment as not announced on that
 * date, and say that the recorded announcement is still to come.
 */
import { describe, expect, it, vi } from 'vitest';
import { exportOscal } from '../language/report/export-oscal.js';
import { renderJson } from '../language/report/render-json.js';
import { renderMarkdown } from '../language/report/render-markdown.js';
import { check, CLEAN_POLICY, where, withEdit } from './helpers.js';
import { reportOf } from './report-helpers.js';

/** CLEAN_POLICY's CISO appointed on 2025-05-01 and announced on 2025-05-20. */
const files = withEdit('people.mandate', text => text
    .replace('assign jane to ciso since 2024-03-01', 'assign jane to ciso since 2025-05-01')
    .replace('announced 2024-03-05', 'announced 2025-05-20'));

describe('an announcement dated after the as-of date', () => {
    it('does not count yet: the appointment in force is not communicated, and nothing is late', async () => {
        const findings = await check(files, '2025-05-10');
        expect(where(findings, 'assignment-not-communicated')).toEqual(['people.mandate:6']);
        const message = findings.find(finding => finding.rule === 'assignment-not-communicated')!.message;
        expect(message).toContain('took effect on 2025-05-01 but had not been announced by 2025-05-10');
        expect(message).toContain('the announcement dated 2025-05-20 is after the as-of date, so it does not count yet');
        expect(where(findings, 'announcement-late')).toEqual([]);
    });

    it('is not measured for lateness before it happens, and is once it has', async () => {
        const late = withEdit('people.mandate', text => text
            .replace('assign jane to ciso since 2024-03-01', 'assign jane to ciso since 2025-05-01')
            .replace('announced 2024-03-05', 'announced 2025-07-15'));
        const before = await check(late, '2025-05-10');
        expect(where(before, 'announcement-late')).toEqual([]);
        expect(where(before, 'assignment-not-communicated')).toEqual(['people.mandate:6']);
        const after = await check(late, '2025-08-01');
        expect(where(after, 'announcement-late')).toEqual(['people.mandate:8']);
        expect(where(after, 'assignment-not-communicated')).toEqual([]);
    });

    it('may precede an appointment that has not begun', async () => {
        const ahead = withEdit('people.mandate', text => text
            .replace('assign jane to ciso since 2024-03-01', 'assign jane to ciso since 2025-08-01')
            .replace('announced 2024-03-05', 'announced 2025-07-15'));
        expect(where(await check(ahead, '2025-06-30'), 'assignment-not-communicated')).toEqual([]);
    });

    it('leaves the third question and 7.4 open in the report, and is shown as still to come', async () => {
        const report = await reportOf({ ...files, 'claims.mandate': 'claims ISO27001' }, '2025-05-10');
        expect(report.questions.communicated.answer).toBe('no');
        expect(report.questions.communicated.summary).toContain('0 of 1 appointments to the CISO and clause 5.3 roles were announced');
        const communication = report.summary.requirements.find(entry => entry.id === 'ISO27001:7.4')!;
        expect(communication.status).toBe('not-met');
        const [holder] = report.roles.find(entry => entry.role.id === 'ciso')!.holders;
        expect(holder.firstAnnouncement).toBeUndefined();
        expect(holder.announcements).toMatchObject([{ date: '2025-05-20', upcoming: true }]);
        const markdown = renderMarkdown(report);
        expect(markdown).toContain('not announced by the as-of date');
        expect(markdown).toContain('2025-05-20 via intranet to all-staff (dated after the as-of date: not made yet)');
        expect(markdown).not.toContain('1 of 1 appointments to the CISO and clause 5.3 roles were announced');
        expect(JSON.parse(renderJson(report)).roles.find((entry: { role: { id: string } }) => entry.role.id === 'ciso').holders[0].announcements[0].upcoming).toBe(true);
        expect(JSON.stringify(exportOscal(report))).toContain('not announced by the as-of date (1 announcement dated after the as-of date, not made yet)');
    });

    it('counts as made on its date', async () => {
        const report = await reportOf(files, '2025-05-20');
        expect(report.questions.communicated.answer).toBe('yes');
        const [holder] = report.roles.find(entry => entry.role.id === 'ciso')!.holders;
        expect(holder.firstAnnouncement).toMatchObject({ date: '2025-05-20', days: 19 });
        expect(holder.announcements[0].upcoming).toBeUndefined();
        expect(where(await check(files, '2025-05-20'), 'assignment-not-communicated')).toEqual([]);
    });
});

describe('the appointments the report counts', () => {
    it('names what each count covers: the third question the CISO and clause 5.3 roles, 7.4 every key appointment', async () => {
        const dpo = {
            'dpo.mandate': `role dpo "Data Protection Officer" { key role  reports to board }
person omar "Omar Haddad" { employed since 2020-01-01 }
assign omar to dpo since 2024-01-01 appointed by board { announced 2024-01-02 via intranet to all-staff }
`,
            'claims.mandate': 'claims ISO27001'
        };
        const report = await reportOf({ ...CLEAN_POLICY, ...dpo });
        expect(report.questions.communicated.summary).toBe('1 of 1 appointments to the CISO and clause 5.3 roles were announced.');
        const communication = report.summary.requirements.find(entry => entry.id === 'ISO27001:7.4')!;
        expect(communication.reasons.join(' ')).toContain('All 2 key appointments in force on 2025-06-30 were announced.');
    });

    it('whose date did not parse is no announcement yet, and the check goes on', async () => {
        // Found by tests/fuzz.test.ts: `announced 20250630` leaves the announcement without the date its type promises.
        const errors = vi.spyOn(console, 'error');
        try {
            const findings = await check(withEdit('people.mandate', text => text
                .replace('assign jane to ciso since 2024-03-01', 'assign jane to ciso since 2025-05-01')
                .replace('announced 2024-03-05', 'announced 20250520')), '2025-05-10');
            expect(findings.some(finding => finding.uri.endsWith('people.mandate') && finding.severity === 'error')).toBe(true);
            expect(findings.map(finding => finding.message).join('\n')).not.toMatch(/internal|TypeError/i);
            expect(errors).not.toHaveBeenCalled();
        } finally {
            errors.mockRestore();
        }
    });
});
