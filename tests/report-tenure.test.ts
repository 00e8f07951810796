/**
 * The report's answer to "who holds this role on this date" (issue 8): people who left, two CISOs
 * at once, renewals, acting holders, externals, acknowledgements, versioned job descriptions and
 * several top-management roles, in every format. Fixed as-of dates; git is never asked here.
 */
import { describe, expect, it } from 'vitest';
import { exportOscal } from '../language/report/export-oscal.js';
import { graphToMermaid } from '../language/report/graph-mermaid.js';
import { renderGraphSvg } from '../language/report/graph-svg.js';
import type { AuditReport } from '../language/report/report-model.js';
import { renderHtml } from '../language/report/render-html.js';
import { renderJson } from '../language/report/render-json.js';
import { renderMarkdown } from '../language/report/render-markdown.js';
import { uuidv5 } from '../language/report/uuid-v5.js';
import { AS_OF, CLEAN_POLICY, withEdit } from './helpers.js';
import { reportOf } from './report-helpers.js';
import { holdersOf } from '../language/query/index.js';
import { queryOn } from './query-fixture.js';

type Json = Record<string, any>;

const ciso = (report: AuditReport) => report.roles.find(entry => entry.role.id === 'ciso')!;
const people = (text: string) => withEdit('people.mandate', () => text);

