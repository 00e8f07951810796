import type { ExpectationResult, PolicyTestRun, TestLocation, TestResult } from './index.js';

/** How a renderer names places and quotes the test file: the CLI's paths are relative to the working directory. */
export interface RenderOptions {
    /** The file of a URI as the reader should see it; the workspace-relative path by default. */
    readonly fileOf?: (uri: string, workspaceFile: string) => string;
    /** The first line of an expectation as written, e.g. `expect holders of ciso are jane`. */
    readonly sourceOf?: (location: TestLocation) => string | undefined;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Messages can span lines (parser messages); each line of the output keeps one fact. */
const oneLine = (text: string) => text.replace(/\s*[\r\n]+\s*/g, ' ').trim();

export function placeOf(location: TestLocation, options: RenderOptions): string {
    return `${options.fileOf?.(location.uri, location.file) ?? location.file}:${location.line}:${location.column}`;
}

/** An expectation's failure: where, what it states, expected, actual and why. */
export function failureText(expectation: ExpectationResult, options: RenderOptions, indent = ''): string[] {
    const source = options.sourceOf?.(expectation.location);
    const scenario = expectation.whatIf ? ` (when ${expectation.whatIf.person} leaves on ${expectation.whatIf.date})` : '';
    const lines = [`${indent}${placeOf(expectation.location, options)}: ${source ? oneLine(source) : expectation.kind}${scenario}`,
        `${indent}  expected: ${oneLine(expectation.expected)}`,
        `${indent}  actual:   ${oneLine(expectation.actual)}`];
    expectation.explanation.forEach((line, index) => lines.push(`${indent}  ${index === 0 ? 'why:     ' : '         '} ${oneLine(line)}`));
    return lines;
}

/** A test's error, rewritten with the reader's file names where it names the test's own file. */
function errorLines(test: TestResult, options: RenderOptions, indent: string): string[] {
    const own = options.fileOf?.(test.location.uri, test.location.file);
    return (test.error ?? '').split('\n').map(line => `${indent}${own && line.startsWith(`${test.location.file}:`) ? own + line.slice(test.location.file.length) : line}`);
}

/** The plain-text report of a run: each test with PASS, FAIL or ERROR, then each failure in full, then the counts. */
export function renderText(run: PolicyTestRun, options: RenderOptions = {}): string {
    const lines: string[] = [];
    for (const file of run.files) {
        lines.push(options.fileOf?.(file.uri, file.file) ?? file.file);
        for (const test of file.tests) {
            const word = test.status === 'passed' ? 'PASS ' : test.status === 'failed' ? 'FAIL ' : 'ERROR';
            const failed = test.expectations.filter(expectation => !expectation.passed).length;
            const counts = test.status === 'errored' ? [] : [`${plural(test.expectations.length, 'expectation')}${failed > 0 ? `, ${failed} failed` : ''}`];
            const detail = [...test.date ? [test.date] : [], ...counts].join(', ');
            lines.push(`  ${word} ${oneLine(test.title)}${detail ? ` (${detail})` : ''}`);
            if (test.status === 'errored') lines.push(...errorLines(test, options, '        '));
            for (const expectation of test.expectations.filter(candidate => !candidate.passed)) lines.push(...failureText(expectation, options, '        '));
        }
    }
    const { summary } = run;
    lines.push(`${plural(summary.tests, 'test')}: ${summary.passed} passed, ${summary.failed} failed, ${summary.errored} errored `
        + `(${plural(summary.expectations, 'expectation')}, ${summary.expectationsFailed} failed)`);
    return `${lines.join('\n')}\n`;
}

/** The JSON report: the run as the runner returns it, with a format tag and version to build on. */
export function renderJson(run: PolicyTestRun, toolVersion: string): string {
    return `${JSON.stringify({ format: 'mandate-test-results', version: 1, tool: { name: 'mandate', version: toolVersion }, summary: run.summary, files: run.files }, null, 2)}\n`;
}
