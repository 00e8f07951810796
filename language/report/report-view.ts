/**
 * The audit report laid out for reading: sections of headings, paragraphs, lists and tables of
 * inline pieces. It is built once from the AuditReport (presentation only: wording, order, which
 * model fields go where) and serialized by the Markdown and HTML renderers, so both formats say
 * exactly the same thing. Every string in it is plain text; escaping is the serializer's job.
 */
import type { AuditReport, OrganizationGraph, SourceRef } from './report-model.js';
import { questionsSection } from './view-questions.js';
import { delegationsSection, provenanceSection } from './view-activity.js';
import { trainingSection } from './view-training.js';
import { findingsSection } from './view-findings.js';
import { matrixSection } from './view-matrix.js';
import { rolesSection } from './view-roles.js';
import { summarySection } from './view-summary.js';
import { applicabilitySection } from './view-applicability.js';
import { controlOwnersSection } from './view-control-owners.js';
import { changesSection } from './view-changes.js';
import { badge, code, plural, strong, text } from './view-inline.js';
import { MAX_DRAWN_NODES, summarizeGraph, type GraphSummary } from './graph-summary.js';

/** good: met/current; warn: partly; bad: not met/vacant/overdue; info: active; neutral: anything else. */
export type Tone = 'good' | 'warn' | 'bad' | 'info' | 'neutral';

export type Inline =
    | { readonly kind: 'text'; readonly text: string; readonly strong?: boolean; readonly code?: boolean; readonly nowrap?: boolean }
    /** `short`: labelled with the line only (`L23`), inside a group that names the file. */
    | { readonly kind: 'source'; readonly source: SourceRef; readonly column?: number; readonly short?: boolean }
    /** A link to a part of the report itself (an HTML id); plain text in Markdown, whose tables have no anchors. */
    | { readonly kind: 'ref'; readonly anchor: string; readonly label: string }
    /** A link to a whole input file. */
    | { readonly kind: 'file'; readonly file: string }
    | { readonly kind: 'badge'; readonly tone: Tone; readonly label: string };

/** A table cell: one or more lines of inline content. */
export type Cell = readonly (readonly Inline[])[];

export type Block =
    | { readonly kind: 'heading'; readonly level: 3 | 4; readonly text: string }
    | { readonly kind: 'paragraph'; readonly content: readonly Inline[]; readonly answer?: boolean }
    | { readonly kind: 'list'; readonly items: readonly (readonly Inline[])[] }
    /** Label/value pairs: a bulleted list in Markdown, a two-column table in HTML. */
    | { readonly kind: 'facts'; readonly rows: ReadonlyArray<readonly [label: string, value: readonly Inline[]]> }
    | { readonly kind: 'table'; readonly head: readonly string[]; readonly rows: readonly (readonly Cell[])[]; readonly compact?: boolean; readonly rowIds?: readonly string[] }
    | { readonly kind: 'graph'; readonly graph: OrganizationGraph }
    /**
     * A group of a long listing, with its counts in `summary`: folded (`<details>`) in HTML; in
     * Markdown, which cannot fold without raw HTML, the summary line followed by the content.
     */
    | { readonly kind: 'group'; readonly summary: readonly Inline[]; readonly blocks: readonly Block[] };

export interface Section {
    /** Stable anchor, also the HTML id. */
    readonly id: string;
    readonly title: string;
    readonly blocks: readonly Block[];
}

export interface ReportView {
    readonly title: string;
    readonly subtitle: readonly Inline[];
    readonly sections: readonly Section[];
}

export function buildReportView(report: AuditReport): ReportView {
    const organization = report.organization?.title;
    return {
        title: organization ? `ISO/IEC 27001 clause 5.3 audit report: ${organization}` : 'ISO/IEC 27001 clause 5.3 audit report',
        subtitle: [
            text('Organizational roles, responsibilities and authorities, as of '), strong(report.asOf),
            text(`. Generated ${report.provenance.generatedAt} by ${report.provenance.tool} ${report.provenance.toolVersion} from `),
            text(`${plural(report.provenance.inputs.length, 'policy file')}${report.provenance.configuration.length > 0 ? ` with ${plural(report.provenance.configuration.length, 'configuration file')}` : ''} (combined SHA-256 `),
            code(report.provenance.inputsSha256.slice(0, 12)),
            text(', full hashes under Provenance).')
        ],
        sections: [
            summarySection(report),
            questionsSection(report),
            rolesSection(report),
            matrixSection(report),
            applicabilitySection(report),
            controlOwnersSection(report),
            delegationsSection(report),
            graphSection(report),
            trainingSection(report),
            findingsSection(report),
            provenanceSection(report),
            ...[changesSection(report)].filter(section => section !== undefined)
        ]
    };
}

