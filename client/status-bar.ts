import * as vscode from 'vscode';
import type { MandateStatus } from '../language/lsp/mandate-protocol.js';

const CLAUSE_LABEL: Record<MandateStatus['clause53'], string> = { met: '5.3 met', 'partly-met': '5.3 partly met', 'not-met': '5.3 not met' };

/** Met resting on accepted exceptions is never the plain "5.3 met", as in the report's headline. */
function clauseLabel(status: MandateStatus): string {
    const accepted = status.clause53AcceptedExceptions;
    return status.clause53 === 'met' && accepted > 0
        ? `5.3 met with ${accepted} accepted exception${accepted === 1 ? '' : 's'}`
        : CLAUSE_LABEL[status.clause53];
}

/** Errors, warnings and the clause 5.3 status at a glance; a click writes the audit report. */
export class StatusBar implements vscode.Disposable {
    private readonly item = vscode.window.createStatusBarItem('mandate.status', vscode.StatusBarAlignment.Left, 50);

    constructor(command: string) {
        this.item.name = 'Mandate';
        this.item.command = command;
        this.item.text = '$(shield) Mandate';
        this.item.tooltip = 'Mandate is checking the workspace…';
        this.item.show();
    }

    update(status: MandateStatus): void {
        const excepted = status.clause53 === 'met' && status.clause53AcceptedExceptions > 0;
        const icon = status.errors > 0 || status.clause53 === 'not-met' ? '$(error)' : status.warnings > 0 || status.clause53 === 'partly-met' || excepted ? '$(warning)' : '$(pass)';
        const label = clauseLabel(status);
        this.item.text = `${icon} Mandate: ${status.errors} error${status.errors === 1 ? '' : 's'}, ${status.warnings} warning${status.warnings === 1 ? '' : 's'} · ${label}`;
        const why = excepted ? ' (findings accepted with // mandate-ignore that would lower it if open; the audit report lists them with their justifications)' : '';
        this.item.tooltip = `ISO/IEC 27001 clause 5.3 as of ${status.asOf}: ${label}${why}. Click to generate the audit report.`;
        this.item.backgroundColor = status.errors > 0 ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
    }

    /**
     * What the item shows now. The extension's API hands this to the end-to-end tests: they run
     * in the extension host, which cannot read the workbench's status bar.
     */
    get text(): string {
        return this.item.text;
    }

    get tooltip(): string {
        const tooltip = this.item.tooltip;
        return typeof tooltip === 'string' ? tooltip : tooltip?.value ?? '';
    }

    dispose(): void {
        this.item.dispose();
    }
}
