/**
 * Makes the graph's nodes lead to their declarations in a webview: each node's `<g>` gets the
 * declaration's file and line (`data-file`, `data-line`), the declared name (`data-node`), a
 * tab stop and an accessible name. The page's script posts them to the extension on a click
 * (webview-scripts.ts). Only attributes are added, HTML-escaped, to the already sanitized SVG.
 */
import { graphNodeIds } from './graph-svg.js';
import { htmlAttribute } from './html-escape.js';
import type { AuditReport, OrganizationGraph, SourceRef } from './report-model.js';

/** Where each role and person of the report is declared, by name. */
export function graphSources(report: Pick<AuditReport, 'roles' | 'people' | 'delegations'>): Map<string, SourceRef> {
    const sources = new Map<string, SourceRef>();
    for (const entry of report.roles) sources.set(entry.role.id, entry.role.source);
    for (const person of report.people) if (!sources.has(person.id)) sources.set(person.id, person.source);
    for (const delegation of report.delegations) if (!sources.has(delegation.to.id)) sources.set(delegation.to.id, delegation.to.source);
    return sources;
}

/** `svg` (drawn from `graph` by renderGraphSvg) with its nodes linked to `sources`; nodes without one are left alone. */
export function linkGraphNodes(svg: string, graph: OrganizationGraph, sources: ReadonlyMap<string, SourceRef>): string {
    const byDotId = new Map<string, { id: string; label: string; source: SourceRef }>();
    const labels = new Map(graph.nodes.map(node => [node.id, node.label] as const));
    for (const [id, dotId] of graphNodeIds(graph)) {
        const source = sources.get(id);
        if (source) byDotId.set(dotId, { id, label: labels.get(id) || id, source });
    }
    return svg.replace(/<g class="node ([a-z ]*?)\b(n\d+)">/g, (tag: string, kinds: string, dotId: string) => {
        const node = byDotId.get(dotId);
        if (!node) return tag;
        const line = Number.isInteger(node.source.line) && node.source.line > 0 ? node.source.line : 1;
        return `<g class="node ${kinds}${dotId}" data-node="${htmlAttribute(node.id)}" data-file="${htmlAttribute(node.source.file)}" data-line="${line}"`
            + ` tabindex="0" role="link" aria-label="${htmlAttribute(`${node.label}: open the declaration`)}">`;
    });
}
