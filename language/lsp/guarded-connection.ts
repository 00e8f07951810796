import { ErrorCodes, LSPErrorCodes, ResponseError, type Connection } from 'vscode-languageserver';
import { BuildFailedError } from '../workspace/build-failure.js';
import { isWebviewNonce } from '../report/html-csp.js';
import { DISCOVER_TESTS_REQUEST, GRAPH_REQUEST, QUERY_REQUEST, type QuerySubjectKind, QUERY_SUBJECTS_REQUEST, REPORT_REQUEST, RUN_TESTS_REQUEST } from './mandate-protocol.js';

/** What is wrong with a message's params, in words, or undefined when they are usable. */
type ParamsCheck = (params: Record<string, unknown>) => string | undefined;

/**
 * The one place where every handler the language server registers is wrapped, so that no client,
 * however broken or hostile, can kill the server or wedge it:
 * - params that do not have the shape the method needs are logged and dropped (a request gets an
 *   InvalidParams error) before Langium or Mandate see them: `didOpen` with `text: null`, a
 *   position that is not a position, a change without a version;
 * - a document opened in another language (`plaintext`, `json`) is ignored: the server only checks
 *   policies;
 * - a handler that throws or rejects is logged to the output channel (the connection's console)
 *   with its method and document, and a request answers with an error; nothing reaches stderr.
 * Handlers are wrapped when they are registered: call this before anything registers one.
 */
export function guardConnection(connection: Connection): void {
    const log = new GuardLog(connection);
    const target = connection as unknown as Record<string, unknown>;
    for (const [name, method] of Object.entries(REQUESTS)) {
        wrapRegistration(target, name, handler => guardRequest(method, handler, log));
    }
    for (const [name, method] of Object.entries(NOTIFICATIONS)) {
        wrapRegistration(target, name, handler => guardNotification(method, handler, log));
    }
    // connection.onRequest(method | type, handler) and onNotification: Mandate's own messages and any other.
    for (const [name, guard] of [['onRequest', guardRequest], ['onNotification', guardNotification]] as const) {
        const original = target[name] as ((...args: unknown[]) => unknown) | undefined;
        if (typeof original !== 'function') continue;
        target[name] = (first: unknown, handler?: unknown, ...rest: unknown[]) => {
            if (typeof first === 'function') return original.call(connection, first, handler, ...rest); // a star handler: left as it is
            const method = typeof first === 'string' ? first : String((first as { method?: unknown } | undefined)?.method);
            return original.call(connection, first, typeof handler === 'function' ? guard(method, handler as Handler, log) : handler, ...rest);
        };
    }
    // `connection.languages.*` (semantic tokens, inlay hints, hierarchies): Mandate advertises none of them, but
    // Langium registers handlers that read their params unchecked; a client may send them anyway.
    const languages = target.languages;
    if (isObject(languages)) {
        for (const [feature, registrations] of Object.entries(languages)) {
            // `_connection` is the connection itself, whose handlers are wrapped above: wrapped again, a failure was logged under its name.
            if (!isObject(registrations) || feature.startsWith('_')) continue;
            for (const name of Object.keys(registrations).filter(key => /^on[A-Z]?/.test(key))) {
                const method = LANGUAGE_FEATURES[`${feature}.${name}`] ?? `${feature}.${name}`;
                wrapRegistration(registrations, name, handler => guardRequest(method, handler, log));
            }
        }
    }
}

/** The LSP methods of the `connection.languages` registrations that have params to check. */
const LANGUAGE_FEATURES: Readonly<Record<string, string>> = {
    'semanticTokens.on': 'textDocument/semanticTokens/full', 'semanticTokens.onDelta': 'textDocument/semanticTokens/full/delta',
    'semanticTokens.onRange': 'textDocument/semanticTokens/range', 'inlayHint.on': 'textDocument/inlayHint',
    'inlineValue.on': 'textDocument/inlineValue', 'callHierarchy.onPrepare': 'textDocument/prepareCallHierarchy',
    'typeHierarchy.onPrepare': 'textDocument/prepareTypeHierarchy', 'moniker.on': 'textDocument/moniker',
    'callHierarchy.onIncomingCalls': 'callHierarchy/incomingCalls', 'callHierarchy.onOutgoingCalls': 'callHierarchy/outgoingCalls',
    'typeHierarchy.onSupertypes': 'typeHierarchy/supertypes', 'typeHierarchy.onSubtypes': 'typeHierarchy/subtypes'
};

/**
 * The last net, for work no handler waits for (a timer, a promise nobody keeps): its failure is
 * logged with what is known instead of ending the process with a stack on stderr. Node's default
 * for an unhandled rejection is to exit; an editor would then restart the server a few times and
 * give up, losing every diagnostic.
 */
