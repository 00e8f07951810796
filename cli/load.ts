import { URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadProject, type LoadedProject } from '../language/config/config-loader.js';
import { lineAndColumn, type ConfigProblem, type MandateConfig } from '../language/config/mandate-config.js';
import { checkSources, type CheckedWorkspace } from '../language/engine/check-sources.js';
import { displayFile, findPolicyFiles, InputError, readPolicyFiles, workspaceRoots } from './files.js';
import { withQuietConsole } from './quiet-console.js';

export interface LoadedWorkspace {
    readonly files: readonly string[];
    readonly roots: readonly string[];
    readonly checked: CheckedWorkspace;
    /** Failures the engine caught and logged; a run with any is never reported as clean. */
    readonly internalErrors: readonly string[];
}

export interface LoadOptions {
    readonly asOf?: string;
    /** An explicit mandate.config.json; otherwise the one at the root of the first folder that has one. */
    readonly config?: string;
    /** A folder without policy files is an empty workspace rather than an input error. */
    readonly allowNoPolicy?: boolean;
}

/** `file:line:col: message` for each problem of a file, in the order of the file. */
function located(file: URI, text: string, problems: readonly ConfigProblem[]): string[] {
    return problems.map(problem => {
        const where = lineAndColumn(text, problem.offset);
        return `${displayFile(fileURLToPath(file.toString()))}:${where.line}:${where.column}: ${problem.message}`;
    });
}

/**
 * A broken configuration or catalogue file stops the run (exit 2), naming the file, line and
 * column of the first problem: a check against half a configuration would not be the team's check.
 */
async function readConfig(roots: readonly string[], file: string | undefined): Promise<{ config: MandateConfig; catalogues: LoadedProject['catalogues']['frameworks'] }> {
    const explicit = file ? URI.file(path.resolve(file)) : undefined;
    const loaded = await loadProject(NodeFileSystem.fileSystemProvider(), roots.map(root => URI.parse(root)), explicit);
    const problems = loaded.file ? [
        ...located(loaded.file, loaded.text ?? '', [...loaded.problems, ...loaded.catalogues.configProblems]),
        ...loaded.catalogues.files.flatMap(catalogue => located(catalogue.uri, catalogue.text, catalogue.problems))
    ] : [];
    const [first, ...rest] = problems;
    if (first) {
        const more = rest.length > 0 ? ` (and ${rest.length} more problem${rest.length === 1 ? '' : 's'})` : '';
        throw new InputError(`${first}${more}`);
    }
    return { config: loaded.config, catalogues: loaded.catalogues.frameworks };
}

/** Finds, reads and checks the policy files under `paths` (default `.`) as one workspace. */
export async function loadWorkspace(paths: readonly string[], options: LoadOptions): Promise<LoadedWorkspace> {
    const targets = paths.length > 0 ? paths : ['.'];
    const files = await findPolicyFiles(targets, options.allowNoPolicy);
    const sources = await readPolicyFiles(files);
    const roots = await workspaceRoots(targets);
    const { config, catalogues } = await readConfig(roots, options.config);
    const { result, errors } = await withQuietConsole(() =>
        checkSources(sources, { asOf: options.asOf, roots, config, catalogues, fileSystem: NodeFileSystem.fileSystemProvider }));
    return { files, roots, checked: result, internalErrors: errors };
}
