import type { Dirent } from 'node:fs';
import { lstat, readdir, readlink, realpath, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PolicySource } from '../language/engine/check-sources.js';
import { compareStrings } from '../language/util/compare.js';
import { isInside, kindOf, NotRegularFileError, readRegularFile } from './regular-file.js';

/** A problem with the command's input, reported as one line and exit code 2. */
export class InputError extends Error {}

const POLICY_EXTENSION = '.mandate';
// Folders that never hold policy and can be huge.
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', 'out', '.cache']);
// Emacs marks a file being edited with a dangling symlink named `.#<file>`; it is not policy.
const EDITOR_LOCK_PREFIX = '.#';

const REASONS: Record<string, string> = {
    ENOENT: 'no such file or directory',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    ELOOP: 'too many levels of symbolic links',
    ENOTDIR: 'not a directory',
    EISDIR: 'is a directory'
};

function reason(error: unknown): string {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    return REASONS[code] ?? code;
}

/** A path as the user will recognise it: relative to the working directory when inside it. */
export function displayFile(file: string, cwd = process.cwd()): string {
    const relative = path.relative(cwd, file);
    const outside = relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative);
    return relative === '' ? '.' : outside ? file : relative;
}

/** Why `file` cannot be reached, naming a broken symbolic link as such. */
export async function unreachable(file: string, error: unknown): Promise<InputError> {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    const link = await lstat(file).catch(() => undefined);
    if (missing && link?.isSymbolicLink()) {
        const target = await readlink(file).catch(() => '?');
        return new InputError(`${displayFile(file)}: cannot read: broken symbolic link to '${target}'`);
    }
    return new InputError(`${displayFile(file)}: ${missing ? '' : 'cannot read: '}${reason(error)}`);
}

/** What a walk has found so far, keyed by real path so a file or folder reached twice counts once. */
interface Walk {
    readonly files: Map<string, string>;
    readonly folders: Set<string>;
    readonly options: WalkOptions;
}

export interface WalkOptions {
    /** A folder without policy files is an empty workspace rather than an input error. */
    readonly allowNone?: boolean;
    /** Follow symbolic links found in a folder even when they lead out of it (`--follow-symlinks`). */
    readonly followSymlinks?: boolean;
    /** Told the path of each symbolic link left alone because it leads out of the folder being checked. */
    readonly onSkippedLink?: (link: string, what: 'folder' | 'file') => void;
}

/** Whether a folder entry may be policy (or hold policy), judged by its name before touching it. */
function worthVisiting(entry: Dirent): boolean {
    if (entry.name.startsWith(EDITOR_LOCK_PREFIX)) return false;
    if (entry.isDirectory()) return !SKIPPED_FOLDERS.has(entry.name);
    if (entry.isFile()) return entry.name.endsWith(POLICY_EXTENSION);
    // A symbolic link is treated like its target, which may be a folder.
    return entry.isSymbolicLink() && !SKIPPED_FOLDERS.has(entry.name);
}

/** `root` is the real path of the folder named on the command line that this walk started from. */
async function collectFolder(folder: string, walk: Walk, root: string): Promise<void> {
    let real: string;
    let entries: Dirent[];
    try {
        real = await realpath(folder);
        entries = await readdir(folder, { withFileTypes: true });
    } catch (error) {
        throw new InputError(`${displayFile(folder)}: cannot read folder: ${reason(error)}`);
    }
    if (walk.folders.has(real)) return; // a symbolic link back up the tree, or a folder named twice
    walk.folders.add(real);
    for (const entry of entries.filter(worthVisiting).sort((a, b) => compareStrings(a.name, b.name))) {
        const target = path.join(folder, entry.name);
        if (entry.isFile()) {
            // Not a link, so its real path is known without asking the disk: two round trips fewer per file.
            const realFile = path.join(real, entry.name);
            if (!walk.files.has(realFile)) walk.files.set(realFile, target);
            continue;
        }
        if (entry.isSymbolicLink() && !walk.options.followSymlinks && await leavesFolder(target, root, walk)) continue;
        await collect(target, walk, false, root);
    }
}

