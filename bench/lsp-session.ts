/**
 * A build's real language server (out/server/main.cjs over stdio), driven through the tests' LSP
 * client, with what the benchmark needs on top: a barrier that says when the server has finished
 * all queued work, timed edits that report which files were re-published, timed completion, and
 * the server's resident memory.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CompletionRequest, type CompletionItem, type CompletionList, type Diagnostic, type Position } from 'vscode-languageserver-protocol/node';
import { fileUri, LspClient, positionAt, type TextEdit } from '../tests/lsp-client.js';
import { BENCH_AS_OF } from './generate-workspace.js';
import type { Build } from './builds.js';
import { elapsedMs, formatMs, now, sleep } from './stats.js';

// The report request of both builds takes the workspace lock's read side, which waits for every
// queued write (build) to finish, and rejects an unknown format before doing any work of its own:
// its error response is the moment the server has finished processing everything sent before it.
const REPORT_REQUEST = 'mandate/report';
const BARRIER_FORMAT = 'bench-barrier';
const STATUS_NOTIFICATION = 'mandate/status';
/** How long to keep listening after the barrier for publications a server might send outside its lock. */
const GRACE_MS = 60;

export interface EditSample {
    readonly ms: number;
    /** Files that got a publishDiagnostics for this edit. */
    readonly republished: number;
    /** Of those, files other than the edited one whose diagnostics did not change. */
    readonly unchangedRepublished: number;
    /** Publications that arrived after the barrier (outside the server's workspace lock). */
    readonly late: number;
    /** CPU time the server spent on the edit (user + system, 10 ms resolution): steadier than wall time on a busy machine. */
    readonly cpuMs: number;
}

export interface CompletionSample {
    readonly ms: number;
    readonly items: CompletionItem[];
    readonly incomplete: boolean;
    readonly bytes: number;
}

/** One report request (BenchSession.report): its time, and the sizes of the saved page and of the webview's. */
export interface ReportSample {
    readonly ms: number;
    readonly bytes: number;
    readonly webviewBytes?: number;
}

/** What both builds answer a report request with (language/lsp/mandate-protocol.ts). */
interface ReportResult {
    readonly content: string;
    readonly webviewContent?: string;
}

/** A server to start: its entry, the Node.js options and the environment variables to start it with (a build's). */
export interface ServerLaunch {
    readonly path: string;
    readonly nodeOptions: readonly string[];
    readonly environment: Readonly<Record<string, string>>;
}

/** A process's resident memory split in two (BenchSession.rssParts). */
export interface RssParts {
    readonly anonymousBytes: number;
    readonly fileBytes: number;
}

/** How the benchmark starts a build's server: as its extension does. */
export function serverLaunchOf(build: Pick<Build, 'server' | 'serverNodeOptions' | 'serverEnvironment'>): ServerLaunch {
    return { path: build.server, nodeOptions: build.serverNodeOptions, environment: build.serverEnvironment };
}

export class BenchSession {
    private statusCount = 0;

    private constructor(readonly client: LspClient, readonly folder: string, readonly readyMs: number) {
        client.connection.onNotification(STATUS_NOTIFICATION, () => { this.statusCount++; });
    }

    /** Spawns the server on `folder` with the benchmark's as-of date; readyMs is spawn → initialize result. */
    static async start(server: string | ServerLaunch, folder: string): Promise<BenchSession> {
        const { path, nodeOptions, environment } = typeof server === 'string' ? { path: server, nodeOptions: [], environment: {} } : server;
        const start = now();
        const client = await LspClient.start({ workspaceFolders: [folder], settings: { mandate: { asOf: BENCH_AS_OF } }, serverPath: path, nodeOptions, environment });
        return new BenchSession(client, folder, elapsedMs(start));
    }

    /** What a fresh server publishes for `folder` once it has settled, per file (`diagnosticsByFile`). */
    static async freshDiagnostics(server: string | ServerLaunch, folder: string): Promise<Map<string, string>> {
        const session = await BenchSession.start(server, folder);
        try {
            await session.settle();
            return session.diagnosticsByFile();
        } finally {
            await session.dispose();
        }
    }

