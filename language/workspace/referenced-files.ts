import type { LangiumDocument, URI } from 'langium';
import type { MandateSettings } from '../mandate-settings.js';
import { forEachNamedFile } from '../rules/policy-paths.js';
import { syntaxNodes } from '../util/syntax-nodes.js';

/**
 * Every file inside the workspace that `document` names as a job description or evidence, in the
 * order of the text, whether or not it exists. Paths resolve as the rules and the report resolve
 * them (rules/policy-paths.ts); references and paths that leave the workspace name no file here.
 * It reads only the syntax tree, never a reference, and stops where its caller stops reading.
 */
export function* filesNamedBy(document: LangiumDocument, settings: MandateSettings): Generator<URI> {
    const root = settings.rootOf(document.uri);
    if (!root) return;
    const found: URI[] = []; // one list for the document: a 100,000-line workspace has 170,000 nodes, few of which name a file
    for (const node of syntaxNodes(document.parseResult.value)) {
        forEachNamedFile(node, root, file => found.push(file));
        if (found.length === 0) continue;
        yield* found;
        found.length = 0;
    }
}

/**
 * The policy documents that name one of `files` as a job description or evidence, or a file under
 * one of them: an editor announces a folder deleted, renamed or re-pointed (a symbolic link) by
 * that folder's event alone. When such a file or folder appears or disappears, only these
 * documents need checking again (evidence-missing, path-outside-workspace).
 * It reads only the syntax trees, never a reference: it runs before the update it feeds, when
 * some documents may not be linked, and resolving their names then would fix them too early.
 */
export function documentsReferencing(documents: Iterable<LangiumDocument>, settings: MandateSettings, files: readonly URI[]): LangiumDocument[] {
    if (files.length === 0) return [];
    const wanted = new Set(files.map(file => file.toString()));
    const folders = [...wanted].map(file => `${file.replace(/\/$/, '')}/`);
    const affected = (file: string) => wanted.has(file) || folders.some(folder => file.startsWith(folder));
    const result: LangiumDocument[] = [];
    for (const document of documents) {
        for (const file of filesNamedBy(document, settings)) {
            if (!affected(file.toString())) continue;
            result.push(document);
            break;
        }
    }
    return result;
}
