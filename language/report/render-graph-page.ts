import { renderGraphSvg } from './graph-svg.js';
import { styleSecurity, type WebviewContext } from './html-csp.js';
import { escapeHtml, htmlText } from './html-escape.js';
import type { OrganizationGraph } from './report-model.js';

const GRAPH_CSS = `body{margin:0;padding:12px;font:13px system-ui,sans-serif;background:#fff;color:#1f2328}
h1{font-size:15px;margin:0 0 8px}p{margin:0 0 12px;color:#57606a}
svg{max-width:100%;height:auto}`;

/** A page with just the organization and delegation graph, for the editor's live graph view. */
export async function renderGraphPage(graph: OrganizationGraph, title: string, subtitle: string, webview?: WebviewContext): Promise<string> {
    const security = styleSecurity(GRAPH_CSS, webview);
    const body = graph.nodes.length > 0 ? await renderGraphSvg(graph) : '<p>No roles are declared yet.</p>';
    return [
        '<!DOCTYPE html>',
        '<html lang="en">',
        '<head>',
        '<meta charset="utf-8">',
        `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(security.policy)}">`,
        `<title>${htmlText(title)}</title>`,
        `<style${security.styleAttribute}>${GRAPH_CSS}</style>`,
        '</head>',
        '<body>',
        `<h1>${htmlText(title)}</h1>`,
        `<p>${htmlText(subtitle)}</p>`,
        body,
        '</body>',
        '</html>',
        ''
    ].join('\n');
}
