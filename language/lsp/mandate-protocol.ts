/**
 * Mandate's own LSP messages, shared by the language server and the editor client. Plain method
 * names and types only: the client uses this file without bundling the engine, and the server
 * and client need not share one copy of the JSON-RPC package.
 */

/** What a webview needs for a strict Content-Security-Policy. */
export interface WebviewContext {
    readonly nonce: string;
    readonly cspSource: string;
}

export type RequirementStatusValue = 'met' | 'partly-met' | 'not-met';

/** What the editor's status bar shows: workspace-wide counts and the clause 5.3 status. */
export interface MandateStatus {
    readonly errors: number;
    readonly warnings: number;
    readonly clause53: RequirementStatusValue;
    /**
     * Findings accepted with `// mandate-ignore` that would lower 5.3(a) or 5.3(b) if open: a "met"
     * that rests on them is shown as met with those exceptions, as the report's headline is.
     */
    readonly clause53AcceptedExceptions: number;
    readonly asOf: string;
}

export interface ReportParams {
    readonly format: string;
    /** Also render the HTML report for a webview with this nonce and resource origin. */
    readonly webview?: WebviewContext;
}

export interface ReportResult {
    /** The report as it is saved. */
    readonly content: string;
    /** Where to save it: inside the workspace folder, under `mandate.report.outputDir`. */
    readonly target: string;
    /** For html with `webview`: the same report with a webview CSP. */
    readonly webviewContent?: string;
}

export interface GraphParams {
    readonly webview: WebviewContext;
}

export interface GraphResult {
    readonly html: string;
}

/** Server to client, after every build: MandateStatus. */
/** The rule pages an installed extension ships: one JSON object `{ "rule-id": "markdown" }`, Brotli-compressed (esbuild.mjs), in out/. */
export const RULE_DOCS_FILE = 'rule-docs.json.br';

export const STATUS_NOTIFICATION = 'mandate/status';
/** Client to server: ReportParams → ReportResult. */
export const REPORT_REQUEST = 'mandate/report';
/** Client to server: GraphParams → GraphResult. */
export const GRAPH_REQUEST = 'mandate/graph';

/** A range in LSP coordinates (0-based lines and UTF-16 characters), as plain JSON. */
export interface ProtocolRange {
    readonly start: { readonly line: number; readonly character: number };
    readonly end: { readonly line: number; readonly character: number };
}

/**
 * Client-side command that selects a range of a document if the active editor shows it. Quick
 * fixes attach it to select what they inserted (a date, a justification to write), because a
 * code action's edit cannot move the selection. Arguments: `[uri, range]`, in the coordinates
 * of the document after the edit.
 */
export const SELECT_RANGE_COMMAND = 'mandate.selectRange';
export type SelectRangeArguments = [uri: string, range: ProtocolRange];

/**
 * Client-side command that shows a list of places in the references view (peek), as code lenses
 * open them: `editor.action.showReferences` wants VS Code's own types, which a server cannot send.
 * Arguments: `[uri, position, locations]`: where the peek opens, and what it lists.
 */
export const SHOW_LOCATIONS_COMMAND = 'mandate.showLocations';
export type ShowLocationsArguments = [uri: string, position: ProtocolRange['start'], locations: Array<{ readonly uri: string; readonly range: ProtocolRange }>];

// ---- Queries and policy tests (issue 13): the engines in language/query/ and language/policy-tests/ ----

/** A place in the policy, as the query engine and the test runner cite it (lines and columns 1-based). */
export interface PolicyPlace {
    /** Workspace-relative path, as answers print it (`roles.mandate:12`). */
    readonly file: string;
    readonly line: number;
    readonly column: number;
    readonly uri: string;
}

/**
 * The queries the editor offers, as `mandate query` names them. `subject` says which names of the
 * workspace the argument is picked from; `dated` whether the answer is for a date (the as-of date,
 * or for a what-if the day the change takes effect).
 */
