/**
 * A small but real LSP client for integration tests: it spawns the *bundled* language server
 * (out/server/main.cjs) as a child process and talks JSON-RPC to it over stdio, exactly as an
 * editor would. Build first (`npm run build`; `npm test` does it through `pretest`).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
    CompletionRequest, ConfigurationRequest, createProtocolConnection, DidChangeConfigurationNotification,
    DidChangeTextDocumentNotification, DidChangeWatchedFilesNotification,
    DidChangeWorkspaceFoldersNotification, DidCloseTextDocumentNotification,
    DidOpenTextDocumentNotification, ExitNotification, InitializedNotification, InitializeRequest,
    LogMessageNotification, MessageType, PublishDiagnosticsNotification, RegistrationRequest, ShowMessageNotification,
    ShowMessageRequest, ShutdownRequest, StreamMessageReader, StreamMessageWriter, TextDocumentSyncKind,
    UnregistrationRequest, WorkDoneProgressCreateRequest,
    type CompletionItem, type CompletionList, type Diagnostic, type FileEvent, type InitializeResult,
    type LogMessageParams, type Position, type ProtocolConnection, type PublishDiagnosticsParams, type Range,
    type Registration, type ServerCapabilities, type ShowMessageParams
} from 'vscode-languageserver-protocol/node';
import { URI } from 'vscode-uri';

const repositoryRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The bundled server that `npm run build` writes; MANDATE_LSP_SERVER points the tests at another build. */
export const SERVER_PATH = process.env.MANDATE_LSP_SERVER
    ? resolve(process.env.MANDATE_LSP_SERVER)
    : join(repositoryRoot, 'out', 'server', 'main.cjs');

/** Generous default for every wait: the tests never assert on timing, only on eventual state. */
export const DEFAULT_TIMEOUT_MS = 20_000;

export type Settings = Record<string, unknown>;

/** Normalizes a URI the way the server (vscode-uri) prints it, so map keys match publishDiagnostics. */
export function normalizeUri(uri: string): string {
    return URI.parse(uri).toString();
}

export function fileUri(path: string): string {
    return normalizeUri(pathToFileURL(path).href);
}

export interface TextEdit {
    readonly range: Range;
    readonly text: string;
}

export interface StartOptions {
    /** Workspace folders on disk; the first one is also the rootUri. */
    readonly workspaceFolders: readonly string[];
    /** What the client answers to `workspace/configuration`; change it later with `setSettings`. */
    readonly settings?: Settings;
    readonly serverPath?: string;
    /** Node.js options before the server's path (the extension's: server/node-options.ts). */
    readonly nodeOptions?: readonly string[];
    /** Variables added to the server's environment (the extension's: server/node-options.ts). */
    readonly environment?: Readonly<Record<string, string>>;
    /** The initialize request's `initializationOptions` (the extension's: SERVED_RULE_DOCS). */
    readonly initializationOptions?: unknown;
}

/** Every client that was started and not yet disposed, so `disposeAllClients` can leave no process behind. */
const liveClients = new Set<LspClient>();

export class LspClient {
    /** The answer to `workspace/configuration`, looked up by section path (e.g. `mandate` or `mandate.asOf`). */
    settings: Settings;
    capabilities!: ServerCapabilities;
    /** The `serverInfo` of the initialize result. */
    serverInfo: InitializeResult['serverInfo'];
    /** Every publishDiagnostics, in arrival order, per normalized URI. */
    readonly published = new Map<string, Diagnostic[][]>();
    readonly shownMessages: ShowMessageParams[] = [];
    readonly logMessages: LogMessageParams[] = [];
    readonly registrations: Registration[] = [];
    readonly configurationRequests: unknown[] = [];
    readonly texts = new Map<string, { text: string, version: number }>();

    private readonly listeners = new Set<() => void>();
    private stderr = '';
    private exited: { code: number | null, signal: NodeJS.Signals | null } | undefined;
    private disposed = false;

    private constructor(
        readonly process: ChildProcess,
        readonly connection: ProtocolConnection,
        settings: Settings
    ) {
        this.settings = settings;
    }

