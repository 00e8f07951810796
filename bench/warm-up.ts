/**
 * Each build's server runs once on a small workspace before the server figures, so that the first
 * figure measures a start as every later one does: with the server's files and Node already read
 * from disk, not a first start after packaging. (Neither server uses V8's code cache: esbuild.mjs
 * says why.)
 */
import type { BenchContext } from './context.js';
import { BenchSession, serverLaunchOf } from './lsp-session.js';

export async function warmUpServers(context: BenchContext): Promise<void> {
    const workload = context.workloads.manyFiles(1000);
    for (const { build } of context.builds) {
        const session = await BenchSession.start(serverLaunchOf(build), workload.folder);
        try {
            await session.settle();
        } finally {
            await session.dispose();
        }
    }
}
