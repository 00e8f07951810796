import { pathToFileURL } from 'node:url';
import { exportSarif } from '../../language/report/export-sarif.js';
import { formatJson, formatText } from '../format.js';
import { loadWorkspace } from '../load.js';
import { EXIT_ERRORS, TOOL_VERSION, write } from '../output.js';

export interface CheckFlags {
    format: 'text' | 'json' | 'sarif';
    asOf?: string;
    config?: string;
    docsBaseUri?: string;
    followSymlinks?: boolean;
}

export async function runCheck(paths: string[], flags: CheckFlags): Promise<number> {
    const { files, checked: { findings, services }, internalErrors } = await loadWorkspace(paths, { ...flags, recordHistory: 'for-rule' });
    const output = flags.format === 'json' ? formatJson(findings)
        : flags.format === 'sarif'
            // Relative to where CI runs the check (the repository root), so code scanning can place findings.
            ? exportSarif(findings, { toolVersion: TOOL_VERSION, root: pathToFileURL(process.cwd()).href, docsBaseUri: flags.docsBaseUri,
                catalogue: services.shared.mandate.WorkspaceModel.get().catalogue })
            : formatText(findings, files.length);
    await write(process.stdout, output);
    if (internalErrors.length > 0) {
        // The engine caught a failure of its own; never let that pass as a clean result.
        await write(process.stderr, `mandate: internal error while checking, results may be incomplete: ${internalErrors[0]}\n`);
        return EXIT_ERRORS;
    }
    return findings.some(finding => finding.severity === 'error') ? EXIT_ERRORS : 0;
}
