import { URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { stat } from 'node:fs/promises';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { configurationFiles, loadProject, type ConfigurationFile, type LoadedProject } from '../language/config/config-loader.js';
import { CONFIG_FILE_NAME, lineAndColumn, type ConfigProblem, type MandateConfig } from '../language/config/mandate-config.js';
import type { LoadedDirectory } from '../language/directory/directory-loader.js';
import { checkSources, type CheckedWorkspace } from '../language/engine/check-sources.js';
import { namedFiles } from '../language/engine/named-files.js';
import { IssueCodes } from '../language/mandate-issue-codes.js';
import { NODE_PATH_PROBE } from '../language/workspace/path-probe.js';
import { locateWorkspacePath } from '../language/workspace/policy-path.js';
import { displayFile, findPolicyFiles, InputError, readPolicyFiles, unreachable, workspaceRoots } from './files.js';
import { terminalText } from './output.js';
import { GuardedFileSystem, kindOf } from './regular-file.js';
import { withQuietConsole } from './quiet-console.js';

export interface LoadedWorkspace {
    readonly files: readonly string[];
    readonly roots: readonly string[];
    readonly checked: CheckedWorkspace;
    /** Failures the engine caught and logged; a run with any is never reported as clean. */
    readonly internalErrors: readonly string[];
    /**
     * Every file the run read or the policy names (policy, configuration, catalogue, job-description
     * and evidence files), as absolute paths: output is never written over one of them.
     */
    readonly inputs: readonly string[];
}

export interface LoadOptions {
    readonly asOf?: string;
    /** An explicit mandate.config.json; otherwise the one at the root of the first folder that has one. */
    readonly config?: string;
    /** A folder without policy files is an empty workspace rather than an input error. */
    readonly allowNoPolicy?: boolean;
    /** Follow symbolic links out of the checked folder (`--follow-symlinks`). */
    readonly followSymlinks?: boolean;
    /**
     * Read the git history of the folders for recorded-by provenance: `always` (the report shows
     * it), `for-rule` (only while `record-late` is not switched off), never when absent.
     */
    readonly recordHistory?: 'always' | 'for-rule';
}

/** `file:line:col: message` for each problem of a file, in the order of the file. */
export function located(file: URI, text: string, problems: readonly ConfigProblem[]): string[] {
    return problems.map(problem => {
        const where = lineAndColumn(text, problem.offset);
        return `${displayFile(fileURLToPath(file.toString()))}:${where.line}:${where.column}: ${problem.message}`;
    });
}

/** One line on stderr per symbolic link the run leaves alone; the run goes on without it. */
export function reportSkippedLink(link: string, what: 'folder' | 'file'): void {
    process.stderr.write(terminalText(`mandate: skipped ${displayFile(link)}: a symbolic link to a ${what} outside the checked folder; `
        + 'give --follow-symlinks to follow it\n'));
}

/** `--config` names a regular file (or a link to one): a FIFO would hang the run, a device never end it. */
async function checkExplicitConfig(file: string): Promise<void> {
    // Said as a missing policy path is: `mandate: nope.json: no such file or directory`.
    const info = await stat(file).catch(async (error: unknown) => { throw await unreachable(path.resolve(file), error); });
    if (!info.isFile()) throw new InputError(`${displayFile(path.resolve(file))}: is ${kindOf(info)}, not a regular file; --config takes a JSON file`);
}

/**
 * The mandate.config.json files at the roots that are symbolic links out of their folder: the run
 * treats them as absent (saying so), unless `--follow-symlinks`. Whether a link leaves the folder
 * is the engine's path resolver's answer, as in the editor (language/workspace/policy-path.ts); a
 * dangling link is left to the loader, which finds no file there.
 */
async function configLinksOut(roots: readonly string[]): Promise<Set<string>> {
    const hidden = new Set<string>();
    for (const root of roots) {
        if (locateWorkspacePath(CONFIG_FILE_NAME, URI.parse(root), NODE_PATH_PROBE).kind !== 'outside') continue;
        const file = path.join(fileURLToPath(root), CONFIG_FILE_NAME);
        if (!(await stat(file).catch(() => undefined))) continue;
        hidden.add(file);
        reportSkippedLink(file, 'file');
    }
    return hidden;
}

interface ReadConfig {
    readonly config: MandateConfig;
    readonly catalogues: LoadedProject['catalogues']['frameworks'];
    /** The directory export the drift rules compare with, read without problems. */
    readonly directory?: LoadedDirectory;
    /** The configuration and catalogue files read or named, as absolute paths. */
    readonly files: readonly string[];
    /** What was read of them, for a report's provenance. */
    readonly configurationFiles: readonly ConfigurationFile[];
}

/**
 * A broken configuration or catalogue file stops the run (exit 2), naming the file, line and
 * column of the first problem: a check against half a configuration would not be the team's check.
 */
async function readConfig(roots: readonly string[], file: string | undefined, followSymlinks: boolean): Promise<ReadConfig> {
    if (file) await checkExplicitConfig(file);
    const explicit = file ? URI.file(path.resolve(file)) : undefined;
    const hidden = file || followSymlinks ? new Set<string>() : await configLinksOut(roots);
    const loaded = await loadProject(new GuardedFileSystem(hidden), roots.map(root => URI.parse(root)), explicit, { followLinksOut: true }); // the CLI hides links out itself (configLinksOut) and reads regular files only
    const directory = loaded.directory.directory;
    const problems = loaded.file ? [
        ...located(loaded.file, loaded.text ?? '', [...loaded.problems, ...loaded.catalogues.configProblems, ...loaded.directory.configProblems]),
        ...loaded.catalogues.files.flatMap(catalogue => located(catalogue.uri, catalogue.text, catalogue.problems)),
        // A broken export stops the run like a broken catalogue: drift against half a directory is no check.
        ...(directory?.problems ?? []).map(problem => `${displayFile(directory!.uri.fsPath)}:${problem.location.line}:${problem.location.column}: ${problem.message}`)
    ] : [];
    const [first, ...rest] = problems;
    if (first) {
        const more = rest.length > 0 ? ` (and ${rest.length} more problem${rest.length === 1 ? '' : 's'})` : '';
        throw new InputError(`${first}${more}`);
    }
    const files = [loaded.file, ...loaded.catalogues.files.map(catalogue => catalogue.uri), ...loaded.catalogues.watched, ...loaded.directory.watched]
        .filter((uri): uri is URI => uri?.scheme === 'file').map(uri => uri.fsPath);
    return { config: loaded.config, catalogues: loaded.catalogues.frameworks, files, configurationFiles: configurationFiles(loaded), ...(directory ? { directory } : {}) };
}

/** Finds, reads and checks the policy files under `paths` (default `.`) as one workspace. */
export async function loadWorkspace(paths: readonly string[], options: LoadOptions): Promise<LoadedWorkspace> {
    const targets = paths.length > 0 ? paths : ['.'];
    const followSymlinks = options.followSymlinks ?? false;
    const files = await findPolicyFiles(targets, { allowNone: options.allowNoPolicy, followSymlinks, onSkippedLink: reportSkippedLink });
    const sources = await readPolicyFiles(files);
    const roots = await workspaceRoots(targets);
    const { config, catalogues, directory, files: configFiles, configurationFiles } = await readConfig(roots, options.config, followSymlinks);
    const history = options.recordHistory === 'always'
        || (options.recordHistory === 'for-rule' && config.rules.get(IssueCodes.RecordLate)?.severity !== 'off');
    const recordHistory = history ? roots.map(root => fileURLToPath(root)) : undefined;
    const { result, errors } = await withQuietConsole(() =>
        checkSources(sources, { asOf: options.asOf, roots, config, catalogues, directory, configurationFiles, fileSystem: NodeFileSystem.fileSystemProvider, recordHistory }));
    // Worked out when a command writes a file: walking every path the policy names costs a large
    // workspace's check to the terminal tens of milliseconds for nothing.
    let inputs: readonly string[] | undefined;
    return {
        files, roots, checked: result, internalErrors: errors,
        get inputs() {
            if (inputs === undefined) {
                const named = namedFiles(result.documents, result.services.shared.mandate.Settings).filter(uri => uri.scheme === 'file').map(uri => uri.fsPath);
                inputs = [...new Set([...files.map(file => path.resolve(file)), ...configFiles, ...named])];
            }
            return inputs;
        }
    };
}
