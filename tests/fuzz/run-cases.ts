/**
 * Runs a share of a fuzz run's cases on one driver, in the test's thread or in a worker thread
 * (worker.ts), and sums up what it saw. A failing case is run again alone on a fresh workspace, to
 * tell an input that fails by itself from one that fails after what earlier cases left behind.
 */
import { fuzzCase, probeRandom, type FuzzCase } from './cases.js';
import { FuzzDriver, type CaseResult, type RunOptions } from './driver.js';
import type { Problem } from './problems.js';

/** Language features for one pair of cases in PROBE_EVERY, reports for one in REPORT_EVERY: sized to keep the default run in CI's budget. */
const PROBE_EVERY = 2;
const REPORT_EVERY = 50;
/** Stop after this many distinct failures (cases failing the same way count once): the first few say enough. */
const MAX_FAILURES = Number(process.env.MANDATE_FUZZ_MAX_FAILURES) || 5;

export interface CaseFailure {
    readonly index: number;
    readonly problems: readonly Problem[];
    /** The problems of the same case run alone on a fresh workspace (none: earlier cases left state behind). */
    readonly alone: readonly Problem[];
}

export interface RunSummary {
    readonly cases: number;
    readonly operations: number;
    readonly slowestMs: number;
    readonly slowest: string;
    /** Milliseconds per kind of operation, and per family of case (`[generated]`, `[acme]`, …). */
    readonly msByKind: ReadonlyMap<string, number>;
    readonly failures: readonly CaseFailure[];
}

/** Cases come in pairs, one generated and one mutated (cases.ts): a pair is probed, or reported on, together. */
export function runOptions(index: number, fuzzCase: FuzzCase): RunOptions {
    const pair = Math.floor(index / 2);
    return { probes: pair % PROBE_EVERY === 0, reports: pair % REPORT_EVERY === 0, focus: fuzzCase.focus };
}

/** A failure's kind, to report each way of failing once: the operation and the message with names, numbers and quotes left out. */
function signatureOf(result: CaseResult): string {
    const [first] = result.problems;
    return `${first.operation.split(' ')[0]} ${first.message.replace(/«.*?»|'[^']*'|"[^"]*"|\d+/g, '_').slice(0, 120)}`;
}

function family(fuzzCase: FuzzCase): string {
    return fuzzCase.origin.startsWith('examples/acme') ? '[acme]' : fuzzCase.origin.startsWith('examples') ? '[findings examples]' : '[generated]';
}

export async function runCases(seed: number, indexes: Iterable<number>): Promise<RunSummary> {
    const driver = await FuzzDriver.create();
    const failures: CaseFailure[] = [];
    const seen = new Set<string>();
    const msByKind = new Map<string, number>();
    const add = (kind: string, ms: number) => msByKind.set(kind, (msByKind.get(kind) ?? 0) + ms);
    let cases = 0;
    let operations = 0;
    let slowest = { ms: 0, what: '' };
    for (const index of indexes) {
        const current = fuzzCase(seed, index);
        const options = runOptions(index, current);
        const start = performance.now();
        const result = await driver.run(current.files, probeRandom(current), options);
        add(family(current), performance.now() - start);
        for (const [kind, ms] of result.msByKind) add(kind, ms);
        cases++;
        operations += result.operations;
        if (result.slowestMs > slowest.ms) slowest = { ms: result.slowestMs, what: `${result.slowest} in case ${current.id}` };
        if (result.problems.length === 0) continue;
        const signature = signatureOf(result);
        if (seen.has(signature)) continue;
        seen.add(signature);
        const alone = await (await FuzzDriver.create()).run(current.files, probeRandom(current), options);
        failures.push({ index, problems: result.problems, alone: alone.problems });
        if (failures.length >= MAX_FAILURES) break;
    }
    return { cases, operations, slowestMs: slowest.ms, slowest: slowest.what, msByKind, failures };
}

/** One summary of the summaries of the workers. */
export function mergeSummaries(summaries: readonly RunSummary[]): RunSummary {
    const msByKind = new Map<string, number>();
    for (const summary of summaries) for (const [kind, ms] of summary.msByKind) msByKind.set(kind, (msByKind.get(kind) ?? 0) + ms);
    const slowest = summaries.reduce((a, b) => (b.slowestMs > a.slowestMs ? b : a), summaries[0]);
    return {
        cases: summaries.reduce((sum, summary) => sum + summary.cases, 0),
        operations: summaries.reduce((sum, summary) => sum + summary.operations, 0),
        slowestMs: slowest?.slowestMs ?? 0,
        slowest: slowest?.slowest ?? '',
        msByKind,
        failures: summaries.flatMap(summary => summary.failures).sort((a, b) => a.index - b.index)
    };
}
