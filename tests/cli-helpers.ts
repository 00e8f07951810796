/**
 * Running the bundled CLI (out/cli/main.cjs; `npm run bundle` before running a CLI test file alone)
 * as a child process in throwaway folders, for every CLI test file.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const CLI = path.join(ROOT, 'out', 'cli', 'main.cjs');

/** A fixed generation time, so report output never depends on the clock. */
export const SOURCE_DATE_EPOCH = '1782864000';

export interface Run {
    readonly code: number | null;
    readonly stdout: string;
    readonly stderr: string;
}

/** Runs `mandate ARGS` in `cwd`, with SOURCE_DATE_EPOCH set and room for large outputs. */
export function mandate(cwd: string, ...args: string[]): Run {
    return mandateWith(cwd, {}, ...args);
}

/** The same with extra environment variables. */
export function mandateWith(cwd: string, env: Record<string, string>, ...args: string[]): Run {
    const result = spawnSync(process.execPath, [CLI, ...args], {
        cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, SOURCE_DATE_EPOCH, ...env }
    });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * `workspace(files)` makes a fresh temporary folder holding `files` (paths relative to it, folders
 * created as needed); every folder it made is removed after the test file.
 */
export function temporaryWorkspaces(prefix: string): (files?: Record<string, string | Buffer>) => Promise<string> {
    const folders: string[] = [];
    afterAll(async () => {
        await Promise.all(folders.map(folder => rm(folder, { recursive: true, force: true })));
    });
    return async (files = {}) => {
        const folder = await mkdtemp(path.join(tmpdir(), prefix));
        folders.push(folder);
        for (const [name, content] of Object.entries(files)) {
            await mkdir(path.dirname(path.join(folder, name)), { recursive: true });
            await writeFile(path.join(folder, name), content);
        }
        return folder;
    };
}
