/**
 * The organization and delegation graph as inline SVG, laid out by Graphviz (`@viz-js/viz`, Graphviz
 * compiled to WebAssembly with the binary embedded in the JavaScript: nothing is fetched). Used by
 * the HTML report and by the VS Code webview.
 *
 * DOT ids are synthetic (n0, n1, …) and labels are DOT-escaped, so no policy string can change the
 * graph's structure or attributes. The SVG is then stripped of the XML prolog, DOCTYPE, comments
 * and tooltips, and checked against a short list of elements and attributes: anything that could
 * load a resource, link or run code (href, image, use, foreignObject, script, event handlers,
 * style) is refused. Graphviz's layout is deterministic, so the same graph gives the same SVG.
 *
 * `@viz-js/viz` is 1.5 MB of JavaScript and WebAssembly: it is imported here, where a graph is
 * first drawn, so the CLI and the language server do not load it on start. Keep it that way.
 */
import type { Viz } from '@viz-js/viz';
import { oneLine } from './plain-text.js';
import type { GraphEdge, GraphNode, OrganizationGraph } from './report-model.js';

const FONT = 'Helvetica,Arial,sans-serif';

/** A DOT double-quoted string body: escapes `\` and `"`, and `&` so Graphviz shows entities literally. */
export function dotEscape(value: string): string {
    return oneLine(value).replace(/[\\"&]/g, char => (char === '&' ? '&amp;' : `\\${char}`));
}

/** Word-wraps a label to lines of about `width` characters, each DOT-escaped; no lines for a blank label. */
function wrappedLines(value: string, width: number): string[] {
    const lines: string[] = [];
    let current = '';
    for (const word of oneLine(value).split(' ').filter(Boolean)) {
        if (current && current.length + 1 + word.length > width) {
            lines.push(current);
            current = word;
        } else {
            current = current ? `${current} ${word}` : word;
        }
    }
    if (current) lines.push(current);
    return lines.map(dotEscape);
}

/**
 * A label's lines joined with DOT's `\n`. No line is empty: Graphviz's WebAssembly build corrupts
 * its state on a label that starts with an empty line (the next layout then fails with "table
 * index is out of bounds"), so a blank title shows the node's name instead.
 */
function label(value: string, fallback: string, width: number, marks: readonly string[] = []): string {
    const lines = wrappedLines(value, width);
    if (lines.length === 0) lines.push(...wrappedLines(fallback, width));
    return [...lines, ...marks].join('\\n');
}

/**
 * Each node's and edge's SVG class: its kind and marks (`role ciso`, `person`, `delegation`), which
 * the page's style sheet colours for the theme, and the node's DOT id, which a page maps back to
 * the declaration (graphNodeIds). The colours below stay as the SVG's own, for any other viewer.
 */
function nodeClass(id: string, node: GraphNode): string {
    return [node.kind, ...(node.ciso ? ['ciso'] : []), ...(node.vacant ? ['vacant'] : []), id].join(' ');
}

function nodeStatement(id: string, node: GraphNode): string {
    const css = `, class="${nodeClass(id, node)}"`;
    if (node.kind === 'person') {
        return `  ${id} [label="${label(node.label, node.id, 22)}", shape=ellipse, style=filled, fillcolor="#f8fafc", color="#64748b", fontsize=10${css}];`;
    }
    const text = label(node.label, node.id, 24, [...(node.ciso ? ['(CISO)'] : []), ...(node.vacant ? ['(vacant)'] : [])]);
    if (node.vacant) {
        return `  ${id} [label="${text}", shape=box, style="rounded,filled,dashed", fillcolor="#fee2e2", color="#b91c1c", fontcolor="#7f1d1d", penwidth=2${css}];`;
    }
    if (node.ciso) {
        return `  ${id} [label="${text}", shape=box, style="rounded,filled", fillcolor="#fef3c7", color="#b45309", penwidth=3, fontsize=12${css}];`;
    }
    return `  ${id} [label="${text}", shape=box, style="rounded,filled", fillcolor="#eef2ff", color="#4338ca"${css}];`;
}

function edgeStatement(from: string, to: string, edge: GraphEdge): string {
    switch (edge.kind) {
        case 'reports-to':
            return `  ${from} -> ${to} [class="reports", color="#1f2937", penwidth=1.8];`;
        case 'holds': {
            const label = edge.label ? `, label="${dotEscape(edge.label)}", fontcolor="#475569"` : '';
            return `  ${from} -> ${to} [class="holds", color="#94a3b8", penwidth=0.8, arrowsize=0.6${label}];`;
        }
        case 'delegation': {
            const text = edge.label ? `, label="${label(edge.label, '', 28)}"` : '';
            return `  ${from} -> ${to} [class="delegation", style=dashed, color="#b45309", fontcolor="#92400e", penwidth=1.4, constraint=false${text}];`;
        }
    }
}

/** The DOT id of each node (`n0`, `n1`, …, in order of first appearance): the class that names it in the SVG. */
export function graphNodeIds(graph: OrganizationGraph): Map<string, string> {
    const ids = new Map<string, string>();
    graph.nodes.forEach(node => { if (!ids.has(node.id)) ids.set(node.id, `n${ids.size}`); });
    return ids;
}

/** The DOT description of the graph, right to left: people on the right, each role left of its holders and right of its superior. */
export function graphToDot(graph: OrganizationGraph): string {
    const ids = graphNodeIds(graph);
    const lines = [
        'digraph organization {',
        `  graph [rankdir=RL, bgcolor="white", nodesep=0.25, ranksep=0.5, fontname="${FONT}"];`,
        `  node [fontname="${FONT}", fontsize=11, fontcolor="#111827", margin="0.12,0.06"];`,
        `  edge [fontname="${FONT}", fontsize=9, arrowsize=0.8];`
    ];
    const seen = new Set<string>();
    for (const node of graph.nodes) {
        const id = ids.get(node.id)!;
        if (seen.has(id)) continue;
        seen.add(id);
        lines.push(nodeStatement(id, node));
    }
    for (const edge of graph.edges) {
        const from = ids.get(edge.from);
        const to = ids.get(edge.to);
        if (from && to) lines.push(edgeStatement(from, to, edge));
    }
    lines.push('}');
    return lines.join('\n');
}

const ELEMENTS = new Set(['svg', 'g', 'polygon', 'polyline', 'ellipse', 'path', 'text']);
const ATTRIBUTES = new Set([
    'width', 'height', 'viewBox', 'xmlns', 'class', 'transform', 'fill', 'stroke', 'stroke-width', 'stroke-dasharray',
    'points', 'cx', 'cy', 'rx', 'ry', 'd', 'x', 'y', 'text-anchor', 'font-family', 'font-size', 'font-weight', 'font-style',
    'xml:space', 'fill-opacity', 'stroke-opacity', 'role', 'aria-label'
]);

/** Removes what the report does not need and refuses anything outside the expected elements and attributes. */
export function sanitizeSvg(svg: string): string {
    const start = svg.indexOf('<svg');
    if (start < 0) throw new Error('Graphviz returned no SVG');
    const cleaned = svg.slice(start)
        .replace(/<!--[\s\S]*?-->/g, '')
        .replace(/<title>[^<]*<\/title>/g, '')
        .replace(/\s(?:id|xmlns:xlink)="[^"]*"/g, '')
        .replace(/^<svg\b/, '<svg role="img" aria-label="Organization and delegation graph"')
        .replace(/\n{2,}/g, '\n')
        .trim();
    for (const tag of cleaned.match(/<[^>]*>/g) ?? []) {
        const name = /^<\/?([^\s/>]+)/.exec(tag)?.[1] ?? '';
        if (!ELEMENTS.has(name)) throw new Error(`Unexpected element <${name}> in the graph SVG`);
        const attributes = tag.replace(/^<\/?[^\s/>]+/, '').replace(/\/?>$/, '');
        const rest = attributes.replace(/\s([^\s=]+)="[^"<>]*"/g, (_, attribute: string) => {
            if (!ATTRIBUTES.has(attribute)) throw new Error(`Unexpected attribute ${attribute} in the graph SVG`);
            return '';
        });
        if (rest.trim() !== '') throw new Error(`Unexpected markup in the graph SVG: ${tag}`);
    }
    return cleaned;
}

