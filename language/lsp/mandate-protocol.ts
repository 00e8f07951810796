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
