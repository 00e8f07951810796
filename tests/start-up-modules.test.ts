// The bundles load node:child_process, node:crypto and node:worker_threads when first used, not at
// start (scripts/lazy-builtins.mjs): each cost the server and a small CLI run about 5 ms of start-up.
// What a run loads is read from Node's own list of the modules it loaded, written when it exits.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI, ROOT } from './cli-helpers.js';

const folder = mkdtempSync(join(tmpdir(), 'mandate-start-up-'));
const preload = join(folder, 'loaded-modules.cjs');
writeFileSync(preload, `process.on('exit', () => require('node:fs').writeSync(2, '\\nLOADED ' + process.moduleLoadList.join(',') + '\\n'));\n`);
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Node's built-in modules a run of `script` loaded, by name. */
function builtinsLoaded(script: string, args: readonly string[]): string[] {
    const run = spawnSync(process.execPath, ['--require', preload, script, ...args], { cwd: ROOT, input: '', encoding: 'utf8', timeout: 30_000, env: { ...process.env, MANDATE_COMPILE_CACHE: 'off' } });
    const line = run.stderr.split('\n').find(text => text.startsWith('LOADED '));
    if (!line) throw new Error(`no module list: ${run.stderr}`);
    return line.slice('LOADED '.length).split(',').filter(entry => entry.startsWith('NativeModule ')).map(entry => entry.slice('NativeModule '.length));
}

describe('what a start loads of Node.js', () => {
    it('the language server reads and answers over stdio without node:child_process, node:crypto or node:worker_threads', () => {
        const loaded = builtinsLoaded(join(ROOT, 'out', 'server', 'main.cjs'), ['--stdio']);
        expect(loaded).toContain('net');
        for (const lazy of ['child_process', 'crypto', 'worker_threads']) expect(loaded).not.toContain(lazy);
    });

    it('the CLI lists its rules without node:child_process or node:crypto', () => {
        const loaded = builtinsLoaded(CLI, ['rules']);
        for (const lazy of ['child_process', 'crypto']) expect(loaded).not.toContain(lazy);
    });

    it('loads node:child_process when git is run, and reads it as before', () => {
        // `mandate diff` runs git; outside a repository it says so instead of crashing on a missing function.
        const run = spawnSync(process.execPath, [CLI, 'diff', 'HEAD~1..HEAD', folder], { cwd: folder, encoding: 'utf8', timeout: 30_000 });
        expect(run.stderr).not.toMatch(/is not a function|Cannot read properties/);
        expect(run.status).toBe(2);
        expect(run.stderr).toMatch(/git/i);
    });
});
