/**
 * Reads a revision of a policy folder out of git, without checking it out: `git ls-tree` lists the
 * folder's files at the commit and one `git cat-file --batch` reads them all. git runs through
 * the shared safe runner (language/git/git-runner.ts: clean environment, no locks, a timeout, no
 * network). Every failure becomes a `DiffGitError` whose message says exactly what is wrong.
 */
import { runGit, runGitBytes, type GitResult } from '../git/git-runner.js';

export class DiffGitError extends Error {}

/** The repository a folder is in, and the folder's path inside it (`''` at the top, else ending in `/`). */
export interface Repository {
    readonly top: string;
    readonly prefix: string;
}

/** A file of the revision: its path relative to the policy folder, and its bytes. */
export interface RevisionFile {
    readonly path: string;
    readonly content: Buffer;
}

/** A revision fetched from a remote or read from packs may take longer than a status: a generous limit. */
const TIMEOUT_MS = 60_000;

function failure(result: Exclude<GitResult, { ok: true }>, what: string): DiffGitError {
    if (result.reason === 'no-git') return new DiffGitError(`cannot ${what}: the git executable was not found; install git or compare two folders`);
    if (result.reason === 'timeout') return new DiffGitError(`cannot ${what}: git did not answer within ${TIMEOUT_MS / 1000} s`);
    const detail = result.stderr.trim().split('\n')[0];
    return new DiffGitError(`cannot ${what}${detail ? `: ${detail}` : ''}`);
}

/** The repository `folder` (an absolute path) belongs to. */
export function repositoryOf(folder: string): Repository {
    const result = runGit(folder, ['rev-parse', '--show-toplevel', '--show-prefix'], { timeoutMs: TIMEOUT_MS });
    if (!result.ok) {
        if (result.reason === 'failed' && /not a git repository/i.test(result.stderr)) {
            throw new DiffGitError(`${folder} is not in a git repository; revisions can be compared only for a policy folder inside one (or compare two folders)`);
        }
        throw failure(result, `read the git repository of ${folder}`);
    }
    const [top, prefix = ''] = result.stdout.split('\n');
    return { top, prefix };
}

/** A revision as given on the command line: never an option, never a range. */
function checkRevisionText(revision: string): void {
    if (revision === '' || revision.startsWith('-') || /[\s\u0000-\u001f]/.test(revision)) {
        throw new DiffGitError(`'${revision}' is not a revision name`);
    }
}

/** The full commit id `revision` names, or an error that says why there is none. */
export function resolveRevision(repository: Repository, revision: string): string {
    checkRevisionText(revision);
    const result = runGit(repository.top, ['rev-parse', '--verify', '--quiet', `${revision}^{commit}`], { timeoutMs: TIMEOUT_MS });
    if (result.ok) return result.stdout.trim();
    if (result.reason !== 'failed') throw failure(result, `resolve the revision '${revision}'`);
    const shallow = runGit(repository.top, ['rev-parse', '--is-shallow-repository'], { timeoutMs: TIMEOUT_MS });
    if (shallow.ok && shallow.stdout.trim() === 'true') {
        throw new DiffGitError(`revision '${revision}' is not in this repository, which is a shallow clone (only recent history was fetched); `
            + `fetch more history (git fetch --unshallow, or actions/checkout with fetch-depth: 0) and run again`);
    }
    const head = runGit(repository.top, ['rev-parse', '--verify', '--quiet', 'HEAD'], { timeoutMs: TIMEOUT_MS });
    if (!head.ok) throw new DiffGitError(`unknown revision '${revision}': the repository at ${repository.top} has no commits yet`);
    throw new DiffGitError(`unknown revision '${revision}' in the repository at ${repository.top}; check the name with git log or git tag`);
}

/** The commit both revisions descend from, for `A...B` as in `git diff A...B`. */
export function mergeBase(repository: Repository, a: string, b: string): string {
    const result = runGit(repository.top, ['merge-base', a, b], { timeoutMs: TIMEOUT_MS });
    if (!result.ok) throw new DiffGitError(`the revisions have no common ancestor; compare them with two dots (A..B) instead of three`);
    return result.stdout.trim();
}

/** Modes of regular files in a tree; symbolic links (120000) and submodules (160000) are left out. */
const REGULAR = new Set(['100644', '100755']);

/**
 * The regular files under the repository's `prefix` at `commit`, read in one `git cat-file`
 * process. An absent folder is an empty list: the policy did not exist yet at that revision.
 */
export function revisionFiles(repository: Repository, commit: string): RevisionFile[] {
    const args = ['ls-tree', '-r', '-z', '--full-tree', commit, ...(repository.prefix ? ['--', repository.prefix] : [])];
    const listing = runGit(repository.top, args, { timeoutMs: TIMEOUT_MS });
    if (!listing.ok) throw failure(listing, `list the files of ${commit}`);
    const entries = listing.stdout.split('\u0000').filter(Boolean).flatMap(line => {
        const tab = line.indexOf('\t');
        const [mode, type, object] = line.slice(0, tab).split(' ');
        const file = line.slice(tab + 1);
        return type === 'blob' && REGULAR.has(mode) && file.startsWith(repository.prefix)
            ? [{ object, path: file.slice(repository.prefix.length) }] : [];
    });
    if (entries.length === 0) return [];
    const batch = runGitBytes(repository.top, ['cat-file', '--batch'], {
        timeoutMs: TIMEOUT_MS, input: entries.map(entry => `${entry.object}\n`).join(''), maxBuffer: 1024 * 1024 * 1024
    });
    if (!batch.ok) throw failure(batch, `read the files of ${commit}`);
    // Each answer is `<object> blob <size>\n<content>\n`, in the order asked.
    const out = batch.stdout;
    let offset = 0;
    return entries.map(entry => {
        const newline = out.indexOf(0x0a, offset);
        const header = out.subarray(offset, newline).toString('utf8').split(' ');
        const size = Number(header[2]);
        if (header[0] !== entry.object || !Number.isSafeInteger(size)) throw new DiffGitError(`cannot read ${entry.path} of ${commit}: git gave an unexpected answer`);
        const content = out.subarray(newline + 1, newline + 1 + size);
        offset = newline + 1 + size + 1;
        return { path: entry.path, content };
    });
}
