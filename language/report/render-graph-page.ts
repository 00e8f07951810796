import { linkGraphNodes } from './graph-links.js';
import { renderGraphSvg } from './graph-svg.js';
import { summarizeGraph } from './graph-summary.js';
import { secureHead, webviewScript, type WebviewContext } from './html-csp.js';
import { htmlText } from './html-escape.js';
import type { OrganizationGraph, SourceRef } from './report-model.js';
import { BROWSER_THEME_CSS, GRAPH_SVG_CSS, WEBVIEW_THEME_CSS } from './report-theme.js';
import { GRAPH_ZOOM_SCRIPT, OPEN_SOURCE_SCRIPT } from './webview-scripts.js';

const GRAPH_CSS = `body{margin:0;padding:12px;font:13px system-ui,sans-serif;background:var(--m-bg);color:var(--m-fg)}
h1{font-size:15px;margin:0 0 8px}p{margin:0 0 12px;color:var(--m-muted)}
svg{max-width:100%;height:auto}
.legend{display:flex;flex-wrap:wrap;gap:4px 16px;margin:0 0 10px;padding:0;list-style:none;font-size:12px;color:var(--m-muted)}
.legend li{display:flex;align-items:center;gap:6px}
.swatch{display:inline-block;width:22px;height:12px;border:1.5px solid var(--g-role-line);background:var(--g-role-fill);border-radius:3px}
.swatch.ciso{border:3px solid var(--g-ciso-line);background:var(--g-ciso-fill)}
.swatch.vacant{border:2px dashed var(--g-vacant-line);background:var(--g-vacant-fill)}
.swatch.person{border-color:var(--g-person-line);background:var(--g-person-fill);border-radius:50%}
.line{display:inline-block;width:26px;height:0;border-top:2px solid var(--g-reports)}
.line.holds{border-top:1px solid var(--g-holds)}
.line.delegation{border-top:2px dashed var(--g-delegation)}
`;

/** In the webview: a toolbar, and the drawing in a viewport that zooms and pans (webview-scripts.ts). */
const WEBVIEW_GRAPH_CSS = `body{display:flex;flex-direction:column;height:100vh;box-sizing:border-box}
.toolbar{display:flex;gap:4px;align-items:center;margin:0 0 8px}
.toolbar button{font:inherit;min-width:28px;padding:2px 8px;color:var(--vscode-button-secondaryForeground,var(--m-fg));background:var(--vscode-button-secondaryBackground,var(--m-head-bg));border:1px solid var(--vscode-button-border,var(--m-border));border-radius:2px;cursor:pointer}
.toolbar button:hover{background:var(--vscode-button-secondaryHoverBackground,var(--m-head-bg))}
.toolbar button:focus-visible{outline:1px solid var(--vscode-focusBorder,#0078d4);outline-offset:1px}
.toolbar .hint{margin-left:8px;font-size:12px;color:var(--m-muted)}
#viewport{flex:1;min-height:200px;overflow:hidden;border:1px solid var(--m-border);border-radius:2px;cursor:grab;touch-action:none}
#viewport.dragging{cursor:grabbing}
#viewport svg{display:block;width:100%;height:100%;max-width:none}
svg .node[data-file]{cursor:pointer}
svg .node[data-file]:hover path,svg .node[data-file]:hover polygon,svg .node[data-file]:hover ellipse{stroke-width:3}
svg .node[data-file]:focus{outline:none}
svg .node[data-file]:focus-visible path,svg .node[data-file]:focus-visible polygon,svg .node[data-file]:focus-visible ellipse{stroke:var(--vscode-focusBorder,#0078d4);stroke-width:3}
`;

