/**
 * Training in the report: the population an `everyone` programme means (staff employed on the
 * as-of date, not external people), and newcomers inside a grace period shown as due with their
 * due-by date, distinct from missing, in every format and count.
 */
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { default as addFormats } from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { renderJson } from '../language/report/render-json.js';
import { renderMarkdown } from '../language/report/render-markdown.js';
import { renderHtml } from '../language/report/render-html.js';
import { CLEAN_POLICY } from './helpers.js';
import { reportOf } from './report-helpers.js';

const TRAINING = {
    ...CLEAN_POLICY,
    'training.mandate': `
training awareness "Security awareness" {
    audience everyone
    every year
    within 30 days of joining
    satisfies ISO27001:7.3
}
person omar "Omar Haddad" { employed since 2025-06-15 }
person eve "Eve Auditor" {
    external "Audit Co"
    engaged since 2025-01-01
}
person leo "Leo Left" { employed since 2015-01-01 until 2024-12-31 }
completed awareness by jane on 2025-03-01
`
};

describe('training population and grace periods', () => {
    it('states its population: the staff employed on the as-of date, without externals or leavers', async () => {
        const report = await reportOf(TRAINING);
        expect(report.training[0].people.map(entry => entry.person.id)).toEqual(['jane', 'omar']);
        const markdown = renderMarkdown(report);
        expect(markdown).toContain('2 people employed on 2025-06-30 are declared; 1 external person trains only for the roles they hold.');
        expect(markdown).toContain('| **Security awareness** | every year | everyone: the 2 people employed on 2025-06-30 |');
    });

    it('shows a newcomer inside the grace period as due by its date, not as missing', async () => {
        const report = await reportOf(TRAINING);
        expect(report.training[0].people.find(entry => entry.person.id === 'omar')).toMatchObject({ state: 'due', dueBy: '2025-07-15' });
        const markdown = renderMarkdown(report);
        expect(markdown).toContain('- **Training:** 1 programme, 2 required completions: 1 current, 1 due within a grace period, 0 overdue, 0 never completed.');
        expect(markdown).toContain('| Omar Haddad | — | 2025-07-15 | **⚠️ Due by 2025-07-15 (grace period)** |');
        expect(markdown).toContain('| **Security awareness** | every year | everyone: the 2 people employed on 2025-06-30 | 1 | 1 | 0 | 0 |');
        expect(await renderHtml(report)).toContain('Due by 2025-07-15 (grace period)');
        expect(JSON.parse(renderJson(report)).training[0].people[1]).toMatchObject({ state: 'due', dueBy: '2025-07-15' });
        // Due does not lower the requirement the training covers; missing does.
        const awareness = report.summary.requirements.find(requirement => requirement.id === 'ISO27001:7.3')!;
        expect(awareness.status).toBe('met');
        expect(awareness.reasons).toContain("1 of 2 required completions of awareness are due within a newcomer's grace period.");
        const later = await reportOf(TRAINING, '2025-08-01');
        expect(later.training[0].people.find(entry => entry.person.id === 'omar')?.state).toBe('missing');
        expect(later.summary.requirements.find(requirement => requirement.id === 'ISO27001:7.3')?.status).toBe('partly-met');
    });

    it('validates against docs/report.schema.json with due, externals, leavers and no git', async () => {
        const ajv = new Ajv2020({ strict: true, allErrors: true });
        addFormats(ajv);
        const validate = ajv.compile(JSON.parse(readFileSync(new URL('../docs/report.schema.json', import.meta.url), 'utf8')));
        const json = JSON.parse(renderJson(await reportOf(TRAINING)));
        expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
        expect(json.people.map((person: { id: string; external: boolean; present: boolean }) => [person.id, person.external, person.present]))
            .toEqual([['jane', false, true], ['omar', false, true], ['eve', true, true], ['leo', false, false]]);
    });
});
