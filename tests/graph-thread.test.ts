/**
 * The graph of an HTML report drawn in a worker thread (cli/graph-thread.ts): the worker is the
 * shipped CLI bundle running the same renderGraphSvg, a layout failure there is the same failure
 * here, and a worker that fails or stops leaves the drawing to this thread, never a hang or a hole.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startGraphThread } from '../cli/graph-thread.js';
import { GraphLayoutError, renderGraphSvg } from '../language/report/graph-svg.js';
import { reportGraph } from '../language/report/report-view.js';
import { ROOT } from './cli-helpers.js';
import { CLEAN_POLICY } from './helpers.js';
import { reportOf } from './report-helpers.js';

/** The CLI bundle itself (`npm run bundle` first), which the worker starts. */
const BUNDLE = path.join(ROOT, 'out', 'cli', 'mandate-cli.cjs');
const scripts = mkdtempSync(path.join(tmpdir(), 'mandate-graph-thread-scripts-'));
afterAll(() => rmSync(scripts, { recursive: true, force: true }));

function script(name: string, text: string): string {
    const file = path.join(scripts, name);
    writeFileSync(file, text);
    return file;
}

/** A worker that answers the graph with `reply`, as the bundle's worker would. */
function answering(name: string, reply: object): string {
    return script(name, `const { parentPort } = require('node:worker_threads');\nparentPort.once('message', () => parentPort.postMessage(${JSON.stringify(reply)}));\n`);
}

describe('the report graph drawn in a worker thread', { timeout: 60_000 }, async () => {
    const report = await reportOf(CLEAN_POLICY);
    const graph = reportGraph(report)!.graph;
    const expected = await renderGraphSvg(graph);

    it('is the graph the report view draws, worked out once per report, and none without roles', () => {
        expect(graph.nodes.length).toBeGreaterThan(2);
        expect(reportGraph(report)!.graph).toBe(graph);
        expect(reportGraph({ ...report, graph: { nodes: [], edges: [] } })).toBeUndefined();
    });

    it('draws the same SVG in the CLI bundle, started before the graph is known, as in this thread', async () => {
        const thread = startGraphThread(BUNDLE)!;
        try {
            const draw = thread.drawAhead(graph);
            expect(draw).not.toBe(renderGraphSvg);
            expect(await draw(graph)).toBe(expected);
        } finally {
            await thread.stop();
        }
    });

    it('draws any other graph in this thread', async () => {
        const thread = startGraphThread(answering('wrong.cjs', { ok: true, svg: '<svg>not this graph</svg>' }))!;
        try {
            expect(await thread.drawAhead(graph)(structuredClone(graph))).toBe(expected);
        } finally {
            await thread.stop();
        }
    });

    it('fails as this thread would when the layout fails there', async () => {
        const failing = startGraphThread(answering('fails.cjs', { ok: false, layoutError: true, message: 'the layout failed: no room' }))!;
        const error = await failing.drawAhead(graph)(graph).catch((failure: unknown) => failure);
        expect(error).toBeInstanceOf(GraphLayoutError);
        expect((error as Error).message).toBe('the layout failed: no room');
        const broken = startGraphThread(answering('broken.cjs', { ok: false, layoutError: false, message: 'unexpected markup' }))!;
        const other = await broken.drawAhead(graph)(graph).catch((failure: unknown) => failure);
        expect(other).not.toBeInstanceOf(GraphLayoutError);
        expect((other as Error).message).toBe('unexpected markup');
    });

    it.each([
        ['throws as it starts', "throw new Error('no engine here');\n"],
        ['exits before it answers', "require('node:worker_threads').parentPort.once('message', () => process.exit(3));\n"],
        ['ends without a word', '// nothing\n']
    ])('draws in this thread, with the same SVG, when the worker %s', async (_, text) => {
        const thread = startGraphThread(script(`${text.length}.cjs`, text))!;
        expect(await thread.drawAhead(graph)(graph)).toBe(expected);
        await thread.stop();
    });

    it('starts no worker where there is no script to start (one core, MANDATE_THREADS=1, the CLI from its sources), and draws here when it is missing', async () => {
        expect(startGraphThread(undefined)).toBeUndefined();
        const missing = startGraphThread(path.join(scripts, 'no-such-file.cjs'));
        expect(await (missing?.drawAhead(graph) ?? renderGraphSvg)(graph)).toBe(expected);
        await missing?.stop();
    });

    it('can be stopped before it is given a graph, as a report that fails to build does', async () => {
        const thread = startGraphThread(BUNDLE)!;
        await expect(thread.stop()).resolves.toBeUndefined();
    });
});
