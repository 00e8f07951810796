/**
 * What the VS Code extension puts in `initializationOptions`: it shows the rule pages under
 * `mandate-doc:` itself (client/rule-docs.ts). Another editor cannot open such a link, so the
 * server gives it the pages as files (rule-docs-base.ts). No Node.js module here: the client imports it.
 */
export const SERVED_RULE_DOCS = { ruleDocs: 'mandate-doc' } as const;

/** Whether the client's `initializationOptions` say it serves the rule pages (SERVED_RULE_DOCS). */
export function clientServesRuleDocs(initializationOptions: unknown): boolean {
    return typeof initializationOptions === 'object' && initializationOptions !== null
        && (initializationOptions as { ruleDocs?: unknown }).ruleDocs === SERVED_RULE_DOCS.ruleDocs;
}
