import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildReport } from '../../language/report/build-report.js';
import { OscalSspError, renderReport, type ReportFormat } from '../../language/report/formats.js';
import { generatedAt } from '../../language/report/report-provenance.js';
import type { CheckedWorkspace } from '../../language/engine/check-sources.js';
import { redactionKey, reportRedactor, redactReport } from '../../language/redact/redact-report.js';
import { reportGraph } from '../../language/report/report-view.js';
import { InputError } from '../files.js';
import { changesSince, startSince, type SinceSide } from './diff.js';
import { startGraphThread } from '../graph-thread.js';
import { loadWorkspace } from '../load.js';
import { terminalText, TOOL_VERSION, write } from '../output.js';
import { writeOutputFile } from '../safe-write.js';

export interface ReportFlags {
    format: ReportFormat;
    output?: string;
    asOf?: string;
    config?: string;
    followSymlinks?: boolean;
    /** A git revision: add the changes since it ("Changes in the audit period"). */
    since?: string;
    redact?: boolean;
}

/** Source links are relative: from the report's folder (or the working directory) to the workspace root. */
function linkBase(root: string, outputFile: string | undefined): string {
    const from = outputFile ? path.dirname(path.resolve(outputFile)) : process.cwd();
    const relative = path.relative(from, fileURLToPath(root)).split(path.sep).join('/');
    return relative === '' ? '' : `${relative}/`;
}

/** The formats with a section for `--since`'s changes. */
const SINCE_FORMATS: readonly ReportFormat[] = ['md', 'html', 'json'];

/** `--since REV`: the changes from REV to the workspace being reported, read on the report's as-of date. */
async function changesSinceFor(since: SinceSide | undefined, paths: readonly string[], roots: readonly string[], checked: CheckedWorkspace) {
    if (!since || paths.length > 1 || roots.length > 1) {
        await since?.pending.stop();
        throw new InputError('--since compares one policy folder with its history: give one folder');
    }
    return changesSince(since, fileURLToPath(roots[0]), { shared: checked.services.shared, findings: checked.findings, root: roots[0] });
}

/** Writes the audit report even when the policy has findings: the findings are part of it. */
export async function runReport(paths: string[], flags: ReportFlags): Promise<number> {
    let timestamp: string;
    try {
        timestamp = generatedAt();
    } catch (error) {
        throw new InputError((error as Error).message);
    }
    // The OSCAL formats have no place for the changes: asked for, they would be dropped without a word.
    if (flags.since !== undefined && !SINCE_FORMATS.includes(flags.format)) {
        throw new InputError(`--since adds the changes in the audit period to the md, html and json reports; the ${flags.format} format has no place for them`);
    }
    // The revision --since names is read in a worker thread meanwhile (cli/diff-thread.ts); its messages and errors come after the report's own.
    const since = flags.since === undefined ? undefined : await startSince(flags.since, paths, { asOf: flags.asOf, config: flags.config, followSymlinks: flags.followSymlinks });
    const loaded = await loadWorkspace(paths, { ...flags, recordHistory: 'always' }).catch(async (error: unknown) => {
        await since?.pending.stop();
        throw error;
    });
    const { roots, checked, internalErrors } = loaded;
    // The files output must not go over, looked for only when there is an output file.
    const inputs = flags.output ? loaded.inputs : [];
    const changes = flags.since === undefined ? undefined : await changesSinceFor(since, paths, roots, checked);
    // An HTML report's graph is laid out in a worker thread while this one renders the rest; started
    // now, it has loaded the engine by the time the graph is known (cli/graph-thread.ts).
    const graphThread = flags.format === 'html' ? startGraphThread() : undefined;
    let content: string;
    try {
        const built = buildReport(checked.services.shared, checked.findings, { toolVersion: TOOL_VERSION, generatedAt: timestamp, changes: changes?.diff });
        // The directory too: drift findings name its records, some of whom the policy does not declare.
        // The people of the revision --since reads too: its changes name those who are gone.
        const directory = checked.services.shared.mandate.Settings.directory?.records;
        // Pseudonyms ranked by the policy's own text, which the redacted report does not show (redactionKey).
        const key = flags.redact ? redactionKey(built, checked.documents.map(document => document.textDocument.getText())) : undefined;
        const report = flags.redact ? redactReport(built, directory, changes?.earlierPeople, key) : built;
        const drawn = graphThread && reportGraph(report);
        // The way from the report to the policy can pass a folder named after someone (`/home/jane-doe/…`).
        const base = linkBase(roots[0], flags.output);
        const links = flags.redact ? reportRedactor(built, directory, changes?.earlierPeople, key)(base) : base;
        content = await renderReport(report, flags.format, { linkBase: links, drawGraph: drawn ? graphThread.drawAhead(drawn.graph) : undefined });
    } catch (error) {
        if (error instanceof OscalSspError) throw new InputError(error.message);
        throw error;
    } finally {
        await graphThread?.stop();
    }
    // The JSON formats get the escape all CLI output gets: lossless in JSON, so a terminal never acts
    // on a policy's control characters, and the -o file still equals standard output byte for byte.
    if (flags.format !== 'md' && flags.format !== 'html') content = terminalText(content);
    if (flags.output) {
        await writeOutputFile(flags.output, content, inputs, 'the report');
        await write(process.stderr, `mandate: wrote ${flags.output}\n`);
    } else {
        await write(process.stdout, content, true); // Markdown and HTML: the renderers already make policy strings plain
    }
    if (internalErrors.length > 0 || (changes?.internalErrors.length ?? 0) > 0) {
        await write(process.stderr, `mandate: internal error while checking, the report may be incomplete: ${[...internalErrors, ...changes?.internalErrors ?? []][0]}\n`);
        return 1;
    }
    return 0;
}
