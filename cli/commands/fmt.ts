import { EmptyFileSystem } from 'langium';
import { constants } from 'node:fs';
import { access, realpath, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { formatText } from '../../language/format/format-source.js';
import { createMandateServices } from '../../language/mandate-module.js';
import { displayFile, findPolicyFiles, InputError, readPolicyFiles } from '../files.js';
import { reportSkippedLink } from '../load.js';
import { EXIT_ERRORS, EXIT_USAGE, write } from '../output.js';
import { writeAtomically } from '../safe-write.js';

export interface FmtFlags {
    check?: boolean;
    write?: boolean;
    followSymlinks?: boolean;
}

/**
 * `mandate fmt`: the editor's formatter on the command line.
 * - `--check` lists the files that are not formatted and exits 1 (CI);
 * - `--write` rewrites them, each atomically and keeping its permissions, and lists them;
 * - with neither, prints one file formatted to standard output, as `gofmt FILE` does.
 * A file with a syntax error is never formatted: it is named with the line and column of its first
 * error, the other files are still formatted, and the run exits 2.
 */
export async function runFmt(paths: string[], flags: FmtFlags): Promise<number> {
    if (flags.check && flags.write) throw new InputError('give --check or --write, not both');
    const targets = paths.length > 0 ? paths : ['.'];
    if (!flags.check && !flags.write) await requireOneFile(targets);
    const files = await findPolicyFiles(targets, { followSymlinks: flags.followSymlinks ?? false, onSkippedLink: reportSkippedLink });
    const sources = await readPolicyFiles(files, { keepByteOrderMark: true });
    const services = createMandateServices({ ...EmptyFileSystem, batch: true }).Mandate;
    let unformatted = 0;
    let problems = 0;
    for (const [index, file] of files.entries()) {
        const text = sources[index].text;
        const result = formatText(services, text);
        if (!result.ok) {
            problems++;
            const { line, column, message } = result.problem;
            await write(process.stderr, `mandate: ${displayFile(file)}:${line}:${column}: not formatted: ${message}\n`);
            continue;
        }
        if (!flags.check && !flags.write) {
            await write(process.stdout, result.text, true); // the file's own text: escaping it would change it
            continue;
        }
        if (result.text === text) continue;
        if (flags.check) {
            unformatted++;
            await write(process.stdout, `${displayFile(file)}\n`);
            continue;
        }
        const failure = await rewrite(file, text, result.text);
        if (failure) {
            problems++;
            await write(process.stderr, `mandate: ${failure}\n`);
        } else {
            await write(process.stdout, `${displayFile(file)}\n`);
        }
    }
    return problems > 0 ? EXIT_USAGE : unformatted > 0 ? EXIT_ERRORS : 0;
}

/** Printing to standard output is for one file: a folder's files would run together. */
async function requireOneFile(targets: readonly string[]): Promise<void> {
    const info = targets.length === 1 ? await stat(targets[0]).catch(() => undefined) : undefined;
    if (targets.length > 1 || info?.isDirectory()) {
        throw new InputError('fmt prints one file to standard output; give --check or --write to format a folder or several files');
    }
}

/**
 * Writes the formatted text over the file it came from, through a symbolic link to its target (the
 * link stays a link). A read-only file is left alone, as is a file that changed since it was read.
 * Returns why it was not written, or undefined.
 */
async function rewrite(file: string, before: string, after: string): Promise<string | undefined> {
    const target = await realpath(file).catch(() => path.resolve(file));
    const info = await stat(target).catch(() => undefined);
    const writable = info !== undefined && (info.mode & 0o222) !== 0 && await access(target, constants.W_OK).then(() => true, () => false);
    if (!writable) return `${displayFile(file)}: not formatted: the file is read-only; it is unchanged`;
    const [current] = await readPolicyFiles([target], { keepByteOrderMark: true }).catch(() => [undefined]);
    if (current?.text !== before) return `${displayFile(file)}: not formatted: the file changed while it was being formatted; run mandate fmt again`;
    try {
        await writeAtomically(target, after, 'the formatted file');
        return undefined;
    } catch (error) {
        if (error instanceof InputError) return error.message;
        throw error;
    }
}
