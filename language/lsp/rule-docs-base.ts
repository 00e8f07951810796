import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Where the VS Code extension serves the rule pages (client/rule-docs.ts: `mandate-doc:/rules/<id>.md`). */
export const EXTENSION_RULE_DOCS = 'mandate-doc:/rules/';

/**
 * Where diagnostics and hovers link each rule's page (`<base><rule-id>.md`), for a server bundle
 * at `serverUrl` (out/server/main.cjs): the repository's docs/rules/ folder when the server runs
 * from a clone, whose files any editor opens; otherwise the installed extension, which ships the
 * pages as one file (out/rule-docs.json) and serves them itself.
 */
export function ruleDocsBase(serverUrl: string): string {
    const folder = new URL('../../docs/rules/', serverUrl);
    return folder.protocol === 'file:' && existsSync(fileURLToPath(folder)) ? folder.href : EXTENSION_RULE_DOCS;
}