export function logStrayFailures(connection: Connection): void {
    const log = new GuardLog(connection);
    process.on('unhandledRejection', reason => log.failure('Background work', undefined, reason));
    process.on('uncaughtException', error => log.failure('Background work', undefined, error));
}

type Handler = (params: unknown, ...rest: unknown[]) => unknown;

function wrapRegistration(target: Record<string, unknown>, name: string, guard: (handler: Handler) => Handler): void {
    const original = target[name];
    if (typeof original !== 'function') return;
    target[name] = function (this: unknown, handler: unknown, ...rest: unknown[]) {
        return (original as (...args: unknown[]) => unknown).call(this ?? target, typeof handler === 'function' ? guard(handler as Handler) : handler, ...rest);
    };
}

function guardRequest(method: string, handler: Handler, log: GuardLog): Handler {
    const check = REQUEST_CHECKS[method];
    return async (params: unknown, ...rest: unknown[]) => {
        const problem = check ? checkParams(params, check) : undefined;
        if (problem) {
            log.error(`Dropped a ${method} request${documentOf(params)}: ${problem}.`);
            return new ResponseError(ErrorCodes.InvalidParams, `${method}: ${problem}.`);
        }
        try {
            return await handler(params, ...rest);
        } catch (error) {
            // Cancellations and Mandate's own answers (e.g. an unknown report format) are answers, not failures.
            if (isResponseError(error) && error.code !== ErrorCodes.InternalError) return error;
            // Logged where the build failed; the request is told, as Langium tells of a document it could not build.
            if (error instanceof BuildFailedError) return new ResponseError(LSPErrorCodes.RequestFailed, error.message);
            // Langium's answer for a document no language of the server reads: there is nothing to answer.
            if (error instanceof Error && /^Could not find service instance/.test(error.message)) {
                log.info(`Ignored a ${method} request${documentOf(params)}: it is not a Mandate document.`);
                return null;
            }
            log.failure(method, params, error);
            return new ResponseError(ErrorCodes.InternalError, `Mandate could not answer ${method}: ${messageOf(error)}`);
        }
    };
}

function guardNotification(method: string, handler: Handler, log: GuardLog): Handler {
    const check = NOTIFICATION_CHECKS[method];
    return async (params: unknown, ...rest: unknown[]) => {
        const problem = check ? checkParams(params, check) : undefined;
        if (problem) {
            log.error(`Dropped a ${method} notification${documentOf(params)}: ${problem}.`);
            return;
        }
        if (method === 'textDocument/didOpen') {
            const { uri, languageId } = (params as { textDocument: { uri: string, languageId: string } }).textDocument;
            if (languageId !== 'mandate') {
                log.info(`Ignored the document ${shorten(uri)}: its language is '${shorten(languageId)}', and Mandate checks only 'mandate' documents.`);
                return;
            }
        }
        try {
            await handler(params, ...rest);
        } catch (error) {
            log.failure(method, params, error);
        }
    };
}

/** A JSON-RPC error answer, from whichever copy of the JSON-RPC package made it (Langium's or Mandate's). */
function isResponseError(value: unknown): value is ResponseError<unknown> {
    return value instanceof ResponseError
        || (value instanceof Error && typeof (value as { code?: unknown }).code === 'number' && typeof (value as { toJson?: unknown }).toJson === 'function');
}

function checkParams(params: unknown, check: ParamsCheck): string | undefined {
    if (!isObject(params)) return 'its params are not an object';
    return check(params);
}

// ---- The shapes each method needs --------------------------------------------------------------

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isCount = (value: unknown): boolean => typeof value === 'number' && Number.isInteger(value) && value >= 0;
const isPosition = (value: unknown): boolean => isObject(value) && isCount(value.line) && isCount(value.character);
const isRange = (value: unknown): boolean => isObject(value) && isPosition(value.start) && isPosition(value.end);

function textDocument(params: Record<string, unknown>): string | undefined {
    const document = params.textDocument;
    if (!isObject(document)) return 'textDocument is missing';
    return typeof document.uri === 'string' && document.uri !== '' ? undefined : 'textDocument.uri is not a URI';
}

const all = (...checks: ParamsCheck[]): ParamsCheck => params => {
    for (const check of checks) {
        const problem = check(params);
        if (problem) return problem;
    }
    return undefined;
};
const field = (name: string, test: (value: unknown) => boolean, what: string): ParamsCheck =>
    params => test(params[name]) ? undefined : `${name} is not ${what}`;