export const QUERY_KINDS = [
    { kind: 'holders', label: 'Who holds a role', description: 'holders and their tenure on the as-of date', subject: ['role'], dated: true },
    { kind: 'may-perform', label: 'Who may perform a duty', description: 'holders of the roles that carry it, and delegations in force, with the chain', subject: ['responsibility', 'authority'], dated: true },
    { kind: 'may-appoint', label: 'Who may appoint to a role', description: 'top management, appointing bodies, may-appoint authorities and delegations', subject: ['role'], dated: true },
    { kind: 'what-if-leaves', label: 'What if a person leaves', description: 'roles vacated, duties and requirements lost, findings that appear', subject: ['person'], dated: true },
    { kind: 'what-if-vacate', label: 'What if a role is vacated', description: 'duties and requirements lost, findings that appear', subject: ['role'], dated: true },
    { kind: 'timeline', label: 'Timeline of a person or role', description: 'appointments, delegations, announcements and trainings in date order', subject: ['person', 'role'], dated: false }
] as const satisfies ReadonlyArray<{ kind: string; label: string; description: string; subject: readonly QuerySubjectKind[]; dated: boolean }>;

export type QueryKind = typeof QUERY_KINDS[number]['kind'];
export type QuerySubjectKind = 'role' | 'person' | 'responsibility' | 'authority';

export interface QueryParams {
    readonly kind: QueryKind;
    /** The name of the role, duty or person asked about. */
    readonly subject: string;
    /** The date asked about; the as-of date (`mandate.asOf`, else today) when absent. */
    readonly date?: string;
}

export interface QueryResult {
    /** `Who may perform risk-assessment on 2025-06-30`. */
    readonly title: string;
    /** The answer with its explanations, as `mandate query --explain` prints it. */
    readonly text: string;
    /** The places the text cites as `file:line`, so the editor can link them. */
    readonly places: readonly PolicyPlace[];
}

/** A name the query's argument can be: a declaration of the workspace. */
export interface QuerySubject {
    readonly kind: QuerySubjectKind;
    readonly name: string;
    readonly title: string;
    readonly place: PolicyPlace;
}

export interface QuerySubjectsParams {
    readonly kinds: readonly QuerySubjectKind[];
}

/** Client to server: QueryParams → QueryResult. */
export const QUERY_REQUEST = 'mandate/query';
/** Client to server: QuerySubjectsParams → QuerySubject[], the workspace's names of those kinds. */
export const QUERY_SUBJECTS_REQUEST = 'mandate/querySubjects';

/** One `test "…" { … }` block of a policy file. */
export interface PolicyTestInfo {
    /** Stable across edits that keep the file and the test's title: `<uri>#<title>` (and `#2`, … for repeats). */
    readonly id: string;
    readonly title: string;
    readonly uri: string;
    /** The whole block. */
    readonly range: ProtocolRange;
}

export interface PolicyTestFailure {
    /** What was expected and what the policy gives, in one sentence. */
    readonly message: string;
    readonly expected: string;
    readonly actual: string;
    /** The expectation that failed. */
    readonly uri: string;
    readonly range: ProtocolRange;
    /** Why the policy gives what it gives: explanation steps, each with its place. */
    readonly explanation: readonly string[];
}

export interface PolicyTestOutcome {
    readonly id: string;
    readonly passed: boolean;
    readonly failures: readonly PolicyTestFailure[];
    /** How many expectations the test checked. */
    readonly expectations: number;
    /** Why the test could not run at all (no date, a name that does not resolve), with file:line. */
    readonly error?: string;
    /** The date the test was checked on. */
    readonly date?: string;
}

export interface RunTestsParams {
    /** The tests to run (PolicyTestInfo ids); every test of the workspace when absent. */
    readonly ids?: readonly string[];
}

export interface RunTestsResult {
    readonly outcomes: readonly PolicyTestOutcome[];
}

/** Client to server: nothing → PolicyTestInfo[], every test block of the workspace. */
export const DISCOVER_TESTS_REQUEST = 'mandate/discoverTests';
/** Client to server: RunTestsParams → RunTestsResult. Cancellable. */
export const RUN_TESTS_REQUEST = 'mandate/runTests';

/**
 * Client-side commands the server's code lenses call: run one policy test from the Testing
 * view's controller (`[id]`), and run a query and show its answer (`[kind, subject]`).
 */
export const RUN_POLICY_TEST_COMMAND = 'mandate.runPolicyTest';
export type RunPolicyTestArguments = [id: string];
export const QUERY_COMMAND = 'mandate.query';
export type QueryCommandArguments = [kind?: QueryKind, subject?: string, date?: string];
