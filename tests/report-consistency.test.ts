/**
 * The Markdown, HTML, JSON and OSCAL outputs render one report model, so they must agree on the
 * status of every requirement: each output is parsed back here and the four are compared, for
 * acme and for a policy that shows all four states in two claimed frameworks.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkSources } from '../language/engine/check-sources.js';
import { buildReport } from '../language/report/build-report.js';
import { exportOscal } from '../language/report/export-oscal.js';
import type { AuditReport } from '../language/report/report-model.js';
import { renderHtml } from '../language/report/render-html.js';
import { renderJson } from '../language/report/render-json.js';
import { renderMarkdown } from '../language/report/render-markdown.js';
import { reportOfFolder } from './folder-helpers.js';
import { AS_OF, CLEAN_POLICY, type Files } from './helpers.js';

const ACME = fileURLToPath(new URL('../examples/acme', import.meta.url));

const LABELS: Record<string, string> = { Met: 'met', 'Partly met': 'partly-met', 'Not met': 'not-met', 'Not applicable': 'not-applicable' };

type Statuses = Record<string, string>;

function fromJson(text: string): Statuses {
    const report = JSON.parse(text) as AuditReport;
    return Object.fromEntries(report.summary.requirements.map(requirement => [requirement.id, requirement.status]));
}

function fromOscal(text: string): Statuses {
    const component = JSON.parse(text)['component-definition'].components[0];
    const entries: Array<[string, string]> = [];
    for (const set of component['control-implementations'] ?? []) {
        for (const requirement of set['implemented-requirements']) {
            const prop = (name: string) => requirement.props.find((entry: { name: string }) => entry.name === name)?.value as string;
            entries.push([prop('requirement-id'), prop('status')]);
        }
    }
    return Object.fromEntries(entries);
}

/** Cells of a Markdown table row, split at the pipes the renderer did not escape. */
function cells(row: string): string[] {
    return row.slice(1, -1).split(/(?<!\\)\|/).map(cell => cell.trim());
}

const unescape = (text: string) => text.replace(/\*\*/g, '').replace(/\\(.)/g, '$1');

/** The rows of section 5's tables: the framework from the heading above each table, the clause and the status badge of each row. */
function fromMarkdown(text: string): Statuses {
    const section = text.slice(text.indexOf('## 5. Statement of applicability'), text.indexOf('## 6. Control owners'));
    const entries: Array<[string, string]> = [];
    let prefix = '';
    for (const line of section.split('\n')) {
        const heading = /^### .* \(([^()]+)\)$/.exec(line);
        if (heading) prefix = unescape(heading[1]);
        if (!line.startsWith('| ') || line.startsWith('| Clause') || line.startsWith('| ---')) continue;
        const [clause, , status] = cells(line);
        const label = unescape(status).replace(/^[✅⚠️❌\s]+/u, '').replace(/^_(.*)_$/, '$1').trim();
        entries.push([`${prefix}:${unescape(clause)}`, LABELS[label] ?? `unknown label ${status}`]);
    }
    return Object.fromEntries(entries);
}

/** Each requirement row of the HTML report carries its ID; the third cell holds the status badge. */
function fromHtml(text: string): Statuses {
    const entries: Array<[string, string]> = [];
    for (const match of text.matchAll(/<tr id="requirement-([^"]+)"><td>.*?<\/td><td>.*?<\/td><td><span class="badge \w+">(?:[✓!✗] )?([^<]+)<\/span>/g)) {
        entries.push([match[1], LABELS[match[2]] ?? `unknown label ${match[2]}`]);
    }
    return Object.fromEntries(entries);
}

async function outputs(report: AuditReport): Promise<Record<'json' | 'oscal' | 'markdown' | 'html', Statuses>> {
    return {
        json: fromJson(renderJson(report)),
        oscal: fromOscal(exportOscal(report)),
        markdown: fromMarkdown(renderMarkdown(report)),
        html: fromHtml(await renderHtml(report))
    };
}

async function reportOf(files: Files): Promise<AuditReport> {
    const checked = await checkSources(Object.entries(files).map(([name, text]) => ({ uri: `file:///ws/${name}`, text })), { asOf: AS_OF });
    return buildReport(checked.services.shared, checked.findings, { toolVersion: '0.1.0', generatedAt: '2025-06-30T00:00:00Z' });
}

describe('Markdown, HTML, JSON and OSCAL agree on every requirement status', () => {
    it('for examples/acme', async () => {
        const report = await reportOfFolder(ACME);
        const { json, oscal, markdown, html } = await outputs(report);
        expect(Object.keys(json)).toHaveLength(report.summary.requirements.length);
        expect(oscal).toEqual(json);
        expect(markdown).toEqual(json);
        expect(html).toEqual(json);
    });

    it('for a policy with all four states in two claimed frameworks', async () => {
        const report = await reportOf({
            ...CLEAN_POLICY,
            // Unannounced: 5.3 stays covered but is lowered to partly met.
            'people.mandate': CLEAN_POLICY['people.mandate'].replace(/\s*announced .*/, ''),
            'soa.mandate': 'claims ISO27001 {\n    not applicable ISO27001:A.7.4, ISO27001:A.7.5 "No premises of our own."\n}\nclaims SOC2\n'
        });
        const { json, oscal, markdown, html } = await outputs(report);
        expect(new Set(Object.values(json))).toEqual(new Set(['met', 'partly-met', 'not-met', 'not-applicable']));
        expect(new Set(Object.keys(json).map(id => id.slice(0, id.indexOf(':'))))).toEqual(new Set(['ISO27001', 'SOC2']));
        expect(oscal).toEqual(json);
        expect(markdown).toEqual(json);
        expect(html).toEqual(json);
    });

    it('parses each output, so a renderer that drifts is caught', async () => {
        const report = await reportOf(CLEAN_POLICY);
        const drifted = { ...report, summary: { ...report.summary, requirements: report.summary.requirements.map((requirement, index) =>
            index === 0 ? { ...requirement, status: 'not-applicable' as const } : requirement) } };
        const first = report.summary.requirements[0].id;
        expect(fromMarkdown(renderMarkdown(drifted))[first]).toBe('not-applicable');
        expect(fromHtml(await renderHtml(drifted))[first]).toBe('not-applicable');
        expect(fromOscal(exportOscal(drifted))[first]).toBe('not-applicable');
        expect(fromMarkdown(renderMarkdown(report))[first]).toBe(report.summary.requirements[0].status);
    });
});
