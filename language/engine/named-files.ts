import { AstUtils, type LangiumDocument, type URI } from 'langium';
import type { MandateSettings } from '../mandate-settings.js';
import { forEachPolicyPath } from '../rules/policy-paths.js';

/**
 * Every file inside the workspace that the documents name as a job description or evidence,
 * whether or not it exists: the CLI never writes its output over one. Paths resolve as the rules
 * and the report resolve them (rules/policy-paths.ts); references and paths that leave the
 * workspace name no file here.
 */
export function namedFiles(documents: Iterable<LangiumDocument>, settings: MandateSettings): URI[] {
    const found = new Map<string, URI>();
    for (const document of documents) {
        const root = settings.rootOf(document.uri);
        if (!root) continue;
        for (const node of AstUtils.streamAst(document.parseResult.value)) {
            forEachPolicyPath(node, root, occurrence => {
                if (occurrence.resolved.kind === 'inside') found.set(occurrence.resolved.uri.toString(), occurrence.resolved.uri);
            });
        }
    }
    return [...found.values()];
}
