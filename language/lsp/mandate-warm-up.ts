import { createHash } from 'node:crypto';
import { DocumentState, URI } from 'langium';
import type { LangiumServices } from 'langium/lsp';
import type { MandateSharedServices } from '../mandate-module.js';
import { buildNow } from '../util/lazy-service.js';
import { prepareLargeTreesAtIdle } from './idle-preparation.js';

/**
 * The parser, the lexer and the completion parser are built on first use (mandate-module.ts), so
 * `initialize` is answered without waiting for them. This builds them soon after, at moments when
 * the server would otherwise wait: the parser while the workspace files are being read after
 * `initialized`, the completion parser once the first build is done, so the first completion is as
 * quick as the next. Node's crypto module, loaded on first use so that start-up need not wait for it
 * (scripts/lazy-builtins.mjs), is loaded then too: the first edit hashes the fingerprints of the
 * file before and after it (workspace/semantic-fingerprint.ts), and loading the module took ~6 ms of
 * that edit at 100,000 lines. And a large file parsed whole gets its fingerprint while the server is
 * idle, and its references indexed by name (idle-preparation.ts).
 */
export function warmUpAfterInitialize(shared: MandateSharedServices): void {
    prepareLargeTreesAtIdle(shared);
    shared.lsp.LanguageServer.onInitialized(() => {
        setImmediate(() => {
            for (const services of shared.ServiceRegistry.all) buildNow(services.parser.LangiumParser);
        });
    });
    const firstBuild = shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Validated, () => {
        firstBuild.dispose();
        setImmediate(() => {
            for (const services of shared.ServiceRegistry.all) buildNow(services.parser.CompletionParser);
            createHash('sha256').update('').digest();
            void warmUpCompletion(shared);
        });
    });
}

/** A scratch document outside the workspace: nothing indexes, links or publishes it. */
const SCRATCH = URI.parse('mandate-warm-up:///warm-up.mandate');

/**
 * Completes a name once with nothing typed and once with a letter typed, on a scratch document:
 * the code a keystroke runs (the completion parser, the name tables, ranking and filtering) is
 * compiled and its tables built while the server is idle after the first build, instead of
 * making the user's first completion two or three times slower than the next.
 */
async function warmUpCompletion(shared: MandateSharedServices): Promise<void> {
    for (const services of shared.ServiceRegistry.all) {
        const provider = (services as LangiumServices).lsp.CompletionProvider;
        if (!provider) continue;
        // A name declared in the document itself ranks first: that path is taken too.
        for (const typed of ['', 'a']) {
            const text = `person a "A"\nassign ${typed}`;
            try {
                const document = shared.workspace.LangiumDocumentFactory.fromString(text, SCRATCH);
                await provider.getCompletion(document, { textDocument: { uri: SCRATCH.toString() }, position: { line: 1, character: 'assign '.length + typed.length } });
            } catch {
                // Only a head start: a real request reports its own errors.
            }
        }
    }
}
