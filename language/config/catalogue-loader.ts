import { UriUtils, type FileSystemProvider, type URI } from 'langium';
import { BUILT_IN_FRAMEWORKS } from '../standards/catalogue.js';
import type { CustomFrameworkDefinition } from '../standards/requirement-catalogue.js';
import { resolveWorkspacePath } from '../util/policy-paths.js';
import { pathProbeFor } from '../workspace/path-probe.js';
import { locateWorkspacePath } from '../workspace/policy-path.js';
import { parseCatalogueFile } from './catalogue-file.js';
import type { CataloguePath, ConfigProblem, MandateConfig } from './mandate-config.js';

/** A catalogue file that was read, with its problems (none when it is clean), for diagnostics on it. */
export interface CatalogueFileResult {
    readonly uri: URI;
    /** Its path as the configuration names it, relative to the workspace folder. */
    readonly path: string;
    readonly text: string;
    readonly problems: readonly ConfigProblem[];
}

export interface LoadedCatalogues {
    /** The frameworks that apply: each prefix once, none redefining a built-in framework. */
    readonly frameworks: readonly CustomFrameworkDefinition[];
    readonly files: readonly CatalogueFileResult[];
    /** Problems with the "catalogues" entries themselves, shown on the configuration file. */
    readonly configProblems: readonly ConfigProblem[];
    /** Files whose change means reading the catalogues again: each named path and where it really lives. */
    readonly watched: readonly URI[];
}

export const NO_CATALOGUES: LoadedCatalogues = { frameworks: [], files: [], configProblems: [], watched: [] };

const BUILT_IN_NAMES = new Map(BUILT_IN_FRAMEWORKS.map(framework => [framework.prefix, framework.name]));

function at(entry: CataloguePath, message: string): ConfigProblem {
    return { offset: entry.offset, length: entry.length, message };
}

/**
 * Reads the catalogue files `config` names. Paths are relative to the folder of the configuration
 * file (the workspace folder) and must stay inside it, also after following symbolic links: a path
 * that leads outside is a problem and is never read. A prefix is defined once: a framework that
 * redefines a built-in one, or one of an earlier file (in the order the configuration lists them),
 * is a problem on its prefix and does not apply. Never throws.
 */
export async function loadCatalogues(fileSystem: FileSystemProvider, config: MandateConfig, configFile: URI): Promise<LoadedCatalogues> {
    const entries = config.catalogues ?? [];
    if (entries.length === 0) return NO_CATALOGUES;
    const root = UriUtils.dirname(configFile);
    const frameworks: CustomFrameworkDefinition[] = [];
    const files: CatalogueFileResult[] = [];
    const configProblems: ConfigProblem[] = [];
    const watched: URI[] = [];
    const read = new Set<string>();
    const definedIn = new Map<string, string>();
    const probe = pathProbeFor(fileSystem);
    for (const entry of entries) {
        const resolved = resolveWorkspacePath(entry.path, root);
        if (resolved.kind === 'outside') {
            configProblems.push(at(entry, `'${entry.path}' is outside the workspace folder (${resolved.reason}); catalogue files are only read from inside it.`));
            continue;
        }
        watched.push(resolved.uri);
        // The same resolver as a policy's evidence paths: links followed, never out of the folder, never a FIFO.
        const located = locateWorkspacePath(entry.path, root, probe);
        if (located.kind === 'outside') {
            configProblems.push(at(entry, `'${entry.path}' leads outside the workspace folder through a symbolic link; catalogue files are only read from inside it.`));
            continue;
        }
        const found = located.entry;
        if (found.type === 'unreadable') {
            configProblems.push(at(entry, `Cannot read '${entry.path}': ${found.reason}.`));
            continue;
        }
        if (found.type === 'special' || found.type === 'directory') {
            const what = found.type === 'special' ? found.what : 'a folder';
            configProblems.push(at(entry, `'${entry.path}' is ${what}, not a catalogue file; catalogue files are only read from regular files.`));
            continue;
        }
        if (found.type === 'missing') {
            configProblems.push(at(entry, `'${entry.path}' does not exist in the workspace folder; check the path, which is relative to the folder of mandate.config.json.`));
            continue;
        }
        const location = { uri: found.real };
        if (location.uri.toString() !== resolved.uri.toString()) watched.push(location.uri);
        if (read.has(location.uri.toString())) {
            configProblems.push(at(entry, `'${entry.path}' is already listed; name each catalogue file once.`));
            continue;
        }
        read.add(location.uri.toString());
        let text: string;
        try {
            text = await fileSystem.readFile(location.uri);
        } catch (error) {
            configProblems.push(at(entry, `Cannot read '${entry.path}': ${(error as Error).message}`));
            continue;
        }
        const parsed = parseCatalogueFile(text);
        const problems = [...parsed.problems];
        for (const framework of parsed.frameworks) {
            const where = { offset: framework.prefixOffset, length: framework.prefixLength };
            const builtIn = BUILT_IN_NAMES.get(framework.prefix);
            const earlier = definedIn.get(framework.prefix);
            if (builtIn !== undefined) {
                problems.push({ ...where, message: `'${framework.prefix}' is the built-in framework ${builtIn}; give your own framework a prefix of its own, e.g. ACME or ACME-SEC.` });
            } else if (earlier !== undefined) {
                const place = earlier === resolved.relative ? 'earlier in this file' : `in ${earlier}`;
                problems.push({ ...where, message: `Framework '${framework.prefix}' is already defined ${place}; a framework is defined once, so merge the two or give this one another prefix.` });
            } else {
                definedIn.set(framework.prefix, resolved.relative);
                frameworks.push({
                    prefix: framework.prefix, name: framework.name, requirements: framework.requirements,
                    origin: 'catalogue-file', source: resolved.relative
                });
            }
        }
        files.push({ uri: resolved.uri, path: resolved.relative, text, problems: problems.sort((a, b) => a.offset - b.offset) });
    }
    return { frameworks, files, configProblems, watched };
}
