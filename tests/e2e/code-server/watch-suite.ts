/**
 * Watches an extension-host suite running in the browser, where nothing reports back but the
 * files the runner writes (tests/e2e/results.ts). Three ways to give up, each with its own
 * cause: the runner never started (the workbench or its extension host did not come up, which a
 * second page load may cure), the suite stopped moving (no event for longer than any test or
 * hook may take, so the extension host or the language server stopped answering), or the whole
 * run took too long.
 */
import * as fs from 'node:fs';
import { progressFileOf, readProgress, type SuiteProgress } from '../results';

export interface WatchLimits {
    /** From the page load to the runner's first event. */
    readonly startMs: number;
    /** Between two events once started: longer than mocha's timeout for a test plus its hooks. */
    readonly stallMs: number;
    /** The whole run. */
    readonly totalMs: number;
}

export type WatchOutcome =
    | { readonly kind: 'done' }
    | { readonly kind: 'stopped' }
    | { readonly kind: 'not-started'; readonly afterMs: number }
    | { readonly kind: 'stalled' | 'timed-out'; readonly afterMs: number; readonly progress: SuiteProgress };

export async function watchSuite(resultsFile: string, limits: WatchLimits, stop: () => boolean, pollMs = 500): Promise<WatchOutcome> {
    const progressFile = progressFileOf(resultsFile);
    const began = Date.now();
    let lastSize = -1;
    let lastChange = began;
    for (;;) {
        if (fs.existsSync(resultsFile)) return { kind: 'done' };
        if (stop()) return { kind: 'stopped' };
        const now = Date.now();
        const size = fileSize(progressFile);
        if (size !== lastSize) {
            lastSize = size;
            lastChange = now;
        }
        if (size <= 0 && now - began > limits.startMs) return { kind: 'not-started', afterMs: now - began };
        if (size > 0 && now - lastChange > limits.stallMs) return { kind: 'stalled', afterMs: now - lastChange, progress: readProgress(progressFile) };
        if (now - began > limits.totalMs) return { kind: 'timed-out', afterMs: now - began, progress: readProgress(progressFile) };
        await new Promise(resolve => setTimeout(resolve, pollMs));
    }
}

function fileSize(file: string): number {
    try {
        return fs.statSync(file).size;
    } catch {
        return 0;
    }
}

/** The last `count` lines of a log, for a CI log that shows only what the harness prints; stack frames left out. */
export function tailOf(file: string, count: number): string[] {
    try {
        const lines = fs.readFileSync(file, 'utf8').split('\n').filter(line => line.trim() !== '' && !/^\s+at /.test(line));
        return lines.slice(-count);
    } catch {
        return [];
    }
}
