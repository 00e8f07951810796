/**
 * Each build's server runs once on a small workspace before the server figures, so that the first
 * figure measures a start as every later one does: with the server's files and Node already read
 * from disk, not a first start after packaging, and this build's with the code cache that its first
 * start makes (scripts/code-cache-loader.cjs), as a user's second and later starts have it.
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
