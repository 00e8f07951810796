import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { diffBuilds } from '../../language/diff/diff-compute.js';
import type { PolicyDiff } from '../../language/diff/diff-model.js';
import { renderDiff, type DiffFormat } from '../../language/diff/render-diff.js';
import type { DiffBuild, SideFacts } from '../../language/diff/diff-facts.js';
import { buildSideFacts, resolveSides } from '../diff-sides.js';
import { buildRequest, startSide, type PendingSide } from '../diff-thread.js';
import { workspaceRoots } from '../files.js';
import { todayIsoDate } from '../../language/util/dates.js';
import type { LoadOptions } from '../load.js';
import { terminalText, write } from '../output.js';
import { writeOutputFile } from '../safe-write.js';

export interface DiffFlags {
    format: DiffFormat;
    output?: string;
    path?: string;
    asOf?: string;
    fromAsOf?: string;
    config?: string;
    followSymlinks?: boolean;
    exitCode?: boolean;
}

/**
 * The diff between the sides `from` and `to` name (see resolveSides), each built as `mandate check`
 * builds it. The `to` side is built in a worker thread meanwhile (cli/diff-thread.ts): it is the one
 * the sequential order builds second, so its messages and errors still come after those of `from`.
 */
export async function computeDiff(from: string, to: string | undefined, flags: Omit<DiffFlags, 'format'>): Promise<{ diff: PolicyDiff; internalErrors: string[]; inputs: string[] }> {
    const [fromSource, toSource] = await resolveSides(from, to, flags.path ?? '.');
    const options = { config: flags.config, followSymlinks: flags.followSymlinks };
    const later = startSide({ source: toSource }, { ...options, asOf: flags.asOf });
    try {
        const before = await buildSideFacts(fromSource, { ...options, asOf: flags.fromAsOf ?? flags.asOf });
        const after = await later.result();
        // Both sides default to the same date: without one, the older side would be read on today's date anyway.
        const diff = diffBuilds(before.facts, after.facts, { from: fromSource.side, to: toSource.side });
        return { diff, internalErrors: [...before.internalErrors, ...after.internalErrors], inputs: [...before.inputs, ...after.inputs, ...(flags.config ? [path.resolve(flags.config)] : [])] };
    } finally {
        await later.stop();
    }
}

/** The revision of `report --since`, being read (in a worker thread) while the report builds its own workspace. */
export interface SinceSide {
    readonly revision: string;
    readonly folder: string;
    readonly options: LoadOptions;
    readonly pending: PendingSide;
}

/**
 * Starts reading `revision` of the one policy folder `paths` names (as loadWorkspace finds it) on the
 * report's date, for `report --since`; its errors come when changesSince takes it. Undefined for
 * several paths, which changesSince refuses.
 */
export async function startSince(revision: string, paths: readonly string[], options: LoadOptions): Promise<SinceSide | undefined> {
    if (paths.length > 1) return undefined;
    const folder = fileURLToPath((await workspaceRoots(paths.length > 0 ? paths : ['.']))[0]);
    // The report's date, fixed now: without --as-of it is today, which the report reads too.
    const sideOptions = { ...options, asOf: options.asOf ?? todayIsoDate() };
    return { revision, folder, options: sideOptions, pending: startSide({ since: revision, folder }, sideOptions) };
}

/**
 * The changes from the revision `since` reads to an already built workspace in `folder` (the
 * report's own build, so the report and its "Changes in the audit period" read one and the same
 * policy), for `report --since`.
 */
export async function changesSince(since: SinceSide, folder: string, to: DiffBuild): Promise<{ diff: PolicyDiff; internalErrors: readonly string[]; earlierPeople: SideFacts['people'] }> {
    try {
        const asOf = to.shared.mandate.Settings.asOf();
        // Read where and when the report reads, or (a date or folder that differs) again here.
        const same = since.folder === folder && since.options.asOf === asOf;
        const before = same ? await since.pending.result() : await buildRequest({ since: since.revision, folder }, { ...since.options, asOf });
        const diff = diffBuilds(before.facts, to, { from: before.side, to: { label: 'working tree', kind: 'working-tree' } });
        return { diff, internalErrors: before.internalErrors, earlierPeople: before.facts.people };
    } finally {
        await since.pending.stop();
    }
}

/**
 * Exit codes as `git diff --exit-code`: 0 by default whatever changed (a pull-request comment is not
 * a failure); with --exit-code, 1 when anything changed. 2 for a usage or input error, or an
 * internal error while checking a side (the diff would not be trustworthy).
 */
export async function runDiff(from: string, to: string | undefined, flags: DiffFlags): Promise<number> {
    const { diff, internalErrors, inputs } = await computeDiff(from, to, flags);
    // Markdown escapes every policy string itself; JSON and text get the escape all CLI output gets.
    const content = flags.format === 'md' ? renderDiff(diff, 'md') : terminalText(renderDiff(diff, flags.format));
    if (flags.output) {
        await writeOutputFile(flags.output, content, inputs, 'the diff');
        await write(process.stderr, `mandate: wrote ${flags.output}\n`);
    } else {
        await write(process.stdout, content, true);
    }
    if (internalErrors.length > 0) {
        await write(process.stderr, `mandate: internal error while checking, the diff may be incomplete: ${internalErrors[0]}\n`);
        return 2;
    }
    return flags.exitCode && diff.changed ? 1 : 0;
}