    /** Spawns the server with `--stdio`, initializes it and sends `initialized`. */
    static async start(options: StartOptions): Promise<LspClient> {
        const serverPath = options.serverPath ?? SERVER_PATH;
        if (!existsSync(serverPath)) {
            throw new Error(`${serverPath} does not exist: run \`npm run build\` before the LSP tests.`);
        }
        const child = spawn(process.execPath, [...options.nodeOptions ?? [], serverPath, '--stdio'], {
            cwd: repositoryRoot,
            env: { ...process.env, ...options.environment },
            stdio: ['pipe', 'pipe', 'pipe']
        });
        const connection = createProtocolConnection(
            new StreamMessageReader(child.stdout!),
            new StreamMessageWriter(child.stdin!)
        );
        const client = new LspClient(child, connection, options.settings ?? {});
        liveClients.add(client);
        client.wire();
        connection.listen();

        const folders = options.workspaceFolders.map(folder => ({ uri: fileUri(folder), name: folder.split(/[\\/]/).at(-1)! }));
        const result: InitializeResult = await client.withProcessGuard(connection.sendRequest(InitializeRequest.type, {
            // The server exits on its own if this test process dies: no orphans even after a crash.
            processId: process.pid,
            clientInfo: { name: 'mandate-lsp-tests' },
            initializationOptions: options.initializationOptions,
            rootUri: folders[0]?.uri ?? null,
            workspaceFolders: folders,
            capabilities: {
                workspace: {
                    configuration: true,
                    workspaceFolders: true,
                    didChangeConfiguration: { dynamicRegistration: true },
                    didChangeWatchedFiles: { dynamicRegistration: true }
                },
                textDocument: {
                    synchronization: { dynamicRegistration: false, didSave: true },
                    publishDiagnostics: { relatedInformation: true, codeDescriptionSupport: true, dataSupport: true },
                    completion: { completionItem: { snippetSupport: true, labelDetailsSupport: true } }
                },
                window: { showMessage: {} }
            }
        }), 'initialize');
        client.capabilities = result.capabilities;
        client.serverInfo = result.serverInfo;
        await connection.sendNotification(InitializedNotification.type, {});
        return client;
    }

    private wire(): void {
        const { connection, process: child } = this;
        child.stderr!.setEncoding('utf8');
        child.stderr!.on('data', (chunk: string) => { this.stderr += chunk; });
        child.on('exit', (code, signal) => {
            this.exited = { code, signal };
            this.notify();
        });
        // Writes to a dead server must not become unhandled errors in the test process.
        child.stdin!.on('error', () => undefined);
        connection.onError(() => undefined);
        connection.onClose(() => this.notify());

        connection.onNotification(PublishDiagnosticsNotification.type, (params: PublishDiagnosticsParams) => {
            const uri = normalizeUri(params.uri);
            const history = this.published.get(uri) ?? [];
            history.push(params.diagnostics);
            this.published.set(uri, history);
            this.notify();
        });
        connection.onRequest(ConfigurationRequest.type, params => {
            this.configurationRequests.push(params);
            return params.items.map(item => lookup(this.settings, item.section));
        });
        connection.onRequest(RegistrationRequest.type, params => {
            this.registrations.push(...params.registrations);
        });
        connection.onRequest(UnregistrationRequest.type, () => undefined);
        connection.onRequest(WorkDoneProgressCreateRequest.type, () => undefined);
        connection.onNotification(ShowMessageNotification.type, params => {
            this.shownMessages.push(params);
            this.notify();
        });
        connection.onNotification(LogMessageNotification.type, params => {
            this.logMessages.push(params);
            this.notify();
        });
        connection.onRequest(ShowMessageRequest.type, params => {
            this.shownMessages.push(params);
            this.notify();
            return null;
        });
    }

    private notify(): void {
        for (const listener of [...this.listeners]) listener();
    }

    /** The texts of the window/showMessage notifications and requests of the given type. */
    messagesOfType(type: MessageType): string[] {
        return this.shownMessages
            .filter(message => message.type === type)
            .map(message => message.message);
    }