const position = field('position', isPosition, 'a position (line and character, whole numbers from 0)');
const range = field('range', isRange, 'a range (start and end positions)');
const text = (name: string): ParamsCheck => field(name, value => typeof value === 'string', 'a text');
const atPosition = all(textDocument, position);
const hierarchyItem = field('item', value => isObject(value) && typeof value.uri === 'string' && value.uri !== ''
    && isRange(value.range) && isRange(value.selectionRange), 'a hierarchy item (uri, range and selectionRange)');
const QUERY_SUBJECT_KINDS: readonly unknown[] = ['role', 'person', 'responsibility', 'authority'] satisfies QuerySubjectKind[];
const webview = (value: unknown) => isObject(value) && isWebviewNonce(value.nonce) && typeof value.cspSource === 'string';

const REQUEST_CHECKS: Readonly<Record<string, ParamsCheck>> = {
    'textDocument/hover': atPosition,
    'textDocument/completion': atPosition,
    // A completion item, which carries what the server needs to find its declaration again (completion-documentation.ts).
    'completionItem/resolve': text('label'),
    // A code lens, whose data says what it is about (mandate-code-lens.ts).
    'codeLens/resolve': range,
    'textDocument/definition': atPosition,
    'textDocument/typeDefinition': atPosition,
    'textDocument/implementation': atPosition,
    'textDocument/declaration': atPosition,
    'textDocument/documentHighlight': atPosition,
    'textDocument/signatureHelp': atPosition,
    'textDocument/references': all(atPosition, field('context', value => isObject(value) && typeof value.includeDeclaration === 'boolean',
        'a reference context (includeDeclaration, true or false)')),
    'textDocument/prepareRename': atPosition,
    'textDocument/rename': all(atPosition, text('newName')),
    'textDocument/codeAction': all(textDocument, range, field('context', value => isObject(value) && Array.isArray(value.diagnostics)
        && value.diagnostics.every(diagnostic => isObject(diagnostic) && isRange(diagnostic.range)),
    'a code action context (diagnostics with ranges)')),
    'textDocument/documentSymbol': textDocument,
    'textDocument/foldingRange': textDocument,
    'textDocument/formatting': textDocument,
    'textDocument/rangeFormatting': all(textDocument, range),
    'textDocument/onTypeFormatting': all(atPosition, text('ch')),
    'textDocument/documentLink': textDocument,
    'textDocument/codeLens': textDocument,
    'textDocument/semanticTokens/full': textDocument,
    'textDocument/semanticTokens/full/delta': textDocument,
    'textDocument/semanticTokens/range': all(textDocument, range),
    'textDocument/inlayHint': all(textDocument, range),
    'textDocument/inlineValue': all(textDocument, range),
    'textDocument/prepareCallHierarchy': atPosition,
    'textDocument/prepareTypeHierarchy': atPosition,
    'textDocument/moniker': atPosition,
    'callHierarchy/incomingCalls': hierarchyItem,
    'callHierarchy/outgoingCalls': hierarchyItem,
    'typeHierarchy/supertypes': hierarchyItem,
    'typeHierarchy/subtypes': hierarchyItem,
    'workspace/symbol': text('query'),
    'workspace/executeCommand': text('command'),
    [REPORT_REQUEST]: all(text('format'), field('webview', value => value === undefined || webview(value), 'a webview context (a nonce of 16 to 128 base64 characters, and a cspSource)')),
    [GRAPH_REQUEST]: field('webview', webview, 'a webview context (a nonce of 16 to 128 base64 characters, and a cspSource)'),
    [QUERY_REQUEST]: all(text('kind'), text('subject'), field('date', value => value === undefined || typeof value === 'string', 'a date (YYYY-MM-DD)')),
    [QUERY_SUBJECTS_REQUEST]: field('kinds', value => Array.isArray(value) && value.every(kind => QUERY_SUBJECT_KINDS.includes(kind)), `a list of ${QUERY_SUBJECT_KINDS.join(', ')}`),
    [DISCOVER_TESTS_REQUEST]: () => undefined, // any object: it takes no parameters
    [RUN_TESTS_REQUEST]: field('ids', value => value === undefined || (Array.isArray(value) && value.every(id => typeof id === 'string')), 'a list of test ids')
};

