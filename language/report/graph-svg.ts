/**
 * The organization and delegation graph as inline SVG, drawn here from the layout of
 * graph-layout.ts. Used by the HTML report and by the VS Code webview.
 *
 * Every policy string is HTML-escaped text of a `<text>` element, and nodes are named by synthetic
 * ids (n0, n1, …), so no policy string can add markup or attributes. The result is still checked
 * against a short list of elements and attributes: anything that could load a resource, link or
 * run code (href, image, use, foreignObject, script, event handlers, style) is refused.
 */
import { EDGE_FONT_SIZE, layOutGraph, textSize, type GraphLayout, type PlacedEdge, type PlacedNode, type Point } from './graph-layout.js';
import { htmlText } from './html-escape.js';
import type { GraphEdge, OrganizationGraph } from './report-model.js';

export { graphNodeIds } from './graph-layout.js';

const FONT = 'Helvetica,Arial,sans-serif';
const PADDING = 4;

/** Each kind's colours: the SVG's own, for any viewer; a page's style sheet recolours them by class for its theme. */
const NODE_STYLE = {
    person: { fill: '#f8fafc', stroke: '#64748b', width: 1, dash: '', text: '#111827' },
    role: { fill: '#eef2ff', stroke: '#4338ca', width: 1, dash: '', text: '#111827' },
    ciso: { fill: '#fef3c7', stroke: '#b45309', width: 3, dash: '', text: '#111827' },
    vacant: { fill: '#fee2e2', stroke: '#b91c1c', width: 2, dash: '5,2', text: '#7f1d1d' }
};
const EDGE_STYLE: Record<GraphEdge['kind'], { className: string; stroke: string; width: number; arrow: number; dash: string; text: string }> = {
    'reports-to': { className: 'reports', stroke: '#1f2937', width: 1.8, arrow: 0.8, dash: '', text: '#1f2937' },
    holds: { className: 'holds', stroke: '#94a3b8', width: 0.8, arrow: 0.6, dash: '', text: '#475569' },
    delegation: { className: 'delegation', stroke: '#b45309', width: 1.4, arrow: 0.8, dash: '5,2', text: '#92400e' }
};

const num = (value: number) => (Math.round(value * 100) / 100).toString();
const point = ({ x, y }: Point) => `${num(x)},${num(y)}`;
const dashed = (dash: string) => (dash ? ` stroke-dasharray="${dash}"` : '');

/** Lines of text centred on (x, y), one `<text>` each. */
function textLines(lines: readonly string[], x: number, y: number, fontSize: number, fill: string): string[] {
    const lineHeight = 1.2 * fontSize;
    const top = y - (lines.length * lineHeight) / 2;
    return lines.map((line, index) => `<text text-anchor="middle" x="${num(x)}" y="${num(top + index * lineHeight + 0.9 * fontSize)}" font-family="${FONT}" font-size="${num(fontSize)}" fill="${fill}">${htmlText(line)}</text>`);
}

/** A box with rounded corners, as a path. */
function roundedBox(node: PlacedNode): string {
    const r = 6;
    const left = node.x - node.width / 2;
    const top = node.y - node.height / 2;
    const right = left + node.width;
    const bottom = top + node.height;
    return `M${num(left + r)},${num(top)} H${num(right - r)} A${r},${r} 0 0 1 ${num(right)},${num(top + r)} V${num(bottom - r)}`
        + ` A${r},${r} 0 0 1 ${num(right - r)},${num(bottom)} H${num(left + r)} A${r},${r} 0 0 1 ${num(left)},${num(bottom - r)}`
        + ` V${num(top + r)} A${r},${r} 0 0 1 ${num(left + r)},${num(top)} Z`;
}

function drawNode(placed: PlacedNode): string {
    const { node } = placed;
    const kinds = [node.kind, ...(node.ciso ? ['ciso'] : []), ...(node.vacant ? ['vacant'] : []), placed.key].join(' ');
    const style = node.kind === 'person' ? NODE_STYLE.person : node.vacant ? NODE_STYLE.vacant : node.ciso ? NODE_STYLE.ciso : NODE_STYLE.role;
    const paint = `fill="${style.fill}" stroke="${style.stroke}" stroke-width="${style.width}"${dashed(style.dash)}`;
    const shape = node.kind === 'person'
        ? `<ellipse ${paint} cx="${num(placed.x)}" cy="${num(placed.y)}" rx="${num(placed.width / 2)}" ry="${num(placed.height / 2)}"/>`
        : `<path ${paint} d="${roundedBox(placed)}"/>`;
    return [`<g class="node ${kinds}">`, shape, ...textLines(placed.lines, placed.x, placed.y, placed.fontSize, style.text), '</g>'].join('\n');
}

/**
 * A smooth curve along the points: a uniform B-spline (as d3's curveBasis draws edges), which
 * starts and ends at the first and last point and, unlike a curve through every point, never
 * overshoots into a loop where dagre's points turn sharply.
 */
