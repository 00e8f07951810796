/**
 * The HTML audit report:
 * - golden test on examples/acme (tests/golden/acme.html, compared byte for byte; regenerate with
 *   `UPDATE_GOLDEN=1 npx vitest run tests/report-html.test.ts` and read the diff);
 * - determinism: two independent builds render the same bytes, graph SVG included;
 * - a Content-Security-Policy that allows no script, and no <script> anywhere;
 * - hostile content (tests/golden/hostile-policy.txt) opened in headless Chromium: no script
 *   runs (with and without the CSP, so escaping alone holds), no dialog, no request leaves the
 *   page, and the hostile text is shown as text. Chromium is the system's (/usr/bin/chromium,
 *   installed by .ci/run); Playwright never downloads a browser. Without it those tests skip.
 * Fixed as-of dates and generation times throughout; never the real clock.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportOfFolder } from './folder-helpers.js';
import { checkSources } from '../language/engine/check-sources.js';
import { buildReport } from '../language/report/build-report.js';
import { layOutGraph, textSize, wrappedLines } from '../language/report/graph-layout.js';
import { renderGraphSvg, sanitizeSvg } from '../language/report/graph-svg.js';
import { escapeHtml, htmlText } from '../language/report/html-escape.js';
import type { AuditReport } from '../language/report/report-model.js';
import { renderHtml, renderHtmlForWebview } from '../language/report/render-html.js';
import { REPORT_CSS } from '../language/report/report-css.js';
import { createHash } from 'node:crypto';

const ACME = fileURLToPath(new URL('../examples/acme/', import.meta.url));
const GOLDEN = fileURLToPath(new URL('./golden/', import.meta.url));
const CHROMIUM = '/usr/bin/chromium';
const NO_CHROMIUM = !existsSync(CHROMIUM);
/** Shown in the test name, so a skipped run says why. */
const SKIP_REASON = NO_CHROMIUM ? ` [skipped: ${CHROMIUM} is not installed; .ci/run must apt-get install chromium before npm test]` : '';


async function hostileReport(): Promise<AuditReport> {
    const text = readFileSync(path.join(GOLDEN, 'hostile-policy.txt'), 'utf8');
    const checked = await checkSources([{ uri: 'file:///ws/odd%20%5Bname%5D%20(1).mandate', text }], { asOf: '2026-01-01', roots: ['file:///ws/'] });
    return buildReport(checked.services.shared, checked.findings, { toolVersion: '0.1.0', generatedAt: '2026-01-01T00:00:00Z' });
}

function expectGolden(name: string, actual: string): void {
    const file = path.join(GOLDEN, name);
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(file, actual);
    expect(actual).toBe(readFileSync(file, 'utf8'));
}

/** Every start tag in the document, e.g. `<a class="src" href="…">`. */
const startTags = (html: string) => html.match(/<[a-zA-Z][^>]*>/g) ?? [];

