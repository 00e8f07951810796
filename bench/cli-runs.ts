/**
 * Runs a build's real CLI (out/cli/main.cjs) as a child process, the way a user or CI does, and
 * measures wall time from spawn to exit and the process's peak resident memory.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { elapsedMs, now } from './stats.js';

export interface CliRun {
    readonly ms: number;
    readonly exitCode: number | null;
    readonly timedOut: boolean;
    /** Peak resident set size in bytes (getrusage maxrss of the CLI process), when it exited normally. */
    readonly peakRssBytes?: number;
    /** CPU time (user + system) in ms: steadier than wall time on a busy machine. */
    readonly cpuMs?: number;
    readonly stdout: string;
    readonly stderr: string;
}

export interface CliOptions {
    readonly timeoutMs: number;
    /** A folder for the peak-memory hook and its result files. */
    readonly scratch: string;
}

// Preloaded into the CLI process: on exit, it writes the process's peak RSS (KiB on Linux) and CPU
// time (µs, user + system, all threads) to a file.
// No change to the CLI itself, so 0.1.0 is measured the same way.
const PEAK_RSS_HOOK = `process.on('exit', () => {
    const usage = process.resourceUsage();
    try { require('fs').writeFileSync(process.env.MANDATE_BENCH_RSS_FILE, JSON.stringify([usage.maxRSS, usage.userCPUTime + usage.systemCPUTime])); } catch {}
});
`;

let runCounter = 0;

export function runCli(cliPath: string, args: readonly string[], options: CliOptions): Promise<CliRun> {
    const hook = join(options.scratch, 'peak-rss-hook.cjs');
    if (!existsSync(hook)) writeFileSync(hook, PEAK_RSS_HOOK);
    const rssFile = join(options.scratch, `peak-rss-${process.pid}-${runCounter++}.txt`);
    rmSync(rssFile, { force: true });
    return new Promise(resolve => {
        const start = now();
        const child = spawn(process.execPath, ['--require', hook, cliPath, ...args], {
            stdio: ['ignore', 'pipe', 'pipe'],
            env: { ...process.env, MANDATE_BENCH_RSS_FILE: rssFile }
        });
        let stdout = '';
        let stderr = '';
        let timedOut = false;
        child.stdout.setEncoding('utf8').on('data', (chunk: string) => { if (stdout.length < 1e6) stdout += chunk; });
        child.stderr.setEncoding('utf8').on('data', (chunk: string) => { if (stderr.length < 1e6) stderr += chunk; });
        const timer = setTimeout(() => { timedOut = true; child.kill('SIGKILL'); }, options.timeoutMs);
        child.on('close', exitCode => {
            const ms = elapsedMs(start);
            clearTimeout(timer);
            let peakRssBytes: number | undefined;
            let cpuMs: number | undefined;
            if (existsSync(rssFile)) {
                const [maxRss, cpuMicroseconds] = JSON.parse(readFileSync(rssFile, 'utf8')) as [number, number];
                peakRssBytes = maxRss * 1024;
                cpuMs = cpuMicroseconds / 1000;
                rmSync(rssFile, { force: true });
            }
            resolve({ ms, exitCode, timedOut, peakRssBytes, cpuMs, stdout, stderr });
        });
    });
}

/** The CLI's own closing line, e.g. "0 errors, 0 warnings, 0 notes in 501 files". */
export function checkSummary(run: CliRun): string {
    return run.stdout.trim().split('\n').at(-1) ?? '';
}

/** Whether `mandate check` found nothing: the workloads are clean, so anything else is a wrong measurement. */
export function isCleanCheck(run: CliRun): boolean {
    return run.exitCode === 0 && /^0 errors, 0 warnings/.test(checkSummary(run));
}

export const OUT_OF_MEMORY = 'ran out of memory (the V8 heap limit)';

/** Whether a process's error output is V8's dying words on running out of heap: a GC log and a stack, not a reason to show. */
export function ranOutOfMemory(stderr: string): boolean {
    return /JavaScript heap out of memory|Last few GCs|HeapAllocator::AllocateRaw/.test(stderr);
}

/** A one-line reason a run cannot be used, or undefined when it can. */
export function failureOf(run: CliRun, timeoutMs: number): string | undefined {
    if (run.timedOut) return `did not finish within ${Math.round(timeoutMs / 1000)} s`;
    if (ranOutOfMemory(run.stderr)) return OUT_OF_MEMORY;
    if (run.exitCode !== 0) {
        const detail = (run.stderr.trim() || run.stdout.trim()).split('\n').slice(0, 2).join(' ').slice(0, 200);
        return `exit code ${run.exitCode}${detail ? `: ${detail}` : ''}`;
    }
    return undefined;
}