    /** Waits until the server has finished all queued work and returns how long that took; throws when the server dies. */
    async settle(): Promise<number> {
        const start = now();
        await this.untilExit(this.client.connection.sendRequest(REPORT_REQUEST, { format: BARRIER_FORMAT }).then(
            () => undefined,
            (error: unknown) => {
                if (typeof (error as { code?: unknown }).code !== 'number') throw error;
            }
        ));
        return elapsedMs(start);
    }

    /** How many `mandate/status` notifications (one per validating build) arrived so far. */
    get builds(): number {
        return this.statusCount;
    }

    /** The server's resident set size now, in bytes (Linux /proc). */
    rssBytes(): number {
        return this.statusBytes('VmRSS');
    }

    /**
     * The two parts of that RSS: memory the process allocated (the V8 heap, malloc) and pages of
     * files it maps (Node's executable and libraries, paged in as their code is first used).
     */
    rssParts(): RssParts {
        return { anonymousBytes: this.statusBytes('RssAnon'), fileBytes: this.statusBytes('RssFile') };
    }

    private statusBytes(field: string): number {
        const status = readFileSync(`/proc/${this.client.process.pid}/status`, 'utf8');
        const match = new RegExp(`^${field}:\\s+(\\d+)\\s+kB`, 'm').exec(status);
        if (!match) throw new Error(`${field} not found in /proc/<pid>/status`);
        return Number(match[1]) * 1024;
    }

    /** CPU time the server process has used so far, in ms (Linux /proc, clock ticks of 10 ms). */
    cpuMs(): number {
        const stat = readFileSync(`/proc/${this.client.process.pid}/stat`, 'utf8');
        // Fields after the command name, which is in parentheses and may contain spaces: utime and stime are the 12th and 13th.
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        return (Number(fields[11]) + Number(fields[12])) * 10;
    }

    uri(path: string): string {
        return fileUri(join(this.folder, path));
    }

    /** Opens a workspace file in the editor with its text on disk, and waits for the server to settle. */
    async open(path: string): Promise<string> {
        const uri = this.uri(path);
        await this.client.openDocument(uri, await readFile(join(this.folder, path), 'utf8'));
        await this.settle();
        return uri;
    }

    text(uri: string): string {
        return this.client.textOf(uri);
    }

    /** Inserts `text` at `offset` of an open document. */
    insertAt(uri: string, offset: number, text: string): TextEdit {
        const position = positionAt(this.text(uri), offset);
        return { range: { start: position, end: position }, text };
    }

    /** Replaces `length` characters at `offset` of an open document. */
    replaceAt(uri: string, offset: number, length: number, text: string): TextEdit {
        const current = this.text(uri);
        return { range: { start: positionAt(current, offset), end: positionAt(current, offset + length) }, text };
    }

    /** Replaces the whole text of an open document. */
    replaceAll(uri: string, text: string): TextEdit {
        return this.replaceAt(uri, 0, this.text(uri).length, text);
    }

    /** Sends one didChange and times it until the server has finished everything it caused. */
    async timedEdit(uri: string, edits: readonly TextEdit[]): Promise<EditSample> {
        const before = this.publications();
        const cpuBefore = this.cpuMs();
        const start = now();
        await this.client.changeDocument(uri, edits);
        await this.settle();
        const ms = elapsedMs(start);
        const cpuMs = this.cpuMs() - cpuBefore;
        const atBarrier = this.publications();
        await sleep(GRACE_MS);
        const after = this.publications();
        let republished = 0;
        let unchangedRepublished = 0;
        let late = 0;
        for (const [key, { count, latest }] of after) {
            const previous = before.get(key);
            if (count === (previous?.count ?? 0)) continue;
            republished++;
            late += count - (atBarrier.get(key)?.count ?? 0);
            if (key !== uri && previous && previous.latest === latest) unchangedRepublished++;
        }
        return { ms, republished, unchangedRepublished, late, cpuMs };
    }

