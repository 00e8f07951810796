import { EmptyFileSystem, URI } from 'langium';
import { realpath, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { loadConfig } from '../../language/config/config-loader.js';
import type { DirectorySettings } from '../../language/import/column-mapping.js';
import { importDirectory, type DirectoryProblem, type ImportPlan, type PersonChange } from '../../language/import/index.js';
import { utf8Text } from '../../language/import/utf8-text.js';
import { createMandateServices } from '../../language/mandate-module.js';
import { todayIsoDate } from '../../language/util/dates.js';
import { displayFile, InputError } from '../files.js';
import { located } from '../load.js';
import { declaredNames, importWorkspace } from './import-workspace.js';
import { EXIT_USAGE, write } from '../output.js';
import { GuardedFileSystem, NotRegularFileError, readRegularFile } from '../regular-file.js';
import { writeAtomically } from '../safe-write.js';

export interface ImportFlags {
    output: string;
    preset?: string;
    format?: 'csv' | 'scim';
    delimiter?: string;
    config?: string;
    asOf?: string;
    dryRun?: boolean;
    verbose?: boolean;
}

/** The file `-o` names: a `.mandate` file as given, or this file in the folder given. */
export const GENERATED_FILE_NAME = 'imported-people.mandate';
/** Problems printed before "and N more": a broken 10,000-row export should not flood the terminal. */
const SHOWN_PROBLEMS = 20;
/**
 * People listed per section of the summary (added, left, changed, …) without --verbose: the first
 * import of a 10,000-person export listed every one, and the counts at the end scrolled away.
 */
export const SHOWN_CHANGES = 20;

/**
 * `mandate import SOURCE -o people/`: people from an HR or identity-provider export into a generated
 * `.mandate` file. Everything is worked out before anything is written, and then one file is
 * written atomically: broken input, or a target that an import did not write, exits 2 with nothing
 * written.
 */
export async function runImport(source: string, flags: ImportFlags): Promise<number> {
    const target = await targetFile(flags.output);
    const sourceText = await readText(source, 'export it again as UTF-8 (in Excel: "CSV UTF-8")');
    if (path.resolve(source) === target || await sameReal(source, target)) throw new InputError(`${displayFile(target)}: is the source itself; give -o another file`);
    const targetText = await readExisting(target);
    const services = createMandateServices({ ...EmptyFileSystem, batch: true }).Mandate;
    const result = importDirectory(services, {
        sourceText, sourceFile: displayFile(path.resolve(source)).split(path.sep).join('/'),
        headerSource: path.relative(path.dirname(target), path.resolve(source)).split(path.sep).join('/'),
        settings: await settingsFrom(flags), target: { file: displayFile(target), text: targetText },
        declared: await declaredNames(services, await importWorkspace(target, flags.config), target), asOf: flags.asOf ?? todayIsoDate()
    });
    if (!result.ok) {
        await printProblems(result.problems);
        await write(process.stderr, `mandate: nothing was imported or written\n`);
        return EXIT_USAGE;
    }
    await write(process.stdout, summary(result.plan, `${displayFile(path.resolve(source))} as ${result.description}`, displayFile(target), flags.dryRun ?? false, flags.verbose ?? false));
    // A file of no one checks clean and hides that the import went to the wrong place (another generated file holds them all).
    if (result.plan.people.length === 0) {
        await write(process.stderr, `mandate: ${displayFile(target)}: ${nobodyLeft(result.plan, targetText !== undefined)}\n`);
        return EXIT_USAGE;
    }
    if (flags.dryRun) {
        await write(process.stdout, result.changed ? `Dry run: ${displayFile(target)} was not written.\n` : `${displayFile(target)} is up to date.\n`);
        return 0;
    }
    if (!result.changed) {
        await write(process.stdout, `${displayFile(target)} is up to date; nothing was written.\n`);
        return 0;
    }
    await writeAtomically(target, result.text, 'the generated people file');
    await write(process.stdout, `Wrote ${displayFile(target)}.\n`);
    return 0;
}

async function targetFile(output: string): Promise<string> {
    const resolved = path.resolve(output);
    if (resolved.toLowerCase().endsWith('.mandate')) return resolved;
    const info = await stat(resolved).catch(() => undefined);
    if (info && !info.isDirectory()) throw new InputError(`${displayFile(resolved)}: -o takes a folder or a .mandate file`);
    // A new name with another extension is a mistyped file name far more often than a folder to create:
    // `-o people.txt` would make a folder of that name. A trailing `/` says it is a folder.
    if (!info && path.extname(resolved) !== '' && !/[\\/]$/.test(output)) {
        throw new InputError(`${displayFile(resolved)}: -o takes a folder or a .mandate file; to create a folder of this name, end it with '/'`);
    }
    return path.join(resolved, GENERATED_FILE_NAME);
}

async function sameReal(a: string, b: string): Promise<boolean> {
    const [realA, realB] = await Promise.all([realpath(a).catch(() => a), realpath(b).catch(() => b)]);
    return path.resolve(realA) === path.resolve(realB);
}


async function readText(file: string, hint: string): Promise<string> {
    let bytes: Buffer;
    try {
        bytes = await readRegularFile(file);
    } catch (error) {
        if (error instanceof NotRegularFileError) throw new InputError(`${displayFile(path.resolve(file))}: ${error.message}`);
        const code = (error as NodeJS.ErrnoException).code;
        throw new InputError(`${displayFile(path.resolve(file))}: ${code === 'ENOENT' ? 'no such file' : `cannot read: ${code ?? (error as Error).message}`}`);
    }
    const decoded = utf8Text(bytes, displayFile(path.resolve(file)));
    if ('problem' in decoded) {
        const { location } = decoded.problem;
        throw new InputError(`${location.file}:${location.line}:${location.column}: not valid UTF-8 from here on; ${hint}`);
    }
    return decoded.text;
}

async function readExisting(target: string): Promise<string | undefined> {
    const info = await stat(target).catch(() => undefined);
    if (!info) return undefined;
    return readText(target, 'it is not a file mandate import wrote');
}

/**
 * The reading settings: `directory` of mandate.config.json (in the working folder, or `--config`),
 * with the command's flags over it. Only the configuration is read, not the export it names: the
 * import may be reading a new one.
 */
async function settingsFrom(flags: ImportFlags): Promise<DirectorySettings> {
    const explicit = flags.config === undefined ? undefined : URI.file(path.resolve(flags.config));
    const loaded = await loadConfig(new GuardedFileSystem(), [URI.file(process.cwd())], explicit);
    const [first, ...rest] = loaded.file ? located(loaded.file, loaded.text ?? '', loaded.problems) : [];
    if (first) throw new InputError(`${first}${rest.length > 0 ? ` (and ${rest.length} more problem${rest.length === 1 ? '' : 's'})` : ''}`);
    const configured = loaded.config.directory?.settings ?? {};
    const delimiter = flags.delimiter === undefined ? undefined : flags.delimiter === 'tab' ? '\t' : flags.delimiter;
    if (delimiter !== undefined && delimiter !== ',' && delimiter !== ';' && delimiter !== '\t') {
        throw new InputError(`--delimiter must be ',', ';' or 'tab', not '${flags.delimiter}'`);
    }
    return {
        ...configured,
        ...(flags.preset ? { preset: flags.preset, mapping: undefined } : {}),
        ...(flags.format ? { format: flags.format } : {}),
        ...(delimiter ? { delimiter } : {})
    };
}

/** Why a generated file of no one is not written, and what to do instead. */
function nobodyLeft(plan: ImportPlan, exists: boolean): string {
    const elsewhere = [...new Set(plan.skipped.flatMap(skipped => (skipped.elsewhere === undefined ? [] : [skipped.elsewhere])))];
    const why = elsewhere.length > 0
        ? `it would hold no one: the people of this export are already in ${elsewhere.join(', ')}, generated by an earlier import (see "Not imported"); import into ${elsewhere.length === 1 ? 'that file' : 'one of those files'} with -o instead`
        : `it would hold no one: no one in this export is to be imported${plan.skipped.length > 0 ? ' (see "Not imported")' : ''}`;
    return `${why}. Nothing was written${exists ? '; the file is left as it is (delete it if no one of this export belongs in the policy)' : ''}.`;
}

async function printProblems(problems: readonly DirectoryProblem[]): Promise<void> {
    for (const problem of problems.slice(0, SHOWN_PROBLEMS)) {
        const { file, line, column } = problem.location;
        await write(process.stderr, `mandate: ${file}:${line}:${column}: ${problem.message}\n`);
    }
    if (problems.length > SHOWN_PROBLEMS) await write(process.stderr, `mandate: … and ${problems.length - SHOWN_PROBLEMS} more problems\n`);
}

function summary(plan: ImportPlan, read: string, target: string, dryRun: boolean, verbose: boolean): string {
    const lines: string[] = [];
    /** A section's lines, the first SHOWN_CHANGES of them unless --verbose, then how many more there are. */
    const section = <T>(title: string, entries: readonly T[], lineOf: (shown: readonly T[]) => (entry: T) => string) => {
        if (entries.length === 0) return;
        lines.push(`${title}:`);
        const shown = verbose ? entries : entries.slice(0, SHOWN_CHANGES);
        const line = lineOf(shown);
        for (const entry of shown) lines.push(line(entry));
        if (shown.length < entries.length) lines.push(`  … and ${entries.length - shown.length} more (--verbose lists them all)`);
    };
    const changes = (title: string, mark: string, list: readonly PersonChange[]) => section(title, list, shown => {
        // IDs padded to the longest listed, so that the names line up.
        const width = shown.reduce((longest, entry) => Math.max(longest, entry.id.length), 0);
        return change => `  ${mark} ${change.id.padEnd(width)}  ${change.name} (${change.key}): ${change.details.join('; ')}`;
    });
    const verb = dryRun ? 'would be' : '';
    lines.push(`Read ${read}: ${plan.people.length} ${plan.people.length === 1 ? 'person' : 'people'} in ${target}.`);
    changes(`Added${verb ? ` (${verb})` : ''}`, '+', plan.added);
    changes(`Left, end date written${verb ? ` (${verb})` : ''}`, '-', plan.ended);
    changes(`Changed${verb ? ` (${verb})` : ''}`, '~', plan.changed);
    section('ID collisions, disambiguated', plan.collisions, () => collision => {
        const why = collision.reason === 'same-name' ? 'several people have this name'
            : collision.reason === 'keyword' ? 'a keyword of the language, which cannot be an ID'
                : collision.takenAt ? `the ID is already declared at ${collision.takenAt}` : 'the ID is already taken';
        return `  ${collision.base} (${why}): ${collision.assigned.map(entry => `${entry.name} (${entry.key}) → ${entry.id}`).join(', ')}`;
    });
    section('Left, but no end date can be written', plan.undated, () => person => `  ! ${person.id}  ${person.name} (${person.key}): ${person.details.join('; ')}`);
    changes(`Never joined, removed${verb ? ` (${verb})` : ''}`, 'x', plan.withdrawn);
    section('Not imported', plan.skipped, () => skipped => `  ${skipped.name} (${skipped.key}): ${skipped.reason}`);
    lines.push(`${plan.added.length} added, ${plan.ended.length} ended, ${plan.changed.length} changed, ${plan.unchanged} unchanged, ${plan.collisions.length} collision${plan.collisions.length === 1 ? '' : 's'}.`);
    return `${lines.join('\n')}\n`;
}
