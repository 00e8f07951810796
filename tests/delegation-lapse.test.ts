/**
 * Leaving ends a delegation as it ends an appointment (issue 8, one definition of tenure): someone
 * who left after a delegation to them took effect and came back later (rehired, or as a contractor)
 * acts on nothing by it. The rule, the queries, the 5.3 status and the report agree.
 */
import { describe, expect, it } from 'vitest';
import { whoMayPerform } from '../language/query/index.js';
import { renderJson } from '../language/report/render-json.js';
import { renderMarkdown } from '../language/report/render-markdown.js';
import { AS_OF, check, CLEAN_POLICY, where, withEdit } from './helpers.js';
import { queryOn } from './query-fixture.js';
import { reportOf } from './report-helpers.js';

/** Dan took the delegation as an employee, left at the end of 2024 and is back as a contractor since February 2025 (AS_OF is 2025-06-30). */
const DAN_BACK = 'person dan "Dan Deputy" {\n    employed since 2019-01-01 until 2024-12-31\n    external "Dan Consulting" engaged since 2025-02-01\n}\n';
const delegated = (delegation: string) => ({ ...CLEAN_POLICY, 'deputy.mandate': DAN_BACK + delegation });

describe('a delegation to someone who left and came back', () => {
    it('is reported by leaver-holds-role on the leaving date, saying that coming back does not renew it', async () => {
        const findings = await check(delegated('delegate isms-reporting from ciso to dan since 2024-06-01\n'));
        expect(where(findings, 'leaver-holds-role')).toEqual(['deputy.mandate:5']);
        expect(findings.find(finding => finding.rule === 'leaver-holds-role')!.message).toBe(
            "'dan' left on 2024-12-31 (employed until) and came back on 2025-02-01 (engaged since), but this delegation of 'isms-reporting' to them has no end date. "
            + 'Leaving ended it, and coming back does not renew it. End it by the leaving date (`until 2024-12-31`) and delegate again from 2025-02-01 if the cover is still needed.');
    });

    it('gives nothing in `query may-perform`, which says why', async () => {
        const answer = whoMayPerform(await queryOn(delegated('delegate isms-reporting from ciso to dan since 2024-06-01\n')), 'isms-reporting', AS_OF);
        expect(answer.parties.map(party => party.party.name)).toEqual(['jane']);
        expect(answer.notes.map(note => note.text)).toContain(
            'the delegation of isms-reporting from ciso to dan is in force, but dan left on 2024-12-31 and came back on 2025-02-01: '
            + 'leaving ended the delegation and coming back does not renew it (see the leaver-holds-role rule)');
    });

    it('is shown as ineffective in the report, and the graph draws no delegation', async () => {
        const report = await reportOf(delegated('delegate isms-reporting from ciso to dan since 2024-06-01\n'));
        expect(report.delegations).toEqual([expect.objectContaining({ status: 'active', recipientLapsed: true })]);
        expect(report.delegations[0]).not.toHaveProperty('recipientAbsent');
        expect(report.graph.edges.filter(edge => edge.kind === 'delegation')).toEqual([]);
        expect(renderMarkdown(report)).toContain('Ineffective: Dan Deputy left after it took effect, and coming back did not renew it');
        expect(JSON.parse(renderJson(report)).delegations[0].recipientLapsed).toBe(true);
    });

    it('does not carry a clause 5.3 duty of a vacant CISO role', async () => {
        const vacant = withEdit('people.mandate', text => text.replace('assign jane to ciso since 2024-03-01', 'assign jane to ciso since 2024-03-01 until 2025-05-31'), {
            'deputy.mandate': DAN_BACK + 'delegate isms-reporting from ciso to dan since 2024-06-01\n'
        });
        expect(where(await check(vacant), 'isms-reporting-unassigned')).toEqual(['organization.mandate:2']);
        const report = await reportOf(vacant);
        expect(report.questions.responsible.summary).not.toContain('By delegation from Chief Information Security Officer, Dan Deputy performs');
    });

    it('counts again from a new delegation made after they came back', async () => {
        const findings = await check(delegated('delegate isms-reporting from ciso to dan since 2024-06-01 until 2024-12-31\ndelegate isms-reporting from ciso to dan since 2025-02-01\n'));
        expect(where(findings, 'leaver-holds-role')).toEqual([]);
        const answer = whoMayPerform(await queryOn(delegated('delegate isms-reporting from ciso to dan since 2025-02-01\n')), 'isms-reporting', AS_OF);
        expect(answer.parties.map(party => party.party.name)).toEqual(['dan', 'jane']);
        const report = await reportOf(delegated('delegate isms-reporting from ciso to dan since 2025-02-01\n'));
        expect(report.delegations[0]).not.toHaveProperty('recipientLapsed');
    });
});

describe('a chain of delegations through a vacant role', () => {
    // Found by an independent audit: the link into the vacant ISMS Manager role was called ineffective while Sam acted through it.
    const chain = { ...CLEAN_POLICY, 'deputy.mandate': 'role isms-manager "ISMS Manager" { reports to ciso }\nperson sam "Sam Ortiz" { employed since 2020-01-01 }\n'
        + 'delegate isms-reporting from ciso to isms-manager since 2025-01-01\ndelegate isms-reporting from isms-manager to sam since 2025-02-01\n' };

    it('is a link someone acts through: the report says so, as may-perform and question 1 do', async () => {
        const report = await reportOf(chain);
        const [first, second] = report.delegations;
        expect(first).toMatchObject({ status: 'active', recipientVacant: true, recipientPassesOn: true });
        expect(second).not.toHaveProperty('recipientVacant');
        const markdown = renderMarkdown(report);
        expect(markdown).not.toContain('Ineffective: nobody holds ISMS Manager');
        expect(markdown).toContain('it acts only through its own delegation of the duty onward');
        expect(report.questions.responsible.summary).toContain('By delegation from ISMS Manager, Sam Ortiz performs');
        const answer = whoMayPerform(await queryOn(chain), 'isms-reporting', AS_OF);
        expect(answer.parties.map(party => party.party.name)).toEqual(['jane', 'sam']);
        expect(JSON.parse(renderJson(report)).delegations[0].recipientPassesOn).toBe(true);
    });

    it('is ineffective where nothing goes on from the vacant role', async () => {
        const dead = { ...chain, 'deputy.mandate': chain['deputy.mandate'].replace('delegate isms-reporting from isms-manager to sam since 2025-02-01\n', '') };
        const report = await reportOf(dead);
        expect(report.delegations[0]).not.toHaveProperty('recipientPassesOn');
        expect(renderMarkdown(report)).toContain('Ineffective: nobody holds ISMS Manager on 2025-06-30');
    });
});

describe('an assignment that starts after its person left (found by an independent probe)', () => {
    it('is reported with advice that does not make its dates run backwards', async () => {
        const files = { ...CLEAN_POLICY, 'deputy.mandate': 'role deputy "Deputy CISO" { reports to ciso }\nperson dan "Dan Deputy" { employed since 2019-01-01 until 2024-04-30 }\nassign dan to deputy since 2025-01-01 appointed by board\n' };
        const message = (await check(files)).find(finding => finding.rule === 'leaver-holds-role')?.message;
        expect(message).toBe("'dan' left on 2024-04-30 (employed until), before this assignment to 'deputy' starts on 2025-01-01, so it gives the role to nobody. "
            + 'Remove it, or record their return (`employed since <date>` or, as an external, `engaged since <date>`) if they came back.');
    });
});
