import { AstUtils, type LangiumDocument, type URI } from 'langium';
import type { MandateSettings } from '../mandate-settings.js';
import { forEachPolicyPath } from '../rules/policy-paths.js';
import type { WorkspaceModel } from './workspace-model.js';

/**
 * The policy documents that name one of `files` as a job description or evidence. When such a
 * file appears or disappears, only these documents need checking again (evidence-missing).
 * The index is built once per workspace snapshot, and only when a file event asks for it.
 */
export function documentsReferencing(model: WorkspaceModel, settings: MandateSettings, files: readonly URI[]): LangiumDocument[] {
    if (files.length === 0) return [];
    const index = model.cached('referenced-files', () => {
        const byFile = new Map<string, Set<LangiumDocument>>();
        for (const document of model.documents) {
            const root = settings.rootOf(document.uri);
            if (!root) continue;
            for (const node of AstUtils.streamAst(document.parseResult.value)) {
                forEachPolicyPath(node, root, occurrence => {
                    if (occurrence.resolved.kind !== 'inside') return;
                    const key = occurrence.resolved.uri.toString();
                    const documents = byFile.get(key) ?? new Set<LangiumDocument>();
                    documents.add(document);
                    byFile.set(key, documents);
                });
            }
        }
        return byFile;
    });
    return [...new Set(files.flatMap(file => [...(index.get(file.toString()) ?? [])]))];
}
