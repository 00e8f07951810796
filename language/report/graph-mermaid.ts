/**
 * The organization and delegation graph as a Mermaid flowchart, for the Markdown report (GitHub
 * and VS Code's preview draw it). Node ids are synthetic (n0, n1, …), never policy names, and every
 * label is quoted with all but a few plain characters written as Mermaid entity codes (`#quot;`,
 * `#35;`, …), so no policy string can end a label, start a new statement, or carry Markdown or HTML.
 */
import type { GraphEdge, GraphNode, OrganizationGraph } from './report-model.js';
import { oneLine } from './plain-text.js';

/** Letters, digits, spaces and punctuation with no meaning inside a quoted Mermaid label. */
const PLAIN = /[\p{L}\p{N} ,.:/'?!@-]/u;

/** A Mermaid label: entity codes for everything outside PLAIN. Wrap the result in double quotes. */
export function mermaidLabel(value: string): string {
    let result = '';
    for (const char of oneLine(value)) {
        if (char === '"') result += '#quot;';
        else if (PLAIN.test(char)) result += char;
        else result += `#${char.codePointAt(0)};`;
    }
    return result;
}

function nodeLabel(node: GraphNode): string {
    if (node.kind === 'person') return node.label;
    const marks = [node.ciso ? 'CISO' : '', node.vacant ? 'vacant' : ''].filter(Boolean);
    return marks.length > 0 ? `${node.label} (${marks.join(', ')})` : node.label;
}

/** Roles are boxes, people are stadiums; CISO and vacant roles get classes of their own. */
function nodeLine(id: string, node: GraphNode): string {
    const label = `"${mermaidLabel(nodeLabel(node))}"`;
    return node.kind === 'person' ? `    ${id}([${label}])` : `    ${id}[${label}]`;
}

/** reports-to: thick arrow; holds: plain arrow (labelled acting or interim); delegation: dotted arrow labelled with the duty. */
function edgeLine(from: string, to: string, edge: GraphEdge): string {
    switch (edge.kind) {
        case 'reports-to': return `    ${from} ==> ${to}`;
        case 'holds': return edge.label ? `    ${from} -->|"${mermaidLabel(edge.label)}"| ${to}` : `    ${from} --> ${to}`;
        case 'delegation': return edge.label ? `    ${from} -.->|"${mermaidLabel(edge.label)}"| ${to}` : `    ${from} -.-> ${to}`;
    }
}

export function graphToMermaid(graph: OrganizationGraph): string {
    const ids = new Map<string, string>();
    graph.nodes.forEach(node => { if (!ids.has(node.id)) ids.set(node.id, `n${ids.size}`); });
    const lines = ['flowchart RL'];
    const seen = new Set<string>();
    for (const node of graph.nodes) {
        const id = ids.get(node.id)!;
        if (seen.has(id)) continue;
        seen.add(id);
        lines.push(nodeLine(id, node));
    }
    for (const edge of graph.edges) {
        const from = ids.get(edge.from);
        const to = ids.get(edge.to);
        if (from && to) lines.push(edgeLine(from, to, edge));
    }
    const classes: Array<[string, string, (node: GraphNode) => boolean]> = [
        ['role', 'fill:#eef2ff,stroke:#4338ca,color:#111827', node => node.kind === 'role' && !node.ciso && !node.vacant],
        ['person', 'fill:#f8fafc,stroke:#64748b,color:#111827', node => node.kind === 'person'],
        ['ciso', 'fill:#fef3c7,stroke:#b45309,stroke-width:3px,color:#111827', node => node.kind === 'role' && node.ciso && !node.vacant],
        ['vacant', 'fill:#fee2e2,stroke:#b91c1c,stroke-width:2px,stroke-dasharray:5 5,color:#111827', node => node.kind === 'role' && node.vacant]
    ];
    for (const [name, style, test] of classes) {
        const members = [...new Set(graph.nodes.filter(test).map(node => ids.get(node.id)!))];
        lines.push(`    classDef ${name} ${style}`);
        if (members.length > 0) lines.push(`    class ${members.join(',')} ${name}`);
    }
    return lines.join('\n');
}
