/**
 * The git state of the workspace folder for the report's provenance: the commit checked out and
 * whether the folder has uncommitted changes. git runs as a child process in that folder, with a
 * timeout, without network access and without taking locks; any failure (no git, not a
 * repository, no commit yet, a timeout) is reported as "no git", never as an error.
 */
import { gitText, isFolder, type GitOptions } from '../git/git-runner.js';
import type { RepositoryState } from './report-model.js';

export type { GitOptions } from '../git/git-runner.js';

const NO_GIT: RepositoryState = { git: false };
const COMMIT = /^[0-9a-f]{40}([0-9a-f]{24})?$/;

/** The git state of `folder` (an absolute path), or `{ git: false }` when there is none to record. */
export function repositoryState(folder: string | undefined, options: GitOptions = {}): RepositoryState {
    if (!folder || !isFolder(folder)) return NO_GIT;
    const git = (args: readonly string[]) => gitText(folder, args, options);
    const commit = git(['rev-parse', '--verify', '--quiet', 'HEAD'])?.trim();
    if (!commit || !COMMIT.test(commit)) return NO_GIT;
    const status = git(['status', '--porcelain', '--untracked-files=normal', '--', '.']);
    return status === undefined ? { git: true, commit } : { git: true, commit, dirty: status.trim() !== '' };
}
