import { DocumentState } from 'langium';
import type { Connection } from 'vscode-languageserver';
import type { MandateSharedServices } from '../mandate-module.js';
import { clause53Status } from '../applicability/index.js';
import { collectFindings } from '../engine/check-sources.js';
import { STATUS_NOTIFICATION, type MandateStatus } from './mandate-protocol.js';


/** The last status, and what it was computed from. */
const computed = new WeakMap<MandateSharedServices, { readonly key: string; readonly status: MandateStatus }>();

/**
 * Computes the status from the same findings and requirement statuses the report uses. Kept while
 * the policy means the same and the findings are the same rules at the same severities: a comment
 * typed in a 100,000-line workspace would otherwise rebuild the workspace model for the status bar.
 */
export function computeStatus(shared: MandateSharedServices): MandateStatus {
    const findings = collectFindings(shared.workspace.LangiumDocuments.all);
    const settings = shared.mandate.Settings;
    // Accepted exceptions lower no status, as in the report.
    const open = findings.filter(finding => !finding.suppressed);
    const workspaceFindings = shared.mandate.WorkspaceFindings;
    workspaceFindings.byDocument();
    const key = [workspaceFindings.semanticVersion, settings.asOf(), findings.map(finding => `${finding.rule}:${finding.severity}:${finding.suppressed ? 1 : 0}`).sort().join(',')].join('|');
    const last = computed.get(shared);
    if (last?.key === key) return last.status;
    const status: MandateStatus = {
        errors: findings.filter(finding => finding.severity === 'error').length,
        warnings: findings.filter(finding => finding.severity === 'warning').length,
        clause53: clause53Status(shared.mandate.WorkspaceModel.get(), settings.asOf(), settings, open),
        asOf: settings.asOf()
    };
    computed.set(shared, { key, status });
    return status;
}

/** Sends the status after every build that validated documents. */
export function publishStatusAfterBuilds(shared: MandateSharedServices, connection: Connection): void {
    shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Validated, () => {
        try {
            void connection.sendNotification(STATUS_NOTIFICATION, computeStatus(shared));
        } catch (error) {
            console.error(`Could not compute the Mandate status: ${(error as Error).message}`);
        }
    });
}
