/**
 * What the report says where an independent audit found it said too much or the wrong thing: Q2
 * answered in full although appointment-authority stands on the appointment it cites, Q3 "never
 * announced" for a confirmed acting holder whose acting term was announced (and Q2 calling the
 * confirmation a renewal), a delegation whose dates run backwards shown as future or expired, and a
 * delegation from a role nobody holds shown as plainly active. Each in Markdown, JSON and HTML.
 * The policies are the auditor's scenarios; as of 2025-06-30.
 */
import { describe, expect, it } from 'vitest';
import { renderHtml } from '../language/report/render-html.js';
import { renderJson } from '../language/report/render-json.js';
import { renderMarkdown } from '../language/report/render-markdown.js';
import type { AuditReport } from '../language/report/report-model.js';
import { AUDITOR_BASE as BASE } from './auditor-base.js';
import { reportOf } from './report-helpers.js';


const AUTHORITY_LATER = `role hr-director "HR Director" { reports to ceo  authorized to appoint-execs }
authority appoint-execs "Appoint executives" { may appoint ciso }
person hanna "Hanna Schmidt" { employed since 2021-01-11 }
person priya "Priya Nair" { employed since 2020-01-06 }
assign hanna to hr-director since 2024-09-01 appointed by board {
    announced 2024-09-01 via email to all-staff
}
assign priya to ciso since 2024-03-01 appointed by hanna {
    announced 2024-03-01 via email to all-staff
}
`;

const SELF_APPOINTMENT = `role cso-office "Security Office" { authorized to appoint-sec }
authority appoint-sec "Appoint security leadership" { may appoint ciso }
person priya "Priya Nair" { employed since 2018-01-01 }
assign priya to cso-office since 2020-01-01 appointed by board {
    announced 2020-01-01 via email to all-staff
}
assign priya to ciso since 2022-01-01 appointed by cso-office {
    announced 2022-01-01 via email to all-staff
}
`;

const ACTING_CONFIRMED = `person priya "Priya Nair" { employed since 2020-01-06 }
assign priya to ciso as acting since 2024-01-01 until 2024-06-30 appointed by board {
    announced 2024-01-02 via email to all-staff
}
assign priya to ciso since 2024-07-01 appointed by board {
    evidence "Board minutes 2024-06-20"
}
`;

const DELEGATIONS = `person priya "Priya Nair" { employed since 2020-01-06 }
person sam "Sam Ortiz" { employed since 2020-01-06 }
role deputy-ciso "Deputy CISO" { reports to ciso }
assign priya to ciso since 2022-04-01 appointed by board {
    announced 2022-04-01 via email to all-staff
}
assign sam to deputy-ciso since 2022-04-01 appointed by board {
    announced 2022-04-01 via email to all-staff
}
delegate isms-reporting from ciso to deputy-ciso since 2025-05-01 until 2025-06-30
delegate isms-conformance from ciso to sam since 2025-07-01 until 2025-06-15
`;

const AFTER_CISO_LEFT = `role deputy-ciso "Deputy CISO" { reports to ciso }
person tom "Thomas Becker" { employed since 2015-09-01 until 2024-12-31 }
person sofia "Sofia Alvarez" { employed since 2020-02-03 }
assign tom to ciso since 2018-05-01 until 2024-12-31 appointed by board {
    announced 2018-05-01 via email to all-staff
}
assign sofia to deputy-ciso since 2020-02-03 appointed by board {
    announced 2020-02-03 via email to all-staff
}
delegate isms-reporting from ciso to deputy-ciso since 2024-12-01 until 2025-12-31 {
    evidence "Handover note"
}
`;

const scenario = (ciso: string) => reportOf({ 'policy.mandate': BASE, 'ciso.mandate': ciso });

/** The report in every format the cell differs in, with the JSON read back. */
async function formats(report: AuditReport): Promise<{ md: string; html: string; json: AuditReport }> {
    return { md: renderMarkdown(report), html: await renderHtml(report), json: JSON.parse(renderJson(report)) as AuditReport };
}

