/**
 * Runs a fuzz run's cases on worker threads, one per core: vitest gives the whole suite one worker
 * on a 2-core machine, so without threads of its own the fuzz suite would use half of it. A worker
 * cannot load TypeScript, so worker.ts is bundled first with esbuild (a dev dependency) into a
 * temporary folder: the project's own files bundled, with `import.meta` kept pointing at their
 * sources, and packages imported from node_modules by absolute path.
 */
import { build, type Plugin } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { RunSummary } from './run-cases.js';

const ROOT = join(import.meta.dirname, '..', '..');

/** `import.meta.dirname` and `import.meta.url` of a bundled file are the bundle's: put back each source file's own. */
const sourceLocations: Plugin = {
    name: 'source-locations',
    setup(context) {
        context.onLoad({ filter: /\.ts$/ }, args => ({
            loader: 'ts',
            contents: readFileSync(args.path, 'utf8')
                .replaceAll('import.meta.dirname', JSON.stringify(dirname(args.path)))
                .replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href))
        }));
        // Packages stay outside the bundle, imported from where Node would find them for the project.
        context.onResolve({ filter: /^[^./]/ }, async args => {
            if (args.path.startsWith('node:') || args.pluginData?.resolving) return undefined;
            const resolved = await context.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, pluginData: { resolving: true } });
            return resolved.errors.length > 0 ? undefined : { path: pathToFileURL(resolved.path).href, external: true };
        });
    }
};

/** Bundles worker.ts; returns the bundle's path and a function that deletes it. */
async function bundleWorker(): Promise<{ file: string; dispose: () => void }> {
    const folder = mkdtempSync(join(tmpdir(), 'mandate-fuzz-'));
    const file = join(folder, 'worker.mjs');
    await build({
        entryPoints: [join(ROOT, 'tests', 'fuzz', 'worker.ts')],
        outfile: file,
        bundle: true,
        platform: 'node',
        format: 'esm',
        target: 'node20',
        logLevel: 'error',
        // Node 20 lacks Object.groupBy, which chevrotain calls (see polyfill.cjs).
        banner: { js: readFileSync(join(ROOT, 'polyfill.cjs'), 'utf8') },
        plugins: [sourceLocations]
    });
    return { file, dispose: () => rmSync(folder, { recursive: true, force: true }) };
}

/** Runs `count` cases of run `seed` on `workers` threads, pair of cases p (cases.ts) on thread p mod workers, and returns each thread's summary. */
export async function runOnWorkers(seed: number, count: number, workers: number): Promise<RunSummary[]> {
    const bundle = await bundleWorker();
    try {
        return await Promise.all(Array.from({ length: workers }, (_, share) => new Promise<RunSummary>((resolve, reject) => {
            const indexes = Array.from({ length: count }, (_, index) => index).filter(index => Math.floor(index / 2) % workers === share);
            const worker = new Worker(bundle.file, { workerData: { seed, indexes } });
            let summary: RunSummary | undefined;
            worker.once('message', (message: RunSummary) => { summary = message; });
            worker.once('error', reject);
            worker.once('exit', code => (summary ? resolve(summary) : reject(new Error(`fuzz worker ${share} exited with code ${code} before reporting`))));
        })));
    } finally {
        bundle.dispose();
    }
}
