/**
 * The editor's queries and policy tests over a real connection to the bundled server
 * (out/server/main.cjs; run `npm run bundle` first when running this file alone): the requests
 * behind "Mandate: Query", the "who may do this?" and "Run test" lenses and the Testing view
 * answer from the query engine and the test runner on the as-of date, and refuse bad input with
 * a message. No assertion depends on timing.
 */
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import type { Connection } from 'vscode-languageserver';
import { ErrorCodes, LSPErrorCodes, type CodeLens } from 'vscode-languageserver-protocol/node';
import {
    DISCOVER_TESTS_REQUEST, QUERY_COMMAND, QUERY_REQUEST, QUERY_SUBJECTS_REQUEST, RUN_POLICY_TEST_COMMAND, RUN_TESTS_REQUEST,
    type PolicyTestInfo, type QueryResult, type QuerySubject, type RunTestsResult
} from '../language/lsp/mandate-protocol.js';
import { registerQueryRequests } from '../language/lsp/mandate-query-requests.js';
import { registerPolicyTestRequests } from '../language/lsp/mandate-test-requests.js';
import { CLEAN_POLICY } from './helpers.js';
import { createWorkspace, disposeAllClients, LspClient, removeAllWorkspaces, workspaceUri } from './lsp-client.js';
import { Workspace } from './workspace-helpers.js';

const CASE_TIMEOUT_MS = 120_000;

const TESTS = `test "the CISO" on 2025-06-30 {
    expect holders of ciso are jane
    expect who may perform isms-reporting include jane
}

test "a wrong expectation" on 2025-06-30 {
    expect holders of ciso are nobody
}

test "the CISO" {
    expect holders of ciso include jane
}
`;

afterEach(async () => {
    await disposeAllClients();
});

afterAll(async () => {
    await disposeAllClients();
    await removeAllWorkspaces();
});

async function start(asOf = '2025-06-30'): Promise<{ client: LspClient; folder: string; testsUri: string }> {
    const folder = await createWorkspace({ ...CLEAN_POLICY, 'tests/ciso.mandate': TESTS });
    const client = await LspClient.start({ workspaceFolders: [folder], settings: { mandate: asOf ? { asOf } : {} } });
    const testsUri = workspaceUri(folder, 'tests/ciso.mandate');
    await client.waitForDiagnostics(testsUri);
    return { client, folder, testsUri };
}

async function refusal(promise: Promise<unknown>): Promise<{ code: number; message: string }> {
    try {
        await promise;
    } catch (error) {
        return error as { code: number; message: string };
    }
    throw new Error('the request was answered, not refused');
}

describe('the query requests', () => {
    it('answers who may perform a duty on the as-of date, with the places its text cites', async () => {
        const { client, folder } = await start();
        const result = await client.connection.sendRequest<QueryResult>(QUERY_REQUEST, { kind: 'may-perform', subject: 'isms-reporting' });
        expect(result.title).toBe('Who may perform isms-reporting on 2025-06-30');
        expect(result.text).toContain('jane');
        const roles = result.places.find(place => place.file === 'roles.mandate');
        expect(roles?.uri).toBe(workspaceUri(folder, 'roles.mandate'));
        // Every place the text cites as file:line has its URI, so the editor can link it.
        const cited = [...result.text.matchAll(/([\w./-]+\.mandate):(\d+)/g)].map(match => `${match[1]}:${match[2]}`);
        expect(cited.length).toBeGreaterThan(0);
        const known = new Set(result.places.map(place => `${place.file}:${place.line}`));
        expect(cited.filter(place => !known.has(place))).toEqual([]);
    }, CASE_TIMEOUT_MS);

    it('answers for the date asked, and follows mandate.asOf otherwise', async () => {
        const { client } = await start();
        const before = await client.connection.sendRequest<QueryResult>(QUERY_REQUEST, { kind: 'holders', subject: 'ciso', date: '2024-01-01' });
        expect(before.title).toBe('Who holds ciso on 2024-01-01');
        expect(before.text).not.toContain('jane');
        const now = await client.connection.sendRequest<QueryResult>(QUERY_REQUEST, { kind: 'holders', subject: 'ciso' });
        expect(now.text).toContain('jane');
        await client.setSettings({ mandate: { asOf: '2023-06-30' } });
        await client.waitUntil(() => client.logMessages.some(log => log.message.includes('2023-06-30')), 'the new as-of date in the log');
        const earlier = await client.connection.sendRequest<QueryResult>(QUERY_REQUEST, { kind: 'holders', subject: 'ciso' });
        expect(earlier.title).toBe('Who holds ciso on 2023-06-30');
    }, CASE_TIMEOUT_MS);

    it('refuses an unknown name with the closest one, an unknown query and a bad date', async () => {
        const { client } = await start();
        const unknown = await refusal(client.connection.sendRequest(QUERY_REQUEST, { kind: 'holders', subject: 'cisso' }));
        expect(unknown.code).toBe(ErrorCodes.InvalidParams);
        expect(unknown.message).toBe("No role named 'cisso' is declared in the workspace; did you mean 'ciso'?");
        const kind = await refusal(client.connection.sendRequest(QUERY_REQUEST, { kind: 'who-knows', subject: 'ciso' }));
        expect(kind.message).toBe("Unknown query 'who-knows'; use holders, may-perform, may-appoint, what-if-leaves, what-if-vacate, timeline.");
        const date = await refusal(client.connection.sendRequest(QUERY_REQUEST, { kind: 'holders', subject: 'ciso', date: '2025-02-30' }));
        expect(date.message).toBe("'2025-02-30' is not a date; write it as YYYY-MM-DD, e.g. 2025-06-30.");
        const shape = await refusal(client.connection.sendRequest(QUERY_REQUEST, { kind: 'holders' }));
        expect(shape.code).toBe(ErrorCodes.InvalidParams);
        expect(shape.message).toBe('mandate/query: subject is not a text.');
    }, CASE_TIMEOUT_MS);

    it('lists the names a query can be about, by kind', async () => {
        const { client } = await start();
        const duties = await client.connection.sendRequest<QuerySubject[]>(QUERY_SUBJECTS_REQUEST, { kinds: ['responsibility', 'authority'] });
        expect(duties.map(subject => `${subject.kind} ${subject.name} ${subject.place.file}:${subject.place.line}`))
            .toEqual(['responsibility isms-conformance roles.mandate:12', 'responsibility isms-reporting roles.mandate:8']);
        const people = await client.connection.sendRequest<QuerySubject[]>(QUERY_SUBJECTS_REQUEST, { kinds: ['person'] });
        expect(people.map(subject => [subject.name, subject.title])).toEqual([['jane', 'Jane Doe']]);
        const bad = await refusal(client.connection.sendRequest(QUERY_SUBJECTS_REQUEST, { kinds: ['role', 'planet'] }));
        expect(bad.message).toBe('mandate/querySubjects: kinds is not a list of role, person, responsibility, authority.');
    }, CASE_TIMEOUT_MS);
});

