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

export function readResults(file: string): SuiteResults {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<SuiteResults>;
    if (!Array.isArray(parsed.tests)) throw new Error(`${file} has no tests array`);
    return parsed as SuiteResults;
}

/** Waits for `file` to exist, polling, or gives up after `timeoutMs` (then returns false). */
export async function waitForFile(file: string, timeoutMs: number, stop: () => boolean = () => false): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline && !stop()) {
        if (fs.existsSync(file)) return true;
        await new Promise(resolve => setTimeout(resolve, 250));
    }
    return fs.existsSync(file);
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