const LEGEND = [
    '<ul class="legend" aria-label="Legend">',
    '<li><span class="swatch" aria-hidden="true"></span>Role</li>',
    '<li><span class="swatch ciso" aria-hidden="true"></span>CISO role</li>',
    '<li><span class="swatch vacant" aria-hidden="true"></span>Vacant role</li>',
    '<li><span class="swatch person" aria-hidden="true"></span>Person</li>',
    '<li><span class="line" aria-hidden="true"></span>Reports to (role → superior)</li>',
    '<li><span class="line holds" aria-hidden="true"></span>Holds (person → role)</li>',
    '<li><span class="line delegation" aria-hidden="true"></span>Delegation in force (delegator → delegate)</li>',
    '</ul>'
].join('\n');

const TOOLBAR = [
    '<div class="toolbar" role="toolbar" aria-label="Zoom">',
    '<button type="button" data-zoom="in" title="Zoom in (+)" aria-label="Zoom in">+</button>',
    '<button type="button" data-zoom="out" title="Zoom out (-)" aria-label="Zoom out">−</button>',
    '<button type="button" data-zoom="fit" title="Fit the whole graph (0)" aria-label="Fit">Fit</button>',
    '<span class="hint">Scroll to zoom, drag to pan, click a role or person to open its declaration.</span>',
    '</div>'
].join('\n');

/** The drawing, or what stands in for it: nothing declared yet, the summary's counts, or why the layout failed. */
async function graphBody(graph: OrganizationGraph, topManagement: readonly string[], sources: ReadonlyMap<string, SourceRef> | undefined): Promise<{ note: string; drawing: string }> {
    if (graph.nodes.length === 0) return { note: '<p>No roles are declared yet.</p>', drawing: '' };
    const summary = summarizeGraph(graph, topManagement);
    const note = summary.summarized
        ? `<p>${htmlText(`Too large to draw whole: showing ${summary.drawn.roles} of ${summary.whole.roles} roles and ${summary.drawn.people} of ${summary.whole.people} people `
            + '(the CISO, its reporting line, top management and the roles reporting to them). The audit report lists every role.')}</p>\n`
        : '';
    try {
        const svg = await renderGraphSvg(summary.graph);
        return { note, drawing: sources ? linkGraphNodes(svg, summary.graph, sources) : svg };
    } catch (error) {
        return { note: `${note}<p>${htmlText(`The graph could not be drawn: ${(error as Error).message}`)}</p>`, drawing: '' };
    }
}

/**
 * A page with just the organization and delegation graph, for the editor's live graph view, with
 * a legend. A large organization is summarized as in the report (graph-summary.ts);
 * `topManagement` (role ids) centres the summary. For a webview it follows the editor's theme,
 * zooms and pans, and each node with a declaration in `sources` opens it when clicked; saved or
 * opened in a browser it runs nothing and follows the reader's colour scheme.
 */
export async function renderGraphPage(
    graph: OrganizationGraph, title: string, subtitle: string, webview?: WebviewContext,
    topManagement: readonly string[] = [], sources?: ReadonlyMap<string, SourceRef>
): Promise<string> {
    const { note, drawing } = await graphBody(graph, topManagement, webview ? sources : undefined);
    const css = webview ? GRAPH_CSS + WEBVIEW_THEME_CSS + GRAPH_SVG_CSS + WEBVIEW_GRAPH_CSS : GRAPH_CSS + BROWSER_THEME_CSS + GRAPH_SVG_CSS;
    const interactive = webview !== undefined && drawing !== '';
    return [
        ...secureHead(title, css, webview, [], interactive),
        '<body>',
        `<h1>${htmlText(title)}</h1>`,
        `<p>${htmlText(subtitle)}</p>`,
        ...(graph.nodes.length > 0 ? [LEGEND] : []),
        note + (interactive ? TOOLBAR : ''),
        ...(drawing ? [interactive ? `<div id="viewport">\n${drawing}\n</div>` : drawing] : []),
        ...(interactive ? [webviewScript(OPEN_SOURCE_SCRIPT, webview), webviewScript(GRAPH_ZOOM_SCRIPT, webview)] : []),
        '</body>',
        '</html>',
        ''
    ].join('\n');
}
