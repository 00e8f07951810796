/**
 * The language server writes V8's code cache 5 s after it starts (scripts/code-cache-loader.cjs),
 * and starts faster from then on. The packaging at the start of a run builds new bundles, whose
 * cache is empty: the first server figures then measured a first start (server ready 259 ms
 * instead of 170 ms) and an editor whose code was still being compiled and cached. Each build's
 * server runs once past that point before the server figures, so they measure the second and
 * later starts a user sees. (0.1.0 has no code cache: its warm-up only reads the same files.)
 */
import type { BenchContext } from './context.js';
import { BenchSession } from './lsp-session.js';
import { elapsedMs, now } from './stats.js';

/** Longer than the loader waits before it writes the cache. */
const CACHE_WRITTEN_AFTER_MS = 6000;

export async function warmUpServers(context: BenchContext): Promise<void> {
    const workload = context.workloads.manyFiles(1000);
    for (const { build } of context.builds) {
        const started = now();
        const session = await BenchSession.start(build.server, workload.folder);
        try {
            await session.settle();
            const left = CACHE_WRITTEN_AFTER_MS - elapsedMs(started);
            if (left > 0) await new Promise(resolve => setTimeout(resolve, left));
        } finally {
            await session.dispose();
        }
    }
}