    /** One completion request, timed from send to response. */
    async completion(uri: string, position: Position): Promise<CompletionSample> {
        const start = now();
        const result: CompletionItem[] | CompletionList | null = await this.untilExit(
            this.client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position }));
        const ms = elapsedMs(start);
        const items = !result ? [] : Array.isArray(result) ? result : result.items;
        const incomplete = !!result && !Array.isArray(result) && result.isIncomplete;
        return { ms, items, incomplete, bytes: Buffer.byteLength(JSON.stringify(result ?? null)) };
    }

    /** Any request, timed from send to response, with the size of its answer as JSON. */
    async timedRequest<T>(method: string, params: unknown): Promise<{ ms: number; result: T; bytes: number }> {
        const start = now();
        const result = await this.untilExit(this.client.connection.sendRequest<T>(method, params));
        return { ms: elapsedMs(start), result, bytes: Buffer.byteLength(JSON.stringify(result ?? null)) };
    }

    /** Waits until the server has finished all queued work, as `settle`, for at most `timeoutMs`: false when it has not. */
    async settleWithin(timeoutMs: number): Promise<boolean> {
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<false>(resolve => { timer = setTimeout(() => resolve(false), timeoutMs); });
        try {
            return await Promise.race([this.settle().then(() => true), timeout]);
        } finally {
            clearTimeout(timer);
        }
    }

    /**
     * One report request, as the editor's report command sends it (with `webview`, the HTML page
     * for its panel too), timed from send to response; rejected after `timeoutMs`.
     */
    async report(format: string, webview: boolean, timeoutMs: number): Promise<ReportSample> {
        const params = webview ? { format, webview: { nonce: 'bench0123456789abcdef', cspSource: 'https://bench.vscode-resource.vscode-cdn.net' } } : { format };
        const start = now();
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<never>((_, reject) => {
            timer = setTimeout(() => reject(new Error(`no answer after ${formatMs(timeoutMs)}`)), timeoutMs);
        });
        try {
            const result = await Promise.race([this.untilExit(this.client.connection.sendRequest<ReportResult>(REPORT_REQUEST, params)), timeout]);
            return { ms: elapsedMs(start), bytes: Buffer.byteLength(result.content), webviewBytes: result.webviewContent === undefined ? undefined : Buffer.byteLength(result.webviewContent) };
        } finally {
            clearTimeout(timer);
        }
    }

    /** The latest diagnostics of every file, in a canonical form for comparison with another server. */
    diagnosticsByFile(): Map<string, string> {
        const result = new Map<string, string>();
        for (const [uri, history] of this.client.published) {
            const latest = history.at(-1) ?? [];
            result.set(uri.slice(fileUri(this.folder).length + 1), canonical(latest));
        }
        return result;
    }

    async dispose(): Promise<void> {
        await this.client.dispose();
    }

    private publications(): Map<string, { count: number; latest: string }> {
        const result = new Map<string, { count: number; latest: string }>();
        for (const [uri, history] of this.client.published) {
            result.set(uri, { count: history.length, latest: JSON.stringify(history.at(-1) ?? []) });
        }
        return result;
    }

    /** Rejects when the server process exits before `promise` settles. */
    private untilExit<T>(promise: Promise<T>): Promise<T> {
        const child = this.client.process;
        return new Promise<T>((resolve, reject) => {
            if (this.client.hasExited) return reject(new Error(`the language server has exited: ${this.client.serverStderr.slice(-500)}`));
            const onExit = (code: number | null, signal: string | null) => reject(new Error(
                `the language server exited (code ${code}, signal ${signal}): ${this.client.serverStderr.slice(-500)}`));
            // Requests sent at once (a screenful of code lenses resolved) each wait on the exit: not a leak.
            if (child.listenerCount('exit') >= child.getMaxListeners()) child.setMaxListeners(child.listenerCount('exit') + 10);
            child.once('exit', onExit);
            promise.then(
                value => { child.off('exit', onExit); resolve(value); },
                (error: unknown) => { child.off('exit', onExit); reject(error); }
            );
        });
    }
}

/** Diagnostics as sorted JSON lines, without fields that may legitimately differ between runs. */
function canonical(diagnostics: readonly Diagnostic[]): string {
    return diagnostics
        .map(diagnostic => JSON.stringify({
            range: diagnostic.range,
            severity: diagnostic.severity,
            code: diagnostic.code,
            message: diagnostic.message,
            related: diagnostic.relatedInformation
        }))
        .sort()
        .join('\n');
}
