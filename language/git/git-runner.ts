/**
 * The one place Mandate runs the `git` executable. git runs as a child process in a given folder
 * with a clean environment (no inherited GIT_* variables that could point it at another
 * repository, no system configuration, no prompts, no optional locks), without a shell, with a
 * timeout and with the repository's fsmonitor hook switched off. Nothing here contacts a remote:
 * callers only run local commands (rev-parse, status, log, show, ls-files, …). A failure of any
 * kind is a result, never an exception, so a missing git or a broken repository degrades to "no
 * git" for the caller.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export interface GitOptions {
    /** Milliseconds the command may take; default 5000. */
    readonly timeoutMs?: number;
    /** The environment to clean; default process.env. */
    readonly environment?: NodeJS.ProcessEnv;
    /** Largest stdout accepted, in bytes; default 64 MiB. */
    readonly maxBuffer?: number;
}

export type GitFailure = 'no-git' | 'timeout' | 'failed';

export type GitResult =
    | { readonly ok: true; readonly stdout: string }
    | { readonly ok: false; readonly reason: GitFailure; readonly stderr: string };

/** The environment git runs in: no GIT_* variables from the caller, no prompts, no optional locks. */
export function gitEnvironment(environment: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
    const clean: NodeJS.ProcessEnv = {};
    for (const [key, value] of Object.entries(environment)) if (!key.startsWith('GIT_')) clean[key] = value;
    // `git status` would otherwise refresh the index under a lock that a concurrent commit needs.
    // GIT_NO_LAZY_FETCH: a partial clone must not fetch a missing object from its promisor remote.
    return { ...clean, GIT_OPTIONAL_LOCKS: '0', GIT_TERMINAL_PROMPT: '0', GIT_CONFIG_NOSYSTEM: '1', GIT_NO_LAZY_FETCH: '1' };
}

export function isFolder(path: string): boolean {
    try {
        return statSync(path).isDirectory();
    } catch {
        return false;
    }
}

/**
 * Whether git could find a repository for `folder`: it or a folder above it holds `.git` (a
 * repository's folder, or the file of a worktree or submodule). git runs without GIT_DIR, so
 * where this is false it would only fail; a caller can skip starting it (about 20 ms).
 */
export function mayBeInRepository(folder: string): boolean {
    for (let current = resolve(folder); ; current = dirname(current)) {
        if (existsSync(join(current, '.git'))) return true;
        if (dirname(current) === current) return false;
    }
}

export interface GitInputOptions extends GitOptions {
    /** Text written to git's standard input (e.g. for `cat-file --batch`); stdin is closed otherwise. */
    readonly input?: string;
}

export type GitBytesResult =
    | { readonly ok: true; readonly stdout: Buffer }
    | { readonly ok: false; readonly reason: GitFailure; readonly stderr: string };

/** The one spawn: `encoding` decides whether stdout is text or bytes. */
function spawnGit(folder: string, args: readonly string[], options: GitInputOptions, encoding: 'utf8' | 'buffer'): GitBytesResult | GitResult {
    if (!isFolder(folder)) return { ok: false, reason: 'failed', stderr: 'not a folder' };
    try {
        // A repository's own fsmonitor hook would run a program of its choosing: switched off. No
        // transport is allowed, so nothing (a lazy fetch of an older git included) reaches the network.
        const result = spawnSync('git', ['-c', 'core.fsmonitor=false', '-c', 'protocol.allow=never', ...args], {
            cwd: folder, env: gitEnvironment(options.environment ?? process.env), encoding,
            timeout: options.timeoutMs ?? 5000, windowsHide: true, maxBuffer: options.maxBuffer ?? 64 * 1024 * 1024,
            stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
            ...(options.input === undefined ? {} : { input: Buffer.from(options.input, 'utf8') })
        });
        const stderr = result.stderr === null || result.stderr === undefined ? '' : result.stderr.toString();
        if (result.error) {
            const code = (result.error as NodeJS.ErrnoException).code;
            const reason: GitFailure = code === 'ENOENT' ? 'no-git' : code === 'ETIMEDOUT' ? 'timeout' : 'failed';
            return { ok: false, reason, stderr };
        }
        if (result.status !== 0) return { ok: false, reason: 'failed', stderr };
        return { ok: true, stdout: result.stdout } as GitBytesResult | GitResult;
    } catch {
        return { ok: false, reason: 'failed', stderr: '' };
    }
}

/** Runs `git <args>` in `folder` (an absolute path); never throws. */
export function runGit(folder: string, args: readonly string[], options: GitInputOptions = {}): GitResult {
    return spawnGit(folder, args, options, 'utf8') as GitResult;
}

/** As runGit, with stdout as bytes (sizes git reports, as `cat-file --batch` does, are in bytes). */
export function runGitBytes(folder: string, args: readonly string[], options: GitInputOptions = {}): GitBytesResult {
    return spawnGit(folder, args, options, 'buffer') as GitBytesResult;
}

/** The standard output of `git <args>` in `folder`, or undefined on any failure. */
export function gitText(folder: string, args: readonly string[], options: GitOptions = {}): string | undefined {
    const result = runGit(folder, args, options);
    return result.ok ? result.stdout : undefined;
}
