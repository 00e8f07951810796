/**
 * Question 3 over a tenure (found by an independent audit): once the organization was told of the
 * person in the role itself, later terms of the tenure need no announcement of their own, an interim
 * label between two terms included; an appointment that has not begun is not judged yet. AS_OF is 2025-06-30.
 */
import { describe, expect, it } from 'vitest';
import { check, where, withEdit } from './helpers.js';
import { reportOf } from './report-helpers.js';

describe('the announcements of a tenure', () => {
    // Jane, CISO since 2024-03-01 (announced), was given an interim contract for January 2025 and a new term from February.
    const interimBetween = withEdit('people.mandate', text => text.replace('assign jane to ciso since 2024-03-01 appointed by board', 'assign jane to ciso since 2024-03-01 until 2024-12-31 appointed by board')
        + 'assign jane to ciso as interim since 2025-01-01 until 2025-01-31 appointed by board\nassign jane to ciso since 2025-02-01 appointed by board\n');

    it('cover an interim label between two terms in the role itself: nothing to announce again', async () => {
        const findings = await check(interimBetween);
        expect(where(findings, 'assignment-not-communicated')).toEqual([]);
        const report = await reportOf(interimBetween);
        expect(report.questions.communicated.answer).toBe('yes');
        expect(report.questions.communicated.summary).not.toContain('in another capacity');
    });

    it('still ask an acting holder confirmed in the role to announce the confirmation', async () => {
        const confirmed = withEdit('people.mandate', text => text.replace('assign jane to ciso since 2024-03-01 appointed by board', 'assign jane to ciso as acting since 2024-03-01 until 2024-12-31 appointed by board')
            + 'assign jane to ciso since 2025-01-01 appointed by board\n');
        expect(where(await check(confirmed), 'assignment-not-communicated')).toEqual(['people.mandate:10']);
    });
});

describe('an appointment that has not begun on the as-of date', () => {
    it('is not judged for its announcement yet, nor its start date taken for a typo', async () => {
        const successor = withEdit('people.mandate', text => text.replace('assign jane to ciso since 2024-03-01 appointed by board', 'assign jane to ciso since 2024-03-01 until 2025-08-31 appointed by board')
            + 'person tom "Tom Becker" { employed since 2019-01-01 }\nassign tom to ciso since 2025-09-01 appointed by board\n');
        const findings = await check(successor);
        expect(where(findings, 'assignment-not-communicated')).toEqual([]);
        expect(where(findings, 'date-in-future')).toEqual([]);
        // Once it has begun, it is.
        expect(where(await check(successor, '2025-09-15'), 'assignment-not-communicated')).toEqual(['people.mandate:11']);
    });
});

describe('a CISO appointment on a day the calendar does not have (2025-02-29)', () => {
    const impossible = withEdit('people.mandate', text => text.replace('since 2024-03-01', 'since 2025-02-29').replace('announced 2024-03-05', 'announced 2025-02-29'));

    it('answers neither when (Q2) nor how it was made known (Q3), and the missing announcement lowers clause 5.3 as one never made does', async () => {
        const findings = await check(impossible);
        expect(where(findings, 'date-invalid')).toEqual(['people.mandate:6', 'people.mandate:8']);
        expect(findings.find(finding => finding.rule === 'assignment-not-communicated')?.message).toBe("The appointment of 'jane' to 'ciso' has no announcement that counts by 2025-06-30: "
            + '2025-02-29 is not a day the calendar has, so that announcement counts for nothing until corrected. Record how it was made known inside the assignment, e.g. `announced <date> via intranet to all-staff`.');
        const report = await reportOf(impossible);
        expect(report.questions.appointed.answer).toBe('no');
        expect(report.questions.appointed.summary).toContain('0 of 1 appointments to the CISO and clause 5.3 roles are dated (1 more gives a start on a day the calendar does not have, as date-invalid reports)');
        expect(report.questions.communicated.answer).toBe('no');
        expect(report.summary.clause53).not.toBe('met');
    });
});
