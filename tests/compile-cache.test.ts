// The CLI and the server start through out/<cli|server>/main.cjs, which runs their bundle with a
// code cache (scripts/code-cache-loader.cjs). A cache must never change what a run does: the
// output is the same with no cache, with one, and with a damaged one; a folder that others may
// write is not used. MANDATE_COMPILE_CACHE points the cache at a folder of the test's own.
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AS_OF, CLEAN_POLICY } from './helpers.js';
import { mandateWith, ROOT, temporaryWorkspaces } from './cli-helpers.js';
import { codesOf, createWorkspace, LspClient, removeAllWorkspaces, workspaceUri } from './lsp-client.js';

const workspace = temporaryWorkspaces('mandate-cache-policy-');
const folders: string[] = [];
afterAll(async () => {
    await removeAllWorkspaces();
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

function cacheFolder(): string {
    const folder = mkdtempSync(join(tmpdir(), 'mandate-cache-test-'));
    folders.push(folder);
    return folder;
}

describe('the code cache of the CLI', () => {
    it('is written on the first run and changes nothing in the output, also when damaged', async () => {
        const policy = await workspace({ ...CLEAN_POLICY, 'extra.mandate': 'role orphan "Orphan role"\n' });
        const cache = cacheFolder();
        const run = () => mandateWith(policy, { MANDATE_COMPILE_CACHE: cache }, 'check', '.', '--as-of', AS_OF, '--format', 'json');
        const uncached = mandateWith(policy, { MANDATE_COMPILE_CACHE: 'off' }, 'check', '.', '--as-of', AS_OF, '--format', 'json');
        expect(JSON.parse(uncached.stdout).length).toBeGreaterThan(0);

        const first = run();
        expect(readdirSync(cache).length).toBeGreaterThan(0);
        const second = run();
        for (const cached of [first, second]) expect({ ...cached }).toEqual({ ...uncached });

        // A damaged cache file is refused by V8 (or Node) and written again; the run is unaffected.
        const files = readdirSync(cache, { recursive: true, withFileTypes: true }).filter(entry => entry.isFile());
        for (const file of files) {
            const path = join(file.parentPath, file.name);
            writeFileSync(path, Buffer.alloc(readFileSync(path).length, 0x5a));
        }
        expect({ ...run() }).toEqual({ ...uncached });
        expect({ ...run() }).toEqual({ ...uncached });
    }, 60_000);

    it.skipIf(process.platform === 'win32')('is not kept in a folder that others may write to', async () => {
        const cache = cacheFolder();
        chmodSync(cache, 0o777);
        const run = mandateWith(ROOT, { MANDATE_COMPILE_CACHE: cache }, 'rules', '--format', 'json');
        expect(run.code).toBe(0);
        expect(JSON.parse(run.stdout).length).toBeGreaterThan(10);
        expect(readdirSync(cache)).toEqual([]);
    }, 60_000);
});

describe('the code cache of the language server', () => {
    it('is made at the first start, before the server runs, and changes nothing it answers, also when damaged', async () => {
        const folder = await createWorkspace({ ...CLEAN_POLICY, 'extra.mandate': 'role orphan "Orphan role"\nassign ghost to orphan since 2024-01-01\n' });
        const uri = workspaceUri(folder, 'extra.mandate');
        const answers = async (cache: string) => {
            const client = await LspClient.start({ workspaceFolders: [folder], settings: { mandate: { asOf: AS_OF } }, environment: { MANDATE_COMPILE_CACHE: cache } });
            try {
                return { codes: codesOf(await client.waitForDiagnostics(uri, diagnostics => diagnostics.length > 0)), serverInfo: client.serverInfo };
            } finally {
                await client.dispose();
            }
        };
        const uncached = await answers('off');
        expect(uncached.codes.length).toBeGreaterThan(0);
        const cache = cacheFolder();
        expect(await answers(cache)).toEqual(uncached);
        const written = readdirSync(cache);
        expect(written).toEqual([expect.stringMatching(/^mandate-server-[0-9a-f]{32}-v[\d.]+-\w+\.bin$/)]);
        expect(await answers(cache)).toEqual(uncached);

        // A damaged cache is refused by V8 (or Node) and made again at the next start; the server is unaffected.
        for (const name of written) writeFileSync(join(cache, name), Buffer.alloc(readFileSync(join(cache, name)).length, 0x5a));
        expect(await answers(cache)).toEqual(uncached);
        expect(await answers(cache)).toEqual(uncached);
        expect(readdirSync(cache)).toEqual(written);
    }, 120_000);
});
