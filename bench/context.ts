/** What every measurement group gets: the builds, the workloads, the run's settings and where results go. */
import type { Build } from './builds.js';
import type { BuildSlot, Cell, Results } from './figures.js';
import type { Workloads } from './workloads.js';

/**
 * A cold run this slow is not repeated: 0.1.0's runs of the large workloads take minutes. Faster runs
 * are, the 1M-line check (~10 s) among them: one run of it varied by 2 s on this machine, across its goal.
 */
export const SLOW_RUN_MS = 30_000;

export interface BenchSettings {
    /** Cold runs per figure and build; the median is reported. */
    readonly runs: number;
    /** Samples per LSP figure (edits, completions); p95 is reported. */
    readonly samples: number;
    /** Random edits for the drift figure. */
    readonly edits: number;
    /** A single run of a build is stopped after this long (0.1.0 takes minutes on some workloads). */
    readonly timeoutMs: number;
    /** The same for the 1M-line workload. */
    readonly largeTimeoutMs: number;
    /** Whether the 1M-line workload runs (MANDATE_BENCH_LARGE=1). */
    readonly large: boolean;
}

export interface BenchContext {
    readonly root: string;
    readonly scratch: string;
    readonly builds: ReadonlyArray<{ readonly slot: BuildSlot; readonly build: Build }>;
    readonly workloads: Workloads;
    readonly settings: BenchSettings;
    readonly results: Results;
    log(line: string): void;
}

export function record(context: BenchContext, id: string, slot: BuildSlot, cell: Cell): void {
    context.results.set(id, slot, cell);
    const text = cell.missing ?? cell.text;
    context.log(`    ${id} [${slot === 'current' ? 'this build' : 'baseline'}]: ${text}`);
}

export function missing(text: string): Cell {
    return { text, missing: text };
}
