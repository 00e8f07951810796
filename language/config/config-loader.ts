import { UriUtils, type FileSystemProvider, type URI } from 'langium';
import { loadDirectory, NO_DIRECTORY, type DirectorySource } from '../directory/directory-loader.js';
import { RULES_BY_ID } from '../rules/index.js';
import { pathProbeFor } from '../workspace/path-probe.js';
import { locateWorkspacePath } from '../workspace/policy-path.js';
import { loadCatalogues, NO_CATALOGUES, type LoadedCatalogues } from './catalogue-loader.js';
import { CONFIG_FILE_NAME, EMPTY_CONFIG, parseConfig, type ConfigProblem, type MandateConfig } from './mandate-config.js';

export interface LoadedConfig {
    readonly config: MandateConfig;
    /** The file that was read, if any. */
    readonly file?: URI;
    readonly text?: string;
    readonly problems: readonly ConfigProblem[];
}

export interface LoadOptions {
    /** Read a mandate.config.json at a root that is a symbolic link out of it (the CLI's `--follow-symlinks`). */
    readonly followLinksOut?: boolean;
}

/**
 * Reads `file`, or mandate.config.json from the first workspace folder that has one. Never throws.
 * A file found at a root is looked up like any path a policy names: a symbolic link out of the
 * folder is not followed (unless `followLinksOut`), and a FIFO or device is never opened (it would
 * hang the language server); both are problems of the configuration, not a silent default.
 */
export async function loadConfig(fileSystem: FileSystemProvider, roots: readonly URI[], file?: URI, options: LoadOptions = {}): Promise<LoadedConfig> {
    if (file) return readConfigFile(fileSystem, file);
    for (const root of roots) {
        const candidate = UriUtils.joinPath(root, CONFIG_FILE_NAME);
        if (options.followLinksOut) {
            if (await fileSystem.exists(candidate).catch(() => false)) return readConfigFile(fileSystem, candidate);
            continue;
        }
        const located = locateWorkspacePath(CONFIG_FILE_NAME, root, pathProbeFor(fileSystem));
        if (located.kind === 'outside') return refused(candidate, `${located.reason}; the configuration is only read from inside it`);
        const entry = located.entry;
        if (entry.type === 'missing') continue;
        if (entry.type === 'special') return refused(candidate, `it is ${entry.what}, not a regular file; it was not opened`);
        if (entry.type === 'unreadable') return refused(candidate, `it cannot be looked up: ${entry.reason}`);
        if (entry.type === 'directory') return refused(candidate, 'it is a folder, not a JSON file');
        return readConfigFile(fileSystem, candidate);
    }
    return { config: EMPTY_CONFIG, problems: [] };
}

async function readConfigFile(fileSystem: FileSystemProvider, candidate: URI): Promise<LoadedConfig> {
    let text: string;
    try {
        text = await fileSystem.readFile(candidate);
    } catch (error) {
        return { config: EMPTY_CONFIG, file: candidate, problems: [{ offset: 0, length: 1, message: `Cannot read the configuration: ${(error as Error).message}` }] };
    }
    const parsed = parseConfig(text, RULES_BY_ID);
    return { config: parsed.config, file: candidate, text, problems: parsed.problems };
}

function refused(candidate: URI, why: string): LoadedConfig {
    return { config: EMPTY_CONFIG, file: candidate, text: '', problems: [{ offset: 0, length: 0, message: `${CONFIG_FILE_NAME} is not read: ${why}.` }] };
}

export function isConfigFile(uri: URI): boolean {
    return UriUtils.basename(uri) === CONFIG_FILE_NAME;
}

export interface LoadedProject extends LoadedConfig {
    readonly catalogues: LoadedCatalogues;
    readonly directory: DirectorySource;
}

/** A file read besides the policy that decides what a check reports, with the text that was read. */
export interface ConfigurationFile {
    readonly uri: URI;
    readonly text: string;
}

/**
 * The configuration, the catalogue files it names and the directory export, as read: a report's
 * provenance hashes them with the policy files, since each changes what the report says.
 */
export function configurationFiles(project: LoadedProject): ConfigurationFile[] {
    const files: ConfigurationFile[] = [];
    if (project.file && project.text !== undefined) files.push({ uri: project.file, text: project.text });
    for (const catalogue of project.catalogues.files) files.push({ uri: catalogue.uri, text: catalogue.text });
    const directory = project.directory.directory;
    if (directory) files.push({ uri: directory.uri, text: directory.text });
    return files;
}

/** The configuration and the catalogue files it names, as the CLI and the language server apply them. Never throws. */
export async function loadProject(fileSystem: FileSystemProvider, roots: readonly URI[], file?: URI, options: LoadOptions = {}): Promise<LoadedProject> {
    const loaded = await loadConfig(fileSystem, roots, file, options);
    const catalogues = loaded.file ? await loadCatalogues(fileSystem, loaded.config, loaded.file) : NO_CATALOGUES;
    const directory = loaded.file ? await loadDirectory(fileSystem, loaded.config, loaded.file) : NO_DIRECTORY;
    return { ...loaded, catalogues, directory };
}
