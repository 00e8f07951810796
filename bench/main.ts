/**
 * `npm run bench`: measures every figure of the performance issue's goal table for this build and
 * for 0.1.0 in the same run, prints one table, and with --write-docs writes docs/benchmarks.md.
 *
 *   --write-docs      also write docs/benchmarks.md
 *   --no-baseline     measure this build only
 *   --only=a,b        run only these groups (see GROUPS)
 *   --keep            keep the generated workloads (their folder is printed)
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchmarksPage, machineDescription } from './benchmarks-page.js';
import { baselineBuild, currentBuild, type Build } from './builds.js';
import type { BenchContext, BenchSettings } from './context.js';
import { Results, type BuildSlot } from './figures.js';
import { measureBigFile, measureColdCheck, measureLarge, measureReports, measureSmallCheck, measureVsix } from './measure-cli.js';
import { measureBigEditor } from './measure-big-editor.js';
import { measureDiff } from './measure-diff.js';
import { measureProvenance } from './measure-provenance.js';
import { measureImport } from './measure-import.js';
import { measureDriftFigures, measureEditor, measureServerReady } from './measure-server.js';
import { measurePolicyTests } from './measure-tests.js';
import { elapsedMs, formatMs, now } from './stats.js';
import { tableRows, textTable } from './table.js';
import { warmUpServers } from './warm-up.js';
import { Workloads } from './workloads.js';

// The .vsix first: packaging this tree rebuilds out/, and everything after it measures that build.
// The editor's figures before the CLI's big checks and reports, the 1M-line group last: those take
// gigabytes, which the machine takes a while to reclaim (completion, a few milliseconds a request,
// measured a median of 9.4 ms after them and 3.2 ms alone).
/** Groups that start the language server: the first of them warms each build's server up first (bench/warm-up.ts). */
const SERVER_GROUPS = new Set(['ready', 'editor', 'big-editor', 'drift']);

const GROUPS: ReadonlyArray<[string, (context: BenchContext) => Promise<void>]> = [
    ['vsix', measureVsix],
    ['ready', measureServerReady],
    ['small', measureSmallCheck],
    ['editor', measureEditor],
    ['cold', measureColdCheck],
    ['big', measureBigFile],
    ['big-editor', measureBigEditor],
    ['reports', measureReports],
    ['tests', measurePolicyTests],
    ['diff', measureDiff],
    ['provenance', measureProvenance],
    ['drift', measureDriftFigures],
    ['import', measureImport],
    ['large', measureLarge]
];

function numberSetting(name: string, fallback: number): number {
    const value = process.env[name];
    if (value === undefined || value === '') return fallback;
    const number = Number(value);
    if (!Number.isFinite(number) || number <= 0) throw new Error(`${name}=${value} is not a positive number.`);
    return number;
}

function settingsFromEnvironment(): BenchSettings {
    return {
        runs: Math.round(numberSetting('MANDATE_BENCH_RUNS', 3)),
        samples: Math.round(numberSetting('MANDATE_BENCH_SAMPLES', 20)),
        edits: Math.round(numberSetting('MANDATE_BENCH_EDITS', 10_000)),
        timeoutMs: numberSetting('MANDATE_BENCH_TIMEOUT_S', 120) * 1000,
        largeTimeoutMs: numberSetting('MANDATE_BENCH_LARGE_TIMEOUT_S', 600) * 1000,
        large: process.env.MANDATE_BENCH_LARGE === '1'
    };
}

async function main(): Promise<number> {
    const args = process.argv.slice(2);
    const known = /^--(write-docs|no-baseline|keep|only=[a-z,-]+)$/;
    const unknown = args.filter(arg => !known.test(arg));
    if (unknown.length > 0) {
        console.error(`Unknown option ${unknown.join(' ')}. Options: --write-docs, --no-baseline, --only=${GROUPS.map(([name]) => name).join(',')}, --keep.`);
        return 2;
    }
    const only = args.find(arg => arg.startsWith('--only='))?.slice('--only='.length).split(',');
    const badGroups = (only ?? []).filter(name => !GROUPS.some(([group]) => group === name));
    if (badGroups.length > 0) {
        console.error(`Unknown group ${badGroups.join(', ')}; groups: ${GROUPS.map(([name]) => name).join(', ')}.`);
        return 2;
    }
    const groups = GROUPS.filter(([name]) => !only || only.includes(name));
    const settings = settingsFromEnvironment();
    // out/bench/main.cjs → the repository root.
    const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
    const log = (line: string) => console.log(line);

    const started = now();
    const loadBefore = loadavg();
    const current = currentBuild(root);
    const builds: Array<{ slot: BuildSlot; build: Build }> = [{ slot: 'current', build: current }];
    let baseline: Build | undefined;
    if (!args.includes('--no-baseline')) {
        baseline = baselineBuild(root, log);
        builds.push({ slot: 'baseline', build: baseline });
    }
    const scratch = mkdtempSync(join(tmpdir(), 'mandate-bench-'));
    const results = new Results();
    const context: BenchContext = { root, scratch, builds, workloads: new Workloads(scratch), settings, results, log };
    log(`Machine: ${machineDescription()}`);
    log(`Builds: this build (${current.revision})${baseline ? `, 0.1.0 (${baseline.revision}, ${baseline.root})` : ''}; workloads in ${scratch}`);
    try {
        let serversWarm = false;
        for (const [name, measure] of groups) {
            const groupStart = now();
            log(`- ${name}`);
            if (SERVER_GROUPS.has(name) && !serversWarm) {
                await warmUpServers(context);
                serversWarm = true;
                log(`  servers warmed up in ${formatMs(elapsedMs(groupStart))}`);
            }
            await measure(context);
            log(`  (${formatMs(elapsedMs(groupStart))})`);
        }
    } finally {
        if (!args.includes('--keep')) rmSync(scratch, { recursive: true, force: true });
    }

    const rows = tableRows(results, baseline !== undefined);
    console.log(`\n${textTable(rows)}\n`);
    const info = {
        date: new Date().toISOString().slice(0, 10),
        current, baseline, settings,
        groups: groups.map(([name]) => name),
        loadBefore, loadAfter: loadavg(),
        durationMs: elapsedMs(started)
    };
    mkdirSync(join(root, '.cache', 'bench'), { recursive: true });
    writeFileSync(join(root, '.cache', 'bench', 'last-run.json'), JSON.stringify({ ...info, machine: machineDescription(), results }, null, 2));
    if (args.includes('--write-docs')) {
        writeFileSync(join(root, 'docs', 'benchmarks.md'), benchmarksPage(results, info));
        log('Wrote docs/benchmarks.md.');
    }
    return 0;
}

main().then(code => { process.exitCode = code; }, (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
});
