/**
 * The figures measured with each build's CLI: cold checks (many files, one big file, 1M lines,
 * 1,000 lines), reports, and the .vsix the build packages.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Build } from './builds.js';
import { checkSummary, failureOf, isCleanCheck, runCli, type CliRun } from './cli-runs.js';
import { missing, record, SLOW_RUN_MS, type BenchContext } from './context.js';
import type { Cell } from './figures.js';
import { BENCH_AS_OF } from './generate-workspace.js';
import { formatBytes, formatKB, formatMs, median } from './stats.js';
import type { Workload } from './workloads.js';

interface TimedRuns {
    readonly cell: Cell;
    readonly runs: CliRun[];
}

/**
 * Up to `count` runs, the median reported; stops at the first that fails or times out (a time-out
 * becomes a lower bound), and after a run slower than SLOW_RUN_MS.
 */
export async function timedRuns(context: BenchContext, figureId: string, build: Build, args: string[], count: number, timeoutMs: number, clean = false): Promise<TimedRuns> {
    const runs: CliRun[] = [];
    for (let i = 0; i < count; i++) {
        const run = await runCli(build.cli, args, { timeoutMs, scratch: context.scratch });
        if (run.timedOut) {
            return { cell: { value: timeoutMs, lowerBound: true, text: `> ${formatMs(timeoutMs)} (stopped)` }, runs };
        }
        const failure = failureOf(run, timeoutMs) ?? (clean && !isCleanCheck(run) ? `not clean: ${checkSummary(run)}` : undefined);
        if (failure) return { cell: missing(`failed: ${failure}`), runs };
        runs.push(run);
        if (run.ms > SLOW_RUN_MS) break;
    }
    const ms = median(runs.map(run => run.ms));
    const cpu = runs.every(run => run.cpuMs !== undefined) ? median(runs.map(run => run.cpuMs!)) : undefined;
    const peak = Math.max(...runs.map(run => run.peakRssBytes ?? 0));
    context.results.note(figureId, `${build.name}: ${formatMs(ms)} wall, ${cpu === undefined ? 'CPU time unknown' : `${formatMs(cpu)} CPU (user + system)`}, peak RSS ${formatBytes(peak)}.`);
    return { cell: { value: ms, text: formatMs(ms) }, runs };
}

function runsText(runs: number): string {
    return runs === 1 ? 'one run' : `median of ${runs} runs`;
}

function checkArgs(workload: Workload): string[] {
    return ['check', workload.folder, '--as-of', BENCH_AS_OF];
}

export async function measureColdCheck(context: BenchContext): Promise<void> {
    const workload = context.workloads.manyFiles(100_000);
    context.results.note('cold-100k', `${workload.description}; ${runsText(context.settings.runs)}, spawn to exit.`);
    for (const { slot, build } of context.builds) {
        const { cell } = await timedRuns(context, 'cold-100k', build, checkArgs(workload), context.settings.runs, context.settings.timeoutMs, true);
        record(context, 'cold-100k', slot, cell);
    }
}

export async function measureBigFile(context: BenchContext): Promise<void> {
    const small = context.workloads.bigFile(10_000);
    const large = context.workloads.bigFile(30_000);
    context.results.note('big-10k', `${small.description} (${formatBytes(small.bytes)}), all in people.mandate beside the organization file; ${runsText(context.settings.runs)}.`);
    context.results.note('big-growth', `${large.description} (${formatBytes(large.bytes)}).`);
    for (const { slot, build } of context.builds) {
        const first = await timedRuns(context, 'big-10k', build, checkArgs(small), context.settings.runs, context.settings.timeoutMs, true);
        record(context, 'big-10k', slot, first.cell);
        if (first.cell.value === undefined || first.cell.lowerBound) {
            record(context, 'big-growth', slot, missing('not run: the 10,000-person file did not finish'));
            continue;
        }
        const second = await timedRuns(context, 'big-growth', build, checkArgs(large), context.settings.runs, context.settings.timeoutMs, true);
        if (second.cell.value === undefined) {
            record(context, 'big-growth', slot, second.cell);
            continue;
        }
        const growth = second.cell.value / first.cell.value;
        record(context, 'big-growth', slot, {
            value: growth,
            lowerBound: second.cell.lowerBound,
            text: second.cell.lowerBound
                ? `> ${growth.toFixed(1)}× (stopped after ${formatMs(context.settings.timeoutMs)})`
                : `${growth.toFixed(1)}× (${second.cell.text})`
        });
    }
}

