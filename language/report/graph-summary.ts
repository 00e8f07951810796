/**
 * What of the organization graph to draw. A small graph is drawn whole. A large one cannot be
 * laid out in reasonable time (a layered layout is superlinear: Graphviz's `dot`, used until
 * 0.2, took 77% of a 100k-line HTML report and overflowed the stack on a reporting chain of 16,000
 * roles) nor read, and Mermaid refuses big diagrams, so
 * the reports draw a summary: the CISO role, its reporting line up to the top, top management, and
 * the roles reporting to them, breadth first, as far as the node budget allows. What is left out
 * is counted, so the report can say so. Everything here is iterative and linear in the graph.
 */
import type { GraphEdge, GraphNode, OrganizationGraph } from './report-model.js';

/** The most nodes (roles and people) drawn; a graph with more is summarized. */
export const MAX_DRAWN_NODES = 150;
/** In a summary, the holders drawn per role; the rest are counted. */
const HOLDERS_PER_ROLE = 3;

export interface GraphCounts {
    readonly roles: number;
    readonly people: number;
    /** Delegations in force (the graph's delegation edges). */
    readonly delegations: number;
}

/** A drawn role some of whose direct reports or holders are not drawn. */
export interface GraphCut {
    readonly role: GraphNode;
    readonly reports: number;
    readonly holders: number;
}

export interface GraphSummary {
    /** What to draw: the whole graph, or the summary. */
    readonly graph: OrganizationGraph;
    /** True when `graph` leaves part of the organization out. */
    readonly summarized: boolean;
    readonly whole: GraphCounts;
    readonly drawn: GraphCounts;
    /** The drawn roles whose direct reports or holders are partly left out, in drawing order. */
    readonly cuts: readonly GraphCut[];
}

function counts(graph: OrganizationGraph): GraphCounts {
    return {
        roles: graph.nodes.filter(node => node.kind === 'role').length,
        people: graph.nodes.filter(node => node.kind === 'person').length,
        delegations: graph.edges.filter(edge => edge.kind === 'delegation').length
    };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
    const list = map.get(key);
    if (list) list.push(value); else map.set(key, [value]);
}

/**
 * The graph to draw: `graph` itself when it has at most `maxNodes` nodes, else a summary around
 * the CISO and top management (`topManagement`: role ids), or around the roles that report to
 * nobody when the policy names neither.
 */
export function summarizeGraph(graph: OrganizationGraph, topManagement: readonly string[] = [], maxNodes = MAX_DRAWN_NODES): GraphSummary {
    const whole = counts(graph);
    if (graph.nodes.length <= maxNodes) return { graph, summarized: false, whole, drawn: whole, cuts: [] };

    const nodes = new Map<string, GraphNode>();
    for (const node of graph.nodes) if (!nodes.has(node.id)) nodes.set(node.id, node);
    const superior = new Map<string, string>();
    const reports = new Map<string, string[]>();
    const holders = new Map<string, string[]>();
    for (const edge of graph.edges) {
        if (edge.kind === 'reports-to' && !superior.has(edge.from)) {
            superior.set(edge.from, edge.to);
            push(reports, edge.to, edge.from);
        } else if (edge.kind === 'holds') {
            push(holders, edge.to, edge.from);
        }
    }
    const roles = [...nodes.values()].filter(node => node.kind === 'role');

    // Roles in order of interest: CISO roles, their line up to the top, top management; then breadth first below them.
    const seeds: string[] = [];
    const seen = new Set<string>();
    const seed = (id: string) => { if (!seen.has(id) && nodes.get(id)?.kind === 'role') { seen.add(id); seeds.push(id); } };
    for (const role of roles) {
        if (!role.ciso) continue;
        for (let id: string | undefined = role.id; id !== undefined && !seen.has(id); id = superior.get(id)) seed(id);
    }
    topManagement.forEach(seed);
    if (seeds.length === 0) roles.filter(role => !superior.has(role.id)).forEach(role => seed(role.id));
    if (seeds.length === 0 && roles.length > 0) seed(roles[0].id); // only cycles: start anywhere

    const drawn = new Set<string>();
    let budget = maxNodes;
    const draw = (id: string): boolean => {
        if (drawn.has(id)) return true;
        const people = (holders.get(id) ?? []).filter(person => !drawn.has(person)).slice(0, HOLDERS_PER_ROLE);
        if (1 + people.length > budget) return false;
        drawn.add(id);
        for (const person of people) drawn.add(person);
        budget -= 1 + people.length;
        return true;
    };
    // Breadth first from the seeds; `queue` grows while it is read, so no recursion and no re-visits.
    const queue = [...seeds];
    for (let index = 0; index < queue.length && budget > 0; index++) {
        if (!draw(queue[index])) break;
        for (const child of reports.get(queue[index]) ?? []) {
            if (!seen.has(child)) { seen.add(child); queue.push(child); }
        }
    }

    const summary: OrganizationGraph = {
        nodes: graph.nodes.filter(node => drawn.has(node.id)),
        edges: graph.edges.filter((edge: GraphEdge) => drawn.has(edge.from) && drawn.has(edge.to))
    };
    const cuts: GraphCut[] = [];
    for (const node of summary.nodes) {
        if (node.kind !== 'role') continue;
        const hiddenReports = (reports.get(node.id) ?? []).filter(id => !drawn.has(id)).length;
        const hiddenHolders = (holders.get(node.id) ?? []).filter(id => !drawn.has(id)).length;
        if (hiddenReports > 0 || hiddenHolders > 0) cuts.push({ role: node, reports: hiddenReports, holders: hiddenHolders });
    }
    return { graph: summary, summarized: true, whole, drawn: counts(summary), cuts };
}
