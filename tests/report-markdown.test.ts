/**
 * The Markdown audit report:
 * - golden test on examples/acme (tests/golden/acme.md, compared byte for byte; regenerate with
 *   `UPDATE_GOLDEN=1 npx vitest run tests/report-markdown.test.ts` and read the diff);
 * - determinism: two independent builds render the same bytes;
 * - hostile content (tests/golden/hostile-policy.txt): no raw HTML, no links but ours, no
 *   injected headings, table rows keep their columns, and the Mermaid block stays well-formed.
 *   The output is also rendered with markdown-it configured like VS Code's preview (HTML and
 *   linkify on), which is what a reader of the report actually sees.
 * Fixed as-of dates and generation times throughout; never the real clock.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { reportOfFolder } from './folder-helpers.js';
import { checkSources } from '../language/engine/check-sources.js';
import { buildReport } from '../language/report/build-report.js';
import { graphToMermaid, mermaidLabel } from '../language/report/graph-mermaid.js';
import { escapeMarkdown } from '../language/report/markdown-escape.js';
import { oneLine } from '../language/report/plain-text.js';
import type { AuditReport } from '../language/report/report-model.js';
import { buildReportView } from '../language/report/report-view.js';
import { renderMarkdown } from '../language/report/render-markdown.js';
import { sourceHref } from '../language/report/source-links.js';

const ACME = fileURLToPath(new URL('../examples/acme/', import.meta.url));
const GOLDEN = fileURLToPath(new URL('./golden/', import.meta.url));
const HOSTILE_URI = 'file:///ws/odd%20%5Bname%5D%20(1).mandate';


async function hostileReport(): Promise<AuditReport> {
    const text = readFileSync(path.join(GOLDEN, 'hostile-policy.txt'), 'utf8');
    const checked = await checkSources([{ uri: HOSTILE_URI, text }], { asOf: '2026-01-01', roots: ['file:///ws/'] });
    return buildReport(checked.services.shared, checked.findings, { toolVersion: '0.1.0', generatedAt: '2026-01-01T00:00:00Z' });
}

function expectGolden(name: string, actual: string): void {
    const file = path.join(GOLDEN, name);
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(file, actual);
    expect(actual).toBe(readFileSync(file, 'utf8'));
}

/** Cells of a Markdown table row, split on pipes that are not backslash-escaped. */
function cells(row: string): string[] {
    const result: string[] = [];
    let current = '';
    for (let index = 0; index < row.length; index++) {
        const char = row[index];
        if (char === '\\') { current += char + (row[index + 1] ?? ''); index++; continue; }
        if (char === '|') { result.push(current); current = ''; continue; }
        current += char;
    }
    result.push(current);
    return result.slice(1, -1); // rows start and end with a pipe
}

/** Consecutive lines starting with `|`, as tables. */
function tables(markdown: string): string[][] {
    const found: string[][] = [];
    let current: string[] = [];
    for (const line of markdown.split('\n')) {
        if (line.startsWith('|')) current.push(line);
        else if (current.length > 0) { found.push(current); current = []; }
    }
    return found;
}

function mermaidBlock(markdown: string): string[] {
    const match = /```mermaid\n([\s\S]*?)\n```/.exec(markdown);
    expect(match).not.toBeNull();
    return match![1].split('\n');
}

