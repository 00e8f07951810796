/**
 * The results file the suite runner writes (suite/index.ts) and the harnesses read, and the
 * report they print: one line per test, then `N passed, N failed` alone on the last line.
 */
import * as fs from 'node:fs';

/** The environment variable that names the results file for the suite runner. */
export const RESULTS_ENV = 'MANDATE_E2E_RESULTS';

export interface TestResult {
    /** Suite and test name, e.g. "Diagnostics examples/findings/ciso-missing: ..." */
    readonly title: string;
    readonly state: 'passed' | 'failed' | 'skipped';
    readonly durationMs: number;
    /** The error's stack (its first line is the message); only for failed tests. */
    readonly error?: string;
}

export interface SuiteResults {
    readonly vscodeVersion: string;
    readonly durationMs: number;
    readonly tests: readonly TestResult[];
}

/**
 * The progress file beside the results file: one JSON line per runner event, appended as the
 * suite runs. A harness that gives up on a suite (it never started, or stopped moving) can still
 * say which tests ran and which one was running, instead of only "no results".
 */
export function progressFileOf(resultsFile: string): string {
    return `${resultsFile}.progress`;
}

export type ProgressEvent =
    | { readonly event: 'start' }
    | { readonly event: 'begin'; readonly title: string }
    | { readonly event: 'end'; readonly title: string }
    | { readonly event: 'result'; readonly result: TestResult };

export interface SuiteProgress {
    /** The runner loaded in the extension host and began. */
    readonly started: boolean;
    /** The test or hook that began and has no result yet. */
    readonly running?: string;
    readonly tests: readonly TestResult[];
}

/** Appends one event; the runner calls it, so it must never throw into mocha. */
export function appendProgress(file: string, event: ProgressEvent): void {
    try {
        fs.appendFileSync(file, `${JSON.stringify(event)}\n`);
    } catch {
        // Progress is a diagnostic aid; the results file is what counts.
    }
}

/** Reads the events so far; a last line still being written is skipped. */
export function readProgress(file: string): SuiteProgress {
    let text: string;
    try {
        text = fs.readFileSync(file, 'utf8');
    } catch {
        return { started: false, tests: [] };
    }
    let started = false;
    let running: string | undefined;
    const tests: TestResult[] = [];
    for (const line of text.split('\n')) {
        let event: ProgressEvent;
        try {
            event = JSON.parse(line) as ProgressEvent;
        } catch {
            continue;
        }
        if (event.event === 'start') started = true;
        else if (event.event === 'begin') running = event.title;
        else if (event.event === 'end' && event.title === running) running = undefined;
        else if (event.event === 'result') {
            tests.push(event.result);
            if (event.result.title === running) running = undefined;
        }
    }
    return { started, running, tests };
}

export function readResults(file: string): SuiteResults {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<SuiteResults>;
    if (!Array.isArray(parsed.tests)) throw new Error(`${file} has no tests array`);
    return parsed as SuiteResults;
}

/** Prints the report; returns the number of failed tests. */
export function printReport(tests: readonly TestResult[], write: (line: string) => void = line => console.log(line)): number {
    for (const test of tests) {
        const mark = test.state === 'passed' ? 'PASS' : test.state === 'failed' ? 'FAIL' : 'SKIP';
        write(`${mark} ${test.title} (${test.durationMs} ms)`);
        if (test.error) {
            // The message and the first frames are enough; the full stack is in the results file.
            const lines = test.error.split('\n');
            const shown = lines.slice(0, 12);
            for (const line of shown) write(`       ${line}`);
            if (lines.length > shown.length) write(`       ... (${lines.length - shown.length} more lines)`);
        }
    }
    const passed = tests.filter(test => test.state === 'passed').length;
    const failed = tests.filter(test => test.state === 'failed').length;
    const skipped = tests.filter(test => test.state === 'skipped').length;
    write(`${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`);
    return failed;
}