describe('the policy test requests', () => {
    it('discovers the test blocks with ids that tell repeated titles apart', async () => {
        const { client, testsUri } = await start();
        const tests = await client.connection.sendRequest<PolicyTestInfo[]>(DISCOVER_TESTS_REQUEST, {});
        expect(tests.map(test => [test.id, test.title, test.range.start.line])).toEqual([
            [`${testsUri}#the CISO`, 'the CISO', 0],
            [`${testsUri}#a wrong expectation`, 'a wrong expectation', 5],
            [`${testsUri}#the CISO#2`, 'the CISO', 9]
        ]);
    }, CASE_TIMEOUT_MS);

    it('runs them: a pass, a failure at its expectation with expected and actual, and the as-of date for a test without one', async () => {
        const { client, testsUri } = await start();
        const { outcomes } = await client.connection.sendRequest<RunTestsResult>(RUN_TESTS_REQUEST, {});
        expect(outcomes.map(outcome => [outcome.id.slice(testsUri.length), outcome.passed, outcome.expectations])).toEqual([
            ['#the CISO', true, 2], ['#a wrong expectation', false, 1], ['#the CISO#2', true, 1]
        ]);
        const [failure] = outcomes[1].failures;
        expect(failure.uri).toBe(testsUri);
        expect(failure.range.start).toEqual({ line: 6, character: 4 });
        expect(failure.expected).toContain('nobody');
        expect(failure.actual).toContain('jane');
        expect(outcomes[2].date).toBe('2025-06-30');
    }, CASE_TIMEOUT_MS);

    it('runs only the tests asked for, and errors a test without a date when mandate.asOf is not set', async () => {
        const { client, testsUri } = await start('');
        const one = await client.connection.sendRequest<RunTestsResult>(RUN_TESTS_REQUEST, { ids: [`${testsUri}#the CISO#2`] });
        expect(one.outcomes).toHaveLength(1);
        expect(one.outcomes[0], JSON.stringify(one.outcomes)).toMatchObject({ passed: false });
        expect(one.outcomes[0].error).toMatch(/ciso\.mandate:10/);
        const none = await client.connection.sendRequest<RunTestsResult>(RUN_TESTS_REQUEST, { ids: ['file:///elsewhere.mandate#gone'] });
        expect(none.outcomes).toEqual([]);
        const bad = await refusal(client.connection.sendRequest(RUN_TESTS_REQUEST, { ids: 'all' }));
        expect(bad.message).toBe('mandate/runTests: ids is not a list of test ids.');
        // The editor has a setting where the CLI has a flag.
        expect(one.outcomes[0].error).toContain('or set the mandate.asOf setting.');
        expect(one.outcomes[0].error).not.toContain('--as-of');
    }, CASE_TIMEOUT_MS);

    it('errors every test while the policy does not parse, as mandate test runs none, with the first syntax error', async () => {
        const { client, folder, testsUri } = await start();
        const roles = workspaceUri(folder, 'roles.mandate');
        await client.openDocument(roles, `${CLEAN_POLICY['roles.mandate']}\nrole broken "Broken" { reports to }\n`);
        await client.waitForDiagnostics(roles, diagnostics => diagnostics.some(diagnostic => diagnostic.code === 'parsing-error'));
        const { outcomes } = await client.connection.sendRequest<RunTestsResult>(RUN_TESTS_REQUEST, {});
        expect(outcomes.map(outcome => [outcome.id.slice(testsUri.length), outcome.passed])).toEqual([['#the CISO', false], ['#a wrong expectation', false], ['#the CISO#2', false]]);
        for (const outcome of outcomes) expect(outcome.error).toMatch(/^the policy does not parse, so no test runs: roles\.mandate:\d+:\d+: Expected /);
    }, CASE_TIMEOUT_MS);

    it('puts "Run test" on each test and "Who may do this?" on each duty', async () => {
        const { client, folder, testsUri } = await start();
        const testLenses: CodeLens[] = await client.connection.sendRequest('textDocument/codeLens', { textDocument: { uri: testsUri } });
        expect(testLenses.map(lens => [lens.range.start.line, lens.command?.title, lens.command?.command, ...lens.command?.arguments ?? []])).toEqual([
            [0, 'Run test', RUN_POLICY_TEST_COMMAND, `${testsUri}#the CISO`],
            [5, 'Run test', RUN_POLICY_TEST_COMMAND, `${testsUri}#a wrong expectation`],
            [9, 'Run test', RUN_POLICY_TEST_COMMAND, `${testsUri}#the CISO#2`]
        ]);
        const listed: CodeLens[] = await client.connection.sendRequest('textDocument/codeLens', { textDocument: { uri: workspaceUri(folder, 'roles.mandate') } });
        const roles = await Promise.all(listed.map(lens => client.connection.sendRequest<CodeLens>('codeLens/resolve', lens)));
        const duties = roles.filter(lens => lens.command?.command === QUERY_COMMAND);
        expect(duties.map(lens => [lens.range.start.line, lens.command?.title, ...lens.command?.arguments ?? []])).toEqual([
            [7, 'Who may do this?', 'may-perform', 'isms-reporting'],
            [11, 'Who may do this?', 'may-perform', 'isms-conformance']
        ]);
    }, CASE_TIMEOUT_MS);
});

