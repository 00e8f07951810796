/**
 * Incremental state must not drift: after many random edits over LSP and a restore of every
 * file to its original text, the server must publish exactly what a fresh server publishes for
 * the same files, and must not have grown.
 */
import { readdirSync } from 'node:fs';
import { BenchSession, type RssParts, type ServerLaunch } from './lsp-session.js';
import { namesIn, randomEdit, seededRandom } from './random-edits.js';
import { elapsedMs, now, sleep } from './stats.js';
import type { Workload } from './workloads.js';

export interface DriftResult {
    readonly edits: number;
    readonly seed: number;
    readonly identical: boolean;
    /** One line per file whose diagnostics differ from a fresh server's, at most a few. */
    readonly differences: string[];
    readonly rssBeforeBytes: number;
    /** After the warm-up edits: the first tenth unless the caller says otherwise. */
    readonly rssWarmBytes: number;
    readonly rssAfterBytes: number;
    /** After `restMs` of idleness past the restore, when asked for: V8 returns the garbage's pages then, not at once. */
    readonly rssRestBytes?: number;
    /** The anonymous and file-backed parts of the RSS before the edits and at the end (at rest, or right after the restore). */
    readonly rssPartsBefore: RssParts;
    readonly rssPartsEnd: RssParts;
    readonly ms: number;
}

/** How often a rest with a `restUntil` condition looks at the server's memory. */
const REST_STEP_MS = 500;

/** Also the soak test of the test suite (tests/lsp-soak.test.ts), on the current examples/acme: one drift run, one piece of code. */
export async function measureDrift(
    server: string | ServerLaunch, workload: Pick<Workload, 'folder'>, edits: number, seed: number, log: (line: string) => void,
    /** When `rssWarmBytes` is taken: after the first tenth of the edits unless said otherwise. */
    warmUpEdits = Math.ceil(edits / 10),
    /** How long the server is left idle after the restore before `rssRestBytes` is read; 0 reads none. */
    restMs = 0,
    /** Ends the rest early once it holds for the resident memory (read every half second), with the warm-up's. */
    restUntil?: (rssBytes: number, rssWarmBytes: number) => boolean
): Promise<DriftResult> {
    const session = await BenchSession.start(server, workload.folder);
    try {
        await session.settle();
        const originals = new Map<string, string>();
        for (const path of readdirSync(workload.folder).filter(name => name.endsWith('.mandate')).sort()) {
            const uri = await session.open(path);
            originals.set(uri, session.text(uri));
        }
        const uris = [...originals.keys()];
        const names = namesIn(originals.values());
        const rssBeforeBytes = session.rssBytes();
        const rssPartsBefore = session.rssParts();
        const random = seededRandom(seed);
        // RSS after the warm-up edits (the first tenth by default), to tell the heap's warm-up from steady growth.
        let rssWarmBytes = rssBeforeBytes;
        const start = now();
        for (let i = 1; i <= edits; i++) {
            const uri = uris[Math.floor(random() * uris.length)];
            const edit = randomEdit(random, session.text(uri), names);
            await session.client.changeDocument(uri, [session.replaceAt(uri, edit.offset, edit.length, edit.text)]);
            // Mostly typing faster than the server builds (cancelled builds), sometimes a pause, sometimes a full build.
            const pause = random();
            if (pause < 0.05) await session.settle();
            else if (pause < 0.25) await sleep(Math.floor(random() * 20));
            if (i === warmUpEdits) {
                await session.settle();
                rssWarmBytes = session.rssBytes();
            }
            if (i % 1000 === 0) log(`    ${i} of ${edits} edits`);
        }
        for (const [uri, text] of originals) await session.client.changeDocument(uri, [session.replaceAll(uri, text)]);
        await session.settle();
        await sleep(200);
        await session.settle();
        const ms = elapsedMs(start);
        const rssAfterBytes = session.rssBytes();
        const drifted = session.diagnosticsByFile();
        let rssRestBytes: number | undefined;
        if (restMs > 0) {
            for (let rested = 0; rested < restMs && !restUntil?.(session.rssBytes(), rssWarmBytes); rested += REST_STEP_MS) {
                await sleep(Math.min(REST_STEP_MS, restMs - rested));
            }
            rssRestBytes = session.rssBytes();
        }
        const rssPartsEnd = session.rssParts();
        const fresh = await BenchSession.start(server, workload.folder);
        let expected: Map<string, string>;
        try {
            await fresh.settle();
            expected = fresh.diagnosticsByFile();
        } finally {
            await fresh.dispose();
        }
        const differences: string[] = [];
        for (const file of new Set([...drifted.keys(), ...expected.keys()])) {
            const got = drifted.get(file) ?? '';
            const want = expected.get(file) ?? '';
            if (got !== want) differences.push(`${file}: ${describe(got)} where a fresh server publishes ${describe(want)}`);
        }
        return { edits, seed, identical: differences.length === 0, differences: differences.slice(0, 5), rssBeforeBytes, rssWarmBytes, rssAfterBytes, ...(rssRestBytes === undefined ? {} : { rssRestBytes }), rssPartsBefore, rssPartsEnd, ms };
    } finally {
        await session.dispose();
    }
}

function describe(canonical: string): string {
    if (canonical === '') return 'no diagnostics';
    const codes = canonical.split('\n').map(line => String((JSON.parse(line) as { code?: unknown }).code ?? '-'));
    return `${codes.length} (${[...new Set(codes)].join(', ')})`;
}