    /** Resolves with the first shown message of `type` whose text satisfies `predicate` (already shown or still to come). */
    async waitForMessage(type: MessageType, predicate: (text: string) => boolean, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<string> {
        const find = () => this.messagesOfType(type).find(predicate);
        await this.waitUntil(() => find() !== undefined, `a window message of type ${type}`, timeoutMs);
        return find()!;
    }

    /** Resolves once `condition` holds, re-checked on every message from the server; rejects on timeout or exit. */
    waitUntil(condition: () => boolean, what: string, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<void> {
        return new Promise((resolvePromise, reject) => {
            const check = () => {
                if (condition()) finish(resolvePromise);
                else if (this.exited) finish(() => reject(new Error(`Waiting for ${what}: ${this.describeExit()}`)));
            };
            const timer = setTimeout(() => finish(() => reject(new Error(`No ${what} within ${timeoutMs} ms.${this.serverOutput()}`))), timeoutMs);
            const finish = (settle: () => void) => {
                clearTimeout(timer);
                this.listeners.delete(check);
                settle();
            };
            this.listeners.add(check);
            check();
        });
    }

    /** The server's log messages and stderr, for failure messages. */
    private serverOutput(): string {
        const logs = this.logMessages.map(log => `[${log.type}] ${log.message}`).join('\n');
        return (logs ? `\nServer log:\n${logs}` : '') + (this.stderr ? `\nServer stderr:\n${this.stderr}` : '');
    }

    /** Whether the server process has exited (crashed, or after `shutdown`). */
    get hasExited(): boolean {
        return this.exited !== undefined;
    }

    /** What the server wrote to stderr; shown in timeout messages. */
    get serverStderr(): string {
        return this.stderr;
    }

    private describeExit(): string {
        return `the language server exited (code ${this.exited?.code}, signal ${this.exited?.signal}); stderr:\n${this.stderr}`;
    }

    /** Races a request against the server process dying, so a crash fails fast with its stderr. */
    private withProcessGuard<T>(promise: Promise<T>, what: string, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<T> {
        return new Promise<T>((resolvePromise, reject) => {
            const check = () => {
                if (this.exited) finish(() => reject(new Error(`${what}: ${this.describeExit()}`)));
            };
            const timer = setTimeout(() => finish(() => reject(new Error(`${what}: no answer within ${timeoutMs} ms`))), timeoutMs);
            const finish = (settle: () => void) => {
                clearTimeout(timer);
                this.listeners.delete(check);
                settle();
            };
            this.listeners.add(check);
            check();
            promise.then(value => finish(() => resolvePromise(value)), error => finish(() => reject(error)));
        });
    }

    // ---- Diagnostics -------------------------------------------------------------------------

    /** The most recent diagnostics published for `uri`, or undefined if none arrived yet. */
    latestDiagnostics(uri: string): Diagnostic[] | undefined {
        return this.published.get(normalizeUri(uri))?.at(-1);
    }

    /** How many publishDiagnostics arrived for `uri` so far. */
    publishCount(uri: string): number {
        return this.published.get(normalizeUri(uri))?.length ?? 0;
    }

    /**
     * Resolves with the first published diagnostics for `uri` that satisfy `predicate`, checking the
     * latest publication first and then every new one. With `after`, only publications beyond that
     * count (see `publishCount`) are considered. Rejects on timeout or when the server exits.
     */
    waitForDiagnostics(
        uri: string,
        predicate: (diagnostics: Diagnostic[]) => boolean = () => true,
        timeoutMs = DEFAULT_TIMEOUT_MS,
        options: { after?: number } = {}
    ): Promise<Diagnostic[]> {
        const key = normalizeUri(uri);
        let seen = options.after ?? Math.max(0, this.publishCount(key) - 1);
        return new Promise<Diagnostic[]>((resolvePromise, reject) => {
            const check = () => {
                const history = this.published.get(key) ?? [];
                for (; seen < history.length; seen++) {
                    if (predicate(history[seen])) {
                        const match = history[seen];
                        return finish(() => resolvePromise(match));
                    }
                }
                if (this.exited) finish(() => reject(new Error(`Waiting for diagnostics of ${key}: ${this.describeExit()}`)));
            };
            const timer = setTimeout(() => finish(() => reject(new Error(
                `No matching diagnostics for ${key} within ${timeoutMs} ms. Published so far:\n`
                + JSON.stringify((this.published.get(key) ?? []).map(list => list.map(summarize)), null, 1)
                + this.serverOutput()
            ))), timeoutMs);
            const finish = (settle: () => void) => {
                clearTimeout(timer);
                this.listeners.delete(check);
                settle();
            };
            this.listeners.add(check);
            check();
        });
    }

    // ---- Text documents ----------------------------------------------------------------------

    async openDocument(uri: string, text: string, languageId = 'mandate'): Promise<void> {
        const key = normalizeUri(uri);
        this.texts.set(key, { text, version: 1 });
        await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
            textDocument: { uri: key, languageId, version: 1, text }
        });
    }

    /**
     * Applies edits (ranges refer to the text before this change, applied in order) and sends them the
     * way the server asked for: as ranges for incremental sync, or as the whole new text for full sync.
     */
    async changeDocument(uri: string, edits: readonly TextEdit[]): Promise<string> {
        const key = normalizeUri(uri);
        const current = this.texts.get(key);
        if (!current) throw new Error(`${key} is not open`);
        let text = current.text;
        for (const edit of edits) {
            text = text.slice(0, offsetAt(text, edit.range.start)) + edit.text + text.slice(offsetAt(text, edit.range.end));
        }
        const version = current.version + 1;
        this.texts.set(key, { text, version });
        const contentChanges = this.syncKind() === TextDocumentSyncKind.Incremental
            ? edits.map(edit => ({ range: edit.range, text: edit.text }))
            : [{ text }];
        await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
            textDocument: { uri: key, version },
            contentChanges
        });
        return text;
    }

    /** Inserts `text` right before the first occurrence of `anchor` (or at the end when `anchor` is undefined). */
    async insert(uri: string, text: string, before?: string): Promise<string> {
        const current = this.textOf(uri);
        const offset = before === undefined ? current.length : current.indexOf(before);
        if (offset < 0) throw new Error(`'${before}' does not occur in ${uri}`);
        const position = positionAt(current, offset);
        return this.changeDocument(uri, [{ range: { start: position, end: position }, text }]);
    }

    async closeDocument(uri: string): Promise<void> {
        const key = normalizeUri(uri);
        this.texts.delete(key);
        await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: key } });
    }

    textOf(uri: string): string {
        const current = this.texts.get(normalizeUri(uri));
        if (!current) throw new Error(`${uri} is not open`);
        return current.text;
    }

    /** The text document sync kind the server advertised. */
    syncKind(): TextDocumentSyncKind {
        const sync = this.capabilities.textDocumentSync;
        if (typeof sync === 'number') return sync;
        return sync?.change ?? TextDocumentSyncKind.None;
    }

    // ---- Workspace ---------------------------------------------------------------------------

    /** Changes what `workspace/configuration` returns and, by default, notifies the server like an editor does. */
    async setSettings(settings: Settings, notify = true): Promise<void> {
        this.settings = settings;
        if (notify) {
            await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings });
        }
    }

    async didChangeWatchedFiles(changes: FileEvent[]): Promise<void> {
        await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
            changes: changes.map(change => ({ ...change, uri: normalizeUri(change.uri) }))
        });
    }

    async changeWorkspaceFolders(added: readonly string[], removed: readonly string[]): Promise<void> {
        const folder = (path: string) => ({ uri: fileUri(path), name: path.split(/[\\/]/).at(-1)! });
        await this.connection.sendNotification(DidChangeWorkspaceFoldersNotification.type, {
            event: { added: added.map(folder), removed: removed.map(folder) }
        });
    }

    async completion(uri: string, position: Position): Promise<CompletionItem[]> {
        const result: CompletionItem[] | CompletionList | null = await this.withProcessGuard(
            this.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: normalizeUri(uri) }, position }),
            'textDocument/completion'
        );
        if (!result) return [];
        return Array.isArray(result) ? result : result.items;
    }

    // ---- Shutdown ----------------------------------------------------------------------------

    /** `shutdown` + `exit`, then waits for the process to end; kills it if it does not. Idempotent. */
    async dispose(timeoutMs = 5_000): Promise<void> {
        if (this.disposed) return;
        this.disposed = true;
        try {
            if (!this.exited) {
                await this.withProcessGuard(this.connection.sendRequest(ShutdownRequest.type), 'shutdown', timeoutMs);
                await this.connection.sendNotification(ExitNotification.type);
                await this.waitForExit(timeoutMs);
            }
        } catch {
            // Fall through to the kill below.
        } finally {
            if (!this.exited) {
                this.process.kill('SIGKILL');
                await this.waitForExit(timeoutMs).catch(() => undefined);
            }
            this.connection.dispose();
            liveClients.delete(this);
        }
    }

    private waitForExit(timeoutMs: number): Promise<void> {
        return new Promise((resolvePromise, reject) => {
            const check = () => {
                if (this.exited) finish(resolvePromise);
            };
            const timer = setTimeout(() => finish(() => reject(new Error('the server did not exit'))), timeoutMs);
            const finish = (settle: () => void) => {
                clearTimeout(timer);
                this.listeners.delete(check);
                settle();
            };
            this.listeners.add(check);
            check();
        });
    }

    /** The exit code, once the process has exited. */
    get exitCode(): number | null | undefined {
        return this.exited?.code;
    }
}

