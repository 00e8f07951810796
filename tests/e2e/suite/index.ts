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
import { RESULTS_ENV, type SuiteResults, type TestResult } from '../results';

export async function run(): Promise<void> {
    const started = Date.now();
    const tests: TestResult[] = [];
    const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60_000, reporter: 'spec' });
    // MANDATE_E2E_GREP runs only the tests whose full title matches, e.g. "Live edits".
    if (process.env.MANDATE_E2E_GREP) mocha.grep(process.env.MANDATE_E2E_GREP);
    const resultsFile = process.env[RESULTS_ENV];
    try {
        for (const file of fs.readdirSync(__dirname).filter(name => name.endsWith('.test.cjs')).sort()) {
            mocha.addFile(path.join(__dirname, file));
        }
        await mocha.loadFilesAsync();
        await new Promise<void>(resolve => {
            const runner = mocha.run(() => resolve());
            runner.on('pass', test => tests.push(result(test, 'passed')));
            runner.on('fail', (test, error) => tests.push(result(test, 'failed', error)));
            runner.on('pending', test => tests.push(result(test, 'skipped')));
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
