import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { brotliDecompressSync } from 'node:zlib';
import { isAbsolute, join } from 'node:path';

const RULE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * The user's cache folder, where an editor other than VS Code finds the rule pages as files:
 * XDG_CACHE_HOME or ~/.cache, ~/Library/Caches on macOS, %LOCALAPPDATA% on Windows.
 */
export function userCacheFolder(environment: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
    const xdg = environment.XDG_CACHE_HOME;
    if (xdg && isAbsolute(xdg)) return xdg;
    if (platform === 'darwin') return join(homedir(), 'Library', 'Caches');
    if (platform === 'win32') return environment.LOCALAPPDATA && isAbsolute(environment.LOCALAPPDATA) ? environment.LOCALAPPDATA : join(homedir(), 'AppData', 'Local');
    return join(homedir(), '.cache');
}

/**
 * Writes the rule pages an installed server ships as one file (out/rule-docs.json.br, esbuild.mjs) as
 * `<cache>/mandate/rule-docs/<hash>/docs/rules/<id>.md`, with the README beside `docs/` so the pages'
 * `../../README.md` links resolve, and returns the folder of the pages. The folder is named by the
 * content, so each release writes its pages once and a server never reads another release's; it is
 * written under a temporary name and renamed, so a reader never sees it half-written, and two
 * servers starting at once both end with the same complete folder. Throws when it cannot be written.
 */
export function writeRulePages(pagesFile: string, readmeFile: string | undefined, cacheFolder: string): string {
    const pagesText = brotliDecompressSync(readFileSync(pagesFile)).toString('utf8');
    const parsed = JSON.parse(pagesText) as unknown;
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error(`${pagesFile} does not hold the rule pages`);
    const pages = Object.entries(parsed).filter((entry): entry is [string, string] => RULE_ID.test(entry[0]) && typeof entry[1] === 'string');
    const readme = readmeFile !== undefined ? readFileSync(readmeFile, 'utf8') : undefined;
    const hash = createHash('sha256').update(pagesText).update('\0').update(readme ?? '').digest('hex').slice(0, 16);
    const parent = join(cacheFolder, 'mandate', 'rule-docs');
    const folder = join(parent, hash);
    const rules = join(folder, 'docs', 'rules');
    if (existsSync(rules)) return rules;
    mkdirSync(parent, { recursive: true });
    const staging = mkdtempSync(join(parent, `.${hash}-`));
    try {
        mkdirSync(join(staging, 'docs', 'rules'), { recursive: true });
        for (const [rule, page] of pages) writeFileSync(join(staging, 'docs', 'rules', `${rule}.md`), page);
        if (readme !== undefined) writeFileSync(join(staging, 'README.md'), readme);
        renameSync(staging, folder);
    } catch (error) {
        rmSync(staging, { recursive: true, force: true });
        // Another server wrote the same pages first: theirs are complete and the same.
        if (existsSync(rules)) return rules;
        throw error;
    }
    return rules;
}
