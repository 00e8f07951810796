import { DocumentState } from 'langium';
import type { Connection } from 'vscode-languageserver';
import type { MandateSharedServices } from '../mandate-module.js';
import { clause53Assessment } from '../applicability/index.js';
import { collectFindings } from '../engine/check-sources.js';
import { withTitleReads } from '../util/title-reads.js';
import { MandateDocumentBuilder } from '../workspace/mandate-document-builder.js';
import { STATUS_NOTIFICATION, type MandateStatus } from './mandate-protocol.js';


/** A clause 5.3 status, and what it was computed from. */
interface Clause53 {
    readonly status: MandateStatus['clause53'];
    /** How many accepted exceptions would lower 5.3(a) or 5.3(b) if open. */
    readonly accepted: number;
    readonly asOf: string;
    readonly findings: string;
    readonly meaning: number;
    readonly structure: number;
    /** Whether computing it read a declaration's title (none does today): then a new title is a new status. */
    readonly readTitles: boolean;
}

/**
 * The statuses of the last two policy states: after an edit and its undo the undone state's status
 * is still known, and restoring it builds no workspace model (WorkspaceFindings keeps the findings
 * of the state before an edit in the same way).
 */
const KEPT_STATUSES = 2;
const computed = new WeakMap<MandateSharedServices, Clause53[]>();

/** How many times clause 5.3's status was computed; tests use it to prove that a title edit computes none. */
export let clause53Computations = 0;

/**
 * Computes the status from the same findings and requirement statuses the report uses. Clause
 * 5.3's status is kept while the policy means the same, titles aside, and the findings are the same
 * rules at the same severities: a comment or a person's title typed in a 100,000-line workspace
 * would otherwise rebuild the workspace model and the requirement coverage for the status bar.
 */
export function computeStatus(shared: MandateSharedServices): MandateStatus {
    const findings = collectFindings(shared.workspace.LangiumDocuments.all);
    const settings = shared.mandate.Settings;
    const asOf = settings.asOf();
    // Accepted exceptions lower no status, as in the report; the headline still says when it rests on them.
    const open = findings.filter(finding => !finding.suppressed);
    const accepted = findings.filter(finding => finding.suppressed);
    const workspaceFindings = shared.mandate.WorkspaceFindings;
    workspaceFindings.byDocument();
    const { semanticVersion: meaning, structureVersion: structure } = workspaceFindings;
    const findingsKey = [...open.map(finding => `${finding.rule}:${finding.severity}`), ...accepted.map(finding => `${finding.rule}:accepted`)].sort().join(',');
    const kept = computed.get(shared) ?? [];
    const same = (known: Clause53) => known.asOf === asOf && known.findings === findingsKey && (known.readTitles ? known.meaning === meaning : known.structure === structure);
    let last = kept.find(same);
    if (!last) {
        clause53Computations++;
        const { result, trees } = withTitleReads(() => clause53Assessment(shared.mandate.WorkspaceModel.get(), asOf, settings, open, accepted));
        last = { status: result.status, accepted: result.accepted.length, asOf, findings: findingsKey, meaning, structure, readTitles: trees.size > 0 };
    }
    computed.set(shared, [last, ...kept.filter(known => known !== last)].slice(0, KEPT_STATUSES));
    return {
        errors: findings.filter(finding => finding.severity === 'error').length,
        warnings: findings.filter(finding => finding.severity === 'warning').length,
        clause53: last.status,
        clause53AcceptedExceptions: last.accepted,
        asOf
    };
}

/**
 * Sends the status after every build that validated documents, and after an edit of blanks and
 * comments that kept a document's tree (layout-edit/): the status says the same, but the editor
 * takes it as the moment to find the policy tests and redraw the graph, whose places moved.
 */
export function publishStatusAfterBuilds(shared: MandateSharedServices, connection: Connection): void {
    const publish = () => {
        try {
            void connection.sendNotification(STATUS_NOTIFICATION, computeStatus(shared));
        } catch (error) {
            console.error(`Could not compute the Mandate status: ${(error as Error).message}`);
        }
    };
    const builder = shared.workspace.DocumentBuilder;
    builder.onBuildPhase(DocumentState.Validated, publish);
    if (builder instanceof MandateDocumentBuilder) builder.layoutEdits.onKept(publish);
}
