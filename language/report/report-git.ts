/**
 * The git state of the workspace folder for the report's provenance: the commit checked out and
 * whether the folder has uncommitted changes. git runs as a child process in that folder, with a
 * timeout, without network access and without taking locks; any failure (no git, not a
 * repository, no commit yet, a timeout) is reported as "no git", never as an error.
 */
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import type { RepositoryState } from './report-model.js';

const NO_GIT: RepositoryState = { git: false };
const COMMIT = /^[0-9a-f]{40}([0-9a-f]{24})?$/;

/** The environment git runs in: no inherited GIT_* variables that could point it at another repository. */
function gitEnvironment(environment: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
    const clean: NodeJS.ProcessEnv = {};
    for (const [key, value] of Object.entries(environment)) if (!key.startsWith('GIT_')) clean[key] = value;
    // `git status` would otherwise refresh the index under a lock that a concurrent commit needs.
    return { ...clean, GIT_OPTIONAL_LOCKS: '0', GIT_TERMINAL_PROMPT: '0' };
}

function isFolder(path: string): boolean {
    try {
        return statSync(path).isDirectory();
    } catch {
        return false;
    }
}

export interface GitOptions {
    /** Milliseconds each git command may take; default 5000. */
    readonly timeoutMs?: number;
    readonly environment?: NodeJS.ProcessEnv;
}

/** The git state of `folder` (an absolute path), or `{ git: false }` when there is none to record. */
export function repositoryState(folder: string | undefined, options: GitOptions = {}): RepositoryState {
    if (!folder || !isFolder(folder)) return NO_GIT;
    const environment = gitEnvironment(options.environment ?? process.env);
    const git = (args: readonly string[]): string | undefined => {
        try {
            // A repository's own fsmonitor hook would run a program of its choosing: switched off.
            const result = spawnSync('git', ['-c', 'core.fsmonitor=false', ...args], {
                cwd: folder, env: environment, encoding: 'utf8', timeout: options.timeoutMs ?? 5000,
                stdio: ['ignore', 'pipe', 'ignore'], windowsHide: true, maxBuffer: 64 * 1024 * 1024
            });
            return result.error || result.status !== 0 ? undefined : result.stdout;
        } catch {
            return undefined;
        }
    };
    const commit = git(['rev-parse', '--verify', '--quiet', 'HEAD'])?.trim();
    if (!commit || !COMMIT.test(commit)) return NO_GIT;
    const status = git(['status', '--porcelain', '--untracked-files=normal', '--', '.']);
    return status === undefined ? { git: true, commit } : { git: true, commit, dirty: status.trim() !== '' };
}
