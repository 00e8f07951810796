// The e2e harness's watch over a suite running in the browser (tests/e2e/code-server/watch-suite.ts):
// a CI run once ended in "no results within 600 s" and nothing else, so a run that gives up must
// say which tests ran and which one was running.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendProgress, progressFileOf, readProgress, type TestResult } from './e2e/results';
import { tailOf, watchSuite } from './e2e/code-server/watch-suite';

let dir: string;
let resultsFile: string;
let progressFile: string;
beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mandate-e2e-watch-'));
    resultsFile = path.join(dir, 'results.json');
    progressFile = progressFileOf(resultsFile);
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const passed = (title: string): TestResult => ({ title, state: 'passed', durationMs: 5 });

describe('suite progress', () => {
    it('lists the results so far and the test still running, skipping a line being written', () => {
        appendProgress(progressFile, { event: 'start' });
        appendProgress(progressFile, { event: 'begin', title: 'Navigation jumps' });
        appendProgress(progressFile, { event: 'result', result: passed('Navigation jumps') });
        appendProgress(progressFile, { event: 'begin', title: 'Quick fixes "before each" hook' });
        appendProgress(progressFile, { event: 'end', title: 'Quick fixes "before each" hook' });
        appendProgress(progressFile, { event: 'begin', title: 'Quick fixes adds a date' });
        fs.appendFileSync(progressFile, '{"event":"result","res');
        const progress = readProgress(progressFile);
        expect(progress.started).toBe(true);
        expect(progress.tests.map(test => test.title)).toEqual(['Navigation jumps']);
        expect(progress.running).toBe('Quick fixes adds a date');
    });

    it('is not started when the runner never wrote, and a hook that never ended is what runs', () => {
        expect(readProgress(progressFile)).toEqual({ started: false, tests: [] });
        appendProgress(progressFile, { event: 'start' });
        appendProgress(progressFile, { event: 'begin', title: 'Report "before all" hook' });
        expect(readProgress(progressFile).running).toBe('Report "before all" hook');
    });
});

describe('watchSuite', () => {
    const never = () => false;

    it('is done as soon as the results file exists', async () => {
        fs.writeFileSync(resultsFile, '{"tests":[]}');
        expect(await watchSuite(resultsFile, { startMs: 1000, stallMs: 1000, totalMs: 1000 }, never, 10)).toEqual({ kind: 'done' });
    });

    it('gives up on a suite that never started, and on one that stopped moving, with its progress', async () => {
        const notStarted = await watchSuite(resultsFile, { startMs: 60, stallMs: 10_000, totalMs: 10_000 }, never, 10);
        expect(notStarted.kind).toBe('not-started');
        appendProgress(progressFile, { event: 'start' });
        appendProgress(progressFile, { event: 'begin', title: 'Live edits hangs' });
        const stalled = await watchSuite(resultsFile, { startMs: 10_000, stallMs: 60, totalMs: 10_000 }, never, 10);
        expect(stalled.kind).toBe('stalled');
        expect(stalled.kind === 'stalled' && stalled.progress.running).toBe('Live edits hangs');
    });

    it('times out a suite that keeps moving past the total, and stops when asked', async () => {
        appendProgress(progressFile, { event: 'start' });
        let count = 0;
        const ticking = setInterval(() => appendProgress(progressFile, { event: 'result', result: passed(`test ${++count}`) }), 10);
        try {
            const outcome = await watchSuite(resultsFile, { startMs: 10_000, stallMs: 10_000, totalMs: 150 }, never, 10);
            expect(outcome.kind).toBe('timed-out');
            expect(outcome.kind === 'timed-out' && outcome.progress.tests.length).toBeGreaterThan(0);
        } finally {
            clearInterval(ticking);
        }
        expect(await watchSuite(resultsFile, { startMs: 10_000, stallMs: 10_000, totalMs: 10_000 }, () => true, 10)).toEqual({ kind: 'stopped' });
    });

    it('reads the end of a log without stack frames, and nothing from a missing one', () => {
        const log = path.join(dir, 'log.txt');
        fs.writeFileSync(log, 'one\ntwo\n\nthree\n    at frame (x.js:1:2)\n');
        expect(tailOf(log, 2)).toEqual(['two', 'three']);
        expect(tailOf(path.join(dir, 'missing.log'), 5)).toEqual([]);
    });
});
