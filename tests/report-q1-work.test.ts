/**
 * Question 1 says who does the work of 5.3(a) and 5.3(b), and never states what is not so: an
 * accountable role is named held only when it is, a duty nobody is responsible for leaves the answer
 * open (as raci-accountable reports), and a delegation in force that does the work closes it.
 * Fixed as-of dates.
 */
import { describe, expect, it } from 'vitest';
import { exportOscal } from '../language/report/export-oscal.js';
import { renderMarkdown } from '../language/report/render-markdown.js';
import { CISO_DUTIES, withEdit, type Files } from './helpers.js';
import { reportOf } from './report-helpers.js';

const withDuties = (duties: string, extra: Files = {}) => withEdit('roles.mandate', text => text.replace(CISO_DUTIES, duties), extra);

describe('question 1 and the work of 5.3', () => {
    it('with the CISO vacant and accountable itself, says no held role is accountable either', async () => {
        const files = withEdit('people.mandate', text => text.replace('assign jane to ciso since 2024-03-01', 'assign jane to ciso since 2024-03-01 until 2025-03-31'));
        const answer = (await reportOf(files)).questions.responsible;
        expect(answer.answer).toBe('no');
        expect(answer.summary).toContain('Every role responsible for 5.3(a) is vacant on 2025-06-30: nobody held does the work, and no held role is accountable for it either.');
        expect(answer.summary).not.toContain('a held role is accountable');
    });

    it('with a vacant responsible role and a held accountable one, says so', async () => {
        const files = withDuties('accountable for isms-reporting, isms-conformance', {
            'deputy.mandate': 'role analyst "Analyst" { reports to ciso responsible for isms-reporting, isms-conformance }\n'
        });
        const answer = (await reportOf(files)).questions.responsible;
        expect(answer.answer).toBe('partly');
        expect(answer.summary).toContain('Every role responsible for 5.3(b) is vacant on 2025-06-30: a held role is accountable for it, but nobody held does the work.');
    });

    it('with a held role responsible and no role accountable, is not answered in full, as raci-accountable and the 5.3 status say', async () => {
        const report = await reportOf(withDuties('responsible for isms-reporting, isms-conformance\n    accountable for isms-reporting'));
        const answer = report.questions.responsible;
        expect(answer.answer).toBe('partly');
        expect(answer.summary).toContain('No role is accountable for 5.3(a) ("Make the ISMS conform to ISO 27001"): the policy names nobody who answers for it (see raci-accountable).');
        expect(answer.summary).not.toContain('No role is accountable for 5.3(b)');
        expect(report.findings.map(finding => finding.rule)).toContain('raci-accountable');
        expect(report.summary.clause53).toBe('partly-met');
    });

    it('with no role responsible, only an accountable one, is not answered in full', async () => {
        const answer = (await reportOf(withDuties('accountable for isms-reporting, isms-conformance'))).questions.responsible;
        expect(answer.answer).toBe('partly');
        expect(answer.summary).toContain('No role is responsible for 5.3(a): a held role is accountable for it, but the policy names nobody to do the work.');
    });

    it('with the responsible role vacant but its duty delegated in force, says who does it instead', async () => {
        const files = withDuties('accountable for isms-reporting, isms-conformance', {
            'deputy.mandate': 'role analyst "Analyst" { reports to ciso responsible for isms-reporting, isms-conformance }\n'
                + 'role deputy "Deputy CISO" { reports to ciso }\nperson dan "Dan" { employed since 2020-01-01 }\n'
                + 'assign dan to deputy since 2024-01-01 appointed by board { announced 2024-01-02 via intranet to all-staff }\n'
                + 'delegate isms-reporting from analyst to deputy since 2024-01-01\n'
        });
        const answer = (await reportOf(files)).questions.responsible;
        expect(answer.summary).not.toContain('responsible for 5.3(b) is vacant');
        expect(answer.summary).toContain('Every role responsible for 5.3(a) is vacant');
        expect(answer.summary).toContain('By delegation from Analyst, Deputy CISO performs "Report ISMS performance to top management" (5.3(b)).');
    });
});

describe('the clause 5.3 headline beside section 5', () => {
    it('says how 5.3(a) and 5.3(b) stand when only one is covered, and why section 5 says partly met', async () => {
        const report = await reportOf(withDuties('responsible for isms-reporting\n    accountable for isms-reporting'));
        expect(report.summary.clause53).toBe('not-met');
        expect(report.summary.requirements.find(requirement => requirement.id === 'ISO27001:5.3')?.status).toBe('partly-met');
        expect(renderMarkdown(report)).toContain('5.3(a) is not met and 5.3(b) met, and this headline is the worse of the two; section 5 rolls both into clause 5.3, which is partly met there.');
        const status = JSON.parse(exportOscal(report))['component-definition'].components[0].props.find((prop: { name: string }) => prop.name === 'clause-5.3-status');
        expect(status).toMatchObject({ value: 'not-met', remarks: expect.stringContaining('rolls both items up') });
    });
});
