/**
 * The graph of an HTML report, drawn in a worker thread while the main thread renders the rest of
 * the report: laying out the 150 nodes a large organization's summary draws takes a tenth of a second.
 *
 * One engine: the worker is the shipped CLI bundle itself (cli/main.ts branches on `isGraphWorker`)
 * and runs the same renderGraphSvg; only the graph (plain data) goes there and the SVG text comes
 * back. A layout that fails there fails with the same message as here; a thread that cannot start,
 * fails or exits without an answer leaves the drawing to this thread, so the report is the same
 * with and without threads (MANDATE_THREADS=1).
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { GraphLayoutError, renderGraphSvg, type GraphDrawer } from '../language/report/graph-svg.js';
import type { AuditReport, OrganizationGraph } from '../language/report/report-model.js';
import { reportGraph } from '../language/report/report-view.js';
import { threadScript } from './threads.js';

/** The key of workerData that makes a start of the bundle the graph's worker. */
const MARKER = 'mandateGraph';

interface GraphJob {
    readonly [MARKER]: true;
    readonly graph: OrganizationGraph;
}

type GraphReply = { readonly ok: true; readonly svg: string } | { readonly ok: false; readonly layoutError: boolean; readonly message: string };

/** Whether this thread is the graph's worker: a cheap test, made by every start of the CLI. */
export function isGraphWorker(): boolean {
    return !isMainThread && (workerData as Partial<GraphJob> | null)?.[MARKER] === true;
}

/** The worker's side: draws the job's graph and posts the SVG or the failure, once. */
export async function runGraphWorker(): Promise<void> {
    const { graph } = workerData as GraphJob;
    let reply: GraphReply;
    try {
        reply = { ok: true, svg: await renderGraphSvg(graph) };
    } catch (error) {
        reply = { ok: false, layoutError: error instanceof GraphLayoutError, message: error instanceof Error ? error.message : String(error) };
    }
    parentPort!.postMessage(reply);
}

/**
 * Starts drawing `graph` in a worker running `script`, and returns the drawer for the HTML renderer:
 * it answers for `graph` from the worker and draws any other graph in this thread.
 */
export function drawGraphAhead(graph: OrganizationGraph, script = threadScript()): GraphDrawer {
    let worker: Worker | undefined;
    try {
        if (script) worker = new Worker(script, { workerData: { [MARKER]: true, graph } satisfies GraphJob, stdout: true, stderr: true });
    } catch {
        worker = undefined; // no threads here: this thread draws the same graph
    }
    if (!worker) return renderGraphSvg;
    const thread = worker;
    const reply = new Promise<GraphReply | undefined>(resolve => {
        thread.once('message', (message: GraphReply) => resolve(message));
        thread.once('error', () => resolve(undefined));
        thread.once('exit', () => resolve(undefined));
    });
    return async drawn => {
        if (drawn !== graph) return renderGraphSvg(drawn);
        const answer = await reply;
        await thread.terminate();
        if (!answer) return renderGraphSvg(graph);
        if (answer.ok) return answer.svg;
        throw answer.layoutError ? new GraphLayoutError(answer.message) : new Error(answer.message);
    };
}

/** The drawer for `report`'s HTML rendering, its graph already being drawn in a worker; undefined when it draws none. */
export function drawReportGraphAhead(report: AuditReport): GraphDrawer | undefined {
    const drawn = reportGraph(report);
    return drawn ? drawGraphAhead(drawn.graph) : undefined;
}
