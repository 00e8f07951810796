import { renderGraphSvg } from './graph-svg.js';
import { secureHead, type WebviewContext } from './html-csp.js';
import { htmlText } from './html-escape.js';
import type { OrganizationGraph } from './report-model.js';

const GRAPH_CSS = `body{margin:0;padding:12px;font:13px system-ui,sans-serif;background:#fff;color:#1f2328}
h1{font-size:15px;margin:0 0 8px}p{margin:0 0 12px;color:#57606a}
svg{max-width:100%;height:auto}`;

/** A page with just the organization and delegation graph, for the editor's live graph view. */
export async function renderGraphPage(graph: OrganizationGraph, title: string, subtitle: string, webview?: WebviewContext): Promise<string> {
    const body = graph.nodes.length > 0 ? await renderGraphSvg(graph) : '<p>No roles are declared yet.</p>';
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
