import { URI, type LangiumDocument } from 'langium';
import { checkSources, type CheckedWorkspace, type CheckOptions, type PolicySource } from '../engine/check-sources.js';
import type { Expectation, Model, PolicyTest, WhatIf } from '../generated/ast.js';
import { compareStrings } from '../util/compare.js';
import { isValidIsoDate, type IsoDate } from '../util/dates.js';
import { evaluateSet, type SetExpectation } from './expect-sets.js';
import { evaluateState, ExpectationError, stateAfter, stateOn, type StateExpectation } from './expect-findings.js';
import type { ExpectationResult, PolicyTestRun, TestFileResult, TestResult } from './index.js';
import { RunContext } from './run-context.js';

/** One file's tests, or the one test that starts (or contains) `line` (1-based): the editor's "run this test". */
export interface TestSelector {
    readonly uri: string;
    readonly line?: number;
}

export interface PolicyTestOptions {
    /** The date of a test written without `on`: the run's explicit as-of date. Never today. */
    readonly defaultDate?: IsoDate;
    /** Only these files or tests; all when absent. */
    readonly only?: readonly TestSelector[];
    /** How a test without `on` gets a date where it runs: `run it with --as-of` (the CLI), or the editor's setting. */
    readonly undatedHint?: string;
}

/** The findings that say a file does not parse. */
export const SYNTAX_CODES: ReadonlySet<string> = new Set(['parsing-error', 'lexing-error']);

/** Checks the sources as one workspace of its own (the caller's is never touched), then runs their tests. */
export async function runPolicyTests(sources: readonly PolicySource[], options: CheckOptions & PolicyTestOptions = {}): Promise<PolicyTestRun> {
    const checked = await checkSources(sources, { ...options, asOf: options.defaultDate ?? firstTestDate(sources) });
    return runPolicyTestsOn(checked, options);
}

/**
 * A date to check the workspace on first (the first `test "…" on DATE` of the texts), so a run
 * whose tests share one date validates once instead of once more on a date no test asks for.
 */
export function firstTestDate(sources: readonly PolicySource[]): IsoDate | undefined {
    for (const source of sources) {
        const date = /\btest\s+"(?:[^"\\\r\n]|\\.)*"\s+on\s+(\d{4}-\d{2}-\d{2})/.exec(source.text)?.[1];
        if (date && isValidIsoDate(date)) return date;
    }
    return undefined;
}

function selected(test: PolicyTest, document: LangiumDocument, only: readonly TestSelector[] | undefined): boolean {
    if (!only) return true;
    const range = test.$cstNode?.range;
    return only.some(selector => selector.uri === document.uri.toString()
        && (selector.line === undefined || (range !== undefined && range.start.line + 1 <= selector.line && selector.line <= range.end.line + 1)));
}

/**
 * Runs the tests of an already checked workspace (the CLI's). The workspace is re-validated on
 * each test's date and changed in place by what-ifs, so it must be the run's own: never the
 * language server's live workspace. What-ifs run after every other expectation, so only one is
 * ever put back between them; afterwards the workspace may still hold the last one's change
 * (read the policy's texts before the run).
 */
export async function runPolicyTestsOn(checked: CheckedWorkspace, options: PolicyTestOptions = {}): Promise<PolicyTestRun> {
    const context = new RunContext(checked);
    const problems = checked.findings.filter(finding => finding.severity === 'error' && context.insideTest(finding));
    // Tests of a policy that does not parse would test another policy: each is errored with the first syntax error.
    const syntax = checked.findings.filter(finding => SYNTAX_CODES.has(finding.rule));
    const unreadable = syntax.length === 0 ? undefined : `the policy does not parse, so no test runs: ${context.sources.file(URI.parse(syntax[0].uri))}:${syntax[0].line}:${syntax[0].column}: `
        + `${syntax[0].message}${syntax.length > 1 ? ` (and ${syntax.length - 1} more syntax error${syntax.length === 2 ? '' : 's'})` : ''}`;
    const documents = [...checked.documents].sort((a, b) => compareStrings(a.uri.toString(), b.uri.toString()));
    const pending: Array<{ uri: string; file: string; tests: RunningTest[] }> = [];
    for (const document of documents as Array<LangiumDocument<Model>>) {
        const tests: RunningTest[] = [];
        for (const test of document.parseResult.value.tests ?? []) {
            if (!selected(test, document, options.only)) continue;
            tests.push(await startTest(context, test, options, problems, unreadable));
        }
        if (tests.length > 0) pending.push({ uri: document.uri.toString(), file: context.sources.file(document.uri), tests });
    }
    const files: TestFileResult[] = [];
    for (const file of pending) {
        const tests: TestResult[] = [];
        for (const test of file.tests) tests.push(await finishTest(context, test));
        files.push({ ...file, tests });
    }
    const all = files.flatMap(file => file.tests);
    const expectations = all.flatMap(test => test.expectations);
    return {
        files,
        summary: {
            tests: all.length,
            passed: all.filter(test => test.status === 'passed').length,
            failed: all.filter(test => test.status === 'failed').length,
            errored: all.filter(test => test.status === 'errored').length,
            expectations: expectations.length,
            expectationsFailed: expectations.filter(expectation => !expectation.passed).length
        }
    };
}

