import { readdir, readFile, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PolicySource } from '../language/engine/check-sources.js';

/** A problem with the command's input, reported as one line and exit code 2. */
export class InputError extends Error {}

const POLICY_EXTENSION = '.mandate';
// Folders that never hold policy and can be huge.
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', 'out', '.cache']);

async function collect(target: string, found: string[]): Promise<void> {
    let info;
    try {
        info = await stat(target);
    } catch {
        throw new InputError(`${target}: no such file or directory`);
    }
    if (info.isFile()) {
        found.push(target);
        return;
    }
    if (!info.isDirectory()) return;
    let entries;
    try {
        entries = await readdir(target, { withFileTypes: true });
    } catch (error) {
        throw new InputError(`${target}: cannot read directory (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    }
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
        const child = path.join(target, entry.name);
        if (entry.isDirectory() && !SKIPPED_FOLDERS.has(entry.name)) {
            await collect(child, found);
        } else if (entry.isFile() && entry.name.endsWith(POLICY_EXTENSION)) {
            found.push(child);
        }
    }
}

/** Every `.mandate` file under the given paths (files named explicitly are taken as they are). */
export async function findPolicyFiles(paths: readonly string[]): Promise<string[]> {
    const found: string[] = [];
    for (const target of paths) {
        await collect(path.resolve(target), found);
    }
    const unique = [...new Set(found)].sort();
    if (unique.length === 0) {
        throw new InputError(`no ${POLICY_EXTENSION} files found in ${paths.join(', ')}`);
    }
    return unique;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Reads and strictly decodes each file; a file that is not UTF-8 is an input error, never mojibake. */
export async function readPolicyFiles(files: readonly string[]): Promise<PolicySource[]> {
    return Promise.all(files.map(async file => {
        let bytes: Buffer;
        try {
            bytes = await readFile(file);
        } catch (error) {
            throw new InputError(`${file}: cannot read file (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
        }
        let text: string;
        try {
            text = utf8.decode(bytes);
        } catch {
            throw new InputError(`${file}: not valid UTF-8; save the file as UTF-8`);
        }
        return { uri: pathToFileURL(file).href, text: text.replace(/^\uFEFF/, '') };
    }));
}
