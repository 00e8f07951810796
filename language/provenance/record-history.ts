/**
 * The commit that first recorded each assignment, announcement and delegation of a policy
 * folder, read from git in two commands whatever the size of the history: one `git log` over the
 * repository's `.mandate` files, oldest commit first, listing the blob of every such file each commit wrote, and
 * one `git cat-file --batch` reading each distinct blob once. Every blob is parsed (not linked)
 * and its records keyed (record-keys.ts); a key seen for the first time belongs to that commit.
 * git runs through the shared safe runner; no git, no repository or a failure gives a history
 * that says so, never an exception.
 */
import { createHash } from 'node:crypto';
import type { Model } from '../generated/ast.js';
import { mayBeInRepository, runGit, runGitBytes, type GitOptions } from '../git/git-runner.js';
import { recordsOf } from './record-keys.js';

export interface CommitTrailer {
    readonly key: string;
    readonly value: string;
}

/** The commit that first recorded a record. */
export interface RecordedBy {
    readonly commit: string;
    readonly shortCommit: string;
    readonly author: string;
    readonly email: string;
    /** The author date as git gives it, ISO 8601 with the author's offset. */
    readonly date: string;
    /** Its calendar day in the author's time zone, YYYY-MM-DD. */
    readonly day: string;
    /** The commit message's trailers (`Approved-by: …`, `Reviewed-by: …`), in order. */
    readonly trailers: readonly CommitTrailer[];
}

export type HistoryUnavailable = 'no-git' | 'no-repository' | 'failed';

export interface RecordHistory {
    /** Why no history was read; absent when it was. */
    readonly unavailable?: HistoryUnavailable;
    /** A shallow clone: the oldest commit present stands for all the history cut off before it. */
    readonly shallow: boolean;
    readonly first: ReadonlyMap<string, RecordedBy>;
    /** Keys first seen in a shallow clone's oldest commit: recorded then or at some unknown earlier time. */
    readonly beforeShallow: ReadonlySet<string>;
}

export type ParsePolicy = (text: string) => Model;

/** A history read from no git at all. */
export function unavailableHistory(reason: HistoryUnavailable): RecordHistory {
    return { unavailable: reason, shallow: false, first: new Map(), beforeShallow: new Set() };
}

/** Large histories may take a while; nothing here waits for a person. */
const TIMEOUT_MS = 120_000;
const MAX_BUFFER = 1024 * 1024 * 1024;
const BLOBS_PER_BATCH = 2000;
const ZERO = /^0+$/;
const FORMAT = '%x1e%H%x1f%P%x1f%an%x1f%ae%x1f%aI%x1f%(trailers:unfold,separator=%x1d)%x1f';

interface LoggedCommit {
    readonly by: RecordedBy;
    readonly root: boolean;
    readonly blobs: readonly string[];
}

function trailersOf(text: string): CommitTrailer[] {
    return text.split('\u001d').flatMap(line => {
        const colon = line.indexOf(':');
        return colon > 0 ? [{ key: line.slice(0, colon).trim(), value: line.slice(colon + 1).trim() }] : [];
    });
}