function curveAlong(points: readonly Point[]): string {
    if (points.length < 3) return points.map((p, index) => `${index === 0 ? 'M' : 'L'}${point(p)}`).join(' ');
    const mix = (a: Point, b: Point, c: Point, wa: number, wb: number, wc: number) =>
        ({ x: (wa * a.x + wb * b.x + wc * c.x) / (wa + wb + wc), y: (wa * a.y + wb * b.y + wc * c.y) / (wa + wb + wc) });
    const parts = [`M${point(points[0])}`, `L${point(mix(points[0], points[1], points[1], 5, 1, 0))}`];
    const segment = (a: Point, b: Point, c: Point) =>
        parts.push(`C${point(mix(a, b, b, 2, 1, 0))} ${point(mix(a, b, b, 1, 2, 0))} ${point(mix(a, b, c, 1, 4, 1))}`);
    for (let index = 2; index < points.length; index++) segment(points[index - 2], points[index - 1], points[index]);
    const [beforeLast, last] = [points[points.length - 2], points[points.length - 1]];
    segment(beforeLast, last, last);
    parts.push(`L${point(last)}`);
    return parts.join(' ');
}

function drawEdge(placed: PlacedEdge): string {
    const style = EDGE_STYLE[placed.edge.kind];
    const points = [...placed.points];
    const tip = points[points.length - 1];
    const previous = points[points.length - 2] ?? tip;
    const length = Math.hypot(tip.x - previous.x, tip.y - previous.y) || 1;
    const direction = { x: (tip.x - previous.x) / length, y: (tip.y - previous.y) / length };
    const arrowLength = Math.min(10 * style.arrow, length * 0.9);
    const halfWidth = 3.5 * style.arrow;
    // The line stops where the arrowhead starts, so it does not show through the tip.
    const base = { x: tip.x - direction.x * arrowLength, y: tip.y - direction.y * arrowLength };
    points[points.length - 1] = base;
    const wings = [
        { x: base.x - direction.y * halfWidth, y: base.y + direction.x * halfWidth },
        tip,
        { x: base.x + direction.y * halfWidth, y: base.y - direction.x * halfWidth }
    ];
    return [
        `<g class="edge ${style.className}">`,
        `<path fill="none" stroke="${style.stroke}" stroke-width="${style.width}"${dashed(style.dash)} d="${curveAlong(points)}"/>`,
        `<polygon fill="${style.stroke}" stroke="${style.stroke}" stroke-width="${style.width}" points="${wings.map(point).join(' ')}"/>`,
        ...(placed.label ? textLines(placed.label.lines, placed.label.x, placed.label.y, EDGE_FONT_SIZE, style.text) : []),
        '</g>'
    ].join('\n');
}

/** The box that holds every node, edge and label: delegations may bow out of dagre's drawing. */
function bounds(layout: GraphLayout): { left: number; top: number; right: number; bottom: number } {
    let [left, top, right, bottom] = [0, 0, layout.width, layout.height];
    const include = (x: number, y: number, halfWidth = 0, halfHeight = 0) => {
        left = Math.min(left, x - halfWidth); right = Math.max(right, x + halfWidth);
        top = Math.min(top, y - halfHeight); bottom = Math.max(bottom, y + halfHeight);
    };
    for (const node of layout.nodes) include(node.x, node.y, node.width / 2, node.height / 2);
    for (const edge of layout.edges) {
        for (const { x, y } of edge.points) include(x, y);
        if (edge.label) {
            const size = textSize(edge.label.lines, EDGE_FONT_SIZE);
            include(edge.label.x, edge.label.y, size.width / 2, size.height / 2);
        }
    }
    return { left: left - PADDING, top: top - PADDING, right: right + PADDING, bottom: bottom + PADDING };
}

/**
 * The drawing as an `<svg>` element: the hierarchy's edges first, so that nodes are drawn over
 * their ends, then delegations, which cross the hierarchy and would otherwise hide their labels
 * behind the nodes they pass.
 */
export function drawGraph(layout: GraphLayout): string {
    const { left, top, right, bottom } = bounds(layout);
    const [width, height] = [right - left, bottom - top];
    return [
        `<svg width="${num(width)}pt" height="${num(height)}pt" viewBox="${num(left)} ${num(top)} ${num(width)} ${num(height)}" xmlns="http://www.w3.org/2000/svg">`,
        '<g class="graph">',
        `<polygon fill="white" stroke="none" points="${[[left, top], [right, top], [right, bottom], [left, bottom]].map(([x, y]) => point({ x, y })).join(' ')}"/>`,
        ...layout.edges.filter(edge => edge.edge.kind !== 'delegation').map(drawEdge),
        ...layout.nodes.map(drawNode),
        ...layout.edges.filter(edge => edge.edge.kind === 'delegation').map(drawEdge),
        '</g>',
        '</svg>'
    ].join('\n');
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
    if (start < 0) throw new Error('the drawing has no SVG');
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

/** The graph could not be laid out; the message says why. */
export class GraphLayoutError extends Error {}

/** What draws a graph: renderGraphSvg, here or in another thread. */
export type GraphDrawer = (graph: OrganizationGraph) => Promise<string>;

/** Lays the graph out and returns a self-contained `<svg>` element. */
export async function renderGraphSvg(graph: OrganizationGraph): Promise<string> {
    let layout: GraphLayout;
    try {
        layout = await layOutGraph(graph);
    } catch (error) {
        throw new GraphLayoutError(`the layout failed: ${(error as Error).message}`);
    }
    return sanitizeSvg(drawGraph(layout));
}
