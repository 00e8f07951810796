/**
 * The suite runner that VS Code loads through `--extensionTestsPath` (desktop, via
 * @vscode/test-electron) or the `extensionTestsPath` payload entry (code-server). VS Code calls
 * `run()` inside the extension host, where `vscode` is the real API.
 *
 * It runs every bundled *.test.cjs next to it with mocha (TDD interface), and writes each test's
 * name, state and error to the JSON file named by MANDATE_E2E_RESULTS: in the browser nothing
 * else reports back, because the page stays open after the run. run() rejects when a test
 * failed, which is how @vscode/test-electron learns the outcome.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';
import { appendProgress, progressFileOf, RESULTS_ENV, type SuiteResults, type TestResult } from '../results';

export async function run(): Promise<void> {
    const started = Date.now();
    const tests: TestResult[] = [];
    const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60_000, reporter: 'spec' });
    // MANDATE_E2E_GREP runs only the tests whose full title matches, e.g. "Live edits".
    if (process.env.MANDATE_E2E_GREP) mocha.grep(process.env.MANDATE_E2E_GREP);
    const resultsFile = process.env[RESULTS_ENV];
    const progressFile = resultsFile ? progressFileOf(resultsFile) : undefined;
    const record = (state: TestResult['state'], test: Mocha.Runnable, error?: unknown) => {
        const entry = result(test, state, error);
        tests.push(entry);
        if (progressFile) appendProgress(progressFile, { event: 'result', result: entry });
    };
    try {
        if (progressFile) {
            fs.mkdirSync(path.dirname(progressFile), { recursive: true });
            appendProgress(progressFile, { event: 'start' });
        }
        for (const file of fs.readdirSync(__dirname).filter(name => name.endsWith('.test.cjs')).sort()) {
            mocha.addFile(path.join(__dirname, file));
        }
        await mocha.loadFilesAsync();
        await new Promise<void>(resolve => {
            const runner = mocha.run(() => resolve());
            // Hooks count too: a hook that never returns is where a stalled suite stands.
            const begin = (runnable: Mocha.Runnable) => { if (progressFile) appendProgress(progressFile, { event: 'begin', title: runnable.fullTitle() }); };
            runner.on('test', begin);
            runner.on('hook', begin);
            runner.on('hook end', hook => { if (progressFile) appendProgress(progressFile, { event: 'end', title: hook.fullTitle() }); });
            runner.on('pass', test => record('passed', test));
            runner.on('fail', (test, error) => record('failed', test, error));
            runner.on('pending', test => record('skipped', test));
        });
    } catch (error) {
        // A suite that cannot even load is one failure, not an empty (and so green) run.
        tests.push({ title: 'load the e2e suite', state: 'failed', durationMs: 0, error: describe(error) });
    }
    const failed = tests.filter(test => test.state === 'failed').length;
    if (resultsFile) {
        const results: SuiteResults = { vscodeVersion: vscode.version, durationMs: Date.now() - started, tests };
        fs.mkdirSync(path.dirname(resultsFile), { recursive: true });
        // Write, then rename: the harness polls for the file and must never read half of it.
        fs.writeFileSync(`${resultsFile}.partial`, JSON.stringify(results, null, 2));
        fs.renameSync(`${resultsFile}.partial`, resultsFile);
    }
    if (failed > 0) throw new Error(`${failed} of ${tests.length} e2e tests failed`);
}

function result(test: Mocha.Runnable, state: TestResult['state'], error?: unknown): TestResult {
    return { title: test.fullTitle(), state, durationMs: test.duration ?? 0, ...(error === undefined ? {} : { error: describe(error) }) };
}

function describe(error: unknown): string {
    if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
    return String(error);
}
