import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
    DISCOVER_TESTS_REQUEST, RUN_TESTS_REQUEST, type PolicyTestFailure, type PolicyTestInfo, type PolicyTestOutcome,
    type ProtocolRange, type RunTestsParams, type RunTestsResult
} from '../language/lsp/mandate-protocol.js';

/** What the last run gave each test, as the Testing view shows it (the e2e tests read it). */
export interface RecordedOutcome {
    readonly id: string;
    readonly state: 'passed' | 'failed' | 'skipped' | 'errored';
    readonly messages: ReadonlyArray<{ readonly message: string; readonly expected?: string; readonly actual?: string; readonly uri?: string; readonly line?: number }>;
}

function asRange(range: ProtocolRange): vscode.Range {
    return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

/** A failed expectation: expected and actual for the diff, the explanation below, shown inline at the expectation. */
function failureMessage(failure: PolicyTestFailure): vscode.TestMessage {
    const text = failure.explanation.length > 0 ? `${failure.message}\n\nWhy:\n${failure.explanation.map(step => `  ${step}`).join('\n')}` : failure.message;
    const message = vscode.TestMessage.diff(text, failure.expected, failure.actual);
    message.location = new vscode.Location(vscode.Uri.parse(failure.uri), asRange(failure.range));
    return message;
}

/**
 * The policy tests (`test "…" { expect … }` blocks) in VS Code's Testing view. The language server
 * finds them in its workspace and runs them with the policy-test runner (language/policy-tests/),
 * so the view, the code lens and `mandate test` give the same verdicts. Items are grouped by file
 * and re-read after every build of the server (its status notification), so they follow edits.
 */
export class PolicyTests implements vscode.Disposable {
    readonly controller: vscode.TestController;
    /** The latest run's outcomes by test id. */
    readonly outcomes = new Map<string, RecordedOutcome>();
    private readonly tests = new Map<string, vscode.TestItem>();
    private discovering: Promise<void> | undefined;
    private again = false;

    constructor(private readonly client: LanguageClient) {
        this.controller = vscode.tests.createTestController('mandate.policyTests', 'Mandate policy tests');
        this.controller.resolveHandler = () => this.discover();
        this.controller.refreshHandler = () => this.discover();
        this.controller.createRunProfile('Run', vscode.TestRunProfileKind.Run, (request, token) => this.run(request, token), true);
    }

    /** Re-reads the workspace's tests from the server; calls made while one runs are folded into one more. */
    discover(): Promise<void> {
        if (this.discovering) {
            this.again = true;
            return this.discovering;
        }
        this.discovering = (async () => {
            do {
                this.again = false;
                try {
                    this.replace(await this.client.sendRequest<PolicyTestInfo[]>(DISCOVER_TESTS_REQUEST, {}));
                } catch {
                    // The server is restarting or stopping; the next build's notification discovers again.
                }
            } while (this.again);
        })().finally(() => { this.discovering = undefined; });
        return this.discovering;
    }

    private replace(found: readonly PolicyTestInfo[]): void {
        const byFile = new Map<string, PolicyTestInfo[]>();
        for (const test of found) byFile.set(test.uri, [...byFile.get(test.uri) ?? [], test]);
        const files: vscode.TestItem[] = [];
        this.tests.clear();
        for (const [uri, tests] of [...byFile].sort(([a], [b]) => a.localeCompare(b))) {
            const fileUri = vscode.Uri.parse(uri);
            const file = this.controller.items.get(uri) ?? this.controller.createTestItem(uri, vscode.workspace.asRelativePath(fileUri), fileUri);
            file.children.replace(tests.map(test => {
                const item = file.children.get(test.id) ?? this.controller.createTestItem(test.id, test.title, fileUri);
                item.range = asRange(test.range);
                this.tests.set(test.id, item);
                return item;
            }));
            files.push(file);
        }
        this.controller.items.replace(files);
    }

    /** Runs the tests with these ids, as the Testing view would (the "Run test" code lens). */
    async runIds(ids: readonly string[]): Promise<void> {
        if (ids.some(id => !this.tests.has(id))) await this.discover();
        const items = ids.flatMap(id => this.tests.get(id) ?? []);
        if (items.length === 0) {
            void vscode.window.showWarningMessage('Mandate: this test is no longer in the workspace; save the file and try again.');
            return;
        }
        const source = new vscode.CancellationTokenSource();
        try {
            await this.run(new vscode.TestRunRequest(items), source.token);
        } finally {
            source.dispose();
        }
    }

    private leaves(request: vscode.TestRunRequest): vscode.TestItem[] {
        const excluded = new Set(request.exclude?.map(item => item.id) ?? []);
        const roots = request.include ?? [...this.controller.items].map(([, item]) => item);
        const leaves: vscode.TestItem[] = [];
        const visit = (item: vscode.TestItem): void => {
            if (excluded.has(item.id)) return;
            if (this.tests.has(item.id)) leaves.push(item);
            else item.children.forEach(visit);
        };
        roots.forEach(visit);
        return leaves;
    }

    private async run(request: vscode.TestRunRequest, token: vscode.CancellationToken): Promise<void> {
        const run = this.controller.createTestRun(request);
        const items = this.leaves(request);
        items.forEach(item => run.started(item));
        try {
            const params: RunTestsParams = { ids: items.map(item => item.id) };
            const result = await this.client.sendRequest<RunTestsResult>(RUN_TESTS_REQUEST, params, token);
            const answered = new Map(result.outcomes.map(outcome => [outcome.id, outcome]));
            for (const item of items) this.report(run, item, answered.get(item.id));
        } catch (error) {
            for (const item of items) {
                if (token.isCancellationRequested) this.record(run, item, 'skipped', []);
                else this.record(run, item, 'errored', [new vscode.TestMessage(`Mandate could not run the test: ${(error as Error).message}`)]);
            }
        } finally {
            run.end();
        }
    }

    private report(run: vscode.TestRun, item: vscode.TestItem, outcome: PolicyTestOutcome | undefined): void {
        if (!outcome) this.record(run, item, 'skipped', []);
        else if (outcome.error !== undefined) this.record(run, item, 'errored', [this.errorMessage(item, outcome.error)]);
        else if (outcome.passed) this.record(run, item, 'passed', []);
        else this.record(run, item, 'failed', outcome.failures.map(failureMessage));
    }

    /** A test that could not run (no date, a name that does not resolve): said at the test's title. */
    private errorMessage(item: vscode.TestItem, error: string): vscode.TestMessage {
        const message = new vscode.TestMessage(error);
        if (item.uri && item.range) message.location = new vscode.Location(item.uri, item.range.start);
        return message;
    }

    private record(run: vscode.TestRun, item: vscode.TestItem, state: RecordedOutcome['state'], messages: vscode.TestMessage[]): void {
        if (state === 'passed') run.passed(item);
        else if (state === 'skipped') run.skipped(item);
        else if (state === 'failed') run.failed(item, messages);
        else run.errored(item, messages);
        this.outcomes.set(item.id, {
            id: item.id, state,
            messages: messages.map(message => ({
                message: typeof message.message === 'string' ? message.message : message.message.value,
                expected: message.expectedOutput, actual: message.actualOutput,
                uri: message.location?.uri.toString(), line: message.location ? message.location.range.start.line + 1 : undefined
            }))
        });
    }

    dispose(): void {
        this.controller.dispose();
    }
}
