/**
 * A hostile client over stdio (issue 11): a fixed-seed sequence of random and malformed JSON-RPC
 * messages (tests/fuzz/lsp-messages.ts) to the bundled language server, which must stay alive,
 * answer every request it was sent (a result or an error, never silence), and then answer
 * well-formed requests correctly. Run `npm run build` first when running this file alone.
 *
 * Every message is correctly framed. Frames with a wrong Content-Length or no header are left out
 * on purpose: the stream then has no next message boundary to find, and no server could recover.
 *
 * More messages, another seed: MANDATE_LSP_FUZZ_MESSAGES=3000 MANDATE_LSP_FUZZ_SEED=9 npx vitest run tests/lsp-fuzz.test.ts
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { afterAll, afterEach, describe, expect, it, onTestFinished } from 'vitest';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { FOUND } from './fuzz/cases.js';
import { LspMessages, type FuzzMessage } from './fuzz/lsp-messages.js';
import { RawLspPeer } from './fuzz/raw-lsp.js';
import { AS_OF, CLEAN_POLICY } from './helpers.js';
import { createWorkspace, removeAllWorkspaces } from './lsp-client.js';
import { Random } from './random-edits.js';

const MESSAGES = Number(process.env.MANDATE_LSP_FUZZ_MESSAGES) || 400;
const SEED = Number(process.env.MANDATE_LSP_FUZZ_SEED) || 5;
/**
 * No method is left out. (`$/setTrace` was, until the notifications the JSON-RPC library handles
 * itself were checked before it reads them: language/lsp/library-messages.ts. `didClose` was, until
 * a request for a document just closed, and maybe opened again, could no longer stay unanswered:
 * tests/document-waits.test.ts.)
 */
const EXCLUDED: string[] = [];
/**
 * How long the answers to a run may take once every message is sent. The fuzz asks for an answer,
 * not for speed: a long run queues a hundred reports, graphs and test runs over the stress
 * workspaces it builds (thousands of duplicate roles, paths of 10 KB), and the server works them
 * off one after the other (3,000 messages of seed 4513: about 45 s here).
 */
const ANSWER_WAIT_MS = Math.max(30_000, MESSAGES * 50);
/** What a log line of the server must never say: an exception inside the server, not a message about the client's input. */
const INTERNAL_ERROR = /Cannot read propert|Cannot set propert|is not a function|is not iterable|Maximum call stack|An error occurred|\bundefined\b/;
const FINAL = `role final-role "Final role" { reports to board }\nperson final-person "Final Person"\nassign final-person to final-role since 2024-01-01 appointed by board\n`;

let peer: RawLspPeer | undefined;

afterEach(async () => {
    await peer?.dispose();
    peer = undefined;
});

afterAll(async () => {
    await removeAllWorkspaces();
});

/** Writes the messages of this run to tests/fuzz/found/lsp-<seed>.jsonl, one body per line, and removes the file when the test passes. */
function saveMessages(sent: readonly FuzzMessage[]): string {
    const file = join(FOUND, `lsp-${SEED}.jsonl`);
    mkdirSync(FOUND, { recursive: true });
    writeFileSync(file, sent.map(message => JSON.stringify(message.body)).join('\n') + '\n');
    onTestFinished(context => { if (context.task.result?.state === 'pass') rmSync(file, { force: true }); });
    return file;
}

/** Yields to the event loop now and then, so the server's answers are read while the fuzz writes. */
const breathe = () => new Promise(resolve => setImmediate(resolve));

describe('a hostile client over stdio', () => {
    it(`${MESSAGES} random and malformed messages (seed ${SEED}): the server stays alive, answers every request, then answers correctly`, async () => {
        const folder = await createWorkspace({ ...CLEAN_POLICY, 'team.mandate': 'role team-lead "Team lead" { reports to ciso }\n' });
        const uri = (name: string) => pathToFileURL(join(folder, name)).href;
        peer = await RawLspPeer.start(folder, { mandate: { asOf: AS_OF } });
        const server = peer;
        const messages = new LspMessages(new Random(SEED), [...Object.keys(CLEAN_POLICY), 'team.mandate', 'scratch.mandate'].map(uri), EXCLUDED);
        const sent: FuzzMessage[] = [];
        for (let index = 0; index < MESSAGES; index++) {
            const message = messages.message();
            sent.push(message);
            server.send(message.body);
            if (index % 10 === 9) await breathe();
            if (server.exit) break;
        }
        const log = () => sent.slice(-15).map(message => `  ${message.label}: ${message.body.slice(0, 300)}`).join('\n');
        // Whatever happens next, the whole sequence is kept for replaying it by hand.
        const saved = saveMessages(sent);
        expect(server.exit, `the server exited after these messages (seed ${SEED}; the last 15 of ${sent.length}, all of them in ${saved}):\n${log()}\nstderr:\n${server.stderr.slice(-3000)}`).toBeUndefined();

        // Every request gets an answer, a result or an error: a request left unanswered hangs the editor.
        const requests = sent.filter(message => message.id !== undefined);
        await server.until(() => requests.every(message => server.responses.has(message.id!)), 'answers to every request', ANSWER_WAIT_MS).catch((error: Error) => {
            const missing = requests.filter(message => !server.responses.has(message.id!)).map(message => `  ${message.label}: ${message.body.slice(0, 300)}`);
            throw new Error(`${error.message.split('\n')[0]} (seed ${SEED}; every message sent is in ${saved})\nUnanswered:\n${missing.join('\n')}`);
        });

        // Then a well-behaved editor: open a document, get its outline, hover, and its diagnostics.
        const final = uri('final-check.mandate');
        server.notification('textDocument/didOpen', { textDocument: { uri: final, languageId: 'mandate', version: 1, text: FINAL } });
        const symbols = await server.request('textDocument/documentSymbol', { textDocument: { uri: final } });
        expect(symbols.error).toBeUndefined();
        expect((symbols.result as Array<{ name: string }>).map(symbol => symbol.name)).toEqual(['final-role', 'final-person', 'final-person → final-role']);
        const hover = await server.request('textDocument/hover', { textDocument: { uri: final }, position: { line: 0, character: 7 } });
        expect(JSON.stringify((hover.result as { contents?: unknown } | null)?.contents)).toContain('Final role');
        await server.until(() => server.diagnostics.has(final), 'diagnostics of the final document', 20_000);
        const messagesOfFinal = server.diagnostics.get(final)!.map(diagnostic => diagnostic.message);
        expect(messagesOfFinal.filter(message => /An error occurred|Cannot read|undefined/.test(message))).toEqual([]);
        expect(server.exit).toBeUndefined();
        // Malformed messages are logged and dropped, saying what was wrong; an internal error is not an answer.
        expect(server.logs.filter(line => INTERNAL_ERROR.test(line)), `seed ${SEED}`).toEqual([]);
        expect(server.stderr).toBe('');
    }, 30_000 + ANSWER_WAIT_MS);
});
