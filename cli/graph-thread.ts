/**
 * The graph of an HTML report, drawn in a worker thread while the main thread renders the rest of
 * the report: laying out the 150 nodes a large organization's summary draws takes a tenth of a second.
 *
 * One engine: the worker is the shipped CLI bundle itself (cli/main.ts branches on `isGraphWorker`)
 * and runs the same renderGraphSvg; only the graph (plain data) goes there and the SVG text comes
 * back. It is started before the report is built and loads the engine meanwhile. A layout that fails there fails with the same message as here; a thread that cannot start,
 * fails or exits without an answer leaves the drawing to this thread, so the report is the same
 * with and without threads (MANDATE_THREADS=1).
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { GraphLayoutError, renderGraphSvg, type GraphDrawer } from '../language/report/graph-svg.js';
import type { OrganizationGraph } from '../language/report/report-model.js';
import { threadScript } from './threads.js';

/** The key of workerData that makes a start of the bundle the graph's worker. */
const MARKER = 'mandateGraph';

interface GraphJob {
    readonly [MARKER]: true;
}

type GraphReply = { readonly ok: true; readonly svg: string } | { readonly ok: false; readonly layoutError: boolean; readonly message: string };

/** Whether this thread is the graph's worker: a cheap test, made by every start of the CLI. */
export function isGraphWorker(): boolean {
    return !isMainThread && (workerData as Partial<GraphJob> | null)?.[MARKER] === true;
}

/** The worker's side: waits for the graph, draws it and posts the SVG or the failure, once. */
export function runGraphWorker(): void {
    parentPort!.once('message', async (graph: OrganizationGraph) => {
        let reply: GraphReply;
        try {
            reply = { ok: true, svg: await renderGraphSvg(graph) };
        } catch (error) {
            reply = { ok: false, layoutError: error instanceof GraphLayoutError, message: error instanceof Error ? error.message : String(error) };
        }
        parentPort!.postMessage(reply);
    });
}

/** A worker started before the graph is known, so that it has loaded the engine by then. */
export interface GraphThread {
    /** Sends `graph` to be drawn, and returns the drawer for the HTML renderer: `graph` from the worker, any other graph here. */
    drawAhead(graph: OrganizationGraph): GraphDrawer;
    /** Ends the worker, whatever became of it. */
    stop(): Promise<void>;
}

/** Starts the worker (running `script`), or undefined when there are no threads here: then this thread draws the same graph. */
export function startGraphThread(script = threadScript()): GraphThread | undefined {
    let worker: Worker | undefined;
    try {
        if (script) worker = new Worker(script, { workerData: { [MARKER]: true } satisfies GraphJob, stdout: true, stderr: true });
    } catch {
        worker = undefined;
    }
    if (!worker) return undefined;
    const thread = worker;
    // A failure before the graph is sent is taken when it is.
    const ended = new Promise<undefined>(resolve => {
        thread.once('error', () => resolve(undefined));
        thread.once('exit', () => resolve(undefined));
    });
    return {
        drawAhead(graph) {
            const reply = Promise.race([new Promise<GraphReply>(resolve => thread.once('message', resolve)), ended]);
            try {
                thread.postMessage(graph);
            } catch {
                return renderGraphSvg; // it could not be sent: drawn here
            }
            return async drawn => {
                if (drawn !== graph) return renderGraphSvg(drawn);
                const answer = await reply;
                await thread.terminate();
                if (!answer) return renderGraphSvg(graph); // the thread failed or stopped: drawn here, the same
                if (answer.ok) return answer.svg;
                throw answer.layoutError ? new GraphLayoutError(answer.message) : new Error(answer.message);
            };
        },
        async stop() {
            await thread.terminate();
        }
    };
}
