import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The script a worker thread of the CLI starts (the CLI bundle itself, which tells by its
 * workerData what it was started for), or undefined when threads are not wanted: MANDATE_THREADS=1,
 * a single core, or the CLI running from its TypeScript sources (tests). Whatever a thread does,
 * the main thread can do instead with the same output; threads only save time.
 */
export function threadScript(): string | undefined {
    const setting = process.env.MANDATE_THREADS;
    const threads = setting && /^[0-9]+$/.test(setting) ? Number(setting) : availableParallelism();
    if (threads < 2) return undefined;
    const script = fileURLToPath(import.meta.url);
    if (!script.endsWith('.cjs')) return undefined;
    // The launcher beside the bundle starts it with V8's code cache (scripts/code-cache-loader.cjs):
    // compiling the bundle again cost each thread a tenth of a second.
    const launcher = join(dirname(script), 'main.cjs');
    return existsSync(launcher) ? launcher : script;
}