/** Graphviz could not lay the graph out; the message says why. */
export class GraphLayoutError extends Error {}

let viz: Promise<Viz> | undefined;

/**
 * Lays DOT out as SVG. A Graphviz failure can leave its WebAssembly module in a broken state, so
 * after any failure the instance is dropped and the next layout starts from a fresh one; a layout
 * that threw is tried once more on a fresh instance before the error is reported.
 */
async function layout(dot: string): Promise<string> {
    for (let attempt = 1; ; attempt++) {
        viz ??= import('@viz-js/viz').then(module => module.instance());
        let result: Awaited<ReturnType<Viz['render']>>;
        try {
            result = (await viz).render(dot, { format: 'svg', engine: 'dot' });
        } catch (error) {
            viz = undefined;
            if (attempt < 2) continue;
            throw new GraphLayoutError(`Graphviz could not lay out the graph: ${(error as Error).message}`);
        }
        if (result.status !== 'success' || result.output === undefined) {
            viz = undefined;
            throw new GraphLayoutError(`Graphviz could not lay out the graph: ${result.errors.map(error => error.message).join('; ')}`);
        }
        return result.output;
    }
}

/** Lays the graph out with Graphviz's dot engine and returns a self-contained `<svg>` element. */
export async function renderGraphSvg(graph: OrganizationGraph): Promise<string> {
    return sanitizeSvg(await layout(graphToDot(graph)));
}
