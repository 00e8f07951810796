/**
 * The bundled language server driven over raw JSON-RPC frames, for the hostile-client fuzz: every
 * frame is written whole by one `write`, so hand-made frames (invalid JSON, wrong types) never
 * interleave with a library's. It answers the server's own requests as an editor would
 * (configuration from `settings`, registrations with null) and keeps what the server publishes.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { SERVER_PATH } from '../lsp-client.js';
import { FrameReader } from './frame-reader.js';

interface Incoming {
    readonly id?: string | number | null;
    readonly method?: string;
    readonly params?: unknown;
    readonly result?: unknown;
    readonly error?: { readonly code: number; readonly message: string };
}

export class RawLspPeer {
    /** Responses by request id (only string ids: the fuzz's own). */
    readonly responses = new Map<string, Incoming>();
    /** The latest diagnostics published per URI. */
    readonly diagnostics = new Map<string, Array<{ message: string; code?: unknown }>>();
    readonly logs: string[] = [];
    stderr = '';
    exit: { code: number | null; signal: string | null } | undefined;
    private readonly frames = new FrameReader();
    private readonly waiters = new Set<() => void>();
    private counter = 0;

    private constructor(readonly process: ChildProcess, private readonly settings: Record<string, unknown>) {
        process.stdout!.on('data', (chunk: Buffer) => this.receive(chunk));
        process.stderr!.setEncoding('utf8');
        process.stderr!.on('data', (chunk: string) => { this.stderr += chunk; });
        process.stdin!.on('error', () => undefined);
        process.on('exit', (code, signal) => {
            this.exit = { code, signal };
            this.notify();
        });
    }

    /** Spawns the server and initializes it on `folder`. */
    static async start(folder: string, settings: Record<string, unknown>): Promise<RawLspPeer> {
        const child = spawn(globalThis.process.execPath, [SERVER_PATH, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
        const peer = new RawLspPeer(child, settings);
        const uri = pathToFileURL(folder).href;
        await peer.request('initialize', {
            processId: globalThis.process.pid, rootUri: uri, workspaceFolders: [{ uri, name: 'ws' }],
            capabilities: { workspace: { configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true } } }
        });
        peer.notification('initialized', {});
        return peer;
    }

    /** Writes one frame with a correct Content-Length for `body`, whatever `body` is. */
    send(body: string): void {
        if (this.exit) return;
        const bytes = Buffer.from(body, 'utf8');
        this.process.stdin!.write(Buffer.concat([Buffer.from(`Content-Length: ${bytes.length}\r\n\r\n`, 'ascii'), bytes]));
    }

    notification(method: string, params: unknown): void {
        this.send(JSON.stringify({ jsonrpc: '2.0', method, params }));
    }

    /** Sends a well-formed request and waits for its response (rejects when the server exits or after `timeoutMs`). */
    async request(method: string, params: unknown, timeoutMs = 20_000): Promise<Incoming> {
        const id = `peer-${this.counter++}`;
        this.send(JSON.stringify({ jsonrpc: '2.0', id, method, params }));
        await this.until(() => this.responses.has(id), `a response to ${method}`, timeoutMs);
        return this.responses.get(id)!;
    }

    until(condition: () => boolean, what: string, timeoutMs: number): Promise<void> {
        return new Promise((resolve, reject) => {
            const check = (): void => {
                if (condition()) finish(resolve);
                else if (this.exit) finish(() => reject(new Error(`Waiting for ${what}: the server exited (${JSON.stringify(this.exit)}); stderr:\n${this.stderr.slice(-3000)}`)));
            };
            const timer = setTimeout(() => finish(() => reject(new Error(`No ${what} within ${timeoutMs} ms; stderr:\n${this.stderr.slice(-3000)}`))), timeoutMs);
            const finish = (settle: () => void): void => {
                clearTimeout(timer);
                this.waiters.delete(check);
                settle();
            };
            this.waiters.add(check);
            check();
        });
    }

    async dispose(): Promise<void> {
        if (!this.exit) {
            await this.request('shutdown', null, 5000).catch(() => undefined);
            this.notification('exit', null);
            await this.until(() => this.exit !== undefined, 'exit', 5000).catch(() => this.process.kill('SIGKILL'));
        }
    }

    private notify(): void {
        for (const waiter of [...this.waiters]) waiter();
    }

    private receive(chunk: Buffer): void {
        for (const body of this.frames.push(chunk)) this.handle(JSON.parse(body) as Incoming);
    }

    private handle(message: Incoming): void {
        if (message.method && message.id !== undefined) {
            // The server's own request: configuration gets the settings, anything else null.
            const result = message.method === 'workspace/configuration'
                ? ((message.params as { items?: Array<{ section?: string }> }).items ?? []).map(item => lookup(this.settings, item.section))
                : null;
            this.send(JSON.stringify({ jsonrpc: '2.0', id: message.id, result }));
        } else if (message.method === 'textDocument/publishDiagnostics') {
            const params = message.params as { uri: string; diagnostics: Array<{ message: string; code?: unknown }> };
            this.diagnostics.set(params.uri, params.diagnostics);
        } else if (message.method === 'window/logMessage' || message.method === 'window/showMessage') {
            this.logs.push((message.params as { message: string }).message);
        } else if (message.id !== undefined && message.id !== null && !message.method) {
            this.responses.set(String(message.id), message);
        }
        this.notify();
    }
}

function lookup(settings: Record<string, unknown>, section: string | undefined): unknown {
    let value: unknown = settings;
    for (const part of section ? section.split('.') : []) {
        value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined;
    }
    return value ?? null;
}