/** A test whose expectations have run but for its what-ifs, which stay in place (`slots`) until every test got that far. */
type RunningTest = TestResult | { readonly base: Omit<TestResult, 'status' | 'expectations'>; readonly slots: Array<ExpectationResult[] | WhatIf> };

async function startTest(context: RunContext, test: PolicyTest, options: PolicyTestOptions, problems: CheckedWorkspace['findings'], unreadable: string | undefined): Promise<RunningTest> {
    const location = context.location(test);
    const title = test.title || '(untitled)';
    const date = test.date ?? options.defaultDate;
    const base = { title, location, ...(date ? { date } : {}) };
    if (unreadable) return { ...base, status: 'errored', error: unreadable, expectations: [] };
    const own = problems.filter(problem => problem.uri === location.uri && problem.line >= location.line && problem.line <= location.endLine);
    if (own.length > 0) {
        const error = own.map(problem => `${location.file}:${problem.line}:${problem.column}: ${problem.message}`).join('\n');
        return { ...base, status: 'errored', error, expectations: [] };
    }
    if (!date || !isValidIsoDate(date)) {
        const error = `${context.whereExactly(location)}: the test "${title}" has no date: write \`test "${title}" on YYYY-MM-DD\`, or ${options.undatedHint ?? 'run it with --as-of'}.`;
        return { ...base, status: 'errored', error, expectations: [] };
    }
    const slots: Array<ExpectationResult[] | WhatIf> = [];
    try {
        for (const item of test.items) slots.push(item.$type === 'WhatIf' ? item : [await runExpectation(context, item, date)]);
    } catch (error) {
        return errored(context, base, error, slots);
    }
    return { base, slots };
}

async function finishTest(context: RunContext, test: RunningTest): Promise<TestResult> {
    if (!('slots' in test)) return test;
    const { base, slots } = test;
    try {
        for (let i = 0; i < slots.length; i++) {
            const slot = slots[i];
            if (!Array.isArray(slot)) slots[i] = await runWhatIf(context, slot);
        }
    } catch (error) {
        return errored(context, base, error, slots);
    }
    const expectations = slots.flatMap(slot => Array.isArray(slot) ? slot : []);
    return { ...base, status: expectations.every(expectation => expectation.passed) ? 'passed' : 'failed', expectations };
}

/** A question the engines cannot answer (a name of the wrong kind) is the test's error, not a crash; what ran is kept. */
function errored(context: RunContext, base: Omit<TestResult, 'status' | 'expectations'>, error: unknown, slots: ReadonlyArray<ExpectationResult[] | WhatIf>): TestResult {
    const expectations = slots.flatMap(slot => Array.isArray(slot) ? slot : []);
    const location = error instanceof ExpectationError ? error.location : base.location;
    return { ...base, status: 'errored', error: `${context.whereExactly(location)}: ${(error as Error).message}`, expectations };
}

async function runExpectation(context: RunContext, node: Expectation, testDate: IsoDate): Promise<ExpectationResult> {
    const location = context.location(node);
    if (isSet(node)) {
        await context.settled();
        return { location, ...evaluateSet(context, node, node.date ?? testDate) };
    }
    return { location, date: testDate, ...evaluateState(context, node, await stateOn(context, testDate)) };
}

async function runWhatIf(context: RunContext, node: WhatIf): Promise<ExpectationResult[]> {
    const person = node.person.ref?.name ?? node.person.$refText;
    const answer = await context.whatIf(person, node.date);
    const state = await stateAfter(context, answer);
    const whatIf = { person, date: node.date };
    // Holders and entitlements inside a what-if are the validator's error; only state expectations run here.
    return node.expectations.filter((expectation): expectation is StateExpectation => !isSet(expectation))
        .map(expectation => ({ location: context.location(expectation), date: answer.date, whatIf, ...evaluateState(context, expectation, state) }));
}

function isSet(node: Expectation): node is SetExpectation {
    return node.$type === 'HoldersExpectation' || node.$type === 'PerformersExpectation' || node.$type === 'AppointersExpectation';
}
