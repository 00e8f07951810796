/**
 * The audit report as one self-contained HTML file: inline CSS, the graph as inline SVG, no
 * scripts, no external requests, and a Content-Security-Policy that forbids scripts and every
 * kind of fetch. It serializes the same report view as the Markdown renderer. Every policy
 * string is HTML-escaped (html-escape.ts), and hrefs are built from the model's file paths only.
 * Rendered for a VS Code webview, the page follows the editor's theme and runs one constant script
 * (webview-scripts.ts, let in by the CSP's nonce) that opens source links in the editor.
 */
import { renderGraphSvg, type GraphDrawer } from './graph-svg.js';
import { htmlAttribute, htmlText } from './html-escape.js';
import { secureHead, webviewScript, type WebviewContext } from './html-csp.js';
import { REPORT_CSS, REPORT_WEBVIEW_CSS } from './report-css.js';
import { graphSources, linkGraphNodes } from './graph-links.js';
import type { AuditReport, OrganizationGraph, SourceRef } from './report-model.js';
import { buildReportView, type Block, type Cell, type Inline, type ReportView, type Section, type Tone } from './report-view.js';
import { fileHref, linkBaseOf, sourceHref, sourceLabel, type LinkOptions } from './source-links.js';
import { OPEN_SOURCE_SCRIPT } from './webview-scripts.js';

export interface HtmlOptions extends LinkOptions {
    /** Render for a VS Code webview: a nonce-based CSP instead of the saved file's hash-based one. */
    readonly webview?: WebviewContext;
    /** Draws the graph; renderGraphSvg in this thread by default. */
    readonly drawGraph?: GraphDrawer;
}

const SYMBOL: Record<Tone, string> = { good: '✓ ', warn: '! ', bad: '✗ ', info: '', neutral: '' };

/** How links are written: the href prefix, and in a webview the file and line the page posts to the extension. */
interface Links {
    readonly base: string;
    readonly drawGraph: GraphDrawer;
    readonly webview: boolean;
    /** In a webview: where each graph node is declared, so a click on it opens the declaration. */
    readonly graphSources?: ReadonlyMap<string, SourceRef>;
}

/** ` data-file="roles.mandate" data-line="23"` in a webview (its script opens the file at the line); nothing in a saved page. */
function sourceData(links: Links, file: string, line?: number): string {
    if (!links.webview) return '';
    const at = line !== undefined && Number.isInteger(line) && line > 0 ? line : undefined;
    return ` data-file="${htmlAttribute(file)}"${at ? ` data-line="${at}"` : ''}`;
}

function inline(pieces: readonly Inline[], links: Links): string {
    const linkBase = links.base;
    return pieces.map(piece => {
        switch (piece.kind) {
            case 'text': {
                const content = htmlText(piece.text);
                if (piece.code) return `<code>${content}</code>`;
                const styled = piece.strong ? `<strong>${content}</strong>` : content;
                return piece.nowrap ? `<span class="nw">${styled}</span>` : styled;
            }
            case 'source':
                // A short link (inside a group that names the file) is styled by the group's CSS: no class, fewer bytes per line.
                if (piece.short) return `<a href="${htmlAttribute(sourceHref(piece.source, linkBase))}"${sourceData(links, piece.source.file, piece.source.line)}>${htmlText(sourceLabel(piece.source, piece.column, true))}</a>`;
                return `<a class="src" href="${htmlAttribute(sourceHref(piece.source, linkBase))}"${sourceData(links, piece.source.file, piece.source.line)}>${htmlText(sourceLabel(piece.source, piece.column, piece.short))}</a>`;
            case 'ref':
                return `<a href="#${htmlAttribute(piece.anchor)}">${htmlText(piece.label)}</a>`;
            case 'file':
                return `<a class="src" href="${htmlAttribute(fileHref(piece.file, linkBase))}"${sourceData(links, piece.file)}>${htmlText(piece.file)}</a>`;
            case 'badge':
                return `<span class="badge ${piece.tone}">${SYMBOL[piece.tone]}${htmlText(piece.label)}</span>`;
        }
    }).join('');
}

function tableCell(content: Cell, linkBase: Links): string {
    return `<td>${content.map(line => inline(line, linkBase)).join('<br>')}</td>`;
}

/** The graph as inline SVG; when the layout fails, the report is still written, saying so where the graph would be. */
async function graphFigure(graph: OrganizationGraph, links: Links): Promise<string> {
    try {
        const svg = await links.drawGraph(graph);
        return `<figure class="graph">\n${links.graphSources ? linkGraphNodes(svg, graph, links.graphSources) : svg}\n</figure>`;
    } catch (error) {
        return `<p class="answer"><strong>The graph could not be drawn:</strong> ${htmlText((error as Error).message)} Section 3 lists every reporting line and holder.</p>`;
    }
}

