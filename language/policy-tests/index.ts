/**
 * Policy tests: `test "…" on DATE { expect … }` blocks in .mandate files, run on a fixed date
 * (never the clock) against the real engines: holders and entitlements through the query engine
 * (language/query/), findings through the check engine, requirement status through the
 * applicability engine, what-if through the query engine's `whatIf`. `mandate test` and the
 * editor's Testing view both call `runPolicyTests` / `runPolicyTestsOn`.
 *
 * The result types are a public surface (CLI JSON, the editor): add fields, never rename them.
 */
export { firstTestDate, runPolicyTests, runPolicyTestsOn, SYNTAX_CODES, type PolicyTestOptions, type TestSelector } from './run-tests.js';
export { POLICY_TEST_INVALID, registerPolicyTestChecks } from './test-validation.js';

/** A place in a test file. Lines and columns are 1-based; the range covers the whole expectation or test. */
export interface TestLocation {
    /** Absolute URI string of the file. */
    readonly uri: string;
    /** Workspace-relative path, as reports and findings name files. */
    readonly file: string;
    readonly line: number;
    readonly column: number;
    readonly endLine: number;
    readonly endColumn: number;
}

export type ExpectationKind = 'holders' | 'may-perform' | 'may-appoint' | 'finding' | 'no-finding' | 'no-findings' | 'status';

export interface ExpectationResult {
    readonly kind: ExpectationKind;
    readonly location: TestLocation;
    /** The date the expectation was checked on. */
    readonly date: string;
    /** Set inside a `when … leaves on …` block: the scenario it was checked under. */
    readonly whatIf?: { readonly person: string; readonly date: string };
    readonly passed: boolean;
    /** What the test states, in words (`exactly priya-nair`). */
    readonly expected: string;
    /** What the engines answered, in words (`priya-nair, thomas-becker`). */
    readonly actual: string;
    /** Why, one line each: the chain behind an answer, the findings that matched or did not, with file:line. */
    readonly explanation: readonly string[];
}

export type TestStatus = 'passed' | 'failed' | 'errored';

export interface TestResult {
    readonly title: string;
    /** The whole `test` block. */
    readonly location: TestLocation;
    /** The test's date (its `on`, or the run's as-of date); absent when it has none. */
    readonly date?: string;
    /** `errored`: the test could not run (no date, a name that does not resolve, an invalid expectation). */
    readonly status: TestStatus;
    /** Why it errored, with file:line. */
    readonly error?: string;
    readonly expectations: readonly ExpectationResult[];
}

export interface TestFileResult {
    readonly uri: string;
    readonly file: string;
    readonly tests: readonly TestResult[];
}

export interface TestSummary {
    readonly tests: number;
    readonly passed: number;
    readonly failed: number;
    readonly errored: number;
    readonly expectations: number;
    readonly expectationsFailed: number;
}

export interface PolicyTestRun {
    /** Files that hold tests, in path order. */
    readonly files: readonly TestFileResult[];
    readonly summary: TestSummary;
}
