/**
 * The reports of a large policy (a generated 20,000-line workspace of 99 teams, with findings):
 * sizes within the goal scaled to the policy (5 MB per 100,000 lines, plus the part that
 * does not grow with the policy), a JSON model without anything quadratic, each finding written
 * out once with the requirements it lowers referring to it by number, a sparse responsibility
 * matrix, a bounded graph, and long listings grouped and folded. Sizes and counts only; never time.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { checkSources } from '../language/engine/check-sources.js';
import { buildReport } from '../language/report/build-report.js';
import { MAX_DRAWN_NODES } from '../language/report/graph-summary.js';
import { htmlText } from '../language/report/html-escape.js';
import { escapeMarkdown } from '../language/report/markdown-escape.js';
import type { AuditReport } from '../language/report/report-model.js';
import { renderHtml } from '../language/report/render-html.js';
import { renderJson } from '../language/report/render-json.js';
import { renderMarkdown } from '../language/report/render-markdown.js';
import { LARGE } from '../language/report/view-large.js';
import { lineCount, scaleWorkspace } from './report-scale-workspace.js';

/** The goal at 100k lines, ≤ 5 MB per report, per policy line. */
const BYTES_PER_LINE = 50;
/** What a report holds whatever the policy's size: the catalogue's requirements, the drawn graph, the style sheet. */
const FIXED_BYTES = 300_000;

async function reportOf(files: Record<string, string>): Promise<AuditReport> {
    const checked = await checkSources(Object.entries(files).map(([name, text]) => ({ uri: `file:///ws/${name}`, text })), { asOf: '2025-06-30' });
    return buildReport(checked.services.shared, checked.findings, { toolVersion: '9.9.9', generatedAt: '2025-06-30T12:00:00Z', repository: { git: false } });
}

const occurrences = (haystack: string, needle: string) => haystack.split(needle).length - 1;

/** Every finding's message appears exactly once; the statement of applicability names findings by number only. */
function expectFindingsOnce(report: AuditReport, markdown: string, html: string): void {
    expect(report.findings.length).toBeGreaterThan(0);
    for (const finding of report.findings) {
        expect(occurrences(markdown, escapeMarkdown(finding.message)), finding.message).toBe(1);
        expect(occurrences(html, htmlText(finding.message)), finding.message).toBe(1);
    }
    const lowered = report.summary.requirements.filter(requirement => requirement.findings.length > 0);
    // Meaningful only if some finding lowers several requirements: it used to be written out in each.
    const perFinding = new Map<number, number>();
    for (const requirement of lowered) for (const index of requirement.findings) perFinding.set(index, (perFinding.get(index) ?? 0) + 1);
    expect(Math.max(...perFinding.values())).toBeGreaterThan(1);
    for (const requirement of lowered) {
        const first = requirement.findings[0];
        const row = new RegExp(`<tr id="requirement-${requirement.id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}">.*?</tr>`).exec(html)?.[0] ?? '';
        expect(row).toContain(`<a href="#finding-${first + 1}">#${first + 1}</a>`);
        expect(occurrences(html, `id="finding-${first + 1}"`)).toBe(1);
    }
}