/** Shuts down every client still running; call it from afterEach/afterAll. */
export async function disposeAllClients(): Promise<void> {
    await Promise.all([...liveClients].map(client => client.dispose()));
}

// ---- Temporary workspaces ----------------------------------------------------------------------

const temporaryFolders = new Set<string>();

/** A fresh folder in the OS temp directory, filled with `files` (relative path -> content). */
export async function createWorkspace(files: Record<string, string> = {}): Promise<string> {
    const folder = await mkdtemp(join(tmpdir(), 'mandate-lsp-'));
    temporaryFolders.add(folder);
    for (const [path, content] of Object.entries(files)) {
        await writeWorkspaceFile(folder, path, content);
    }
    return folder;
}

export async function writeWorkspaceFile(folder: string, path: string, content: string): Promise<string> {
    const absolute = join(folder, path);
    await mkdir(dirname(absolute), { recursive: true });
    await writeFile(absolute, content, 'utf8');
    return fileUri(absolute);
}

/** The URI of a file in a workspace folder, whether or not it exists yet. */
export function workspaceUri(folder: string, path: string): string {
    return fileUri(join(folder, path));
}

export async function removeAllWorkspaces(): Promise<void> {
    await Promise.all([...temporaryFolders].map(folder => rm(folder, { recursive: true, force: true })));
    temporaryFolders.clear();
}

