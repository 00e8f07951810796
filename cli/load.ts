import { NodeFileSystem } from 'langium/node';
import { checkSources, type CheckedWorkspace } from '../language/engine/check-sources.js';
import { findPolicyFiles, readPolicyFiles, workspaceRoots } from './files.js';
import { withQuietConsole } from './quiet-console.js';

export interface LoadedWorkspace {
    readonly files: readonly string[];
    readonly roots: readonly string[];
    readonly checked: CheckedWorkspace;
    /** Failures the engine caught and logged; a run with any is never reported as clean. */
    readonly internalErrors: readonly string[];
}

/** Finds, reads and checks the policy files under `paths` (default `.`) as one workspace. */
export async function loadWorkspace(paths: readonly string[], asOf: string | undefined): Promise<LoadedWorkspace> {
    const targets = paths.length > 0 ? paths : ['.'];
    const files = await findPolicyFiles(targets);
    const sources = await readPolicyFiles(files);
    const roots = await workspaceRoots(targets);
    const { result, errors } = await withQuietConsole(() =>
        checkSources(sources, { asOf, roots, fileSystem: NodeFileSystem.fileSystemProvider }));
    return { files, roots, checked: result, internalErrors: errors };
}
