/**
 * Where each node and edge of the organization graph is drawn: a layered layout (as Graphviz's
 * dot draws it) computed by dagre, right to left: people on the right, each role left of its
 * holders and right of its superior. dagre is 48 KB of JavaScript, where Graphviz's WebAssembly
 * build was 1.2 MB and most of the extension's size.
 *
 * Text is not measured (there is no font here): a label's size is estimated from its characters,
 * generously, so that it fits the box in the usual sans-serif fonts. Delegations do not shape the
 * layout (they cross the hierarchy, as Graphviz's `constraint=false`): each is drawn afterwards as
 * a curve between the two nodes. The layout is deterministic: the same graph, the same drawing.
 */
import type { GraphEdge, GraphNode, OrganizationGraph } from './report-model.js';
import { oneLine } from './plain-text.js';

export interface Point {
    readonly x: number;
    readonly y: number;
}

export interface PlacedNode {
    /** The synthetic id (`n0`, `n1`, …) that names the node in the SVG; see graphNodeIds. */
    readonly key: string;
    readonly node: GraphNode;
    readonly lines: readonly string[];
    readonly fontSize: number;
    /** The centre. */
    readonly x: number;
    readonly y: number;
    readonly width: number;
    readonly height: number;
}

export interface PlacedEdge {
    readonly edge: GraphEdge;
    /** From the tail's boundary to the head's; the arrow is drawn at the last point. */
    readonly points: readonly Point[];
    readonly label?: { readonly lines: readonly string[]; readonly x: number; readonly y: number };
}

export interface GraphLayout {
    readonly width: number;
    readonly height: number;
    readonly nodes: readonly PlacedNode[];
    readonly edges: readonly PlacedEdge[];
}

export const EDGE_FONT_SIZE = 9;
const LINE_HEIGHT = 1.2;
/** Average advance of a character, in ems: wide enough for Helvetica and Arial capitals. */
const CHAR_WIDTH = 0.6;
/** East Asian wide characters (Han, Kana, Hangul, full-width forms) are a full em. */
const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u;

/** A line's width in ems. */
function emsOf(line: string): number {
    let ems = 0;
    for (const character of line) ems += WIDE.test(character) ? 1 : CHAR_WIDTH;
    return ems;
}
const MARGIN = { x: 9, y: 4.5 };
const MIN_NODE = { width: 54, height: 36 };

/** The synthetic id of each node (`n0`, `n1`, …, in order of first appearance): the class that names it in the SVG. */
export function graphNodeIds(graph: OrganizationGraph): Map<string, string> {
    const ids = new Map<string, string>();
    graph.nodes.forEach(node => { if (!ids.has(node.id)) ids.set(node.id, `n${ids.size}`); });
    return ids;
}

/** The most lines a label is drawn with; the report's tables give the whole text. */
const MAX_LINES = 6;

/**
 * Word-wraps a label to lines of about `width` characters, breaking a word longer than two lines
 * (a long address or compound) every `width` characters; past MAX_LINES the last line ends in `…`.
 * No lines for a blank label.
 */
export function wrappedLines(value: string, width: number): string[] {
    const lines: string[] = [];
    let current = '';
    const words = oneLine(value).split(' ').filter(Boolean).flatMap(word => {
        const characters = [...word];
        if (characters.length <= 2 * width) return [word];
        const pieces: string[] = [];
        for (let start = 0; start < characters.length; start += width) pieces.push(characters.slice(start, start + width).join(''));
        return pieces;
    });
    for (const word of words) {
        if (current && current.length + 1 + word.length > width) {
            lines.push(current);
            current = word;
        } else {
            current = current ? `${current} ${word}` : word;
        }
    }
    if (current) lines.push(current);
    if (lines.length <= MAX_LINES) return lines;
    const kept = lines.slice(0, MAX_LINES);
    kept[MAX_LINES - 1] = `${[...kept[MAX_LINES - 1]].slice(0, width - 1).join('')}…`;
    return kept;
}

/** A node's label lines: its title wrapped (its name when the title is blank), then its marks. */
export function nodeLines(node: GraphNode): string[] {
    const width = node.kind === 'person' ? 22 : 24;
    const lines = wrappedLines(node.label, width);
    if (lines.length === 0) lines.push(...wrappedLines(node.id, width));
    if (node.kind === 'role') {
        if (node.ciso) lines.push('(CISO)');
        if (node.vacant) lines.push('(vacant)');
    }
    return lines;
}

function fontSizeOf(node: GraphNode): number {
    if (node.kind === 'person') return 10;
    return node.ciso && !node.vacant ? 12 : 11;
}

export function textSize(lines: readonly string[], fontSize: number): { width: number; height: number } {
    const widest = lines.reduce((max, line) => Math.max(max, emsOf(line)), 0);
    return { width: widest * fontSize, height: Math.max(lines.length, 1) * LINE_HEIGHT * fontSize };
}

function nodeSize(node: GraphNode, lines: readonly string[], fontSize: number): { width: number; height: number } {
    const text = textSize(lines, fontSize);
    const box = { width: text.width + 2 * MARGIN.x, height: text.height + 2 * MARGIN.y };
    // An ellipse holds its text's box when it is √2 times as wide and as high.
    const scale = node.kind === 'person' ? Math.SQRT2 : 1;
    return { width: Math.max(MIN_NODE.width, box.width * scale), height: Math.max(MIN_NODE.height, box.height * scale) };
}

