import { randomBytes } from 'node:crypto';
import { constants, statSync, type Stats } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { CONFIG_FILE_NAME } from '../language/config/mandate-config.js';
import { displayFile, InputError } from './files.js';
import { forgetTemporary, trackTemporary } from './pending-temporaries.js';
import { realOrResolved } from './regular-file.js';

/** The steps of a write that can fail, replaceable so a test can make one fail (a full disk, a vanished folder). */
export interface WriteSteps {
    /** Creates `file` (which must not exist) with `mode` and writes `content` to it, on disk before it returns. */
    createFile(file: string, content: string, mode: number): Promise<void>;
    rename(from: string, to: string): Promise<void>;
}

export const FILE_SYSTEM_STEPS: WriteSteps = {
    async createFile(file, content, mode) {
        const handle = await open(file, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, mode);
        try {
            await handle.writeFile(content, 'utf8');
            await handle.sync(); // renamed before it is on disk, a crash could leave an empty report in place of the old one
        } finally {
            await handle.close();
        }
    },
    rename
};

const WRITE_REASONS: Record<string, string> = {
    ENOSPC: 'no space left on the device',
    EDQUOT: 'disk quota exceeded',
    EROFS: 'read-only file system',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    ENOENT: 'the folder does not exist',
    ENOTDIR: 'a part of the path is a file, not a folder',
    EEXIST: 'a part of the path is a file, not a folder',
    EISDIR: 'it is a folder',
    EIO: 'input/output error'
};

/** Whether writing `name` would add policy or a configuration to a folder the CLI checks. */
function isPolicyName(name: string): boolean {
    const lower = name.toLowerCase(); // a case-insensitive file system takes ROLES.MANDATE for roles.mandate
    return lower.endsWith('.mandate') || lower === CONFIG_FILE_NAME;
}

/** `stat`, or undefined for a file that cannot be looked up (missing, no permission). */
function statOrUndefined(file: string): Stats | undefined {
    try {
        return statSync(file);
    } catch {
        return undefined;
    }
}

const sameFile = (a: Stats | undefined, b: Stats | undefined) => a !== undefined && b !== undefined && a.dev === b.dev && a.ino === b.ino;

/**
 * Refuses a target that is, or would replace, an input of the run or any policy or configuration
 * file: by name (as given and after following links), by real path, and by identity (a hard link,
 * the same folder reached through a bind mount). `what` names the output in messages ("the report").
 */
export async function refuseInputs(file: string, inputs: readonly string[], what: string): Promise<void> {
    const target = path.resolve(file);
    const real = realOrResolved(target);
    const as = (other: string) => (displayFile(other) === displayFile(target) ? '' : ` (${displayFile(other)})`);
    if (isPolicyName(path.basename(target)) || isPolicyName(path.basename(real))) {
        throw new InputError(`${displayFile(target)}: refusing to write ${what} over a policy or configuration file${as(real)}; choose another file name`);
    }
    // Synchronous lookups: a large workspace has hundreds of inputs, and each await on libuv's
    // threads cost more than the call.
    const targetInfo = statOrUndefined(real);
    for (const input of inputs) {
        const [realInput, inputInfo] = [realOrResolved(input), statOrUndefined(input)];
        if (realInput === real || sameFile(targetInfo, inputInfo)) {
            throw new InputError(`${displayFile(target)}: refusing to write ${what} over an input file of this run${as(input)}; choose another file`);
        }
    }
}

/**
 * Writes `content` to `file` atomically: into a new temporary file in the same folder, then renamed
 * over the target, so a reader never sees half of it and a failed write (a full disk, a folder that
 * vanished) leaves the previous file as it was and no temporary file behind. The new file keeps the
 * permissions of the one it replaces, so a report someone restricted stays restricted.
 */
export async function writeAtomically(file: string, content: string, what: string, steps: WriteSteps = FILE_SYSTEM_STEPS): Promise<void> {
    const target = path.resolve(file);
    // `out/` names a folder even before it exists: resolving drops the slash, and a file called `out` was written.
    if (/[\\/]$/.test(file)) throw new InputError(`${displayFile(file)}: names a folder; give a file name for -o`);
    const existing = await stat(target).catch(() => undefined);
    if (existing?.isDirectory()) throw new InputError(`${displayFile(target)}: is a directory; give a file name for -o`);
    if (existing && !existing.isFile()) {
        throw new InputError(`${displayFile(target)}: is not a regular file; -o writes regular files only (leave it out to write to standard output)`);
    }
    const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
    let created = false;
    try {
        await mkdir(path.dirname(target), { recursive: true });
        created = true; // from here on, a failure may have left a part of the temporary file
        trackTemporary(temporary); // and so may Ctrl-C or a crash, before this function can clean up
        await steps.createFile(temporary, content, existing ? existing.mode & 0o777 : 0o666);
        await holdForTest(temporary);
        await steps.rename(temporary, target);
    } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? '';
        // EEXIST from creating it means the random name was taken: that file is someone else's.
        if (created && code !== 'EEXIST') await rm(temporary, { force: true }).catch(() => undefined);
        const why = WRITE_REASONS[code] ?? (code || (error as Error).message);
        const kept = existing ? '; the previous file is unchanged' : '';
        throw new InputError(`${displayFile(target)}: cannot write ${what}: ${why}${kept}`);
    } finally {
        forgetTemporary(temporary);
    }
}

/**
 * Test hook, inert unless MANDATE_TEST_HOLD_TEMPORARY is set (tests/cli-interrupt.test.ts): with
 * the temporary file written but not yet renamed, says so on stderr, then waits up to a minute for
 * the test to interrupt the run (`wait`), or to send SIGUSR2 once it has seen the temporary file,
 * on which the run dies of an uncaught error (`throw`). Not at once: the test could look too late.
 */
async function holdForTest(temporary: string): Promise<void> {
    const hold = process.env.MANDATE_TEST_HOLD_TEMPORARY;
    if (hold !== 'wait' && hold !== 'throw') return;
    if (hold === 'throw') process.once('SIGUSR2', () => setImmediate(() => { throw new Error('test hook: an uncaught failure while writing'); }));
    process.stderr.write(`mandate-test: holding ${path.basename(temporary)}\n`);
    await new Promise(resolve => setTimeout(resolve, 60_000));
}

/** Output to a file, as every command that writes one does it: never over an input, always whole or not at all. */
export async function writeOutputFile(file: string, content: string, inputs: readonly string[], what: string, steps?: WriteSteps): Promise<void> {
    await refuseInputs(file, inputs, what);
    await writeAtomically(file, content, what, steps);
}
