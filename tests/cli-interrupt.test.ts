// A run interrupted while it writes an output file (Ctrl-C, `kill`, a closed terminal, an uncaught
// error) leaves no temporary file behind and the previous output as it was, and still ends the way
// the signal ends a process (issue 11). The bundled CLI (`npm run bundle` before this file alone)
// is held with its temporary file written but not yet renamed by the test hook
// MANDATE_TEST_HOLD_TEMPORARY (cli/safe-write.ts), so the signal always lands mid-write.
import { spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { forgetTemporary, pendingTemporaryCount, trackTemporary } from '../cli/pending-temporaries.js';
import { CLI, SOURCE_DATE_EPOCH, temporaryWorkspaces } from './cli-helpers.js';

const workspace = temporaryWorkspaces('mandate-cli-interrupt-');

const POLICY = 'organization acme "Acme Ltd" { top management board }\nrole board "Board of Directors"\nperson jane "Jane Doe"\n';
const UNFORMATTED = 'role   board "Board of Directors"\nperson jane    "Jane Doe"\n';

interface Ended {
    readonly code: number | null;
    readonly signal: NodeJS.Signals | null;
    readonly stderr: string;
    /** The folder's files while the run was held, with the temporary file. */
    readonly during: readonly string[];
}

/** Runs the CLI held mid-write; once it says so, lists the folder and sends `signal` (if any). */
function interrupted(cwd: string, hold: 'wait' | 'throw', signal: NodeJS.Signals | undefined, args: readonly string[]): Promise<Ended> {
    return new Promise((resolve, reject) => {
        const child = spawn(process.execPath, [CLI, ...args], {
            cwd, env: { ...process.env, SOURCE_DATE_EPOCH, MANDATE_TEST_HOLD_TEMPORARY: hold }, stdio: ['ignore', 'ignore', 'pipe']
        });
        let stderr = '';
        let during: string[] = [];
        let held = false;
        child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
            stderr += chunk;
            if (held || !stderr.includes('mandate-test: holding ')) return;
            held = true;
            void readdir(cwd, { recursive: true }).then(files => {
                during = files.sort();
                if (signal) child.kill(signal);
            }, reject);
        });
        child.on('error', reject);
        child.on('close', (code, ended) => resolve({ code, signal: ended, stderr, during }));
    });
}

const temporaries = (files: readonly string[]) => files.filter(file => file.endsWith('.tmp'));

describe('an interrupted write leaves nothing behind', () => {
    it.each(['SIGINT', 'SIGTERM', 'SIGHUP'] as const)('report -o, on %s: no temporary file, the previous report unchanged, ended by the signal', async signal => {
        const folder = await workspace({ 'policy/roles.mandate': POLICY, 'out/report.md': 'the previous report\n' });
        const run = await interrupted(folder, 'wait', signal, ['report', 'policy', '--as-of', '2025-06-30', '-o', 'out/report.md']);
        expect(temporaries(run.during)).toHaveLength(1); // the signal did land mid-write
        expect(run).toMatchObject({ code: null, signal });
        expect(temporaries(await readdir(path.join(folder, 'out')))).toEqual([]);
        expect(await readdir(path.join(folder, 'out'))).toEqual(['report.md']);
        expect(await readFile(path.join(folder, 'out', 'report.md'), 'utf8')).toBe('the previous report\n');
    });

    it('fmt --write, on SIGINT: no temporary file, the policy file unchanged', async () => {
        const folder = await workspace({ 'roles.mandate': UNFORMATTED });
        const run = await interrupted(folder, 'wait', 'SIGINT', ['fmt', '--write', '.']);
        expect(temporaries(run.during)).toHaveLength(1);
        expect(run).toMatchObject({ code: null, signal: 'SIGINT' });
        expect(await readdir(folder)).toEqual(['roles.mandate']);
        expect(await readFile(path.join(folder, 'roles.mandate'), 'utf8')).toBe(UNFORMATTED);
    });

    it('an uncaught error mid-write: no temporary file, the previous report unchanged, a failing exit code', async () => {
        const folder = await workspace({ 'policy/roles.mandate': POLICY, 'report.md': 'the previous report\n' });
        // SIGUSR2 tells the test hook to throw, once the folder was listed.
        const run = await interrupted(folder, 'throw', 'SIGUSR2', ['report', 'policy', '--as-of', '2025-06-30', '-o', 'report.md']);
        expect(temporaries(run.during)).toHaveLength(1);
        expect(run.code).not.toBe(0);
        expect(run.stderr).toContain('test hook: an uncaught failure while writing');
        expect((await readdir(folder)).sort()).toEqual(['policy', 'report.md']);
        expect(await readFile(path.join(folder, 'report.md'), 'utf8')).toBe('the previous report\n');
    });
});

describe('signal handlers exist only while a temporary file is pending', () => {
    it('installs them with the first pending file and removes them with the last', () => {
        const before = ['SIGINT', 'SIGTERM', 'SIGHUP', 'exit'].map(event => process.listenerCount(event));
        trackTemporary('/nonexistent/a.tmp');
        trackTemporary('/nonexistent/b.tmp');
        expect(pendingTemporaryCount()).toBe(2);
        expect(process.listenerCount('SIGINT')).toBe(before[0] + 1);
        forgetTemporary('/nonexistent/a.tmp');
        expect(process.listenerCount('SIGTERM')).toBe(before[1] + 1);
        forgetTemporary('/nonexistent/b.tmp');
        forgetTemporary('/nonexistent/b.tmp'); // twice is harmless
        expect(pendingTemporaryCount()).toBe(0);
        expect(['SIGINT', 'SIGTERM', 'SIGHUP', 'exit'].map(event => process.listenerCount(event))).toEqual(before);
    });
});
