import { pathToFileURL } from 'node:url';
import type { Finding, FindingSeverity } from '../../language/engine/check-sources.js';
import { redactFindings, redactUri } from '../../language/redact/redact-findings.js';
import { redactionKey, reportRedactor } from '../../language/redact/redact-report.js';
import { buildReport } from '../../language/report/build-report.js';
import { exportSarif } from '../../language/report/export-sarif.js';
import { formatJson, formatText } from '../format.js';
import { loadWorkspace } from '../load.js';
import { EXIT_ERRORS, TOOL_VERSION, write } from '../output.js';

/** The lowest severity of finding that fails the check (exit 1): `note` counts information and hints too, `none` no finding. */
export const FAIL_LEVELS = ['error', 'warning', 'note', 'none'] as const;
export type FailLevel = typeof FAIL_LEVELS[number];

const FAILING: Record<FailLevel, ReadonlySet<FindingSeverity>> = {
    error: new Set(['error']),
    warning: new Set(['error', 'warning']),
    note: new Set(['error', 'warning', 'info', 'hint']),
    none: new Set()
};

/** Whether the findings fail a check at `level`: an accepted exception never does, whatever its severity. */
export function failsAt(findings: readonly Finding[], level: FailLevel): boolean {
    return findings.some(finding => !finding.suppressed && FAILING[level].has(finding.severity));
}

export interface CheckFlags {
    format: 'text' | 'json' | 'sarif';
    failLevel?: FailLevel;
    asOf?: string;
    config?: string;
    docsBaseUri?: string;
    followSymlinks?: boolean;
    redact?: boolean;
}

export async function runCheck(paths: string[], flags: CheckFlags): Promise<number> {
    const { files, checked: { findings: checkedFindings, services, documents }, internalErrors } = await loadWorkspace(paths, { ...flags, recordHistory: 'for-rule' });
    // The report's own redaction and key, so a finding's Person 3 is the report's Person 3 (language/redact/).
    const report = flags.redact ? buildReport(services.shared, checkedFindings, { toolVersion: TOOL_VERSION, generatedAt: '', repository: { git: false } }) : undefined;
    const redact = report
        ? reportRedactor(report, services.shared.mandate.Settings.directory?.records, undefined, redactionKey(report, documents.map(document => document.textDocument.getText())))
        : undefined;
    const findings = redact ? redactFindings(checkedFindings, redact) : checkedFindings;
    const root = pathToFileURL(process.cwd()).href;
    const output = flags.format === 'json' ? formatJson(findings)
        : flags.format === 'sarif'
            // Relative to where CI runs the check (the repository root), so code scanning can place findings.
            ? exportSarif(findings, { toolVersion: TOOL_VERSION, root: redact ? redactUri(root, redact) : root, docsBaseUri: flags.docsBaseUri,
                catalogue: services.shared.mandate.WorkspaceModel.get().catalogue })
            : formatText(findings, files.length);
    await write(process.stdout, output);
    if (internalErrors.length > 0) {
        // The engine caught a failure of its own; never let that pass as a clean result.
        await write(process.stderr, `mandate: internal error while checking, results may be incomplete: ${internalErrors[0]}\n`);
        return EXIT_ERRORS;
    }
    return failsAt(findings, flags.failLevel ?? 'error') ? EXIT_ERRORS : 0;
}
