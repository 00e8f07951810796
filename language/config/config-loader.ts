import { UriUtils, type FileSystemProvider, type URI } from 'langium';
import { RULES_BY_ID } from '../rules/index.js';
import { loadCatalogues, NO_CATALOGUES, type LoadedCatalogues } from './catalogue-loader.js';
import { CONFIG_FILE_NAME, EMPTY_CONFIG, parseConfig, type ConfigProblem, type MandateConfig } from './mandate-config.js';

export interface LoadedConfig {
    readonly config: MandateConfig;
    /** The file that was read, if any. */
    readonly file?: URI;
    readonly text?: string;
    readonly problems: readonly ConfigProblem[];
}

/** Reads `file`, or mandate.config.json from the first workspace folder that has one. Never throws. */
export async function loadConfig(fileSystem: FileSystemProvider, roots: readonly URI[], file?: URI): Promise<LoadedConfig> {
    const candidates = file ? [file] : roots.map(root => UriUtils.joinPath(root, CONFIG_FILE_NAME));
    for (const candidate of candidates) {
        if (!file && !(await fileSystem.exists(candidate).catch(() => false))) continue;
        let text: string;
        try {
            text = await fileSystem.readFile(candidate);
        } catch (error) {
            return { config: EMPTY_CONFIG, file: candidate, problems: [{ offset: 0, length: 1, message: `Cannot read the configuration: ${(error as Error).message}` }] };
        }
        const parsed = parseConfig(text, RULES_BY_ID);
        return { config: parsed.config, file: candidate, text, problems: parsed.problems };
    }
    return { config: EMPTY_CONFIG, problems: [] };
}

export function isConfigFile(uri: URI): boolean {
    return UriUtils.basename(uri) === CONFIG_FILE_NAME;
}

export interface LoadedProject extends LoadedConfig {
    readonly catalogues: LoadedCatalogues;
}

/** The configuration and the catalogue files it names, as the CLI and the language server apply them. Never throws. */
export async function loadProject(fileSystem: FileSystemProvider, roots: readonly URI[], file?: URI): Promise<LoadedProject> {
    const loaded = await loadConfig(fileSystem, roots, file);
    const catalogues = loaded.file ? await loadCatalogues(fileSystem, loaded.config, loaded.file) : NO_CATALOGUES;
    return { ...loaded, catalogues };
}