describe('HTML report on examples/acme', () => {
    it('matches tests/golden/acme.html byte for byte', async () => {
        expectGolden('acme.html', await renderHtml(await reportOfFolder(ACME)));
    });

    it('is byte-identical when built and rendered twice', async () => {
        const first = await renderHtml(await reportOfFolder(ACME));
        const second = await renderHtml(await reportOfFolder(ACME));
        expect(second).toBe(first);
    });

    it('has a CSP that allows no script, one <style>, no <script>, and nothing that fetches', async () => {
        const html = await renderHtml(await reportOfFolder(ACME));
        // The one <style> is pinned by its hash: strict, and the file stays byte-identical.
        const hash = createHash('sha256').update(REPORT_CSS, 'utf8').digest('base64');
        const policy = `default-src 'none'; base-uri 'none'; form-action 'none'; style-src 'sha256-${hash}'; img-src data:`;
        expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${escapeHtml(policy)}">`);
        expect(policy).not.toMatch(/script-src|unsafe/);
        expect(html.indexOf('http-equiv="Content-Security-Policy"')).toBeLessThan(html.indexOf('<style>'));
        expect(html).not.toMatch(/<script/i);
        expect(html.match(/<style>/g)).toHaveLength(1);
        expect(startTags(html).filter(tag => /^<(?:img|iframe|object|embed|link|image|use|foreignObject)\b|\s(?:src|srcset|on\w+|xlink:href|style)=/i.test(tag))).toEqual([]);
        for (const [, href] of html.matchAll(/\shref="([^"]*)"/g)) expect(href).toMatch(/^(?:#[a-z0-9-]+|\.\.\/(?:[a-z-]+\/)*[a-z.-]+\.mandate(?:#L\d+)?|\.\.\/docs\/roles\/ciso\.md)$/);
    });

    it('uses a nonce instead of the hash when rendered for a webview', async () => {
        const html = await renderHtml(await reportOfFolder(ACME), { webview: { nonce: 'abcdefghijklmnop0123', cspSource: 'https://file+.vscode-resource.vscode-cdn.net' } });
        expect(html).toContain(escapeHtml("style-src 'nonce-abcdefghijklmnop0123'; img-src data: https://file+.vscode-resource.vscode-cdn.net"));
        expect(html).toContain('<style nonce="abcdefghijklmnop0123">');
        await expect(renderHtml(await reportOfFolder(ACME), { webview: { nonce: '"><script>', cspSource: 'x' } })).rejects.toThrow(/nonce/);
    });

    it('renders the saved page and the webview page from one view and one drawing of the graph, each as rendered alone', async () => {
        const report = await reportOfFolder(ACME);
        const webview = { nonce: 'abcdefghijklmnop0123', cspSource: 'https://file+.vscode-resource.vscode-cdn.net' };
        const drawn: unknown[] = [];
        const drawGraph = (graph: AuditReport['graph']) => {
            drawn.push(graph);
            return renderGraphSvg(graph);
        };
        const pages = await renderHtmlForWebview(report, { linkBase: '../', webview, drawGraph });
        expect(drawn).toEqual([report.graph]);
        expect(pages.saved).toBe(await renderHtml(report, { linkBase: '../' }));
        expect(pages.webview).toBe(await renderHtml(report, { linkBase: '../', webview }));
        expect(pages.webview).not.toBe(pages.saved);
    });

    it('draws the graph as inline SVG with every role and holder, the CISO highlighted', async () => {
        const report = await reportOfFolder(ACME);
        const html = await renderHtml(report);
        const svg = /<svg[\s\S]*?<\/svg>/.exec(html)![0];
        expect(svg.match(/<g class="node (?:role|person)[a-z ]* n\d+">/g)).toHaveLength(report.graph.nodes.length);
        expect(svg.match(/<g class="edge (?:reports|holds|delegation)">/g)).toHaveLength(report.graph.edges.length);
        expect(svg).toContain('>(CISO)</text>');
        expect(svg).toContain('stroke-dasharray'); // the active delegations
    });

    it('answers question 4 with the job-description line, the duty, its cadence and the document', async () => {
        const html = await renderHtml(await reportOfFolder(ACME));
        const q4 = html.slice(html.indexOf('<h3>Q4.'), html.indexOf('<section id="roles">'));
        expect(q4).toContain('<span class="badge good">✓ Included</span>');
        expect(q4).toContain('<a class="src" href="../docs/roles/ciso.md">docs/roles/ciso.md</a>');
        expect(q4).toContain('every quarter');
        expect(q4).toContain('<a class="src" href="../roles.mandate#L30">roles.mandate:30</a>');
        expect(q4).toContain('<a class="src" href="../responsibilities.mandate#L24">responsibilities.mandate:24</a>');
    });
});