/** Markdown or HTML without the parts that list everyone declared (people table) or quote findings. */
function withoutPeopleAndFindings(text: string): string {
    return text
        .replace(/### People[\s\S]*?## 4\./, '')
        .replace(/## 8\. Findings[\s\S]*?## 9\./, '')
        .replace(/<h3>People<\/h3>[\s\S]*?<section id="matrix">/, '')
        .replace(/<section id="findings">[\s\S]*?<section id="provenance">/, '');
}

describe('a CISO whose employment ended, with the appointment left open', () => {
    const files = people(`
person jane "Jane Doe" { employed since 2019-01-01 until 2025-03-31 }
assign jane to ciso since 2024-03-01 appointed by board {
    announced 2024-03-05 via intranet to all-staff
}
`);

    it('leaves the CISO role vacant, clause 5.3 not met and Q1 not answered in full', async () => {
        const report = await reportOf(files);
        expect(ciso(report)).toMatchObject({ vacant: true, holders: [] });
        expect(report.summary.clause53).toBe('not-met');
        expect(report.questions.responsible.answer).not.toBe('yes');
        expect(report.questions.responsible.summary).not.toContain('Jane Doe');
        expect(report.questions.appointed.appointments).toEqual([]);
        expect(report.findings.map(finding => finding.rule)).toContain('leaver-holds-role');
        expect(report.people.find(person => person.id === 'jane')).toMatchObject({ present: false, roles: [] });
    });

    it('never names the leaver as a holder in Markdown, HTML, JSON or OSCAL', async () => {
        const report = await reportOf(files);
        const markdown = renderMarkdown(report);
        const q1 = /### Q1[\s\S]*?### Q2/.exec(markdown)![0];
        expect(q1).not.toContain('Answered in full');
        expect(q1).toContain('**Designated CISO** | Chief Information Security Officer');
        expect(q1).toContain('**❌ Vacant**');
        expect(withoutPeopleAndFindings(markdown)).not.toContain('Jane Doe');
        expect(withoutPeopleAndFindings(await renderHtml(report))).not.toContain('Jane Doe');
        const json = JSON.parse(renderJson(report));
        expect(json.roles.flatMap((entry: Json) => entry.holders)).toEqual([]);
        expect(json.graph.nodes.map((node: Json) => node.id)).not.toContain('jane');
        const oscal = JSON.parse(exportOscal(report))['component-definition'];
        const janeUuid = uuidv5('acme/party/jane');
        expect(oscal.metadata.parties.map((party: Json) => party.uuid)).toContain(janeUuid); // declared, so listed as a party
        expect(JSON.stringify(oscal.metadata['responsible-parties'] ?? [])).not.toContain(janeUuid);
        expect(JSON.stringify(oscal.components)).not.toContain(janeUuid);
        expect(oscal.metadata.roles.find((role: Json) => role.id === 'ciso').props).toContainEqual(expect.objectContaining({ name: 'vacant', value: 'true' }));
    });
});

describe('a CISO who left and came back as a contractor after a gap, with the appointment left open', () => {
    // Found by an independent audit: the old appointment came back with her, and the month's vacancy vanished.
    const files = people(`
person jane "Jane Doe" {
    employed since 2018-01-01 until 2024-12-31
    external "Doe Security Ltd" engaged since 2025-02-01
}
assign jane to ciso since 2019-01-01 appointed by board {
    announced 2019-01-01 via email to all-staff
}
`);

    it('ends the appointment on leaving: the role stays vacant after she is back, and leaver-holds-role says so on every date after', async () => {
        for (const asOf of ['2025-01-15', '2025-06-30']) {
            const report = await reportOf(files, asOf);
            expect(ciso(report), asOf).toMatchObject({ vacant: true, holders: [] });
            expect(report.summary.clause53, asOf).toBe('not-met');
            expect(report.questions.responsible.answer, asOf).not.toBe('yes');
            const leaver = report.findings.filter(finding => finding.rule === 'leaver-holds-role');
            expect(leaver.map(finding => finding.message), asOf).toEqual([
                `'jane' left on 2024-12-31 (employed until) and ${asOf === '2025-01-15' ? 'comes back' : 'came back'} on 2025-02-01 (engaged since), but this assignment to 'ciso' has no end date. `
                + 'Leaving ended it, so the role is vacant from the day after, and coming back does not renew it. End it by the leaving date (`until 2024-12-31`) '
                + 'and record a new appointment from 2025-02-01 if they hold the role again.'
            ]);
            expect(holdersOf(await queryOn(files, asOf), 'ciso', asOf).holders, asOf).toEqual([]);
        }
    });

    it('holds the role until she left, and again once a new appointment is recorded', async () => {
        const before = await reportOf(files, '2024-12-31');
        expect(ciso(before).holders.map(holder => holder.person.id)).toEqual(['jane']);
        const reappointed = { ...files, 'people.mandate': files['people.mandate'].replace('since 2019-01-01 appointed by board {', 'since 2019-01-01 until 2024-12-31 appointed by board {')
            + 'assign jane to ciso since 2025-02-01 appointed by board {\n    announced 2025-02-03 via email to all-staff\n}\n' };
        const report = await reportOf(reappointed, '2025-06-30');
        expect(ciso(report).holders.map(holder => [holder.person.id, holder.since, holder.tenureSince])).toEqual([['jane', '2025-02-01', '2025-02-01']]);
        // The month she was gone stays on record for the audit period (vacancy-in-period), and nothing else is wrong.
        expect(report.findings.filter(finding => finding.severity === 'error' || finding.severity === 'warning').map(finding => finding.rule)).toEqual(['vacancy-in-period']);
        expect(report.findings.find(finding => finding.rule === 'vacancy-in-period')?.message).toContain("Nobody held the CISO role 'ciso' from 2025-01-01 to 2025-01-31 (31 days)");
    });
});

describe('two people holding the CISO role on the same day', () => {
    it('is ambiguous: Q1 is not answered in full, and the summary says why', async () => {
        const report = await reportOf(withEdit('people.mandate', text => `${text}
person john "John Roe" { employed since 2018-01-01 }
assign john to ciso since 2021-01-01 appointed by board { announced 2021-01-04 via email to all-staff }
`));
        expect(ciso(report).holders.map(holder => holder.person.id)).toEqual(['jane', 'john']);
        expect(report.questions.responsible.answer).toBe('partly');
        expect(report.questions.responsible.summary).toMatch(/Chief Information Security Officer \(Jane Doe and John Roe\).*has 2 holders on 2025-06-30, so who the CISO is is ambiguous/);
        // Not only "end the earlier one": a stand-in during leave is a delegation, as role-holders-overlap says (a new user read it as ending the permanent CISO's appointment).
        expect(report.questions.responsible.summary).toContain('or, for a stand-in while the holder stays appointed (leave, illness), delegate the duties instead of a second assignment');
        expect(renderMarkdown(report)).toContain('2 holders at once: ambiguous');
    });
});

describe('a renewal', () => {
    const renewed = people(`
person jane "Jane Doe" { employed since 2019-01-01 }
assign jane to ciso since 2020-01-01 until 2023-12-31 appointed by board { announced 2020-01-05 via intranet to all-staff }
assign jane to ciso since 2024-01-01 appointed by board { evidence "Board minutes 2023-12-12: term renewed" }
`);

    it('is one tenure: Q2 and the roles table show when it began and when the current term began', async () => {
        const report = await reportOf(renewed);
        const [appointment] = report.questions.appointed.appointments;
        expect(appointment).toMatchObject({ since: '2024-01-01', tenureSince: '2020-01-01', renewal: true });
        expect(report.questions.appointed.summary).toContain('1 is a renewal of an earlier term');
        const markdown = renderMarkdown(report);
        expect(markdown).toContain('**Jane Doe**: Chief Information Security Officer since **2020-01-01** (the tenure; the current term, a renewal, since 2024-01-01)');
        expect(markdown).toMatch(/\| \*\*Chief Information Security Officer\*\* .*\| \*\*Jane Doe\*\* since 2020-01-01, current term since 2024-01-01 \|/);
        expect(markdown).toContain('2024-01-01<br>renewal; tenure since 2020-01-01');
    });

    it('keeps the acknowledgement of the first term, as role-acknowledgement-missing counts it', async () => {
        const report = await reportOf(people(`
person jane "Jane Doe" { employed since 2019-01-01 }
assign jane to ciso since 2020-01-01 until 2023-12-31 appointed by board {
    announced 2020-01-05 via intranet to all-staff
    acknowledged 2020-01-06
}
assign jane to ciso since 2024-01-01 appointed by board
`), AS_OF, '{ "rules": { "role-acknowledgement-missing": "warning" } }');
        expect(report.findings.filter(finding => finding.rule === 'role-acknowledgement-missing')).toEqual([]);
        expect(ciso(report).holders[0].acknowledgements).toEqual([{ date: '2020-01-06', evidence: [], earlierTerm: true, source: { file: 'people.mandate', line: 5 } }]);
        const markdown = renderMarkdown(report);
        expect(markdown).toContain('Acknowledged the role on 2020-01-06, in an earlier term of the tenure.');
        expect(markdown).toContain('| 2020-01-06 (an earlier term of the tenure) |');
    });

    it('is covered by the announcement of the original appointment (Q3 in full)', async () => {
        const report = await reportOf(renewed);
        expect(report.questions.communicated.answer).toBe('yes');
        expect(report.questions.communicated.appointments[0].firstAnnouncement).toMatchObject({ date: '2020-01-05', days: 4, late: false, earlierTerm: true });
        expect(report.questions.communicated.summary).toContain('1 renewal is covered by the announcement of the original appointment');
        expect(renderMarkdown(report)).toContain('Covered by the announcement of the tenure on 2020-01-05');
    });
});

describe('a delegation to someone who has left', () => {
    it('is in its window but hands on nothing: the report says so, and the graph draws no active delegation, as the query and leaver-holds-role say', async () => {
        const report = await reportOf({
            ...CLEAN_POLICY,
            'deputy.mandate': 'person dan "Dan Deputy" { employed since 2019-01-01 until 2025-03-31 }\ndelegate isms-reporting from ciso to dan since 2024-01-01\n'
        });
        expect(report.findings.map(finding => finding.rule)).toContain('leaver-holds-role');
        expect(report.delegations).toEqual([expect.objectContaining({ status: 'active', recipientAbsent: true })]);
        expect(report.graph.edges.filter(edge => edge.kind === 'delegation')).toEqual([]);
        expect(renderMarkdown(report)).toContain('Ineffective: Dan Deputy is not with the organization on 2025-06-30');
        expect(JSON.parse(renderJson(report)).delegations[0].recipientAbsent).toBe(true);
    });
});

describe('a delegation to a role nobody holds', () => {
    it('is in its window but hands on nothing: the report says so, and it counts for no 5.3 assignment, as the query says', async () => {
        const report = await reportOf({
            ...CLEAN_POLICY,
            'deputy.mandate': 'role deputy "Deputy CISO" { reports to ciso }\ndelegate isms-reporting from ciso to deputy since 2024-01-01\n'
        });
        expect(report.delegations).toEqual([expect.objectContaining({ status: 'active', recipientVacant: true })]);
        expect(report.delegations[0]).not.toHaveProperty('recipientAbsent');
        const markdown = renderMarkdown(report);
        expect(markdown).toContain('Ineffective: nobody holds Deputy CISO on 2025-06-30');
        // The summary does not count it among those that hand their duty on.
        expect(markdown).toContain('- **Delegations:** 1: 1 active (1 of them hands nothing on; section 7 says why), 0 expired, 0 future');
        expect(markdown).not.toContain('By delegation from');
        expect(JSON.parse(renderJson(report)).delegations[0].recipientVacant).toBe(true);
        // Once someone holds the role, the delegation is active as any other.
        const held = await reportOf({
            ...CLEAN_POLICY,
            'deputy.mandate': 'role deputy "Deputy CISO" { reports to ciso }\ndelegate isms-reporting from ciso to deputy since 2024-01-01\n'
                + 'person dan "Dan Deputy" { employed since 2019-01-01 }\nassign dan to deputy since 2024-01-01 appointed by board { announced 2024-01-02 via intranet to all-staff }\n'
        });
        expect(held.delegations[0]).not.toHaveProperty('recipientVacant');
        expect(renderMarkdown(held)).toContain('By delegation from Chief Information Security Officer, Deputy CISO performs');
    });
});

describe('a successor appointed to start after the as-of date', () => {
    const planned = people(`
person carl "Carl Old" { employed since 2015-01-01 }
person eric "Eric New" { employed since 2015-01-01 }
assign carl to ciso since 2018-01-01 until 2025-05-31 appointed by board { announced 2018-01-02 via email to all-staff }
assign eric to ciso since 2025-07-15 appointed by board { announced 2025-07-15 via email to all-staff }
`);

    it('holds nothing yet, and the report lists the appointment as recorded, in every format', async () => {
        const report = await reportOf(planned);
        const entry = ciso(report);
        expect(entry.vacant).toBe(true);
        expect(entry.upcoming).toEqual([{
            person: { id: 'eric', title: 'Eric New', source: { file: 'people.mandate', line: 3 } }, since: '2025-07-15',
            appointedBy: { id: 'board', title: 'Board of Directors', source: { file: 'organization.mandate', line: 5 } }, source: { file: 'people.mandate', line: 5 }
        }]);
        const markdown = renderMarkdown(report);
        expect(markdown).toContain('### Appointments recorded to start after 2025-06-30');
        expect(markdown).toContain('| Chief Information Security Officer | **Eric New** | 2025-07-15 | — | Board of Directors |');
        expect(markdown).toContain(', until Eric New takes it on 2025-07-15');
        expect(JSON.parse(renderJson(report)).roles.find((role: Json) => role.role.id === 'ciso').upcoming[0].since).toBe('2025-07-15');
        expect(await renderHtml(report)).toContain('Appointments recorded to start after 2025-06-30');
        expect(ciso(await reportOf(planned, '2025-07-20')).upcoming).toBeUndefined();
    });
});

describe('two roles designated CISO', () => {
    const SUB = `
role sub-ciso "Subsidiary CISO" {
    designated CISO
    reports to board
}
person sam "Sam Sub" { employed since 2019-01-01 }
assign sam to sub-ciso since 2021-01-01 appointed by board { announced 2021-01-02 via email to all-staff }
`;
    const twoCisos = (before: boolean, sub = SUB) => withEdit('roles.mandate', text => (before ? sub + text : text + sub));

    it('answer Q4 the same whichever is written first: partly, naming each role', async () => {
        for (const before of [false, true]) {
            const report = await reportOf(twoCisos(before));
            expect(report.questions.cisoReporting.answer, `sub-ciso first: ${before}`).toBe('partly');
            expect(report.questions.cisoReporting.summary).toContain('2 roles are designated CISO.');
            expect(report.questions.cisoReporting.summary).toContain('The job description of Subsidiary CISO carries nothing that satisfies ISO27001:5.3(b).');
            expect(report.questions.cisoReporting.summary).toContain('Chief Information Security Officer carries "Report ISMS performance to top management"');
            expect(report.questions.cisoReporting.role?.id).toBe('ciso');
        }
    });

    it('never answer Q1 in full, held or vacant', async () => {
        const held = await reportOf(twoCisos(false));
        expect(held.questions.responsible.answer).toBe('partly');
        const vacant = await reportOf(twoCisos(false, SUB.replace('since 2021-01-01', 'since 2021-01-01 until 2025-03-31')));
        expect(vacant.findings.map(finding => finding.rule)).toEqual(expect.arrayContaining(['ciso-multiple', 'ciso-vacant']));
        expect(vacant.questions.responsible.answer).toBe('partly');
        expect(vacant.questions.responsible.summary).toContain('2 roles are designated CISO, so who the CISO is is ambiguous');
    });
});

describe('5.3(b) performed by delegation on the as-of date', () => {
    it('is said with Q1, naming who performs it and from whom', async () => {
        const report = await reportOf({
            ...CLEAN_POLICY,
            'deputy.mandate': 'person dan "Dan Deputy" { employed since 2019-01-01 }\ndelegate isms-reporting from ciso to dan since 2025-06-01 until 2025-08-31\n'
        });
        expect(report.questions.responsible.summary).toContain('By delegation from Chief Information Security Officer, Dan Deputy performs "Report ISMS performance to top management" (5.3(b)).');
        const later = await reportOf({
            ...CLEAN_POLICY,
            'deputy.mandate': 'person dan "Dan Deputy" { employed since 2019-01-01 }\ndelegate isms-reporting from ciso to dan since 2025-06-01 until 2025-06-15\n'
        });
        expect(later.questions.responsible.summary).not.toContain('By delegation');
    });
});

describe('5.3(b) done by a role nobody holds', () => {
    it('leaves Q1 partly answered when the CISO is only accountable and the responsible role is vacant', async () => {
        const roles = CLEAN_POLICY['roles.mandate']
            .replace('    responsible for isms-reporting, isms-conformance\n', '    responsible for isms-conformance\n')
            + 'role isms-manager "ISMS Manager" {\n    reports to ciso\n    responsible for isms-reporting\n}\n';
        const report = await reportOf({ ...CLEAN_POLICY, 'roles.mandate': roles });
        expect(report.questions.responsible.answer).toBe('partly');
        expect(report.questions.responsible.summary).toContain('Every role responsible for 5.3(b) is vacant on 2025-06-30');
        expect((await reportOf(CLEAN_POLICY)).questions.responsible.answer).toBe('yes');
    });
});

describe('an acting holder confirmed in the role', () => {
    const confirmed = (announced: string) => people(`
person jane "Jane Doe" { employed since 2019-01-01 }
assign jane to ciso as acting since 2025-01-01 until 2025-03-31 appointed by board { announced 2025-01-02 via email to all-staff }
assign jane to ciso since 2025-04-01 appointed by board { evidence "Board minutes 2025-03-28: confirmed as CISO"${announced} }
`);

    it('continues the tenure, and the report says it began as acting, not that the appointment was renewed', async () => {
        const report = await reportOf(confirmed('\n    announced 2025-04-02 via email to all-staff'));
        expect(ciso(report).holders[0]).toMatchObject({ since: '2025-04-01', tenureSince: '2025-01-01', renewal: true, tenureCapacity: 'acting' });
        expect(ciso(report).holders[0].capacity).toBeUndefined();
        const markdown = renderMarkdown(report);
        expect(markdown).toContain('**Jane Doe**: Chief Information Security Officer since **2025-01-01** (the tenure, first as acting; the current term, no longer acting, since 2025-04-01)');
        expect(markdown).toContain('**Jane Doe** since 2025-01-01 (acting at first), current term since 2025-04-01');
        expect(markdown).toContain('no longer acting; tenure since 2025-01-01');
        expect(JSON.parse(renderJson(report)).roles.find((entry: Json) => entry.role.id === 'ciso').holders[0].tenureCapacity).toBe('acting');
        expect(report.questions.communicated.answer).toBe('yes');
        expect(report.questions.communicated.appointments[0].firstAnnouncement).toMatchObject({ date: '2025-04-02', since: '2025-04-01', days: 1, earlierTerm: false });
    });

    it('needs an announcement of its own: the acting one told the organization of a stand-in', async () => {
        const report = await reportOf(confirmed(''));
        expect(report.questions.communicated.answer).toBe('no');
        expect(report.findings.filter(finding => finding.rule === 'assignment-not-communicated').map(finding => finding.source.line)).toEqual([4]);
        expect(renderMarkdown(report)).not.toContain('Covered by the announcement of the tenure');
    });

    it('but a renewal in the same capacity is covered by the first announcement', async () => {
        const report = await reportOf(people(`
person jane "Jane Doe" { employed since 2019-01-01 }
assign jane to ciso as acting since 2025-01-01 until 2025-03-31 appointed by board { announced 2025-01-02 via email to all-staff }
assign jane to ciso as acting since 2025-04-01 appointed by board
`));
        expect(ciso(report).holders[0].tenureCapacity).toBeUndefined();
        expect(report.questions.communicated.answer).toBe('yes');
        expect(report.findings.filter(finding => finding.rule === 'assignment-not-communicated')).toEqual([]);
    });
});

describe('Q3 and the announcement-late limit', () => {
    const announced = (since: string, date: string) => withEdit('people.mandate', text => text
        .replace('since 2024-03-01', `since ${since}`).replace('announced 2024-03-05', `announced ${date}`));

    it('says late, not in full, when the first announcement came after the limit', async () => {
        const report = await reportOf(announced('2024-03-01', '2024-05-01'));
        expect(report.questions.communicated).toMatchObject({ answer: 'late', maxDays: 30 });
        expect(report.questions.communicated.summary).toContain('1 of them late: first announced more than 30 days after the tenure began');
        const markdown = renderMarkdown(report);
        expect(markdown).toContain('Answered, but late');
        expect(markdown).toContain('late: first announced 61 days after the tenure began on 2024-03-01 (at most 30)');
    });

    it('reads the limit from mandate.config.json, and judges nothing when the rule is off', async () => {
        const files = announced('2024-03-01', '2024-05-01');
        const relaxed = await reportOf(files, AS_OF, '{ "rules": { "announcement-late": { "maxDays": 90 } } }');
        expect(relaxed.questions.communicated).toMatchObject({ answer: 'yes', maxDays: 90 });
        const off = await reportOf(files, AS_OF, '{ "rules": { "announcement-late": "off" } }');
        expect(off.questions.communicated.answer).toBe('yes');
        expect(off.questions.communicated.maxDays).toBeUndefined();
    });

    it('measures a renewal from the start of the tenure, not of the term', async () => {
        const lateTenure = await reportOf(people(`
person jane "Jane Doe" { employed since 2019-01-01 }
assign jane to ciso since 2020-01-01 until 2023-12-31 appointed by board { announced 2020-03-15 via intranet to all-staff }
assign jane to ciso since 2024-01-01 appointed by board
`));
        expect(lateTenure.questions.communicated.answer).toBe('late');
        expect(lateTenure.questions.communicated.appointments[0].firstAnnouncement).toMatchObject({ days: 74, late: true, earlierTerm: true });
        const onTime = await reportOf(people(`
person jane "Jane Doe" { employed since 2019-01-01 }
assign jane to ciso since 2020-01-01 until 2023-12-31 appointed by board { announced 2020-01-02 via intranet to all-staff }
assign jane to ciso since 2024-01-01 appointed by board { announced 2024-06-01 via email to all-staff }
`));
        expect(onTime.questions.communicated.answer).toBe('yes');
    });
});

describe('acting holders, externals and acknowledgements', () => {
    const files = people(`
person jane "Jane Doe" {
    external "Interim Partners Ltd"
    engaged since 2025-01-01 until 2025-12-31
}
assign jane to ciso as acting since 2025-01-06 appointed by board {
    announced 2025-01-06 via email to all-staff
    acknowledged 2025-01-07 { evidence "Signed role acknowledgement, HR-77" }
}
`);

    it('counts an acting holder as the holder and labels it everywhere', async () => {
        const report = await reportOf(files);
        expect(ciso(report).holders[0]).toMatchObject({ capacity: 'acting', person: { id: 'jane' } });
        expect(report.questions.responsible.answer).toBe('yes');
        expect(report.questions.responsible.summary).toContain('Chief Information Security Officer (Jane Doe, acting)');
        expect(report.graph.edges).toContainEqual({ from: 'jane', to: 'ciso', kind: 'holds', label: 'acting' });
        expect(graphToMermaid(report.graph)).toMatch(/n\d+ -->\|"acting"\| n\d+/);
        expect(await renderGraphSvg(report.graph)).toMatch(/<g class="edge holds">\n<path [^>]*\/>\n<polygon [^>]*\/>\n<text [^>]*>acting<\/text>/);
        const markdown = renderMarkdown(report);
        expect(markdown).toContain('**Jane Doe** _acting_ since 2025-01-06');
        expect(markdown).toContain('**Jane Doe** _acting_: Chief Information Security Officer since **2025-01-06**');
        expect(JSON.stringify(JSON.parse(exportOscal(report))['component-definition'].metadata['responsible-parties'])).toContain('Jane Doe (acting) since 2025-01-06');
    });

    it('shows an external person with the firm and the engagement period', async () => {
        const report = await reportOf(files);
        expect(report.people[0]).toMatchObject({ external: true, firm: 'Interim Partners Ltd', engagedSince: '2025-01-01', engagedUntil: '2025-12-31', present: true });
        expect(renderMarkdown(report)).toMatch(/\| Jane Doe .*\| \*\*External\*\* from Interim Partners Ltd<br>Engaged since 2025-01-01 until 2025-12-31 \| Engaged \| ciso \|/);
        const parties = JSON.parse(exportOscal(report))['component-definition'].metadata.parties;
        const firm = parties.find((party: Json) => party.name === 'Interim Partners Ltd');
        expect(firm.type).toBe('organization');
        expect(parties.find((party: Json) => party.name === 'Jane Doe')['member-of-organizations']).toEqual([firm.uuid]);
    });

    it('shows the acknowledgement with the appointment', async () => {
        const report = await reportOf(files);
        expect(ciso(report).holders[0].acknowledgements).toEqual([
            { date: '2025-01-07', evidence: ['Signed role acknowledgement, HR-77'], source: { file: 'people.mandate', line: 8 } }
        ]);
        const markdown = renderMarkdown(report);
        expect(markdown).toContain('Acknowledged the role on 2025-01-07 (evidence: Signed role acknowledgement, HR-77).');
        expect(markdown).toContain('| 2025-01-07: Signed role acknowledgement, HR-77 |');
    });
});

describe('job descriptions and top management', () => {
    const files = withEdit('roles.mandate', text => text.replace('designated CISO', `designated CISO
    job description "docs/ciso-v1.md" version "1" effective 2020-01-01
    job description "docs/ciso-v2.md" version "2" effective 2025-01-01
    job description "docs/ciso-v3.md" version "3" effective 2026-01-01`), {
        'organization.mandate': `
organization acme "Acme Ltd" { top management board, ceo }
role board "Board of Directors"
role ceo "Chief Executive Officer" { reports to board }
person carl "Carl Chief" { employed since 2010-01-01 }
assign carl to ceo since 2015-01-01 appointed by board { announced 2015-01-01 via email to all-staff }
`
    });

    it('names the version in force on the as-of date in the roles table, Q4 and OSCAL', async () => {
        const report = await reportOf(files);
        expect(ciso(report)).toMatchObject({ jobDescription: 'docs/ciso-v2.md', jobDescriptionVersion: '2', jobDescriptionEffective: '2025-01-01' });
        expect(report.questions.cisoReporting).toMatchObject({ jobDescription: 'docs/ciso-v2.md', jobDescriptionVersion: '2' });
        const markdown = renderMarkdown(report);
        expect(markdown).toMatch(/\| `docs\/ciso-v2\.md`, version 2, effective 2025-01-01, in force on 2025-06-30 \|/);
        expect(markdown).toContain('- **Job description document:** `docs/ciso-v2.md`, version 2, effective 2025-01-01, in force on 2025-06-30');
        const role = JSON.parse(exportOscal(report))['component-definition'].metadata.roles.find((entry: Json) => entry.id === 'ciso');
        expect(role.props).toEqual(expect.arrayContaining([
            expect.objectContaining({ name: 'job-description-version', value: '2' }),
            expect.objectContaining({ name: 'job-description-effective', value: '2025-01-01' })
        ]));
    });

    it('shows every top-management role', async () => {
        const report = await reportOf(files);
        expect(report.organization?.topManagement.map(role => role.id)).toEqual(['board', 'ceo']);
        const markdown = renderMarkdown(report);
        expect(markdown).toMatch(/- \*\*Top management:\*\* Board of Directors \(.*\), Chief Executive Officer \(/);
        expect(markdown.match(/_Top management_/g)).toHaveLength(2);
        const roles = JSON.parse(exportOscal(report))['component-definition'].metadata.roles;
        const top = roles.filter((role: Json) => role.props?.some((prop: Json) => prop.name === 'top-management'));
        expect(top.map((role: Json) => role.id)).toEqual(['board', 'ceo']);
    });
});

describe('Q4', () => {
    it('lists each duty once, with its RACI letters together', async () => {
        const report = await reportOf(CLEAN_POLICY);
        expect(report.questions.cisoReporting.summary).toBe('Chief Information Security Officer carries "Report ISMS performance to top management" (R, A; every quarter).');
        const q4 = /### Q4[\s\S]*?## 3\./.exec(renderMarkdown(report))![0];
        const rows = q4.split('\n').filter(line => line.startsWith('| **Report ISMS performance to top management**'));
        expect(rows).toHaveLength(1);
        expect(rows[0]).toContain('| responsible for, accountable for (R, A) |');
    });
});

describe('a CISO appointed before joining the organization', () => {
    // Sofia's appointment took effect on 2025-04-01; she joined on 2025-04-15 and holds the role from then.
    const files = people(`
person sofia "Sofia Alvarez" { employed since 2025-04-15 }
assign sofia to ciso since 2025-04-01 appointed by board {
    announced 2025-04-01 via intranet to all-staff
}
`);

    it('is vacant until the day she joins, then holds the role from that day, which the report and the query say', async () => {
        expect((await reportOf(files, '2025-04-10')).roles.find(entry => entry.role.id === 'ciso')!.vacant).toBe(true);
        const report = await reportOf(files, '2025-05-01');
        const [holder] = ciso(report).holders;
        expect(holder).toMatchObject({ since: '2025-04-01', heldSince: '2025-04-15' });
        expect(holder.heldUntil).toBeUndefined();
        const q2 = /### Q2[\s\S]*?### Q3/.exec(renderMarkdown(report))![0];
        expect(q2).toContain('since **2025-04-01** (held from 2025-04-15, when they joined)');
        expect(JSON.parse(renderJson(report)).roles.find((entry: Json) => entry.role.id === 'ciso').holders[0].heldSince).toBe('2025-04-15');
        const answer = holdersOf(await queryOn(files, '2025-05-01'), 'ciso', '2025-05-01');
        expect(answer.holders[0]).toMatchObject({ firstAppointed: '2025-04-01', heldSince: '2025-04-15' });
    });

    it('gives an undated appointment no date of holding from the joining date, and Q2 is not answered', async () => {
        const undated = people(`
person dora "Dora Lee" { employed since 2015-01-01 }
assign dora to ciso appointed by board {
    announced 2020-01-01 via intranet to all-staff
}
`);
        const report = await reportOf(undated);
        const [holder] = ciso(report).holders;
        expect(holder.since).toBeUndefined();
        expect(holder.heldSince).toBeUndefined();
        expect(report.questions.appointed.answer).toBe('no');
        expect(renderMarkdown(report)).not.toContain('when they joined');
    });

    it('says when an external leaves before the end of the assignment', async () => {
        const external = people(`
person kim "Kim Park" { external "Interim Partners" engaged since 2025-01-01 until 2025-06-15 }
assign kim to ciso since 2025-01-01 until 2025-06-30 as interim appointed by board {
    announced 2025-01-02 via intranet to all-staff
}
`);
        const [holder] = ciso(await reportOf(external, '2025-06-01')).holders;
        expect(holder).toMatchObject({ heldUntil: '2025-06-15' });
        expect(renderMarkdown(await reportOf(external, '2025-06-01'))).toContain('(held until 2025-06-15, when they leave)');
    });
});