/** `--raw` lines of a commit: `:mode mode old new status\tpath`; the new blob of each `.mandate` file written. */
function blobsOf(lines: string): string[] {
    const blobs: string[] = [];
    for (const line of lines.split('\n')) {
        const match = /^:\d+ \d+ [0-9a-f]+ ([0-9a-f]+) [AMT]\d*\t(.*)$/.exec(line);
        if (match && !ZERO.test(match[1]) && /\.mandate"?$/.test(match[2])) blobs.push(match[1]);
    }
    return blobs;
}

function parseLog(text: string): LoggedCommit[] {
    return text.split('\u001e').slice(1).map(chunk => {
        const [commit, parents, author, email, date, trailers, rest = ''] = chunk.split('\u001f');
        return {
            by: { commit, shortCommit: commit.slice(0, 7), author, email, date, day: date.slice(0, 10), trailers: trailersOf(trailers ?? '') },
            root: (parents ?? '').trim() === '',
            blobs: blobsOf(rest)
        };
    });
}

/** The text of each blob, read in batches by one `git cat-file --batch` per batch. */
function readBlobs(folder: string, ids: readonly string[], options: GitOptions): Map<string, string> | undefined {
    const texts = new Map<string, string>();
    for (let start = 0; start < ids.length; start += BLOBS_PER_BATCH) {
        const batch = ids.slice(start, start + BLOBS_PER_BATCH);
        const result = runGitBytes(folder, ['cat-file', '--batch'], { ...options, input: `${batch.join('\n')}\n` });
        if (!result.ok) return undefined;
        const out = result.stdout;
        let offset = 0;
        while (offset < out.length) {
            const end = out.indexOf(10, offset);
            if (end < 0) break;
            const [id, type, size] = out.subarray(offset, end).toString('utf8').split(' ');
            offset = end + 1;
            if (type !== 'blob') continue; // `<id> missing`: not in this clone
            const length = Number(size);
            texts.set(id, out.subarray(offset, offset + length).toString('utf8'));
            offset += length + 1;
        }
    }
    return texts;
}

/**
 * The record history of `folder` (an absolute path): for every record key ever written in a
 * `.mandate` file of its repository, the first commit that held it.
 */
export function readRecordHistory(
    folder: string, parse: ParsePolicy, gitOptions: GitOptions = {}, parsedFiles: () => ReadonlyMap<string, Model> = () => new Map()
): RecordHistory {
    const options: GitOptions = { timeoutMs: TIMEOUT_MS, maxBuffer: MAX_BUFFER, ...gitOptions };
    // Outside any repository git would fail the same way: a check of a plain folder does not start it.
    if (!mayBeInRepository(folder)) return unavailableHistory('no-repository');
    const inside = runGit(folder, ['rev-parse', '--is-inside-work-tree', '--is-shallow-repository'], options);
    if (!inside.ok) return unavailableHistory(inside.reason === 'no-git' ? 'no-git' : inside.reason === 'failed' ? 'no-repository' : 'failed');
    const [workTree, shallowText] = inside.stdout.split('\n');
    if (workTree !== 'true') return unavailableHistory('no-repository');
    const shallow = shallowText === 'true';
    if (!runGit(folder, ['rev-parse', '--verify', '--quiet', 'HEAD'], options).ok) {
        return { shallow, first: new Map(), beforeShallow: new Set() }; // a repository without a commit: nothing is committed yet
    }
    const log = runGit(folder, [
        '-c', 'core.quotePath=false', '-c', 'log.showSignature=false', 'log', '--topo-order', '--reverse', '--no-color',
        // Every `.mandate` file of the repository, not only the folder's: a folder renamed or a record moved in from
        // another folder keeps its first commit (git cannot follow a folder through a rename, `-- .` saw its history start there).
        '--no-renames', '--raw', '--no-abbrev', '--diff-merges=first-parent', `--format=${FORMAT}`, 'HEAD', '--', ':(top,glob)**/*.mandate'
    ], options);
    if (!log.ok) return unavailableHistory('failed');
    const commits = parseLog(log.stdout);
    // A blob that is a file of today's workspace was parsed already (`parsedFiles`, by blob id, asked
    // for only here, as hashing every file is wasted without a history): only older versions are read and parsed here.
    const parsed = parsedFiles();
    const texts = readBlobs(folder, [...new Set(commits.flatMap(commit => commit.blobs))].filter(blob => !parsed.has(blob)), options);
    if (!texts) return unavailableHistory('failed');
    const first = new Map<string, RecordedBy>();
    const beforeShallow = new Set<string>();
    const keysOfBlob = new Map<string, readonly string[]>();
    for (const commit of commits) {
        for (const blob of commit.blobs) {
            let keys = keysOfBlob.get(blob);
            if (!keys) {
                const text = texts.get(blob);
                const model = parsed.get(blob) ?? (text === undefined ? undefined : parse(text));
                keys = model ? recordsOf(model).map(record => record.key) : [];
                keysOfBlob.set(blob, keys);
            }
            for (const key of keys) {
                if (first.has(key)) continue;
                first.set(key, commit.by);
                if (shallow && commit.root) beforeShallow.add(key);
            }
        }
    }
    return { shallow, first, beforeShallow };
}

/** The id git gives a file's content (a SHA-1 repository's blob id), to recognise today's files in the history. */
export function gitBlobId(text: string): string {
    const content = Buffer.from(text, 'utf8');
    return createHash('sha1').update(`blob ${content.length}\u0000`).update(content).digest('hex');
}

/** Several folders' histories as one: a record known in two is recorded by the earlier commit. */
export function mergeHistories(histories: readonly RecordHistory[]): RecordHistory {
    const read = histories.filter(history => !history.unavailable);
    if (read.length === 0) return histories[0] ?? unavailableHistory('no-repository');
    if (read.length === 1) return read[0];
    const first = new Map<string, RecordedBy>();
    const beforeShallow = new Set<string>();
    for (const history of read) {
        for (const [key, by] of history.first) {
            const known = first.get(key);
            if (known && Date.parse(known.date) <= Date.parse(by.date)) continue;
            first.set(key, by);
            if (history.beforeShallow.has(key)) beforeShallow.add(key); else beforeShallow.delete(key);
        }
    }
    return { shallow: read.some(history => history.shallow), first, beforeShallow };
}
