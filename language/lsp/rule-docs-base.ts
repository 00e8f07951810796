import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { RULE_DOCS_FILE } from './mandate-protocol.js';
import { userCacheFolder, writeRulePages } from './rule-docs-files.js';

/** Where the VS Code extension serves the rule pages (client/rule-docs.ts: `mandate-doc:/rules/<id>.md`). */
export const EXTENSION_RULE_DOCS = 'mandate-doc:/rules/';

export interface RuleDocsBase {
    /** `<base><rule-id>.md` is a rule's page; undefined when no page can be linked. */
    readonly base: string | undefined;
    /** Why there are no links, for the server's log. */
    readonly problem?: string;
}

/**
 * Where diagnostics and hovers link each rule's page (`<base><rule-id>.md`), for a server bundle at
 * `serverUrl` (out/server/main.cjs):
 * - the repository's docs/rules/ folder when the server runs from a clone: any editor opens its files;
 * - `mandate-doc:/rules/` when the client serves the pages (the installed VS Code extension, which
 *   ships them as one file, out/rule-docs.json.br);
 * - for any other client of an installed server (Neovim, Emacs, …), the pages of that file written
 *   once to the user's cache folder (rule-docs-files.ts);
 * - no link when none of these can be had: better than a link that opens nothing.
 */
export function ruleDocsBase(serverUrl: string, clientServes: boolean, cacheFolder: () => string = userCacheFolder): RuleDocsBase {
    const folder = new URL('../../docs/rules/', serverUrl);
    if (folder.protocol === 'file:' && existsSync(fileURLToPath(folder))) return { base: folder.href };
    if (clientServes) return { base: EXTENSION_RULE_DOCS };
    const pages = new URL(`../${RULE_DOCS_FILE}`, serverUrl);
    if (pages.protocol !== 'file:' || !existsSync(fileURLToPath(pages))) {
        return { base: undefined, problem: `Rule pages are not linked: neither docs/rules/ nor ${pages.href} is beside the server.` };
    }
    try {
        // vsce stores the README as readme.md; a clone's or a copy's is README.md.
        const readme = ['../../README.md', '../../readme.md'].map(name => fileURLToPath(new URL(name, serverUrl))).find(existsSync);
        const written = writeRulePages(fileURLToPath(pages), readme, cacheFolder());
        return { base: `${pathToFileURL(written).href}/` };
    } catch (error) {
        return { base: undefined, problem: `Rule pages are not linked: they could not be written to the cache folder (${error instanceof Error ? error.message : String(error)}).` };
    }
}