/**
 * Whether the symbolic link `link` leads out of `root` to a folder or a policy file, which would
 * make a file nobody asked to check part of the policy (and of its report). Such a link is left
 * alone, and said so; a link that stays inside, or that leads to no policy, is no concern here.
 */
async function leavesFolder(link: string, root: string, walk: Walk): Promise<boolean> {
    const real = await realpath(link).catch(() => undefined);
    if (real === undefined || isInside(real, root)) return false; // a broken link is collect's to report
    const info = await stat(real).catch(() => undefined);
    const what = info?.isDirectory() ? 'folder' : info && link.endsWith(POLICY_EXTENSION) ? 'file' : undefined;
    if (what === undefined) return false;
    walk.options.onSkippedLink?.(link, what);
    return true;
}

/** Adds `target` (absolute) to the walk; `named` when the user gave it on the command line. */
async function collect(target: string, walk: Walk, named: boolean, root?: string): Promise<void> {
    let info;
    try {
        info = await stat(target); // follows symbolic links
    } catch (error) {
        // A dangling link found in a folder only matters if it claims to be policy.
        if (named || target.endsWith(POLICY_EXTENSION)) throw await unreachable(target, error);
        return;
    }
    if (info.isDirectory()) {
        await collectFolder(target, walk, root ?? await realpath(target));
    } else if (info.isFile() && (named || target.endsWith(POLICY_EXTENSION))) {
        // Only a .mandate file is read as policy, named or found: the engine knows no other kind of file.
        if (!target.endsWith(POLICY_EXTENSION)) throw new InputError(`${displayFile(target)}: not a policy file: policy files end in ${POLICY_EXTENSION}`);
        const real = await realpath(target);
        if (!walk.files.has(real)) walk.files.set(real, target);
    } else if (named && !info.isFile()) {
        throw new InputError(`${displayFile(target)}: is ${kindOf(info)}, not a file or folder`);
    }
}

/**
 * Every `.mandate` file under the given paths, and those named explicitly (another file named is an input error).
 * None is an input error, unless `allowNone` (listing the catalogue needs no policy).
 */
export async function findPolicyFiles(paths: readonly string[], options: WalkOptions = {}): Promise<string[]> {
    const walk: Walk = { files: new Map(), folders: new Set(), options };
    for (const target of paths) {
        await collect(path.resolve(target), walk, true);
    }
    if (walk.files.size === 0 && !options.allowNone) {
        throw new InputError(`no ${POLICY_EXTENSION} files found in ${paths.join(', ')}`);
    }
    return [...walk.files.values()].sort();
}

const utf8 = new TextDecoder('utf-8', { fatal: true }); // also drops a leading byte order mark
// `mandate fmt` writes files back: their byte order mark stays.
const utf8WithMark = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Reads and strictly decodes each file, one at a time; a file that is not UTF-8 is an input error, never mojibake. */
export async function readPolicyFiles(files: readonly string[], options: { keepByteOrderMark?: boolean } = {}): Promise<PolicySource[]> {
    const sources: PolicySource[] = [];
    for (const file of files) {
        let bytes: Buffer;
        try {
            bytes = await readRegularFile(file); // never a FIFO or a device swapped in since the walk
        } catch (error) {
            if (error instanceof NotRegularFileError) throw new InputError(`${displayFile(file)}: ${error.message}`);
            throw await unreachable(file, error);
        }
        let text: string;
        try {
            text = (options.keepByteOrderMark ? utf8WithMark : utf8).decode(bytes);
        } catch {
            throw new InputError(`${displayFile(file)}: not valid UTF-8; save the file as UTF-8`);
        }
        sources.push({ uri: pathToFileURL(file).href, text });
    }
    return sources;
}

/**
 * The workspace folders for the given paths: each folder named on the command line, or the
 * folder of each file named. Paths inside a policy resolve against these and never leave them.
 */
export async function workspaceRoots(paths: readonly string[]): Promise<string[]> {
    const roots = await Promise.all(paths.map(async target => {
        const absolute = path.resolve(target);
        const info = await stat(absolute).catch(() => undefined);
        return pathToFileURL(info?.isDirectory() ? absolute : path.dirname(absolute)).href;
    }));
    return [...new Set(roots)];
}
