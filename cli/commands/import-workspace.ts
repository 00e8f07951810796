import { realpath, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { CONFIG_FILE_NAME } from '../../language/config/mandate-config.js';
import { isPerson, type Model } from '../../language/generated/ast.js';
import { directoryKeyOf, isGeneratedText } from '../../language/import/people-file.js';
import type { DeclaredName } from '../../language/import/plan-import.js';
import type { MandateServices } from '../../language/mandate-module.js';
import { declarationsOf } from '../../language/workspace/declaration-index.js';
import { displayFile, findPolicyFiles, readPolicyFiles } from '../files.js';
import { reportSkippedLink } from '../load.js';
import { isInside } from '../regular-file.js';

/**
 * The folder of the policy the generated file joins, whose names the import must not reuse: the
 * folder of `--config` if it holds the target; else the nearest folder holding mandate.config.json,
 * from the target's folder up to the working folder (up to the file system's root for a target
 * outside it), since `check` is run where the configuration is; else the working folder, where
 * `mandate check` with no path looks, if it holds the target; else the target's own folder.
 */
export async function importWorkspace(target: string, config: string | undefined, cwd = process.cwd()): Promise<string> {
    const folder = await realFolder(path.dirname(target));
    const working = await realFolder(cwd);
    if (config !== undefined) {
        const configured = await realFolder(path.dirname(path.resolve(config)));
        if (isInside(folder, configured)) return configured;
    }
    const inWorking = isInside(folder, working);
    for (let current = folder; ; current = path.dirname(current)) {
        if ((await stat(path.join(current, CONFIG_FILE_NAME)).catch(() => undefined))?.isFile()) return current;
        if ((inWorking && current === working) || path.dirname(current) === current) break;
    }
    return inWorking ? working : folder;
}

/**
 * A folder's real path, as far as it exists (`-o people/` may name a folder still to be made):
 * a target given through a symbolic link (macOS's /tmp) must still be found inside the working folder.
 */
async function realFolder(folder: string): Promise<string> {
    const absolute = path.resolve(folder);
    const parent = path.dirname(absolute);
    const real = await realpath(absolute).catch(() => undefined);
    if (real !== undefined) return real;
    return parent === absolute ? absolute : path.join(await realFolder(parent), path.basename(absolute));
}

/**
 * Every name declared in the workspace's policy files but the target: a role, a responsibility or
 * a hand-written person named as a new person's ID would be a duplicate name. People also bring
 * their e-mail address and, in another generated file, their directory key. One parse per file,
 * no linking: a workspace of hundreds of files is read in about the time `check` takes to parse it.
 */
export async function declaredNames(services: MandateServices, root: string, target: string): Promise<DeclaredName[]> {
    if (!(await stat(root).catch(() => undefined))?.isDirectory()) return [];
    const realTarget = await realpath(target).catch(() => path.resolve(target));
    const found = await findPolicyFiles([root], { allowNone: true, onSkippedLink: reportSkippedLink });
    const files: string[] = [];
    for (const file of found) {
        // Only a file of the target's name can be it: one real path asked for, not one per file.
        if (path.basename(file) === path.basename(target) && await realpath(file).catch(() => path.resolve(file)) === realTarget) continue;
        files.push(file);
    }
    const declared: DeclaredName[] = [];
    const sources = await readPolicyFiles(files);
    for (const [index, source] of sources.entries()) {
        const shown = displayFile(path.resolve(files[index])).split(path.sep).join('/');
        const generated = isGeneratedText(source.text);
        const model = services.parser.LangiumParser.parse<Model>(source.text).value;
        for (const [name, declarations] of declarationsOf(model).declarationsByName) {
            for (const declaration of declarations) {
                const line = (declaration.$cstNode?.range.start.line ?? 0) + 1;
                const entry: { -readonly [K in keyof DeclaredName]: DeclaredName[K] } = { id: name, place: `${shown}:${line}` };
                if (isPerson(declaration)) {
                    if (declaration.email) entry.email = declaration.email;
                    const key = generated ? directoryKeyOf(declaration) : undefined;
                    if (generated) entry.generatedFile = shown;
                    if (key !== undefined) entry.key = key;
                }
                declared.push(entry);
            }
        }
    }
    return declared;
}
