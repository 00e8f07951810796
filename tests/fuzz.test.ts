/**
 * The fuzz suite (issue 11): grammar-generated policies and mutated example policies, run in
 * process through parse, link and validate (the language server's update path), completion, hover,
 * document symbols and code actions at positions each case's seed picks, and every report format
 * for a share of the cases (tests/fuzz/run-cases.ts). No exception, no internal error in any
 * output, no operation over 2 s. Seeds are fixed, so every run runs the same cases; the cases are
 * shared out to one worker thread per core. See CONTRIBUTING.md, "Fuzzing".
 *
 *   MANDATE_FUZZ_CASES=200000 MANDATE_FUZZ_SEED=7 npx vitest run tests/fuzz.test.ts   # longer, other cases
 *   MANDATE_FUZZ_CASE=1-4711 npx vitest run tests/fuzz.test.ts                        # one case again, in process
 *
 * A failing case is printed with its seed and input and written to tests/fuzz/found/<id>/; once
 * understood and fixed, its input goes into tests/fuzz/regressions/ and is replayed on every run.
 */
import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { fuzzCase, probeRandom, regressionFixtures, saveFound } from './fuzz/cases.js';
import { FuzzDriver } from './fuzz/driver.js';
import { leak, type Problem } from './fuzz/problems.js';
import { mergeSummaries, runCases, type CaseFailure, type RunSummary } from './fuzz/run-cases.js';
import { runOnWorkers } from './fuzz/worker-pool.js';

const CASES = Number(process.env.MANDATE_FUZZ_CASES) || 10_000;
const SEED = Number(process.env.MANDATE_FUZZ_SEED) || 1;
const ONLY = process.env.MANDATE_FUZZ_CASE;
/** 0 runs the cases in the test's own thread. */
const WORKERS = process.env.MANDATE_FUZZ_WORKERS === undefined ? Math.min(2, availableParallelism()) : Number(process.env.MANDATE_FUZZ_WORKERS);

function problemLines(problems: readonly Problem[]): string {
    return problems.slice(0, 5).map(problem => `  ${problem.operation}: ${problem.message}${problem.stack ? `\n    ${problem.stack.split('\n').slice(0, 8).join('\n    ')}` : ''}`).join('\n');
}

/** A failing case as the test prints it, after saving it: seed, origin, problems, and the input (long inputs cut). */
function reportFailure(failure: CaseFailure): string {
    const failed = fuzzCase(SEED, failure.index);
    const folder = saveFound(failed, failure.problems, failure.alone.length > 0);
    const input = Object.entries(failed.files)
        .filter(([name]) => name.endsWith('.mandate'))
        .map(([name, text]) => `--- ${name} (${text.length} characters)\n${text.length > 1500 ? `${text.slice(0, 1500)}\n[… cut; the whole input is in the folder above]` : text}`)
        .join('\n');
    return [
        `Case ${failed.id} (seed ${failed.seed}, ${failed.origin}), saved in ${folder}`,
        `Replay: MANDATE_FUZZ_SEED=${SEED} MANDATE_FUZZ_CASE=${failed.id} npx vitest run tests/fuzz.test.ts. `
            + `Alone, on a fresh workspace, it ${failure.alone.length > 0 ? 'fails too' : 'passes: an earlier case left state behind'}.`,
        problemLines(failure.problems),
        input
    ].join('\n');
}

function describeRun(summary: RunSummary, ms: number, cpu: NodeJS.CpuUsage): string {
    const kinds = [...summary.msByKind].sort((a, b) => b[1] - a[1]).map(([kind, time]) => `${kind} ${(time / 1000).toFixed(1)} s`).join(', ');
    return `fuzz: ${summary.cases.toLocaleString('en-US')} cases, ${summary.operations.toLocaleString('en-US')} operations in ${(ms / 1000).toFixed(1)} s (${((cpu.user + cpu.system) / 1e6).toFixed(1)} s CPU) `
        + `on ${ONLY || WORKERS === 0 ? 'the test thread' : `${WORKERS} worker threads`}; slowest operation ${Math.round(summary.slowestMs)} ms (${summary.slowest}); time by operation: ${kinds}`;
}

describe('the fuzz suite\'s detector', () => {
    it('finds internal errors and leaked values in any output, and passes clean text', () => {
        expect(leak('2017-10-02 via undefined')).toContain('undefined');
        expect(leak('An error occurred during validation: x')).toContain('An error occurred');
        expect(leak('{"a":[object Object]}')).toContain('[object Object]');
        expect(leak('Nobody holds the CISO role \'ciso\' on 2025-06-30.')).toBeUndefined();
    });
});

describe('fuzzing', () => {
    const title = ONLY
        ? `case ${ONLY}`
        : `${CASES.toLocaleString('en-US')} cases, seed ${SEED}: grammar-generated and mutated examples, no crash, no internal error, no operation over 2 s`;
    it(title, async () => {
        if (ONLY && Number(ONLY.split('-')[0]) !== SEED) throw new Error(`MANDATE_FUZZ_CASE=${ONLY} belongs to seed ${ONLY.split('-')[0]}: set MANDATE_FUZZ_SEED=${ONLY.split('-')[0]} too`);
        const start = performance.now();
        const cpu = process.cpuUsage();
        const summary = ONLY ? await runCases(SEED, [Number(ONLY.split('-')[1])])
            : WORKERS === 0 ? await runCases(SEED, Array.from({ length: CASES }, (_, index) => index))
                : mergeSummaries(await runOnWorkers(SEED, CASES, WORKERS));
        console.log(describeRun(summary, performance.now() - start, process.cpuUsage(cpu)));
        const failures = summary.failures.map(reportFailure);
        for (const failure of failures) console.error(failure);
        expect(failures, failures.join('\n\n')).toEqual([]);
        expect(summary.cases).toBe(ONLY ? 1 : CASES);
    }, Math.max(600_000, CASES * 30)); // ~4 ms a case on two cores: a longer run (CONTRIBUTING.md) gets the time it needs

    for (const fixture of regressionFixtures()) {
        it(`replays regression ${fixture.origin}`, async () => {
            const driver = await FuzzDriver.create();
            const result = await driver.run(fixture.files, probeRandom(fixture), { probes: true, reports: true, exhaustive: true });
            expect(result.problems, problemLines(result.problems)).toEqual([]);
        }, 120_000);
    }
});