describe('HTML report in headless Chromium', () => {
    let browser: Browser | undefined;

    beforeAll(async () => {
        if (NO_CHROMIUM) return;
        browser = await chromium.launch({
            executablePath: CHROMIUM,
            args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
        });
    });
    afterAll(async () => { await browser?.close(); });

    /** Opens the HTML and reports what happened: dialogs, console messages, requests, the canary. */
    async function open(html: string) {
        const page = await browser!.newPage();
        const dialogs: string[] = [];
        const messages: string[] = [];
        const requests: string[] = [];
        page.on('dialog', dialog => { dialogs.push(dialog.message()); void dialog.dismiss(); });
        page.on('console', message => messages.push(`${message.type()}: ${message.text()}`));
        page.on('pageerror', error => messages.push(`pageerror: ${error.message}`));
        page.on('request', request => requests.push(request.url()));
        await page.setContent(html, { waitUntil: 'load' });
        // Evaluated over the DevTools protocol, which the page's CSP does not restrict.
        const pwned = await page.evaluate(() => (globalThis as unknown as { __pwned?: unknown }).__pwned);
        const elements = await page.locator('script, img, iframe, object, embed, image, use, foreignObject, [onerror], [onload]').count();
        return { page, dialogs, messages, requests, pwned, elements };
    }

    it.skipIf(NO_CHROMIUM)('opens the acme report with no request, no console message and a visible graph' + SKIP_REASON, async () => {
        const result = await open(await renderHtml(await reportOfFolder(ACME)));
        try {
            expect(result.requests.filter(url => !/^(?:about:|data:)/.test(url))).toEqual([]);
            expect(result.messages).toEqual([]);
            expect(await result.page.locator('figure.graph svg').isVisible()).toBe(true);
            expect(await result.page.title()).toBe('ISO/IEC 27001 clause 5.3 audit report: Acme Ltd');
        } finally {
            await result.page.close();
        }
    });

    it.skipIf(NO_CHROMIUM)('shows hostile policy strings as text and runs none of them' + SKIP_REASON, async () => {
        const report = await hostileReport();
        const html = await renderHtml(report);
        const withoutCsp = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '');
        expect(withoutCsp).not.toBe(html);
        // With the CSP as shipped, and without it: escaping alone must hold.
        for (const document of [html, withoutCsp]) {
            const result = await open(document);
            try {
                expect(result.pwned).toBeUndefined();
                expect(result.dialogs).toEqual([]);
                expect(result.elements).toBe(0);
                expect(result.requests.filter(url => !/^(?:about:|data:)/.test(url))).toEqual([]);
                expect(result.messages).toEqual([]);
                const { page } = result;
                expect(await page.getByText('<img src=x onerror="window.__pwned=1">', { exact: false }).first().isVisible()).toBe(true);
                expect(await page.getByText('</script><script>window.__pwned=1</script>', { exact: false }).first().isVisible()).toBe(true);
                expect(await page.getByText('[link](javascript:alert(1)) | a | b', { exact: false }).first().isVisible()).toBe(true);
                expect(await page.getByText('Conform line two ### heading | a | b |', { exact: false }).first().isVisible()).toBe(true);
                expect(await page.title()).toBe(`ISO/IEC 27001 clause 5.3 audit report: ${report.organization!.title}`);
                const hrefs = await page.locator('a[href]').evaluateAll(links => links.map(link => link.getAttribute('href')));
                for (const href of hrefs) expect(href).toMatch(/^(?:#[a-z0-9-]+|\.\.\/odd%20%5Bname%5D%20%281%29\.mandate(?:#L\d+)?)$/);
                // Every table row keeps its columns.
                const widths = await page.locator('table.data').evaluateAll(tables => tables.map(table => {
                    const head = table.querySelectorAll('thead th').length;
                    return [...table.querySelectorAll('tbody tr')].every(row => row.children.length === head);
                }));
                expect(widths.every(Boolean)).toBe(true);
            } finally {
                await result.page.close();
            }
        }
    });
});

describe('HTML and graph escaping helpers', () => {
    it('escapes the five HTML characters and keeps policy text on one line', () => {
        expect(escapeHtml(`<a href="x" onclick='y'>&amp;</a>`)).toBe('&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;');
        expect(htmlText('a\nb\u202ec')).toBe('a b\ufffdc');
    });

    it('names nodes by synthetic ids, never by the policy\'s names', async () => {
        const svg = await renderGraphSvg({
            nodes: [{ id: 'x"];evil', label: 'X "] -> y', kind: 'role', ciso: true, vacant: false }, { id: 'p', label: 'P', kind: 'person', ciso: false, vacant: false }],
            edges: [{ from: 'p', to: 'x"];evil', kind: 'holds' }]
        });
        expect(svg).toContain('<g class="node role ciso n0">');
        expect(svg).toContain('<g class="node person n1">');
        expect(svg).toContain('>X &quot;] -&gt; y</text>');
        expect(svg).not.toContain('evil');
    });

    it('wraps a label at words, breaks a word longer than two lines, and draws at most six lines', () => {
        expect(wrappedLines('Chief Information Security Officer', 24)).toEqual(['Chief Information', 'Security Officer']);
        expect(wrappedLines('x'.repeat(50), 24)).toEqual(['x'.repeat(24), 'x'.repeat(24), 'xx']);
        const long = wrappedLines('word '.repeat(200), 24);
        expect(long).toHaveLength(6);
        expect(long[5].endsWith('…')).toBe(true);
        expect(long.every(line => [...line].length <= 24)).toBe(true);
        expect(wrappedLines('<script>alert(1)</script> next', 24)).toEqual(['<script>alert(1)</script>', 'next']);
        expect(wrappedLines('  ', 24)).toEqual([]);
    });

    it('sizes a label by its characters: a Han, Kana or Hangul character is a full em, twice a Latin letter\'s room and more', async () => {
        expect(textSize(['王小明'], 10).width).toBe(30);
        expect(textSize(['Ann'], 10).width).toBeCloseTo(18);
        expect(textSize(['𠮷野家'], 10).width).toBe(30);
        const person = (id: string, label: string) => ({ id, label, kind: 'person' as const, ciso: false, vacant: false });
        const layout = await layOutGraph({ nodes: [person('a', '情報セキュリティ責任者の代理人'), person('b', 'Information officer')], edges: [] });
        const [wide, latin] = layout.nodes;
        expect(wide.width).toBeGreaterThan(latin.width);
    });

    it('lays the hierarchy out right to left, inside the drawing, with no two nodes overlapping', async () => {
        const person = (id: string) => ({ id, label: `Person ${id}`, kind: 'person' as const, ciso: false, vacant: false });
        const role = (id: string, ciso = false) => ({ id, label: `Role ${id}`, kind: 'role' as const, ciso, vacant: false });
        const graph = {
            nodes: [role('ceo'), role('ciso', true), role('admin'), person('ann'), person('bob'), person('cy')],
            edges: [
                { from: 'ciso', to: 'ceo', kind: 'reports-to' as const }, { from: 'admin', to: 'ciso', kind: 'reports-to' as const },
                { from: 'ann', to: 'ceo', kind: 'holds' as const }, { from: 'bob', to: 'ciso', kind: 'holds' as const },
                { from: 'cy', to: 'admin', kind: 'holds' as const, label: 'interim' },
                { from: 'ciso', to: 'cy', kind: 'delegation' as const, label: 'Review access' }
            ]
        };
        const layout = await layOutGraph(graph);
        const at = new Map(layout.nodes.map(node => [node.node.id, node] as const));
        // A superior is left of the roles reporting to it, a role left of its holder.
        expect(at.get('ceo')!.x).toBeLessThan(at.get('ciso')!.x);
        expect(at.get('ciso')!.x).toBeLessThan(at.get('admin')!.x);
        expect(at.get('admin')!.x).toBeLessThan(at.get('cy')!.x);
        for (const [index, a] of layout.nodes.entries()) {
            expect(a.x - a.width / 2).toBeGreaterThanOrEqual(0);
            expect(a.y + a.height / 2).toBeLessThanOrEqual(layout.height);
            for (const b of layout.nodes.slice(index + 1)) {
                const apart = Math.abs(a.x - b.x) >= (a.width + b.width) / 2 || Math.abs(a.y - b.y) >= (a.height + b.height) / 2;
                expect(apart, `${a.node.id} and ${b.node.id}`).toBe(true);
            }
        }
        // Every edge runs from its tail's outline to its head's, and its label is placed.
        expect(layout.edges).toHaveLength(graph.edges.length);
        for (const { edge, points } of layout.edges) {
            const [from, to] = [at.get(edge.from)!, at.get(edge.to)!];
            expect(Math.abs(points[0].x - from.x)).toBeLessThanOrEqual(from.width / 2 + 0.01);
            expect(Math.abs(points.at(-1)!.x - to.x)).toBeLessThanOrEqual(to.width / 2 + 0.01);
        }
        expect(layout.edges.find(placed => placed.edge.kind === 'delegation')!.label!.lines).toEqual(['Review access']);
        expect(layout.edges.find(placed => placed.edge.label === 'interim')!.label!.lines).toEqual(['interim']);
        // A graph without nodes is an empty drawing, not an invalid one.
        expect(await renderGraphSvg({ nodes: [], edges: [] })).toMatch(/ width="8pt" height="8pt" viewBox="-4 -4 8 8"/);
        // The SVG's viewBox holds all of it.
        const svg = await renderGraphSvg(graph);
        const [left, top, width, height] = /viewBox="([^"]+)"/.exec(svg)![1].split(' ').map(Number);
        for (const node of layout.nodes) {
            expect(node.x - node.width / 2).toBeGreaterThanOrEqual(left);
            expect(node.y + node.height / 2).toBeLessThanOrEqual(top + height);
            expect(node.x + node.width / 2).toBeLessThanOrEqual(left + width);
        }
    });

    it('lays out the same graph to the same SVG, with nothing that loads, links or runs', async () => {
        const graph = {
            nodes: [
                { id: 'r', label: '<script>alert(1)</script> &amp; "q"', kind: 'role' as const, ciso: false, vacant: true },
                { id: 'p', label: 'Person <img src=x onerror=alert(1)>', kind: 'person' as const, ciso: false, vacant: false }
            ],
            edges: [{ from: 'r', to: 'p', kind: 'delegation' as const, label: 'javascript:alert(1)' }]
        };
        const svg = await renderGraphSvg(graph);
        expect(await renderGraphSvg(graph)).toBe(svg);
        expect(svg).toMatch(/^<svg role="img" aria-label="Organization and delegation graph" /);
        expect(svg).toContain('>&lt;script&gt;alert(1)&lt;/script&gt;</text>');
        expect(svg).toContain('>&amp;amp; &quot;q&quot;</text>');
        expect(svg).toContain('(vacant)');
        expect(svg).not.toMatch(/<script|<image|<a\b|<!--|<\?xml|<!DOCTYPE|<title/);
        expect(startTags(svg).filter(tag => /href|\son\w+=|style=/.test(tag))).toEqual([]);
    });

    it('refuses SVG with elements or attributes outside the short list', () => {
        const ok = '<svg width="1pt" viewBox="0 0 1 1" xmlns="http://www.w3.org/2000/svg">\n<g class="graph"><text x="1">a</text></g>\n</svg>';
        expect(sanitizeSvg(`<?xml version="1.0"?>\n<!-- c -->\n${ok}`)).toContain('<g class="graph">');
        expect(() => sanitizeSvg(ok.replace('<text x="1">a</text>', '<image href="https://x.test/a.png"/>'))).toThrow(/element <image>/);
        expect(() => sanitizeSvg(ok.replace('<text x="1">', '<text x="1" onclick="alert(1)">'))).toThrow(/attribute onclick/);
        expect(() => sanitizeSvg(ok.replace('<g class="graph">', '<g class="graph" style="fill:url(https://x.test/)">'))).toThrow(/attribute style/);
        expect(() => sanitizeSvg(ok.replace('<text x="1">a</text>', '<a xlink:href="javascript:alert(1)">a</a>'))).toThrow(/element <a>/);
    });
});