const NOTIFICATION_CHECKS: Readonly<Record<string, ParamsCheck>> = {
    'textDocument/didOpen': field('textDocument', value => isObject(value) && typeof value.uri === 'string' && value.uri !== ''
        && typeof value.languageId === 'string' && Number.isInteger(value.version) && typeof value.text === 'string',
    'a text document (uri, languageId, version and text)'),
    'textDocument/didChange': all(
        field('textDocument', value => isObject(value) && typeof value.uri === 'string' && Number.isInteger(value.version), 'a versioned document (uri and version)'),
        field('contentChanges', value => Array.isArray(value) && value.every(change => isObject(change) && typeof change.text === 'string'
            && (change.range === undefined || isRange(change.range))), 'a list of changes (a text, and a range for a part)')
    ),
    'textDocument/didClose': textDocument,
    'textDocument/didSave': textDocument,
    'textDocument/willSave': textDocument,
    'workspace/didChangeWatchedFiles': field('changes', value => Array.isArray(value)
        && value.every(change => isObject(change) && typeof change.uri === 'string' && [1, 2, 3].includes(change.type as number)), 'a list of file events'),
    // Langium reads `params.settings` (any value) before Mandate's configuration provider sees it.
    'workspace/didChangeConfiguration': field('settings', value => value !== undefined, 'given (the settings, any value)'),
    // vscode-languageserver reads `params.event` itself; Mandate's handler (mandate-workspace-folders.ts) checks the folders in it.
    'workspace/didChangeWorkspaceFolders': field('event', isObject, 'a change of workspace folders (added and removed lists)')
};

/** The connection's registration methods and the LSP method each one serves. */
const REQUESTS: Readonly<Record<string, string>> = {
    onHover: 'textDocument/hover', onCompletion: 'textDocument/completion', onCompletionResolve: 'completionItem/resolve',
    onDefinition: 'textDocument/definition', onTypeDefinition: 'textDocument/typeDefinition', onImplementation: 'textDocument/implementation',
    onDeclaration: 'textDocument/declaration', onDocumentHighlight: 'textDocument/documentHighlight', onSignatureHelp: 'textDocument/signatureHelp',
    onReferences: 'textDocument/references', onPrepareRename: 'textDocument/prepareRename', onRenameRequest: 'textDocument/rename',
    onCodeAction: 'textDocument/codeAction', onCodeActionResolve: 'codeAction/resolve', onDocumentSymbol: 'textDocument/documentSymbol',
    onWorkspaceSymbol: 'workspace/symbol', onWorkspaceSymbolResolve: 'workspaceSymbol/resolve', onFoldingRanges: 'textDocument/foldingRange',
    onDocumentFormatting: 'textDocument/formatting', onDocumentRangeFormatting: 'textDocument/rangeFormatting',
    onDocumentOnTypeFormatting: 'textDocument/onTypeFormatting', onDocumentLinks: 'textDocument/documentLink',
    onDocumentLinkResolve: 'documentLink/resolve', onCodeLens: 'textDocument/codeLens', onCodeLensResolve: 'codeLens/resolve',
    onExecuteCommand: 'workspace/executeCommand', onSelectionRanges: 'textDocument/selectionRange', onDocumentColor: 'textDocument/documentColor',
    onColorPresentation: 'textDocument/colorPresentation', onWillSaveTextDocumentWaitUntil: 'textDocument/willSaveWaitUntil'
};

const NOTIFICATIONS: Readonly<Record<string, string>> = {
    onDidOpenTextDocument: 'textDocument/didOpen', onDidChangeTextDocument: 'textDocument/didChange',
    onDidCloseTextDocument: 'textDocument/didClose', onDidSaveTextDocument: 'textDocument/didSave',
    onWillSaveTextDocument: 'textDocument/willSave', onDidChangeWatchedFiles: 'workspace/didChangeWatchedFiles',
    onDidChangeConfiguration: 'workspace/didChangeConfiguration'
};

// ---- Logging -----------------------------------------------------------------------------------

/** ` for file:///…/roles.mandate`: the document a message is about, when it names one. */
function documentOf(params: unknown): string {
    const uri = isObject(params) && isObject(params.textDocument) ? params.textDocument.uri : undefined;
    return typeof uri === 'string' ? ` for ${shorten(uri)}` : '';
}

/** A client's string, cut short for a log line. */
export function shorten(text: string): string {
    return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

function messageOf(error: unknown): string {
    return error instanceof Error ? error.message : String(error);
}

/** Writes to the output channel; a failure to write (the client is gone) is not a failure of the server. */
class GuardLog {
    constructor(private readonly connection: Connection) {}

    info(message: string): void {
        this.write(() => this.connection.console.info(message));
    }

    error(message: string): void {
        this.write(() => this.connection.console.error(message));
    }

    /** A handler failed: its method, its document and where, for a bug report. */
    failure(method: string, params: unknown, error: unknown): void {
        const where = isObject(params) && isPosition(params.position)
            ? ` at ${(params.position as { line: number }).line + 1}:${(params.position as { character: number }).character + 1}` : '';
        const stack = error instanceof Error && error.stack ? `\n${error.stack.split('\n').slice(1, 8).join('\n')}` : '';
        this.error(`${method}${documentOf(params)}${where} failed: ${messageOf(error)}${stack}`);
    }

    private write(send: () => void): void {
        try {
            send();
        } catch {
            // Nowhere left to report it.
        }
    }
}
