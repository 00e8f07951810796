/**
 * A side of `mandate diff` built in a worker thread while the main thread builds the other (or the
 * revision of `report --since` while it builds the report's): each is a full cold check, so on two
 * cores the two take about as long as one.
 *
 * One engine: the worker is the shipped CLI bundle itself (cli/main.ts branches on `isSideWorker`)
 * and runs the same buildSideFacts; only plain data crosses back (SideFacts, structured-clone safe).
 * Whatever the worker would print is kept and printed by the main thread when the side's result is
 * taken, and its errors are raised there, so the output, the messages and the exit code are those of
 * the sequential build. Without threads (MANDATE_THREADS=1, one core, or the CLI running from
 * source) the side is built in the main thread when its result is taken, as before.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { buildSideFacts, resolveSinceRevision, type SideResult, type SideSource } from './diff-sides.js';
import { InputError } from './files.js';
import type { LoadOptions } from './load.js';
import { write } from './output.js';
import { threadScript } from './threads.js';

/** The key of workerData that makes a start of the bundle a side's worker. */
const MARKER = 'mandateDiffSide';

/**
 * A side: resolved already, or the revision `report --since` names in a folder, resolved where the
 * side is built, so that its errors come when its result is taken, as they would one after the other.
 */
export type SideRequest = { readonly source: SideSource } | { readonly since: string; readonly folder: string };

interface SideJob {
    readonly [MARKER]: true;
    readonly request: SideRequest;
    readonly options: LoadOptions;
}

/** Resolves (for `--since`) and builds the side, in whichever thread runs it. */
export async function buildRequest(request: SideRequest, options: LoadOptions): Promise<SideResult> {
    return buildSideFacts('source' in request ? request.source : await resolveSinceRevision(request.since, request.folder), options);
}

/** The worker's answer, with what it would have written to standard output and standard error. */
type SideReply = { readonly stdout: string; readonly stderr: string } & (
    | { readonly ok: true; readonly result: SideResult }
    | { readonly ok: false; readonly inputError: boolean; readonly message: string });

/** Whether this thread is a side's worker: a cheap test, made by every start of the CLI. */
export function isSideWorker(): boolean {
    return !isMainThread && (workerData as Partial<SideJob> | null)?.[MARKER] === true;
}

/** Keeps what is written to `stream` instead of writing it. */
function capture(stream: NodeJS.WriteStream): () => string {
    const chunks: string[] = [];
    stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
        chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
        const done = rest.find(argument => typeof argument === 'function') as (() => void) | undefined;
        if (done) queueMicrotask(done);
        return true;
    }) as typeof stream.write;
    return () => chunks.join('');
}

/** The worker's side: builds the job's side and posts the result or the error, once. */
export async function runSideWorker(): Promise<void> {
    const job = workerData as SideJob;
    const stdout = capture(process.stdout);
    const stderr = capture(process.stderr);
    let reply: SideReply;
    try {
        const result = await buildRequest(job.request, job.options);
        reply = { ok: true, result, stdout: stdout(), stderr: stderr() };
    } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        reply = { ok: false, inputError: error instanceof InputError, message, stdout: stdout(), stderr: stderr() };
    }
    parentPort!.postMessage(reply);
}

/** A side being built, here or in a worker; `stop` ends the worker, whatever became of it. */
export interface PendingSide {
    result(): Promise<SideResult>;
    stop(): Promise<void>;
}

/** Starts building a side: in a worker running `script` when there is one and it starts, else here when the result is taken. */
export function startSide(request: SideRequest, options: LoadOptions, script = threadScript()): PendingSide {
    let worker: Worker | undefined;
    try {
        if (script) worker = new Worker(script, { workerData: { [MARKER]: true, request, options } satisfies SideJob });
    } catch {
        worker = undefined; // no threads here: the sequential build gives the same output
    }
    if (!worker) return { result: () => buildRequest(request, options), stop: async () => undefined };
    const thread = worker;
    const label = 'source' in request ? request.source.side.label : request.since;
    let settled = false;
    const reply = new Promise<SideReply>((resolve, reject) => {
        const settle = (action: () => void) => {
            if (settled) return;
            settled = true;
            action();
        };
        thread.once('message', (message: SideReply) => settle(() => resolve(message)));
        thread.once('error', error => settle(() => reject(new Error(`the thread building ${label} failed: ${error.message}`))));
        thread.once('exit', code => settle(() => reject(new Error(`the thread building ${label} stopped before it finished (exit code ${code})`))));
    });
    reply.catch(() => undefined); // taken (or dropped, when the other side failed first) by result()
    return {
        async result() {
            const answer = await reply;
            await thread.terminate();
            if (answer.stdout) await write(process.stdout, answer.stdout, true);
            if (answer.stderr) await write(process.stderr, answer.stderr, true);
            if (!answer.ok) throw answer.inputError ? new InputError(answer.message) : new Error(answer.message);
            return answer.result;
        },
        async stop() {
            settled = true;
            await thread.terminate();
        }
    };
}