describe('reports of a generated 20,000-line workspace', () => {
    const files = scaleWorkspace(20_000);
    const lines = lineCount(files);
    let report: AuditReport;
    let markdown: string;
    let html: string;
    let json: string;

    beforeAll(async () => {
        report = await reportOf(files);
        markdown = renderMarkdown(report);
        html = await renderHtml(report);
        json = renderJson(report);
    }, 180_000);

    it('writes Markdown and HTML within 5 MB per 100,000 policy lines, plus a fixed part', () => {
        expect(lines).toBeGreaterThan(19_000);
        const limit = lines * BYTES_PER_LINE + FIXED_BYTES;
        expect(Buffer.byteLength(markdown)).toBeLessThan(limit);
        expect(Buffer.byteLength(html)).toBeLessThan(limit);
    });

    it('keeps the JSON model linear: a bounded size per policy line, and only the matrix cells that hold letters', () => {
        expect(Buffer.byteLength(json) / lines).toBeLessThan(600);
        const links = report.roles.reduce((sum, entry) => sum + new Set(entry.duties.map(line => line.duty.id)).size, 0);
        expect(report.matrix.cells.length).toBe(links);
        expect(report.matrix.cells.length).toBeLessThan(report.matrix.roles.length * 3);
    });

    it('writes each finding out once, and the requirements it lowers refer to it by number', () => {
        expect(report.findings.length).toBeGreaterThan(LARGE);
        expectFindingsOnce(report, markdown, html);
    });

    it('lists each duty with its roles instead of a duties × roles grid', () => {
        const matrix = markdown.slice(markdown.indexOf('## 4. Responsibility matrix'), markdown.indexOf('## 5.'));
        expect(matrix).not.toMatch(/^\|/m);
        expect(matrix).toContain('Roles named without letters carry the duty as **R, A**.');
        expect(matrix).toContain('- **Duty 3-1** (duty-3-1, [L25](../team-0003.mandate#L25)): r-3-1\n');
        expect(Buffer.byteLength(matrix) / report.matrix.duties.length).toBeLessThan(150);
    });

    it('draws at most the node budget, and says what it leaves out and why', () => {
        const svg = /<svg[\s\S]*?<\/svg>/.exec(html)![0];
        expect(svg.match(/<g class="node[ "]/g)!.length).toBeLessThanOrEqual(MAX_DRAWN_NODES);
        expect(svg).toContain('(CISO)');
        const roles = report.graph.nodes.filter(node => node.kind === 'role').length;
        expect(markdown).toContain(`of the ${roles} roles`);
        expect(markdown).toContain('more roles report to it');
    });

    it('starts with the summary and folds the long listings, saying once what a group has alike', () => {
        expect(html.indexOf('<section id="summary">')).toBeLessThan(html.indexOf('<details>'));
        const groups = html.match(/<details>/g)?.length ?? 0;
        expect(groups).toBeGreaterThan(3 * 99); // roles per team, people, duties and training per file
        expect(groups).toBe(html.match(/<\/details>/g)?.length);
        expect(markdown).toContain('Unless its line says otherwise, every holder below (15): since 2022-01-01, appointed by Team 3 lead, announced 2022-01-03 via email to team-3.');
        expect(markdown).toContain('**Employed, holding roles (15):** Person 3-0 (r-3-0, lead-3), Person 3-1 (r-3-1), ');
        // No Markdown table grows with the number of people: the longest is the catalogue's statement of applicability.
        const longest = Math.max(...markdown.split(/\n(?!\|)/).map(block => block.split('\n').filter(line => line.startsWith('|')).length));
        expect(longest).toBeLessThan(150);
    });
});

describe('a role everyone holds, in a large report', () => {
    it('names the first holders on its line and counts the rest, which the people table names', async () => {
        const lines = ['organization o "O" { top management board }', 'role board "Board"', 'role employee "Employee" { reports to board }'];
        for (let i = 0; i < 60; i++) {
            lines.push(`person p-${i} "Person ${i}" { employed since 2020-01-01 }`, `role r-${i} "Role ${i}" { reports to board }`,
                `assign p-${i} to employee since 2020-01-01 appointed by board`, `assign p-${i} to r-${i} since 2020-01-01 appointed by board`);
        }
        const report = await reportOf({ 'org.mandate': `${lines.join('\n')}\n` });
        const markdown = renderMarkdown(report);
        const line = markdown.split('\n').find(text => text.includes('**Employee** (employee'))!;
        expect(line).toContain('; and 10 more holders (60 in all; the people table names each person with the roles they hold)');
        expect(line).not.toContain('Person 59');
        expect(markdown).toContain('Person 59 (employee, r-59)');
    });
});

describe('reports of a small workspace with findings', () => {
    it('writes each finding out once in the plain tables of a small report', async () => {
        const report = await reportOf(scaleWorkspace(400));
        expect(report.findings.length).toBeGreaterThan(1);
        expect(report.findings.length).toBeLessThanOrEqual(LARGE);
        const markdown = renderMarkdown(report);
        const html = await renderHtml(report);
        expect(html.includes('<details>')).toBe(false);
        expectFindingsOnce(report, markdown, html);
    });
});
