import { renderGraphSvg } from './graph-svg.js';
import { summarizeGraph } from './graph-summary.js';
import { secureHead, type WebviewContext } from './html-csp.js';
import { htmlText } from './html-escape.js';
import type { OrganizationGraph } from './report-model.js';

const GRAPH_CSS = `body{margin:0;padding:12px;font:13px system-ui,sans-serif;background:#fff;color:#1f2328}
h1{font-size:15px;margin:0 0 8px}p{margin:0 0 12px;color:#57606a}
svg{max-width:100%;height:auto}`;

/** The drawing, or what stands in for it: nothing declared yet, the summary's counts, or why Graphviz failed. */
async function graphBody(graph: OrganizationGraph, topManagement: readonly string[]): Promise<string> {
    if (graph.nodes.length === 0) return '<p>No roles are declared yet.</p>';
    const summary = summarizeGraph(graph, topManagement);
    const note = summary.summarized
        ? `<p>${htmlText(`Too large to draw whole: showing ${summary.drawn.roles} of ${summary.whole.roles} roles and ${summary.drawn.people} of ${summary.whole.people} people `
            + '(the CISO, its reporting line, top management and the roles reporting to them). The audit report lists every role.')}</p>\n`
        : '';
    try {
        return note + await renderGraphSvg(summary.graph);
    } catch (error) {
        return `${note}<p>${htmlText(`The graph could not be drawn: ${(error as Error).message}`)}</p>`;
    }
}

/**
 * A page with just the organization and delegation graph, for the editor's live graph view. A
 * large organization is summarized as in the report (graph-summary.ts); `topManagement` (role ids)
 * centres the summary.
 */
export async function renderGraphPage(graph: OrganizationGraph, title: string, subtitle: string, webview?: WebviewContext, topManagement: readonly string[] = []): Promise<string> {
    const body = await graphBody(graph, topManagement);
    return [
        ...secureHead(title, GRAPH_CSS, webview),
        '<body>',
        `<h1>${htmlText(title)}</h1>`,
        `<p>${htmlText(subtitle)}</p>`,
        body,
        '</body>',
        '</html>',
        ''
    ].join('\n');
}