/** The roles whose direct reports or holders the summary leaves out, at most this many named. */
const CUTS_NAMED = 20;

function graphSummaryBlocks(summary: GraphSummary): Block[] {
    const { whole, drawn } = summary;
    const cuts = summary.cuts.slice(0, CUTS_NAMED).map((cut): Inline[] => [
        strong(cut.role.label || cut.role.id), text(': '),
        text([
            ...(cut.reports > 0 ? [`${plural(cut.reports, 'more role reports', 'more roles report')} to it`] : []),
            ...(cut.holders > 0 ? [`${plural(cut.holders, 'more holder')}`] : [])
        ].join('; '))
    ]);
    if (summary.cuts.length > CUTS_NAMED) cuts.push([text(`and ${plural(summary.cuts.length - CUTS_NAMED, 'more drawn role')} with reports or holders left out.`)]);
    return [
        {
            kind: 'paragraph', answer: true, content: [
                badge('neutral', 'Summary'),
                text(` The organization graph has ${plural(whole.roles, 'role')}, ${plural(whole.people, 'person', 'people')} holding roles or delegated to, and ${plural(whole.delegations, 'active delegation')}: `
                    + `more than the ${MAX_DRAWN_NODES} nodes that can be laid out in reasonable time and read as one drawing. `
                    + `This drawing shows the CISO role, its reporting line up to the top, top management, and the roles reporting to them, breadth first, with up to 3 holders each: `
                    + `${drawn.roles} of the ${whole.roles} roles, ${drawn.people} of the ${whole.people} people and ${drawn.delegations} of the ${whole.delegations} delegations. `
                    + 'Every role, its reporting line and its holders are listed in section 3, and every delegation in section 7; the JSON report holds the whole graph.')
            ]
        },
        ...(cuts.length > 0 ? [{ kind: 'paragraph', content: [strong('Left out below the roles drawn:')] } as const, { kind: 'list', items: cuts } as const] : [])
    ];
}

const drawnGraphs = new WeakMap<AuditReport, GraphSummary>();

/**
 * What the report's graph section draws: the whole graph, or its summary when it is large; nothing
 * without roles. Worked out once per report, so a caller that draws it ahead (the CLI, in a worker
 * thread) holds the very graph the view's block holds.
 */
export function reportGraph(report: AuditReport): GraphSummary | undefined {
    if (report.graph.nodes.length === 0) return undefined;
    let summary = drawnGraphs.get(report);
    if (!summary) drawnGraphs.set(report, summary = summarizeGraph(report.graph, report.organization?.topManagement.map(role => role.id)));
    return summary;
}

function graphSection(report: AuditReport): Section {
    const summary = reportGraph(report);
    const blocks: Block[] = !summary
        ? [{ kind: 'paragraph', content: [text('The policy declares no roles, so there is nothing to draw.')] }]
        : [
            { kind: 'paragraph', content: [text(`Roles and their reporting lines, the people holding each role on ${report.asOf}, and the delegations active on that date.`)] },
            ...(summary.summarized ? graphSummaryBlocks(summary) : []),
            { kind: 'graph', graph: summary.graph },
            {
                kind: 'list', items: [
                    [strong('Rectangles'), text(' are roles and ovals are people. The CISO role is highlighted and marked "(CISO)"; a vacant role has a dashed red border and is marked "(vacant)".')],
                    [strong('Thick arrows'), text(' run from a role to the role it reports to.')],
                    [strong('Thin arrows'), text(' run from a person to a role they hold, labelled "acting" or "interim" when the person holds it in that capacity.')],
                    [strong('Dashed arrows'), text(' are active delegations, from the delegating role to the delegate, labelled with the delegated duty.')]
                ]
            }
        ];
    return { id: 'graph', title: '8. Organization and delegation graph', blocks };
}