// ---- Helpers -----------------------------------------------------------------------------------

/** Looks a dotted section up in the settings object; no section means the whole object. */
function lookup(settings: Settings, section: string | undefined): unknown {
    if (!section) return settings;
    let value: unknown = settings;
    for (const part of section.split('.')) {
        if (value === null || typeof value !== 'object') return null;
        value = (value as Record<string, unknown>)[part];
    }
    return value ?? null;
}

export function positionAt(text: string, offset: number): Position {
    const before = text.slice(0, offset);
    const line = before.split('\n').length - 1;
    return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

export function offsetAt(text: string, position: Position): number {
    let offset = 0;
    for (let line = 0; line < position.line; line++) {
        const next = text.indexOf('\n', offset);
        if (next < 0) return text.length;
        offset = next + 1;
    }
    return Math.min(offset + position.character, text.length);
}

/** Splits `text` at the `|` cursor marker: the text without it and the cursor's position. */
export function withCursor(textWithCursor: string): { text: string, position: Position } {
    const offset = textWithCursor.indexOf('|');
    if (offset < 0) throw new Error('no | cursor marker');
    return { text: textWithCursor.slice(0, offset) + textWithCursor.slice(offset + 1), position: positionAt(textWithCursor, offset) };
}

export function codesOf(diagnostics: readonly Diagnostic[]): string[] {
    return diagnostics.map(diagnostic => String(diagnostic.code));
}

export function hasCode(code: string): (diagnostics: readonly Diagnostic[]) => boolean {
    return diagnostics => diagnostics.some(diagnostic => diagnostic.code === code);
}

export function lacksCode(code: string): (diagnostics: readonly Diagnostic[]) => boolean {
    return diagnostics => !diagnostics.some(diagnostic => diagnostic.code === code);
}

/** A diagnostic's message as plain text (LSP 3.18 also allows markup). */
export function messageOf(diagnostic: Diagnostic): string {
    return typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
}

function summarize(diagnostic: Diagnostic): string {
    return `${diagnostic.range.start.line + 1}:${diagnostic.range.start.character + 1} ${diagnostic.code ?? '-'} ${messageOf(diagnostic)}`;
}