/** Lays the graph out; coordinates are in points, the origin at the top left of the drawing. */
export async function layOutGraph(graph: OrganizationGraph): Promise<GraphLayout> {
    const { graphlib, layout } = await import('@dagrejs/dagre');
    const ids = graphNodeIds(graph);
    const layered = new graphlib.Graph({ multigraph: true });
    layered.setGraph({ rankdir: 'RL', nodesep: 18, ranksep: 36, edgesep: 10, marginx: 4, marginy: 4 });
    layered.setDefaultEdgeLabel(() => ({}));
    const placed = new Map<string, { node: GraphNode; lines: string[]; fontSize: number }>();
    for (const node of graph.nodes) {
        const key = ids.get(node.id)!;
        if (placed.has(key)) continue;
        const lines = nodeLines(node);
        const fontSize = fontSizeOf(node);
        placed.set(key, { node, lines, fontSize });
        layered.setNode(key, nodeSize(node, lines, fontSize));
    }
    const shaping: Array<{ edge: GraphEdge; name: string; lines: string[] }> = [];
    const crossing: GraphEdge[] = [];
    graph.edges.forEach((edge, index) => {
        const from = ids.get(edge.from);
        const to = ids.get(edge.to);
        if (!from || !to) return;
        if (edge.kind === 'delegation' || from === to) {
            crossing.push(edge);
            return;
        }
        const name = `e${index}`;
        const lines = edge.label ? wrappedLines(edge.label, 28) : [];
        const label = lines.length > 0 ? textSize(lines, EDGE_FONT_SIZE) : { width: 0, height: 0 };
        layered.setEdge(from, to, { ...label, labelpos: 'c', weight: edge.kind === 'reports-to' ? 2 : 1 }, name);
        shaping.push({ edge, name, lines });
    });
    layout(layered);

    const nodes: PlacedNode[] = [...placed].map(([key, { node, lines, fontSize }]) => {
        const { x, y, width, height } = layered.node(key);
        return { key, node, lines, fontSize, x, y, width, height };
    });
    const byKey = new Map(nodes.map(node => [node.key, node] as const));
    const edges: PlacedEdge[] = shaping.map(({ edge, name, lines }) => {
        const from = byKey.get(ids.get(edge.from)!)!;
        const to = byKey.get(ids.get(edge.to)!)!;
        const laid = layered.edge(ids.get(edge.from)!, ids.get(edge.to)!, name) as { points: Point[]; x?: number; y?: number };
        const points = clipEnds(laid.points.map(({ x, y }) => ({ x, y })), from, to);
        const label = lines.length > 0 && laid.x !== undefined && laid.y !== undefined ? { lines, x: laid.x, y: laid.y } : undefined;
        return { edge, points, ...(label ? { label } : {}) };
    });
    for (const edge of crossing) edges.push(crossingEdge(edge, byKey.get(ids.get(edge.from)!)!, byKey.get(ids.get(edge.to)!)!));
    // dagre sizes a graph without nodes as -Infinity.
    const { width = 0, height = 0 } = layered.graph();
    return { width: Number.isFinite(width) ? width : 0, height: Number.isFinite(height) ? height : 0, nodes, edges };
}

/** Where the line from the centre of `node` towards `toward` leaves the node's shape. */
export function boundaryPoint(node: PlacedNode, toward: Point): Point {
    const dx = toward.x - node.x;
    const dy = toward.y - node.y;
    if (dx === 0 && dy === 0) return { x: node.x, y: node.y };
    const rx = node.width / 2;
    const ry = node.height / 2;
    const scale = node.node.kind === 'person'
        ? 1 / Math.sqrt((dx / rx) ** 2 + (dy / ry) ** 2)
        : Math.min(rx / Math.max(Math.abs(dx), 1e-9), ry / Math.max(Math.abs(dy), 1e-9));
    return { x: node.x + dx * Math.min(scale, 1), y: node.y + dy * Math.min(scale, 1) };
}

/** dagre ends edges on the nodes' boxes; a person is an ellipse, so its ends move onto the curve. */
function clipEnds(points: Point[], from: PlacedNode, to: PlacedNode): Point[] {
    if (points.length < 2) return [boundaryPoint(from, to), boundaryPoint(to, from)];
    const ends = [...points];
    ends[0] = boundaryPoint(from, points[1]);
    ends[ends.length - 1] = boundaryPoint(to, points[points.length - 2]);
    return ends;
}

/**
 * A delegation, drawn over the layout: a curve bowed to one side of the straight line between
 * the two nodes, so that it does not hide a reporting line between the same two; a delegation
 * from a role to itself loops above it.
 */
function crossingEdge(edge: GraphEdge, from: PlacedNode, to: PlacedNode): PlacedEdge {
    const lines = edge.label ? wrappedLines(edge.label, 28) : [];
    if (from === to) {
        const top = from.y - from.height / 2;
        const points = [{ x: from.x - 8, y: top }, { x: from.x - 14, y: top - 22 }, { x: from.x + 14, y: top - 22 }, { x: from.x + 8, y: top }];
        return { edge, points, ...(lines.length > 0 ? { label: { lines, x: from.x, y: top - 28 } } : {}) };
    }
    const middle = { x: (from.x + to.x) / 2, y: (from.y + to.y) / 2 };
    const length = Math.hypot(to.x - from.x, to.y - from.y);
    const bow = Math.min(60, 0.2 * length);
    const control = { x: middle.x - ((to.y - from.y) / length) * bow, y: middle.y + ((to.x - from.x) / length) * bow };
    const start = boundaryPoint(from, control);
    const end = boundaryPoint(to, control);
    // The point halfway along the quadratic curve through `control`: the drawing passes through it.
    const halfway = { x: (start.x + 2 * control.x + end.x) / 4, y: (start.y + 2 * control.y + end.y) / 4 };
    return { edge, points: [start, halfway, end], ...(lines.length > 0 ? { label: { lines, x: halfway.x, y: halfway.y } } : {}) };
}