const decodeMermaid = (label: string) => label.replace(/#quot;/g, '"').replace(/#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)));

/** VS Code's preview: markdown-it with raw HTML and linkify enabled. */
const preview = new MarkdownIt({ html: true, linkify: true });

describe('Markdown report on examples/acme', () => {
    it('matches tests/golden/acme.md byte for byte', async () => {
        expectGolden('acme.md', renderMarkdown(await reportOfFolder(ACME)));
    });

    it('is byte-identical when built and rendered twice', async () => {
        const first = renderMarkdown(await reportOfFolder(ACME));
        const second = renderMarkdown(await reportOfFolder(ACME));
        expect(second).toBe(first);
    });

    it('has the eleven sections in order', async () => {
        const headings = renderMarkdown(await reportOfFolder(ACME)).split('\n').filter(line => line.startsWith('## '));
        expect(headings).toEqual([
            '## 1. Summary', "## 2. The auditor's four questions", '## 3. Roles and holders', '## 4. Responsibility matrix',
            '## 5. Statement of applicability', '## 6. Control owners', '## 7. Delegations', '## 8. Organization and delegation graph',
            '## 9. Training', '## 10. Findings', '## 11. Provenance'
        ]);
    });

    it('answers question 4 with the job-description line, the duty, its cadence and the document', async () => {
        const markdown = renderMarkdown(await reportOfFolder(ACME));
        const q4 = markdown.slice(markdown.indexOf('### Q4.'), markdown.indexOf('## 3.'));
        expect(q4).toContain('> **Answer:** ✅ Included');
        expect(q4).toContain('(../docs/roles/ciso.md)');
        // One row for the duty the CISO is both responsible and accountable for, citing both job-description lines.
        expect(q4).toContain('| responsible for, accountable for (R, A) | every quarter | ISO27001:5.3(b) | [roles.mandate:30](../roles.mandate#L30)<br>[roles.mandate:34](../roles.mandate#L34) | [responsibilities.mandate:24](../responsibilities.mandate#L24) |');
    });

    it('prefixes source links with linkBase, and refuses a linkBase that is not a path or http(s) URL', async () => {
        const report = await reportOfFolder(ACME);
        const markdown = renderMarkdown(report, { linkBase: 'https://example.test/acme/blob/main/' });
        expect(markdown).toContain('[roles.mandate:23](https://example.test/acme/blob/main/roles.mandate#L23)');
        expect(() => renderMarkdown(report, { linkBase: 'javascript:void0//' })).toThrow(/http or https/);
        expect(() => renderMarkdown(report, { linkBase: '../x)(' })).toThrow(/linkBase/);
    });
});

describe('Markdown report on hostile policy strings', () => {
    it('contains no raw HTML and no javascript: link', async () => {
        const markdown = renderMarkdown(await hostileReport());
        expect(markdown).toContain('&lt;img src=x onerror="window.\\_\\_pwned=1"&gt;');
        expect(markdown).not.toMatch(/<img|<script|<\/script|<iframe|<svg|<a /i);
        expect(markdown).not.toMatch(/\]\(javascript:/i);
        // The only HTML the renderer writes itself is <br> between lines of a table cell.
        expect(markdown.match(/<[^>]*>/g)?.filter(tag => tag !== '<br>') ?? []).toEqual([]);
    });

    it('renders in VS Code\'s preview as literal text: only our tags, only our links, no autolinks', async () => {
        const report = await hostileReport();
        const html = preview.render(renderMarkdown(report));
        const tags = new Set([...html.matchAll(/<([a-z0-9]+)[\s>]/g)].map(match => match[1]));
        expect([...tags].sort()).toEqual(['a', 'blockquote', 'br', 'code', 'em', 'h1', 'h2', 'h3', 'h4', 'li', 'p', 'pre', 'strong', 'table', 'tbody', 'td', 'th', 'thead', 'tr', 'ul']);
        for (const [, href] of html.matchAll(/href="([^"]*)"/g)) expect(href).toMatch(/^(#[a-z0-9-]+|\.\.\/odd%20%5Bname%5D%20%281%29\.mandate(#L\d+)?)$/);
        expect(html).toContain('CISO &lt;img src=x onerror=&quot;window.__pwned=1&quot;&gt; *bold* _u_ [link](javascript:alert(1)) | a | b');
        expect(html).toContain('Mallory &quot;; alert(1); &quot; :smile: @admin www.evil.example https://evil.example');
    });

    it('adds no headings: only the ones the report view defines', async () => {
        const report = await hostileReport();
        const view = buildReportView(report);
        const expected = 1 + view.sections.length + view.sections.flatMap(section => section.blocks).filter(block => block.kind === 'heading').length;
        const tokens = preview.parse(renderMarkdown(report), {});
        expect(tokens.filter(token => token.type === 'heading_open')).toHaveLength(expected);
    });

    it('keeps every table row at its column count', async () => {
        const markdown = renderMarkdown(await hostileReport());
        const found = tables(markdown);
        expect(found.length).toBeGreaterThan(10);
        for (const table of found) {
            const width = cells(table[0]).length;
            for (const row of table) expect(cells(row), row).toHaveLength(width);
        }
        // And as rendered: every row has as many cells as its header.
        const html = preview.render(markdown);
        for (const [table] of html.matchAll(/<table>[\s\S]*?<\/table>/g)) {
            const width = (/<thead>[\s\S]*?<\/thead>/.exec(table)![0].match(/<th>/g) ?? []).length;
            for (const [row] of /<tbody>([\s\S]*?)<\/tbody>/.exec(table)![1].matchAll(/<tr>[\s\S]*?<\/tr>/g)) {
                expect((row.match(/<td>/g) ?? []).length).toBe(width);
            }
        }
    });

    it('keeps the Mermaid block well-formed, with labels that decode to the policy text', async () => {
        const report = await hostileReport();
        const lines = mermaidBlock(renderMarkdown(report));
        const label = '"((?:[\\p{L}\\p{N} ,.:/\'?!@-]|#quot;|#\\d+;)*)"';
        const patterns = [
            /^flowchart RL$/,
            new RegExp(`^    n\\d+\\[${label}\\]$`, 'u'),
            new RegExp(`^    n\\d+\\(\\[${label}\\]\\)$`, 'u'),
            /^    n\d+ (?:==>|-->|-\.->) n\d+$/,
            new RegExp(`^    n\\d+ -\\.->\\|${label}\\| n\\d+$`, 'u'),
            /^    classDef [a-z]+ [a-z-]+:[#a-z0-9 ]+(?:,[a-z-]+:[#a-z0-9 ]+)*$/,
            /^    class n\d+(?:,n\d+)* [a-z]+$/
        ];
        for (const line of lines) expect(patterns.some(pattern => pattern.test(line)), line).toBe(true);
        for (const line of lines) {
            for (const [open, close] of [['[', ']'], ['(', ')']]) expect(line.split(open).length, line).toBe(line.split(close).length);
            expect((line.match(/"/g) ?? []).length % 2, line).toBe(0);
        }
        const labels = lines.flatMap(line => [...line.matchAll(new RegExp(label, 'gu'))].map(match => decodeMermaid(match[1])));
        const ciso = report.roles.find(entry => entry.ciso)!;
        expect(labels).toContain(`${oneLine(ciso.role.title)} (CISO)`);
        expect(labels).toContain(oneLine(report.delegations[0].duty.title));
        expect(labels.some(text => text.endsWith('(vacant)'))).toBe(true);
        // Node ids are synthetic: no policy name appears as an id.
        const statements = lines.filter(line => !/^ {4}class(?:Def)? /.test(line)).join('\n');
        expect(statements).not.toMatch(/\b(?:ciso|vacant_role|eve|mallory|report_x|board)\b/);
    });
});

describe('Markdown escaping helpers', () => {
    it('escapes Markdown, HTML and autolink syntax, and keeps text on one line', () => {
        expect(escapeMarkdown('*x* [a](javascript:alert(1)) <b>|</b> #1 `c` ~s~ $m$ a\\b')).toBe(
            '\\*x\\* \\[a\\](javascript\\:alert(1)) &lt;b&gt;\\|&lt;/b&gt; \\#1 \\`c\\` \\~s\\~ \\$m\\$ a\\\\b'
        );
        expect(escapeMarkdown('mail a@b.example, see www.x.example or :smile: at 10:30, ISO27001:5.3(b)')).toBe(
            'mail a\\@b\\.example, see www\\.x\\.example or \\:smile: at 10:30, ISO27001:5.3(b)'
        );
        expect(escapeMarkdown('one\ntwo\r\nthree\u202e')).toBe('one two three\ufffd');
    });

    it('writes Mermaid labels with entity codes for everything but plain characters', () => {
        expect(mermaidLabel('A "b" [c] (d) #e; `f` <g> | h\ni')).toBe('A #quot;b#quot; #91;c#93; #40;d#41; #35;e#59; #96;f#96; #60;g#62; #124; h i');
        expect(graphToMermaid({ nodes: [], edges: [] })).toBe(
            'flowchart RL\n    classDef role fill:#eef2ff,stroke:#4338ca,color:#111827\n    classDef person fill:#f8fafc,stroke:#64748b,color:#111827\n'
            + '    classDef ciso fill:#fef3c7,stroke:#b45309,stroke-width:3px,color:#111827\n'
            + '    classDef vacant fill:#fee2e2,stroke:#b91c1c,stroke-width:2px,stroke-dasharray:5 5,color:#111827'
        );
    });

    it('percent-encodes every path segment of a source link', () => {
        expect(sourceHref({ file: 'policy/a b [c] (d)#e?.mandate', line: 7 }, '../')).toBe('../policy/a%20b%20%5Bc%5D%20%28d%29%23e%3F.mandate#L7');
    });
});
