import { UriUtils, type FileSystemProvider, type URI } from 'langium';
import { utf8Text } from '../import/utf8-text.js';
import type { ConfigProblem, MandateConfig } from '../config/mandate-config.js';
import type { DirectoryConfig } from '../config/directory-config.js';
import type { DirectoryProblem, DirectoryRecord } from '../import/directory-record.js';
import { readDirectory } from '../import/read-directory.js';
import { resolveWorkspacePath } from '../util/policy-paths.js';
import { pathProbeFor } from '../workspace/path-probe.js';
import { locateWorkspacePath } from '../workspace/policy-path.js';

/** The directory export as read for the drift rules. */
export interface LoadedDirectory {
    /** The file, as the configuration names it (its real location may differ through a link). */
    readonly uri: URI;
    /** Workspace-relative path: how findings name it, `hr/people.csv:12`. */
    readonly path: string;
    readonly text: string;
    /** Empty when the export has problems: drift against half a directory would report everyone missing. */
    readonly records: readonly DirectoryRecord[];
    /** Problems in the export, with their line and column; the drift rules are silent while there is any. */
    readonly problems: readonly DirectoryProblem[];
    /** What the export was read as, e.g. "CSV (BambooHR preset, detected)". */
    readonly description: string;
    readonly config: DirectoryConfig;
}

export interface DirectorySource {
    /** Absent when none is configured or the file could not be read (then `configProblems` says why). */
    readonly directory?: LoadedDirectory;
    /** Problems with `directory.source` itself, shown on the configuration file. */
    readonly configProblems: readonly ConfigProblem[];
    /** Files whose change means reading the directory again: the named path and where it really lives. */
    readonly watched: readonly URI[];
}

export const NO_DIRECTORY: DirectorySource = { configProblems: [], watched: [] };

/**
 * Reads the export `config.directory` names, with the same path rules as catalogue files: relative
 * to the configuration's folder, never outside it (also through symbolic links), regular files only.
 * A missing file is a problem on `source`, not an empty directory. Never throws.
 */
export async function loadDirectory(fileSystem: FileSystemProvider, config: MandateConfig, configFile: URI): Promise<DirectorySource> {
    const settings = config.directory;
    if (!settings) return NO_DIRECTORY;
    const entry = settings.source;
    const problem = (message: string): ConfigProblem => ({ offset: entry.offset, length: entry.length, message });
    const root = UriUtils.dirname(configFile);
    const resolved = resolveWorkspacePath(entry.path, root);
    if (resolved.kind === 'outside') {
        return { configProblems: [problem(`'${entry.path}' is outside the workspace folder (${resolved.reason}); the directory is only read from inside it.`)], watched: [] };
    }
    const watched = [resolved.uri];
    const located = locateWorkspacePath(entry.path, root, pathProbeFor(fileSystem));
    if (located.kind === 'outside') {
        return { configProblems: [problem(`'${entry.path}' leads outside the workspace folder through a symbolic link; the directory is only read from inside it.`)], watched };
    }
    const found = located.entry;
    switch (found.type) {
        case 'unreadable': return { configProblems: [problem(`Cannot read the directory '${entry.path}': ${found.reason}.`)], watched };
        case 'special': return { configProblems: [problem(`'${entry.path}' is ${found.what}, not a directory export; it is only read from a regular file.`)], watched };
        case 'directory': return { configProblems: [problem(`'${entry.path}' is a folder; name the export file itself, e.g. "hr/people.csv".`)], watched };
        case 'missing': return { configProblems: [problem(`The directory '${entry.path}' does not exist in the workspace folder; the drift rules need it. Check the path, which is relative to the folder of mandate.config.json.`)], watched };
    }
    if (found.real.toString() !== resolved.uri.toString()) watched.push(found.real);
    let bytes: Uint8Array;
    try {
        bytes = await fileSystem.readBinary(found.real);
    } catch (error) {
        return { configProblems: [problem(`Cannot read the directory '${entry.path}': ${(error as Error).message}`)], watched };
    }
    const decoded = utf8Text(bytes, resolved.relative);
    if ('problem' in decoded) {
        // Not read at all: drift against misread names would report people missing who are there.
        const directory: LoadedDirectory = { uri: resolved.uri, path: resolved.relative, text: '', config: settings, description: 'not UTF-8', records: [], problems: [decoded.problem] };
        return { directory, configProblems: [], watched };
    }
    return { directory: directoryFromText(decoded.text, resolved.uri, resolved.relative, settings), configProblems: [], watched };
}

/** The export's text read as the configuration says; `path` is the workspace-relative name findings give it. */
export function directoryFromText(text: string, uri: URI, path: string, config: DirectoryConfig): LoadedDirectory {
    const read = readDirectory(text, path, config.settings);
    return {
        uri, path, text, config, description: read.description,
        records: read.problems.length > 0 ? [] : read.records, problems: read.problems
    };
}
