import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildReport } from '../../language/report/build-report.js';
import { OscalSspError, renderReport, type ReportFormat } from '../../language/report/formats.js';
import { generatedAt } from '../../language/report/report-provenance.js';
import { InputError } from '../files.js';
import { loadWorkspace } from '../load.js';
import { TOOL_VERSION, write } from '../output.js';

export interface ReportFlags {
    format: ReportFormat;
    output?: string;
    asOf?: string;
    config?: string;
}

/** Source links are relative: from the report's folder (or the working directory) to the workspace root. */
function linkBase(root: string, outputFile: string | undefined): string {
    const from = outputFile ? path.dirname(path.resolve(outputFile)) : process.cwd();
    const relative = path.relative(from, fileURLToPath(root)).split(path.sep).join('/');
    return relative === '' ? '' : `${relative}/`;
}

/**
 * Writes the report atomically: into a temporary file next to the target, then renamed over it,
 * so a reader (a GRC tool watching the folder, a CI upload) never sees half a report, and a
 * failed write leaves the previous report as it was.
 */
async function writeReport(file: string, content: string): Promise<void> {
    const target = path.resolve(file);
    const existing = await stat(target).catch(() => undefined);
    if (existing?.isDirectory()) throw new InputError(`${file}: is a directory; give a file name for -o`);
    const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
    try {
        await mkdir(path.dirname(target), { recursive: true });
        await writeFile(temporary, content, { encoding: 'utf8', flag: 'wx' });
        await rename(temporary, target);
    } catch (error) {
        await rm(temporary, { force: true }).catch(() => undefined);
        throw new InputError(`${file}: cannot write the report (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    }
}

/** Writes the audit report even when the policy has findings: the findings are part of it. */
export async function runReport(paths: string[], flags: ReportFlags): Promise<number> {
    let timestamp: string;
    try {
        timestamp = generatedAt();
    } catch (error) {
        throw new InputError((error as Error).message);
    }
    const { roots, checked, internalErrors } = await loadWorkspace(paths, flags);
    const report = buildReport(checked.services.shared, checked.findings, { toolVersion: TOOL_VERSION, generatedAt: timestamp });
    let content: string;
    try {
        content = await renderReport(report, flags.format, { linkBase: linkBase(roots[0], flags.output) });
    } catch (error) {
        if (error instanceof OscalSspError) throw new InputError(error.message);
        throw error;
    }
    if (flags.output) {
        await writeReport(flags.output, content);
        await write(process.stderr, `mandate: wrote ${flags.output}\n`);
    } else {
        await write(process.stdout, content);
    }
    if (internalErrors.length > 0) {
        await write(process.stderr, `mandate: internal error while checking, the report may be incomplete: ${internalErrors[0]}\n`);
        return 1;
    }
    return 0;
}
