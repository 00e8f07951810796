/**
 * ciso-announcement-audience and question 3: the CISO's appointment made known only to a part of the
 * organization (a person, an appointing body, a role not all staff hold). AS_OF is 2025-06-30.
 */
import { describe, expect, it } from 'vitest';
import { renderJson } from '../language/report/render-json.js';
import { renderMarkdown } from '../language/report/render-markdown.js';
import { check, where, withEdit } from './helpers.js';
import { reportOf } from './report-helpers.js';

/** CLEAN_POLICY with the CISO's announcement (to all-staff) replaced by `announcements`, and `extra` declarations. */
const announcedTo = (announcements: string, extra = '') => withEdit('people.mandate', text => text.replace('    announced 2024-03-05 via intranet to all-staff\n', announcements) + extra);
const RULE = 'ciso-announcement-audience';

describe('ciso-announcement-audience', () => {
    it('fires when the only announcement names a role that not all staff hold, on its audience, naming the role and where it is', async () => {
        const findings = await check(announcedTo('    announced 2024-03-05 via meeting to board\n'));
        expect(where(findings, RULE)).toEqual(['people.mandate:8']);
        const finding = findings.find(entry => entry.rule === RULE)!;
        expect(finding.message).toBe("The appointment of 'jane' to the CISO role 'ciso' was made known only to 'board' (a role, organization.mandate:5), not to the organization as a whole: "
            + 'staff need to know who the CISO is. Announce it to all staff too, e.g. `announced <date> via intranet to all-staff`.');
        expect(where(findings, 'assignment-not-communicated')).toEqual([]);
    });

    it('fires for a person and for an appointing body, naming each audience once', async () => {
        const findings = await check(announcedTo('    announced 2024-03-05 via email to tom\n    announced 2024-03-06 via letter to owners\n    announced 2024-03-07 via email to tom\n',
            'person tom "Tom Becker"\nappointing body owners "Shareholders"\n'));
        expect(findings.find(entry => entry.rule === RULE)?.message).toContain("made known only to 'tom' (a person, people.mandate:12) and 'owners' (a body outside the organization, people.mandate:13), not");
    });

    it('takes text, undeclared names and the organization at their word, and needs only one announcement that reaches everyone', async () => {
        for (const audience of ['"IT Operations"', 'all-staff', 'acme', '"board"']) {
            expect(where(await check(announcedTo(`    announced 2024-03-05 via intranet to ${audience}\n`)), RULE), audience).toEqual([]);
        }
        expect(where(await check(announcedTo('    announced 2024-03-05 via meeting to board\n    announced 2024-03-06 via intranet to all-staff\n')), RULE)).toEqual([]);
        // Without an audience, nothing says whom it reached.
        expect(where(await check(announcedTo('    announced 2024-03-05 via intranet\n')), RULE)).toEqual([]);
    });

    it('counts a role every member of staff holds on the announcement date as the whole organization', async () => {
        const extra = 'role employee "Employee" { reports to board }\nassign jane to employee since 2020-01-01 appointed by board { announced 2020-01-01 via intranet to all-staff }\n';
        expect(where(await check(announcedTo('    announced 2024-03-05 via intranet to employee\n', extra)), RULE)).toEqual([]);
        const notEveryone = extra + 'person tom "Tom Becker" { employed since 2021-01-01 }\nassign tom to ciso as acting since 2024-01-01 until 2024-02-29 appointed by board { announced 2024-01-01 via intranet to all-staff }\n';
        expect(where(await check(announcedTo('    announced 2024-03-05 via intranet to employee\n', notEveryone)), RULE)).toEqual(['people.mandate:8']);
    });

    it('leaves an appointment never announced to assignment-not-communicated, and announcements made after the as-of date out', async () => {
        const never = await check(announcedTo(''));
        expect(where(never, RULE)).toEqual([]);
        expect(where(never, 'assignment-not-communicated')).toEqual(['people.mandate:6']);
        expect(where(await check(announcedTo('    announced 2024-03-05 via intranet to all-staff\n    announced 2025-09-01 via meeting to board\n')), RULE)).toEqual([]);
    });

    it('makes question 3 partly answered, marks the announcement and gives the findings in the JSON', async () => {
        const report = await reportOf(announcedTo('    announced 2024-03-05 via meeting to board\n'));
        expect(report.questions.communicated.answer).toBe('partly');
        expect(report.questions.communicated.summary).toContain("the CISO's was made known only to a part of the organization, as ciso-announcement-audience finds");
        const index = report.findings.findIndex(finding => finding.rule === RULE);
        expect(report.questions.communicated.appointments[0].audienceFindings).toEqual([index]);
        expect(renderMarkdown(report)).toContain('**⚠️ made known only to a part of the organization** (finding');
        expect(JSON.parse(renderJson(report)).roles.find((role: { role: { id: string } }) => role.role.id === 'ciso').holders[0].audienceFindings).toEqual([index]);
    });

    it('leaves question 3 answered in full when the finding is accepted with a justification', async () => {
        const accepted = announcedTo('    // mandate-ignore ciso-announcement-audience: the board meeting was streamed to all staff\n    announced 2024-03-05 via meeting to board\n');
        const report = await reportOf(accepted);
        expect(report.findings.filter(finding => finding.rule === RULE)).toEqual([]);
        expect(report.questions.communicated.answer).toBe('yes');
    });
});

describe('ciso-announcement-audience leaves alone (found by an independent probe)', () => {
    it('a successor announced to the board ahead of the start, and a tenure long over', async () => {
        const successor = announcedTo('    announced 2024-03-05 via intranet to all-staff\n',
            'person tom "Tom Becker" { employed since 2019-01-01 }\nassign tom to ciso since 2025-08-01 appointed by board { announced 2025-06-15 via meeting to board }\n');
        const ended = withEdit('people.mandate', text => text.replace('assign jane to ciso since 2024-03-01', 'assign jane to ciso since 2024-03-01 until 2025-07-31') + 'person tom "Tom Becker" { employed since 2019-01-01 }\nassign tom to ciso since 2025-08-01 appointed by board { announced 2025-06-15 via meeting to board }\n');
        expect(where(await check(successor), RULE)).toEqual([]);
        expect(where(await check(ended), RULE)).toEqual([]);
        const old = announcedTo('    announced 2024-03-05 via intranet to all-staff\n',
            'person tom "Tom Becker" { employed since 2005-01-01 until 2017-12-31 }\nassign tom to ciso since 2010-01-01 until 2017-12-31 appointed by board { announced 2010-01-01 via meeting to board }\n');
        expect(where(await check(old), RULE)).toEqual([]);
    });

    it('a role declared as a distribution list nobody is assigned to, and an employee role a director without an employment lacks', async () => {
        expect(where(await check(announcedTo('    announced 2024-03-05 via intranet to all-staff\n', 'role all-staff "All staff" { reports to board }\n')), RULE)).toEqual([]);
        const employee = 'role employee "Employee" { reports to board }\nassign jane to employee since 2020-01-01 appointed by board { announced 2020-01-01 via intranet to all-staff }\n'
            + 'person maggie "Margaret Chen" { job title "Non-executive Director" }\n';
        expect(where(await check(announcedTo('    announced 2024-03-05 via intranet to employee\n', employee)), RULE)).toEqual([]);
    });
});
