import { URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../language/config/config-loader.js';
import { lineAndColumn } from '../language/config/mandate-config.js';
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
}

/** A broken configuration stops the run (exit 2), naming the file, line and column of the first problem. */
async function readConfig(roots: readonly string[], file: string | undefined) {
    const explicit = file ? URI.file(path.resolve(file)) : undefined;
    const loaded = await loadConfig(NodeFileSystem.fileSystemProvider(), roots.map(root => URI.parse(root)), explicit);
    const [first, ...rest] = loaded.problems;
    if (first && loaded.file) {
        const where = lineAndColumn(loaded.text ?? '', first.offset);
        const more = rest.length > 0 ? ` (and ${rest.length} more problem${rest.length === 1 ? '' : 's'})` : '';
        throw new InputError(`${displayFile(fileURLToPath(loaded.file.toString()))}:${where.line}:${where.column}: ${first.message}${more}`);
    }
    return loaded.config;
}

/** Finds, reads and checks the policy files under `paths` (default `.`) as one workspace. */
export async function loadWorkspace(paths: readonly string[], options: LoadOptions): Promise<LoadedWorkspace> {
    const targets = paths.length > 0 ? paths : ['.'];
    const files = await findPolicyFiles(targets);
    const sources = await readPolicyFiles(files);
    const roots = await workspaceRoots(targets);
    const config = await readConfig(roots, options.config);
    const { result, errors } = await withQuietConsole(() =>
        checkSources(sources, { asOf: options.asOf, roots, config, fileSystem: NodeFileSystem.fileSystemProvider }));
    return { files, roots, checked: result, internalErrors: errors };
}