describe('cancellation', () => {
    type Handler = (params: unknown, token: { isCancellationRequested: boolean }) => Promise<unknown>;

    /** The handlers the server registers, on an in-process workspace, without a transport. */
    async function handlers(): Promise<Map<string, Handler>> {
        const workspace = await Workspace.open({ ...CLEAN_POLICY, 'tests/ciso.mandate': TESTS });
        const registered = new Map<string, Handler>();
        const connection = { onRequest: (method: string, handler: Handler) => { registered.set(method, handler); } } as unknown as Connection;
        registerQueryRequests(workspace.shared, connection);
        registerPolicyTestRequests(workspace.shared, connection);
        return registered;
    }

    it('answers a cancelled query or test run with RequestCancelled, and runs nothing', async () => {
        const registered = await handlers();
        const token = { isCancellationRequested: true };
        await expect(registered.get(RUN_TESTS_REQUEST)!({}, token)).rejects.toMatchObject({ code: LSPErrorCodes.RequestCancelled });
        await expect(registered.get(QUERY_REQUEST)!({ kind: 'holders', subject: 'ciso' }, token)).rejects.toMatchObject({ code: LSPErrorCodes.RequestCancelled });
        // Not cancelled, the same handlers answer.
        const run = await registered.get(RUN_TESTS_REQUEST)!({}, { isCancellationRequested: false }) as RunTestsResult;
        expect(run.outcomes.map(outcome => outcome.passed)).toEqual([true, false, true]);
    }, CASE_TIMEOUT_MS);
});

describe('the query subjects, in process', () => {
    it('lists names by code point, the same on every machine, without localeCompare (which pages ICU into the server)', async () => {
        const workspace = await Workspace.open({ ...CLEAN_POLICY, 'more.mandate': 'role alpha "Alpha"\nrole Zed "Zed"\nrole beta "Beta"\n' });
        const registered = new Map<string, (params: unknown) => unknown>();
        registerQueryRequests(workspace.shared, { onRequest: (method: string, handler: (params: unknown) => unknown) => { registered.set(method, handler); } } as unknown as Connection);
        const localeCompare = vi.spyOn(String.prototype, 'localeCompare');
        try {
            const roles = await registered.get(QUERY_SUBJECTS_REQUEST)!({ kinds: ['role'] }) as QuerySubject[];
            const names = roles.map(subject => subject.name);
            expect(names.indexOf('Zed')).toBeLessThan(names.indexOf('alpha'));
            expect(names.slice(names.indexOf('alpha'))).toEqual(['alpha', 'beta', 'board', 'ciso']);
            expect(localeCompare).not.toHaveBeenCalled();
        } finally {
            localeCompare.mockRestore();
        }
    }, CASE_TIMEOUT_MS);
});
