/**
 * The report and graph pages as VS Code webviews show them (issue 12, panels): a strict CSP whose
 * only script source is the render's nonce, a nonce on every <script> and nothing but Mandate's
 * constant scripts in them, no inline event handlers, the editor theme's `--vscode-*` colours and
 * body classes, source links and graph nodes that carry the file and line they open, a legend,
 * zoom and pan. The saved pages keep running nothing and follow the reader's colour scheme. In
 * headless Chromium (skipped without /usr/bin/chromium), the pages run under their own CSP with
 * a stand-in for VS Code's `acquireVsCodeApi`: clicks post the right file and line, zoom works.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportOfFolder } from './folder-helpers.js';
import { resolveWorkspaceFile } from '../client/workspace-file.js';
import { graphSources } from '../language/report/graph-links.js';
import { styleSecurity, webviewScript } from '../language/report/html-csp.js';
import { renderGraphPage } from '../language/report/render-graph-page.js';
import { renderHtml } from '../language/report/render-html.js';
import type { AuditReport } from '../language/report/report-model.js';
import { GRAPH_ZOOM_SCRIPT, OPEN_SOURCE_SCRIPT } from '../language/report/webview-scripts.js';

const ACME = fileURLToPath(new URL('../examples/acme/', import.meta.url));
const NONCE = 'dGVzdC1ub25jZS0xMjM0NTY3OA==';
// What VS Code 1.100 gives as a webview's cspSource.
const WEBVIEW = { nonce: NONCE, cspSource: 'https://*.vscode-cdn.net' };
const CHROMIUM = '/usr/bin/chromium';
const NO_CHROMIUM = !existsSync(CHROMIUM);
const SKIP_REASON = NO_CHROMIUM ? ` [skipped: ${CHROMIUM} is not installed]` : '';

const startTags = (html: string) => html.match(/<[a-zA-Z][^>]*>/g) ?? [];
const unescape = (value: string) => value.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

function policyOf(html: string): string {
    const match = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html);
    expect(match, 'the page has no CSP <meta>').not.toBeNull();
    return unescape(match![1]);
}

/** The strict webview page: nonce'd style and scripts only, and each script one of Mandate's constants. */
function expectStrictWebviewPage(html: string, scripts: readonly string[]): void {
    const policy = policyOf(html);
    expect(policy).toBe(`default-src 'none'; base-uri 'none'; form-action 'none'; style-src 'nonce-${NONCE}'; img-src data: ${WEBVIEW.cspSource}; script-src 'nonce-${NONCE}'`);
    expect(html.indexOf('http-equiv="Content-Security-Policy"')).toBeLessThan(html.indexOf('<style'));
    const found = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(found.map(match => match[1])).toEqual(scripts.map(() => ` nonce="${NONCE}"`));
    expect(found.map(match => match[2])).toEqual(scripts);
    expect(html.match(/<script/g)).toHaveLength(scripts.length);
    expect(html.match(/<style/g)).toHaveLength(1);
    expect(html).toContain(`<style nonce="${NONCE}">`);
    expect(startTags(html).filter(tag => /\son[a-z]+\s*=|\sstyle=|\ssrc=|\shref="(?:javascript|data|command):/i.test(tag))).toEqual([]);
}

function expectEditorTheme(html: string): void {
    for (const variable of ['--vscode-editor-background', '--vscode-editor-foreground', '--vscode-textLink-foreground', '--vscode-charts-blue', '--vscode-contrastBorder']) {
        expect(html).toContain(`var(${variable}`);
    }
    expect(html).toContain('body.vscode-dark');
    expect(html).toContain('body.vscode-high-contrast');
    expect(html).not.toContain('prefers-color-scheme');
}

describe('the audit report in a webview', () => {
    let report: AuditReport;
    let html: string;
    beforeAll(async () => {
        report = await reportOfFolder(ACME);
        html = await renderHtml(report, { webview: WEBVIEW });
    });

    it('has a strict CSP, one nonce-marked constant script and no inline event handlers', () => {
        expectStrictWebviewPage(html, [OPEN_SOURCE_SCRIPT]);
    });

    it('takes its colours from the editor theme', () => {
        expectEditorTheme(html);
    });

    it('puts the file and line of every source link in data attributes, matching its href', () => {
        const links = [...html.matchAll(/<a (?:class="src" )?href="\.\.\/([^"#]+)(?:#L(\d+))?" data-file="([^"]+)"(?: data-line="(\d+)")?>/g)];
        expect(links.length).toBeGreaterThan(50);
        for (const [, href, hrefLine, file, line] of links) {
            expect(decodeURIComponent(href)).toBe(unescape(file));
            expect(line).toBe(hrefLine);
        }
        // Every link into a file carries them; in-page links (#…) do not need them.
        expect(startTags(html).filter(tag => /^<a\b[^>]*href="\.\.\//.test(tag) && !/data-file=/.test(tag))).toEqual([]);
    });

    it('links each graph node to its declaration', () => {
        const ciso = report.roles.find(entry => entry.ciso)!;
        const svg = /<figure class="graph">[\s\S]*?<\/figure>/.exec(html)![0];
        expect(svg).toContain(`data-node="${ciso.role.id}" data-file="${ciso.role.source.file}" data-line="${ciso.role.source.line}" tabindex="0" role="link"`);
        expect(svg.match(/<g class="node [^"]*" data-node=/g)).toHaveLength(report.graph.nodes.length);
    });

    it('escapes file names in data attributes', async () => {
        const odd = { ...report, roles: report.roles.map(entry => ({ ...entry, role: { ...entry.role, source: { file: 'a"><script>x</script>.mandate', line: 3 } } })) };
        const page = await renderHtml(odd, { webview: WEBVIEW });
        expect(page).toContain('data-file="a&quot;&gt;&lt;script&gt;x&lt;/script&gt;.mandate" data-line="3"');
        expect(page.match(/<script/g)).toHaveLength(1);
    });
});

describe('the saved audit report', () => {
    it('runs nothing, carries no data attributes and follows the reader\'s colour scheme, light in print', async () => {
        const html = await renderHtml(await reportOfFolder(ACME));
        expect(html).not.toMatch(/<script|data-file|--vscode-|script-src/);
        expect(html).toContain('@media screen and (prefers-color-scheme: dark)');
        expect(html).toMatch(/@media print \{ :root \{ color-scheme: light; --m-bg: #ffffff;/);
    });
});

describe('the graph page', () => {
    let report: AuditReport;
    const render = (webview?: typeof WEBVIEW) => renderGraphPage(report.graph, 'Acme: roles and delegations', 'As of 2025-06-30.', webview, [], graphSources(report));
    beforeAll(async () => { report = await reportOfFolder(ACME); });

    it('in a webview: strict CSP, the two constant scripts, theme colours, legend, zoom buttons and linked nodes', async () => {
        const html = await render(WEBVIEW);
        expectStrictWebviewPage(html, [OPEN_SOURCE_SCRIPT, GRAPH_ZOOM_SCRIPT]);
        expectEditorTheme(html);
        expect(html).toContain('<ul class="legend" aria-label="Legend">');
        for (const entry of ['Role', 'CISO role', 'Vacant role', 'Person', 'Reports to', 'Holds', 'Delegation in force']) expect(html).toContain(`</span>${entry}`);
        for (const zoom of ['in', 'out', 'fit']) expect(html).toContain(`<button type="button" data-zoom="${zoom}"`);
        expect(html).toContain('<div id="viewport">');
        expect(html.match(/<g class="node [^"]*" data-node="[^"]+" data-file="[a-z-]+\.mandate" data-line="\d+" tabindex="0" role="link" aria-label="[^"]+">/g))
            .toHaveLength(report.graph.nodes.length);
    });

    it('saved or in a browser: no script, no zoom buttons, the legend, the reader\'s colour scheme', async () => {
        const html = await render();
        expect(html).not.toMatch(/<script|data-zoom|data-file|script-src|--vscode-/);
        expect(html).toContain('<ul class="legend"');
        expect(html).toContain('prefers-color-scheme: dark');
    });

    it('has no legend and no script when nothing is declared', async () => {
        const html = await renderGraphPage({ nodes: [], edges: [] }, 'Empty', 'As of 2025-06-30.', WEBVIEW);
        expect(html).toContain('No roles are declared yet.');
        expect(html).not.toMatch(/<script|class="legend"|script-src/);
    });
});

describe('webview security helpers', () => {
    it('refuse a script with a closing tag and a bad nonce, and strip quotes and separators from the webview origin', () => {
        expect(() => webviewScript('a</script><script>b', WEBVIEW)).toThrow(/must not contain/);
        expect(() => webviewScript('a', { nonce: '"><x', cspSource: 'x' })).toThrow(/nonce/);
        const { policy } = styleSecurity('', { nonce: NONCE, cspSource: "x'; script-src 'unsafe-inline" }, true);
        expect(policy).toBe(`default-src 'none'; base-uri 'none'; form-action 'none'; style-src 'nonce-${NONCE}'; img-src data: xscript-srcunsafe-inline; script-src 'nonce-${NONCE}'`);
    });
});

describe('webview pages in headless Chromium', () => {
    let browser: Browser | undefined;
    beforeAll(async () => {
        if (NO_CHROMIUM) return;
        browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
    });
    afterAll(async () => { await browser?.close(); });

    /** Serves `html` as a page (so the CSP applies as in a webview) with a stand-in for VS Code's API that records what is posted. */
    async function open(html: string): Promise<{ page: Page; problems: string[] }> {
        const page = await browser!.newPage({ viewport: { width: 1000, height: 700 } });
        const problems: string[] = [];
        page.on('console', message => { if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text()); });
        page.on('pageerror', error => problems.push(error.message));
        await page.addInitScript(() => {
            const posted: unknown[] = [];
            let state: unknown;
            Object.assign(globalThis, { __posted: posted, acquireVsCodeApi: () => ({ postMessage: (message: unknown) => posted.push(message), getState: () => state, setState: (next: unknown) => { state = next; } }) });
        });
        await page.route('https://webview.test/**', route => route.fulfill({ contentType: 'text/html', body: html }));
        await page.goto('https://webview.test/index.html');
        return { page, problems };
    }
    const posted = (page: Page) => page.evaluate(() => (globalThis as unknown as { __posted: unknown[] }).__posted);

    it.skipIf(NO_CHROMIUM)('the graph: its scripts run under the CSP, a node click posts its declaration, the buttons and the wheel zoom' + SKIP_REASON, async () => {
        const report = await reportOfFolder(ACME);
        const { page, problems } = await open(await renderGraphPage(report.graph, 'Acme', 'As of 2025-06-30.', WEBVIEW, [], graphSources(report)));
        try {
            const ciso = report.roles.find(entry => entry.ciso)!;
            await page.locator(`g[data-node="${ciso.role.id}"]`).click();
            expect(await posted(page)).toEqual([{ type: 'open', file: ciso.role.source.file, line: ciso.role.source.line }]);

            const viewBox = () => page.locator('#viewport svg').getAttribute('viewBox');
            const home = await viewBox();
            await page.locator('[data-zoom="in"]').click();
            const zoomed = (await viewBox())!.split(' ').map(Number);
            expect(zoomed[2]).toBeCloseTo(Number(home!.split(' ')[2]) / 1.25, 3);
            await page.locator('[data-zoom="fit"]').click();
            expect(await viewBox()).toBe(home!.split(/\s+/).map(Number).join(' '));
            await page.mouse.move(500, 400);
            await page.mouse.wheel(0, 200);
            expect(await viewBox()).not.toBe(home!.split(/\s+/).map(Number).join(' '));
            expect(problems).toEqual([]);
        } finally {
            await page.close();
        }
    });

    it.skipIf(NO_CHROMIUM)('the report: a source link click posts the file and line instead of navigating; theme colours apply' + SKIP_REASON, async () => {
        const { page, problems } = await open(await renderHtml(await reportOfFolder(ACME), { webview: WEBVIEW }));
        try {
            const link = page.locator('a.src[data-line]').first();
            const [file, line] = [await link.getAttribute('data-file'), Number(await link.getAttribute('data-line'))];
            await link.click();
            expect(await posted(page)).toEqual([{ type: 'open', file, line }]);
            expect(page.url()).toBe('https://webview.test/index.html');

            // What VS Code does to a webview of a dark theme: variables on <html>, a class on <body>.
            // The page has no DOM types here: the browser side is written as strings.
            await page.evaluate(`document.documentElement.style.setProperty('--vscode-editor-background', 'rgb(30, 30, 30)');
                document.documentElement.style.setProperty('--vscode-editor-foreground', 'rgb(204, 204, 204)');
                document.body.classList.add('vscode-dark');`);
            expect(await page.evaluate('getComputedStyle(document.body).backgroundColor')).toBe('rgb(30, 30, 30)');
            expect(await page.evaluate('getComputedStyle(document.body).color')).toBe('rgb(204, 204, 204)');
            await page.evaluate("document.body.classList.replace('vscode-dark', 'vscode-high-contrast')");
            expect(await page.evaluate("getComputedStyle(document.querySelector('.badge')).backgroundColor")).toBe('rgba(0, 0, 0, 0)');
            expect(problems).toEqual([]);
        } finally {
            await page.close();
        }
    });
});

describe('the file a page asks the extension to open', () => {
    const one = [{ name: 'acme', path: '/ws/acme' }];
    const two = [{ name: 'acme', path: '/ws/acme' }, { name: 'shared', path: '/ws/shared' }];

    it('is the report\'s workspace-relative file, under the folder named first when there are several', () => {
        expect(resolveWorkspaceFile('roles.mandate', one)).toBe('/ws/acme/roles.mandate');
        expect(resolveWorkspaceFile('policy/odd [name] (1).mandate', one)).toBe('/ws/acme/policy/odd [name] (1).mandate');
        expect(resolveWorkspaceFile('shared/people.mandate', two)).toBe('/ws/shared/people.mandate');
        expect(resolveWorkspaceFile('other/people.mandate', two)).toBeUndefined();
    });

    it.each([
        '../outside.mandate', 'a/../../outside.mandate', '/etc/passwd', '\\\\server\\share\\x', 'C:/x.mandate', 'c:x', 'file:///etc/passwd',
        'command:workbench.action.terminal.new', 'a\\..\\..\\x', './roles.mandate', 'a//b', '', 'nul\0.mandate'
    ])('never leaves the workspace folder: %j', file => {
        expect(resolveWorkspaceFile(file, one)).toBeUndefined();
        expect(resolveWorkspaceFile(file, two)).toBeUndefined();
    });
});