describe('Q2 and an appointment the appointing party could not make', () => {
    it('is partly answered when appointment-authority stands on the key appointment, and names the problem beside the appointer', async () => {
        const { md, html, json } = await formats(await scenario(AUTHORITY_LATER));
        const answer = json.questions.appointed;
        expect(answer.answer).toBe('partly');
        expect(answer.summary).toContain('But 1 of them names a party that could not make the appointment, as appointment-authority finds');
        const [priya] = answer.appointments;
        const index = priya.appointedByFindings?.[0];
        expect(index).toBeDefined();
        expect(json.findings[index!]).toMatchObject({ rule: 'appointment-authority', source: { file: 'ciso.mandate', line: 8 } });
        expect(json.findings[index!].message).toContain("'hanna' had no authority to appoint to 'ciso' on 2024-03-01");
        expect(md).toContain('**⚠️ Partly answered** — 1 of 1 appointments');
        expect(md).toContain("appointed by Hanna Schmidt **⚠️ not accepted as the appointing party** — 'hanna' had no authority to appoint to 'ciso' on 2024-03-01");
        expect(md).not.toContain('✅ Answered in full — 1 of 1 appointments to the CISO and clause 5.3 roles are dated');
        // Section 3 marks the same appointer, by the finding's number.
        expect(md).toMatch(/\| Hanna Schmidt \*\*⚠️ not accepted as the appointing party\*\* \(finding .#1\) \|/);
        expect(html).toContain('not accepted as the appointing party');
        expect(html).toContain('href="#finding-1"');
        expect(`${md}${html}`).not.toContain('undefined');
    });

    it('is partly answered for an appointment made by the appointee, in the rule\'s own words', async () => {
        const { md, json } = await formats(await scenario(SELF_APPOINTMENT));
        expect(json.questions.appointed.answer).toBe('partly');
        expect(json.questions.appointed.appointments[0].appointedByFindings).toHaveLength(1);
        expect(md).toContain("appointed by Security Office **⚠️ not accepted as the appointing party** — 'priya' is appointed to 'ciso' by 'cso-office', a role 'priya' holds on 2022-01-01: an appointment made by the appointee.");
    });

    it('stays answered in full when the finding is accepted as an exception, or another appointment carries it', async () => {
        const accepted = AUTHORITY_LATER.replace('assign priya', '// mandate-ignore appointment-authority: ratified by the board on 2024-09-15\nassign priya');
        const { md, json } = await formats(await scenario(accepted));
        expect(json.questions.appointed.answer).toBe('yes');
        expect(json.questions.appointed.appointments[0].appointedByFindings).toBeUndefined();
        expect(md).not.toContain('not accepted as the appointing party');
        // The HR director's own appointment is fine; a finding on a role Q2 does not cite leaves it alone.
        const elsewhere = AUTHORITY_LATER.replace('appointed by hanna', 'appointed by board').replace('hr-director since 2024-09-01 appointed by board', 'hr-director since 2024-09-01 appointed by dan');
        const report = await scenario(elsewhere);
        expect(report.findings.map(finding => finding.rule)).toContain('appointment-authority');
        expect(report.questions.appointed.answer).toBe('yes');
        expect(report.roles.find(entry => entry.role.id === 'hr-director')?.holders[0].appointedByFindings).toHaveLength(1);
    });
});

describe('an acting holder confirmed in the role', () => {
    it('is not "never announced" when the acting term was announced: the confirmation was not', async () => {
        const { md, html, json } = await formats(await scenario(ACTING_CONFIRMED));
        const [priya] = json.questions.communicated.appointments;
        expect(priya.firstAnnouncement).toBeUndefined();
        expect(priya.earlierCapacityAnnouncement).toEqual({ date: '2024-01-02', capacity: 'acting', source: { file: 'ciso.mandate', line: 3 } });
        expect(json.questions.communicated.answer).toBe('no');
        expect(json.questions.communicated.summary).toContain('1 was announced only in an earlier term as acting: a confirmation in the role needs an announcement of its own');
        const said = 'confirmation in the role not announced (only the earlier acting appointment was, on 2024-01-02)';
        expect(md).toContain(`**❌ ${said}**`);
        expect(md).toContain('**❌ Confirmation in the role not announced (only the earlier acting appointment was, on 2024-01-02)**');
        expect(html).toContain(said);
        // What the report itself says; section 10 quotes the rule's message as the rule wrote it.
        expect(md.slice(0, md.indexOf('## 10. Findings'))).not.toContain('never announced');
    });

    it('is called a confirmation in Q2, not a renewal', async () => {
        const answer = (await scenario(ACTING_CONFIRMED)).questions.appointed;
        expect(answer.summary).toContain('1 holder was first appointed as acting and then confirmed in the role, a confirmation and not a renewal');
        expect(answer.summary).not.toContain('renewal of an earlier term');
    });

    it('still calls a renewal a renewal, and says "never announced" when no term was', async () => {
        const renewed = (await scenario(ACTING_CONFIRMED.replace(' as acting', ''))).questions;
        expect(renewed.appointed.summary).toContain('1 is a renewal of an earlier term');
        expect(renewed.appointed.summary).not.toContain('confirmation');
        const silent = await scenario(ACTING_CONFIRMED.replace('    announced 2024-01-02 via email to all-staff\n', ''));
        expect(silent.questions.communicated.appointments[0].earlierCapacityAnnouncement).toBeUndefined();
        expect(renderMarkdown(silent)).toContain('**❌ never announced**');
    });
});

describe('the delegations table', () => {
    it('shows a delegation whose dates run backwards as having invalid dates, not as future or expired', async () => {
        for (const asOf of ['2025-06-30', '2025-07-01']) {
            const report = await reportOf({ 'policy.mandate': BASE, 'ciso.mandate': DELEGATIONS }, asOf);
            const { md, html, json } = await formats(report);
            const [inWindow, backwards] = json.delegations;
            expect(backwards.invalidRange).toBe(true);
            expect(inWindow.invalidRange).toBeUndefined();
            const cell = 'Invalid dates: it ends on 2025-06-15, before it starts on 2025-07-01, so it is in force on no day';
            expect(md).toContain(`| 2025-07-01 to 2025-06-15 | **❌ ${cell}** |`);
            expect(html).toContain(cell);
            expect(md).not.toMatch(/2025-07-01 to 2025-06-15 \| \*?\*?_?(Future|Expired)/);
            // The summary counts it apart too, neither future nor expired.
            expect(md.split('\n').find(line => line.startsWith('- **Delegations:**'))).toMatch(/^- \*\*Delegations:\*\* 2: .* expired, 0 future, 1 with invalid dates$/);
        }
    });

    it('keeps a delegation from a role nobody holds active, and says beside it that nobody holds the role', async () => {
        const { md, html, json } = await formats(await scenario(AFTER_CISO_LEFT));
        const [delegation] = json.delegations;
        expect(delegation).toMatchObject({ status: 'active', delegatorVacant: true });
        expect(delegation.delegatorLacksDuty).toBeUndefined();
        const note = 'nobody holds Chief Information Security Officer on 2025-06-30';
        expect(md).toContain(`| 2024-12-01 to 2025-12-31 | **Active** **⚠️ ${note}**: the delegation is the role's act and still counts |`);
        expect(html).toContain(note);
        // A delegation from a held role says nothing of the kind.
        const held = JSON.parse(renderJson(await scenario(DELEGATIONS))) as AuditReport;
        expect(held.delegations[0].delegatorVacant).toBeUndefined();
        expect(renderMarkdown(await scenario(DELEGATIONS))).toContain('| 2025-05-01 to 2025-06-30 | **Active** | — |');
    });
});