async function block(item: Block, linkBase: Links): Promise<string> {
    switch (item.kind) {
        case 'heading':
            return `<h${item.level}>${htmlText(item.text)}</h${item.level}>`;
        case 'paragraph':
            return item.answer ? `<p class="answer">${inline(item.content, linkBase)}</p>` : `<p>${inline(item.content, linkBase)}</p>`;
        case 'list':
            return `<ul>\n${item.items.map(entry => `<li>${inline(entry, linkBase)}</li>`).join('\n')}\n</ul>`;
        case 'facts':
            return `<div class="table-wrap"><table class="facts"><tbody>\n${item.rows
                .map(([label, value]) => `<tr><th scope="row">${htmlText(label)}</th><td>${inline(value, linkBase)}</td></tr>`)
                .join('\n')}\n</tbody></table></div>`;
        case 'table': {
            const head = `<thead><tr>${item.head.map(title => `<th scope="col">${htmlText(title)}</th>`).join('')}</tr></thead>`;
            const rows = item.rows.map((cells, index) => {
                const id = item.rowIds?.[index];
                return `<tr${id ? ` id="${htmlAttribute(id)}"` : ''}>${cells.map(content => tableCell(content, linkBase)).join('')}</tr>`;
            });
            return `<div class="table-wrap"><table class="data${item.compact ? ' compact' : ''}">\n${head}\n<tbody>\n${rows.join('\n')}\n</tbody></table></div>`;
        }
        case 'graph':
            return graphFigure(item.graph, linkBase);
        case 'group': {
            const blocks = await Promise.all(item.blocks.map(inner => block(inner, linkBase)));
            return `<details><summary>${inline(item.summary, linkBase)}</summary>\n${blocks.join('\n')}\n</details>`;
        }
    }
}

// Blocks and sections start together and are joined in order: while the graph is drawn (in another
// thread, for the CLI), this one renders the rest of the report.
async function section(part: Section, linkBase: Links): Promise<string> {
    const blocks = await Promise.all(part.blocks.map(item => block(item, linkBase)));
    return `<section id="${htmlAttribute(part.id)}">\n<h2>${htmlText(part.title)}</h2>\n${blocks.join('\n')}\n</section>`;
}

export async function renderHtml(report: AuditReport, options: HtmlOptions = {}): Promise<string> {
    return renderView(report, buildReportView(report), options);
}

/**
 * The page as it is saved and the same page for a webview, as the editor's report command shows
 * one and saves the other: one view and one drawing of the graph serve both (at 100,000 lines,
 * building the view again took ~0.3 s).
 */
export async function renderHtmlForWebview(report: AuditReport, options: HtmlOptions & { readonly webview: WebviewContext }): Promise<{ saved: string; webview: string }> {
    const view = buildReportView(report);
    const drawn = new Map<OrganizationGraph, Promise<string>>();
    const draw = options.drawGraph ?? renderGraphSvg;
    const drawGraph: GraphDrawer = graph => {
        let svg = drawn.get(graph);
        if (!svg) drawn.set(graph, svg = draw(graph));
        return svg;
    };
    const saved = await renderView(report, view, { ...options, webview: undefined, drawGraph });
    return { saved, webview: await renderView(report, view, { ...options, drawGraph }) };
}

async function renderView(report: AuditReport, view: ReportView, options: HtmlOptions): Promise<string> {
    const linkBase: Links = {
        base: linkBaseOf(options), drawGraph: options.drawGraph ?? renderGraphSvg,
        webview: options.webview !== undefined, graphSources: options.webview ? graphSources(report) : undefined
    };
    const sections = await Promise.all(view.sections.map(part => section(part, linkBase)));
    const { provenance } = report;
    return [
        ...secureHead(view.title, options.webview ? REPORT_WEBVIEW_CSS : REPORT_CSS, options.webview, [
            '<meta name="referrer" content="no-referrer">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            `<meta name="generator" content="${htmlAttribute(`${provenance.tool} ${provenance.toolVersion}`)}">`
        ], options.webview !== undefined),
        '<body>',
        '<header>',
        `<h1>${htmlText(view.title)}</h1>`,
        `<p class="subtitle">${inline(view.subtitle, linkBase)}</p>`,
        `<nav class="toc" aria-label="Contents"><ol>${view.sections.map(part => `<li><a href="#${htmlAttribute(part.id)}">${htmlText(part.title.replace(/^\d+\.\s*/, ''))}</a></li>`).join('')}</ol></nav>`,
        '</header>',
        '<main>',
        sections.join('\n'),
        '</main>',
        `<footer>${htmlText(`${provenance.tool} ${provenance.toolVersion} · as of ${provenance.asOf} · generated ${provenance.generatedAt} · inputs SHA-256 ${provenance.inputsSha256}`)}</footer>`,
        ...(options.webview ? [webviewScript(OPEN_SOURCE_SCRIPT, options.webview)] : []),
        '</body>',
        '</html>',
        ''
    ].join('\n');
}
