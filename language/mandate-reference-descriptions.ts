import { Cancellation, DefaultReferenceDescriptionProvider, type LangiumDocument, type ReferenceDescription } from 'langium';
import { CancellationPoints } from './util/cancellation-points.js';
import { tallyOf, targetItems } from './workspace/reference-tally.js';
import { forEachReference, syntaxNodes } from './util/syntax-nodes.js';

/** For each document a document refers to (by URI), the paths of the declarations it refers to there (with how many references). */
export type ReferenceTargets = ReadonlyMap<string, ReadonlyMap<string, number>>;

/**
 * The reference index's entries of a document (find references, rename), as Langium makes them,
 * from the tree's node list instead of a stream per node and an `await` per node. The language
 * server records them for every document it links: renaming a role all 500 team files refer to
 * relinks all 500, and Langium's walk took about 290 ms of such an edit at 100,000 lines.
 * (Remembering each reference's entries across relinks saved another 30 ms, for about 35 MB more RSS.)
 */
export class MandateReferenceDescriptionProvider extends DefaultReferenceDescriptionProvider {
    override async createDescriptions(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<ReferenceDescription[]> {
        const descriptions: ReferenceDescription[] = [];
        const points = new CancellationPoints(cancelToken);
        for (const node of syntaxNodes(document.parseResult.value)) {
            const pause = points.next();
            if (pause) await pause;
            forEachReference(node, info => {
                if (info.reference.error) return;
                for (const description of this.createInfoDescriptions(info)) descriptions.push(description);
            });
        }
        return descriptions;
    }

    /**
     * What `createDescriptions` would record, reduced to the declarations referred to: what the
     * index needs to know which documents to look at (reference-index-manager.ts). The paths are
     * the declarations' own description strings, so the summary adds no string per reference.
     * Counted from the document's list of linked references (the index is updated once a document
     * is linked, and linking lists every reference) and, after a relink of some of them, updated.
     */
    targetsOf(document: LangiumDocument): ReferenceTargets {
        return tallyOf(document).targets;
    }

    /** The entries `createDescriptions` would record for `document` that refer to the declaration at `targetPath` of `targetUri`, in its order. */
    descriptionsTo(document: LangiumDocument, targetUri: string, targetPath: string): ReferenceDescription[] {
        const descriptions: ReferenceDescription[] = [];
        for (const node of syntaxNodes(document.parseResult.value)) {
            forEachReference(node, info => {
                if (!targetItems(info.reference).some(item => item.path === targetPath && item.documentUri.toString() === targetUri)) return;
                for (const description of this.createInfoDescriptions(info)) {
                    if (description.targetPath === targetPath && description.targetUri.toString() === targetUri) descriptions.push(description);
                }
            });
        }
        return descriptions;
    }
}
