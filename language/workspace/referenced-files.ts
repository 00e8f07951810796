import { AstUtils, type LangiumDocument, type URI } from 'langium';
import type { MandateSettings } from '../mandate-settings.js';
import { forEachPolicyPath } from '../rules/policy-paths.js';

/**
 * The policy documents that name one of `files` as a job description or evidence. When such a
 * file appears or disappears, only these documents need checking again (evidence-missing).
 * It reads only the syntax trees, never a reference: it runs before the update it feeds, when
 * some documents may not be linked, and resolving their names then would fix them too early.
 */
export function documentsReferencing(documents: Iterable<LangiumDocument>, settings: MandateSettings, files: readonly URI[]): LangiumDocument[] {
    if (files.length === 0) return [];
    const wanted = new Set(files.map(file => file.toString()));
    const result: LangiumDocument[] = [];
    for (const document of documents) {
        const root = settings.rootOf(document.uri);
        if (!root) continue;
        let names = false;
        for (const node of AstUtils.streamAst(document.parseResult.value)) {
            forEachPolicyPath(node, root, occurrence => {
                if (occurrence.resolved.kind === 'inside' && wanted.has(occurrence.resolved.uri.toString())) names = true;
            });
            if (names) break;
        }
        if (names) result.push(document);
    }
    return result;
}