export async function measureReports(context: BenchContext): Promise<void> {
    const workload = context.workloads.manyFiles(100_000);
    for (const [id, format, sizeLimit] of [['report-md', 'md', 5e6], ['report-html', 'html', 5e6]] as const) {
        context.results.note(id, `\`mandate report --format ${format} -o <file>\` on ${workload.description}; ${runsText(context.settings.runs)}; size of the written file.`);
        for (const { slot, build } of context.builds) {
            const output = join(context.scratch, `report-${slot}.${format}`);
            const args = ['report', workload.folder, '--as-of', BENCH_AS_OF, '--format', format, '-o', output];
            const { cell } = await timedRuns(context, id, build, args, context.settings.runs, context.settings.timeoutMs);
            if (cell.value === undefined || cell.lowerBound || !existsSync(output)) {
                record(context, id, slot, cell);
                continue;
            }
            const size = statSync(output).size;
            record(context, id, slot, { ...cell, text: `${cell.text}, ${formatBytes(size)}`, conditionsMet: size <= sizeLimit });
        }
    }
}

export async function measureLarge(context: BenchContext): Promise<void> {
    if (!context.settings.large) {
        for (const id of ['large-time', 'large-memory']) {
            for (const { slot } of context.builds) context.results.set(id, slot, missing('not run: set MANDATE_BENCH_LARGE=1'));
        }
        return;
    }
    const workload = context.workloads.manyFiles(1_000_000);
    context.results.note('large-time', `${workload.description}; ${runsText(context.settings.runs)} per build (one when a run takes over ${formatMs(SLOW_RUN_MS)}), stopped after ${formatMs(context.settings.largeTimeoutMs)}.`);
    context.results.note('large-memory', 'The CLI process\'s maximum resident set size (getrusage), recorded when it exits; the largest of its runs.');
    for (const { slot, build } of context.builds) {
        const { cell, runs } = await timedRuns(context, 'large-time', build, checkArgs(workload), context.settings.runs, context.settings.largeTimeoutMs, true);
        record(context, 'large-time', slot, cell);
        const peaks = runs.flatMap(run => run.peakRssBytes === undefined ? [] : [run.peakRssBytes]);
        const peak = peaks.length === 0 ? undefined : Math.max(...peaks);
        record(context, 'large-memory', slot, peak === undefined
            ? missing(cell.lowerBound ? 'not measured: stopped at the time-out' : 'not measured')
            : { value: peak, text: formatBytes(peak) });
    }
}

export async function measureSmallCheck(context: BenchContext): Promise<void> {
    const workload = context.workloads.manyFiles(1_000);
    const runs = Math.max(context.settings.runs, 10);
    context.results.note('cli-1k', `${workload.description}; ${runsText(runs)}, spawn to exit (Node start-up included, as a user sees it).`);
    for (const { slot, build } of context.builds) {
        const { cell } = await timedRuns(context, 'cli-1k', build, checkArgs(workload), runs, context.settings.timeoutMs, true);
        record(context, 'cli-1k', slot, cell);
    }
}

/**
 * The build's own `npm run package`, as a release makes it. For this tree that rebuilds out/
 * (the figures after it measure exactly what was packaged); 0.1.0's package is made once and reused.
 */
export async function measureVsix(context: BenchContext): Promise<void> {
    context.results.note('vsix', 'The size of the file `npm run package` writes, in decimal KB as the issue quotes it.');
    for (const { slot, build } of context.builds) {
        const script = (JSON.parse(readFileSync(join(build.root, 'package.json'), 'utf8')) as { scripts?: Record<string, string> }).scripts?.package ?? '';
        const target = join(build.root, /--out\s+(\S+)/.exec(script)?.[1] ?? 'mandate.vsix');
        const reuse = slot === 'baseline' && existsSync(target);
        if (!reuse) {
            context.log(`  npm run package (in ${build.root})`);
            const result = spawnSync('npm', ['run', 'package'], { cwd: build.root, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
            if (result.status !== 0) {
                const output = `${result.stdout}${result.stderr}`.trim().split('\n').slice(-3).join(' ').slice(0, 300);
                record(context, 'vsix', slot, missing(`failed: npm run package exited with ${result.status}: ${output}`));
                continue;
            }
        }
        const size = statSync(target).size;
        record(context, 'vsix', slot, { value: size, text: formatKB(size) });
    }
}
