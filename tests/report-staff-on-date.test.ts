/**
 * An employee who stays on as a contractor is staff until the change (tenure.ts, `isStaffOn`): the
 * report says so on the as-of date in the people table, the counts beside it, the training
 * population and the OSCAL user types, as the checks already do. Fixed as-of dates.
 */
import { describe, expect, it } from 'vitest';
import { exportOscalSsp } from '../language/report/export-oscal-ssp.js';
import { renderJson } from '../language/report/render-json.js';
import { renderMarkdown } from '../language/report/render-markdown.js';
import { withEdit } from './helpers.js';
import { reportOf } from './report-helpers.js';

const ERIN = withEdit('people.mandate', text => `${text}
person erin "Erin Example" {
    employed since 2018-01-01 until 2022-12-31
    external "Erin Consulting"
    engaged since 2023-01-01
}
assign erin to ciso since 2020-01-01 appointed by board {
    announced 2020-01-02 via intranet to all-staff
}
`);

/** The people table's row of Erin, as Markdown. */
function erinRow(markdown: string): string {
    return markdown.split('\n').find(line => line.startsWith('| Erin Example ([people.mandate'))!;
}

type Json = Record<string, any>;

/** The type OSCAL's system-implementation gives the CISO's user class. */
function cisoUserType(report: Parameters<typeof exportOscalSsp>[0]): string | undefined {
    const ssp = JSON.parse(exportOscalSsp(report))['system-security-plan'];
    const user = ssp['system-implementation'].users.find((entry: Json) => entry['role-ids'].includes('ciso'));
    return user.props?.find((prop: Json) => prop.name === 'type')?.value;
}

describe('a person employed before an engagement, on a date of the employment', () => {
    it('is employed staff in every part of the report', async () => {
        const report = await reportOf(ERIN, '2022-06-30');
        const erin = report.people.find(person => person.id === 'erin')!;
        expect(erin).toMatchObject({ external: true, present: true, employed: true });
        expect(JSON.parse(renderJson(report)).people.find((person: Json) => person.id === 'erin')).toMatchObject({ employed: true });
        const markdown = renderMarkdown(report);
        expect(erinRow(markdown)).toMatch(/\| Employed \| ciso \|$/);
        const staff = report.people.filter(person => person.employed).length;
        expect(markdown).toContain(`${staff} people employed on 2022-06-30 are declared.`);
        expect(markdown).not.toContain('external person trains only for the roles');
        expect(markdown).toContain(`On 2022-06-30, ${staff} people are employed and 0 external people are engaged.`);
        expect(cisoUserType(report)).toBe('internal');
    });

    it('is an engaged external after the change', async () => {
        const report = await reportOf(ERIN, '2023-06-30');
        expect(report.people.find(person => person.id === 'erin')).toMatchObject({ external: true, present: true, employed: false });
        const markdown = renderMarkdown(report);
        expect(erinRow(markdown)).toMatch(/\| Engaged \| ciso \|$/);
        expect(markdown).toContain('1 external person trains only for the roles they hold.');
        expect(markdown).toMatch(/and 1 external person is engaged/);
        expect(cisoUserType(report)).toBe('external');
    });
});
