import type { LangiumDocument } from 'langium';
import type { CancellationToken, Connection } from 'vscode-languageserver';
import type { PolicySource } from '../engine/check-sources.js';
import type { MandateSharedServices } from '../mandate-module.js';
import { runPolicyTests, type ExpectationResult, type TestLocation, type TestResult, type TestSelector } from '../policy-tests/index.js';
import {
    DISCOVER_TESTS_REQUEST, RUN_TESTS_REQUEST, type PolicyTestFailure, type PolicyTestInfo, type PolicyTestOutcome,
    type ProtocolRange, type RunTestsParams, type RunTestsResult
} from './mandate-protocol.js';
import { cancelled } from './mandate-query-requests.js';
import { identifiedTests } from './policy-test-ids.js';

/** A 1-based test location as an LSP range. */
function rangeOf(location: TestLocation): ProtocolRange {
    return {
        start: { line: location.line - 1, character: location.column - 1 },
        end: { line: location.endLine - 1, character: location.endColumn - 1 }
    };
}

function failureOf(expectation: ExpectationResult): PolicyTestFailure {
    const scenario = expectation.whatIf ? `When ${expectation.whatIf.person} leaves on ${expectation.whatIf.date}: ` : '';
    return {
        message: `${scenario}expected ${expectation.expected}, but the policy gives ${expectation.actual} (on ${expectation.date})`,
        expected: expectation.expected,
        actual: expectation.actual,
        uri: expectation.location.uri,
        range: rangeOf(expectation.location),
        explanation: expectation.explanation
    };
}

function outcomeOf(id: string, result: TestResult): PolicyTestOutcome {
    return {
        id,
        passed: result.status === 'passed',
        failures: result.expectations.filter(expectation => !expectation.passed).map(failureOf),
        expectations: result.expectations.length,
        ...result.error === undefined ? {} : { error: result.error },
        ...result.date === undefined ? {} : { date: result.date }
    };
}

/** The key that ties a runner's result to the test block it ran: its file and first line. */
const placeKey = (uri: string, line: number): string => `${uri}:${line}`;

interface TestSnapshot {
    readonly infos: PolicyTestInfo[];
    /** Test ids by placeKey (1-based line). */
    readonly ids: Map<string, string>;
}

function snapshot(documents: readonly LangiumDocument[]): TestSnapshot {
    const infos: PolicyTestInfo[] = [];
    const ids = new Map<string, string>();
    for (const document of documents) {
        const uri = document.uri.toString();
        for (const { id, test } of identifiedTests(document)) {
            const range = test.$cstNode?.range;
            if (!range) continue;
            infos.push({ id, title: test.title ?? '', uri, range });
            ids.set(placeKey(uri, range.start.line + 1), id);
        }
    }
    return { infos, ids };
}

/** The runner's selectors for `wanted` (each test by its first line), or undefined for every test. */
function selectorsFor(wanted: readonly PolicyTestInfo[], all: readonly PolicyTestInfo[]): TestSelector[] | undefined {
    if (wanted.length === all.length) return undefined;
    return wanted.map(test => ({ uri: test.uri, line: test.range.start.line + 1 }));
}

/**
 * The Testing view's requests: the workspace's `test` blocks, and running them with the policy
 * test runner (language/policy-tests/) as `mandate test` does. The runner checks its own copy
 * of the workspace (it re-validates on each test's date), made from the server's current texts,
 * configuration and folders, so the server's diagnostics and as-of date are left alone and edits
 * are not held up while tests run. Tests without `on` use `mandate.asOf`; without it they error,
 * as in the CLI (never today). A cancelled run answers RequestCancelled.
 */
export function registerPolicyTestRequests(shared: MandateSharedServices, connection: Connection): void {
    const settings = shared.mandate.Settings;
    const documents = (): LangiumDocument[] => shared.workspace.LangiumDocuments.all.toArray();

    connection.onRequest(DISCOVER_TESTS_REQUEST, () => shared.workspace.WorkspaceLock.read((): PolicyTestInfo[] => snapshot(documents()).infos));

    connection.onRequest(RUN_TESTS_REQUEST, async (params: RunTestsParams, token: CancellationToken): Promise<RunTestsResult> => {
        // The texts and test ids of one build, taken together, so each result finds its test.
        const { sources, tests } = await shared.workspace.WorkspaceLock.read(() => {
            const all = documents();
            const sources: PolicySource[] = all.map(document => ({ uri: document.uri.toString(), text: document.textDocument.getText() }));
            return { sources, tests: snapshot(all) };
        });
        const wanted = params.ids === undefined ? tests.infos : tests.infos.filter(test => params.ids!.includes(test.id));
        if (wanted.length === 0) return { outcomes: [] };
        if (token.isCancellationRequested) throw cancelled();
        const only = selectorsFor(wanted, tests.infos);
        const run = await runPolicyTests(sources, {
            ...settings.hasExplicitAsOf ? { defaultDate: settings.asOf() } : {},
            roots: settings.workspaceRoots.map(root => root.toString()),
            config: settings.mandateConfig,
            catalogues: settings.catalogueFrameworks,
            // The drift rules compare with the same export as in the editor's diagnostics and `mandate test`.
            ...settings.directory ? { directory: settings.directory } : {},
            undatedHint: 'set the mandate.asOf setting',
            // The server's own file system, so named documents (job descriptions, evidence) are found as in the editor.
            fileSystem: () => shared.workspace.FileSystemProvider,
            ...only ? { only } : {}
        });
        if (token.isCancellationRequested) throw cancelled();
        const wantedIds = new Set(wanted.map(test => test.id));
        const outcomes: PolicyTestOutcome[] = [];
        for (const file of run.files) {
            for (const result of file.tests) {
                const id = tests.ids.get(placeKey(file.uri, result.location.line));
                if (id !== undefined && wantedIds.has(id)) outcomes.push(outcomeOf(id, result));
            }
        }
        return { outcomes };
    });
}
