/**
 * The graph of an HTML report drawn in a worker thread (cli/graph-thread.ts): the worker is the
 * shipped CLI bundle running the same renderGraphSvg, a layout failure there is the same failure
 * here, and a worker that fails or stops leaves the drawing to this thread, never a hang or a hole.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { drawGraphAhead } from '../cli/graph-thread.js';
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

describe('the report graph drawn in a worker thread', { timeout: 60_000 }, async () => {
    const report = await reportOf(CLEAN_POLICY);
    const graph = reportGraph(report)!.graph;
    const expected = await renderGraphSvg(graph);

    it('is the graph the report view draws, worked out once per report, and none without roles', async () => {
        expect(graph.nodes.length).toBeGreaterThan(2);
        expect(reportGraph(report)!.graph).toBe(graph);
        expect(reportGraph({ ...report, graph: { nodes: [], edges: [] } })).toBeUndefined();
    });

    it('draws the same SVG in the CLI bundle as in this thread', async () => {
        const draw = drawGraphAhead(graph, BUNDLE);
        expect(draw).not.toBe(renderGraphSvg);
        expect(await draw(graph)).toBe(expected);
    });

    it('draws any other graph in this thread', async () => {
        const other = structuredClone(graph);
        const draw = drawGraphAhead(graph, script('idle.cjs', '// draws nothing\n'));
        expect(await draw(other)).toBe(expected);
    });

    it('fails as this thread would when the layout fails there', async () => {
        const failing = script('fails.cjs', "require('node:worker_threads').parentPort.postMessage({ ok: false, layoutError: true, message: 'the layout failed: no room' });\n");
        const error = await drawGraphAhead(graph, failing)(graph).catch((failure: unknown) => failure);
        expect(error).toBeInstanceOf(GraphLayoutError);
        expect((error as Error).message).toBe('the layout failed: no room');
        const broken = script('broken.cjs', "require('node:worker_threads').parentPort.postMessage({ ok: false, layoutError: false, message: 'unexpected markup' });\n");
        const other = await drawGraphAhead(graph, broken)(graph).catch((failure: unknown) => failure);
        expect(other).not.toBeInstanceOf(GraphLayoutError);
        expect((other as Error).message).toBe('unexpected markup');
    });

    it.each([
        ['throws as it starts', "throw new Error('no engine here');\n"],
        ['exits before it answers', 'process.exit(3);\n'],
        ['ends without a word', '// nothing\n']
    ])('draws in this thread, with the same SVG, when the worker %s', async (_, text) => {
        expect(await drawGraphAhead(graph, script(`${text.length}.cjs`, text))(graph)).toBe(expected);
    });

    it('draws in this thread when there is no script to start (one core, MANDATE_THREADS=1, the CLI from its sources) or it is missing', async () => {
        expect(drawGraphAhead(graph, undefined)).toBe(renderGraphSvg);
        expect(await drawGraphAhead(graph, path.join(scripts, 'no-such-file.cjs'))(graph)).toBe(expected);
    });
});
