import { DefaultIndexManager, stream, type AstNodeDescription, type Stream } from 'langium';

/**
 * Langium's index, with the exports of one document read from their own entry. Langium's
 * `allElements` with a set of URIs walks every document of the index and keeps those in the set:
 * the builder asks for each changed document's exports on its own (export-changes.ts), so a cold
 * build of 5,000 files walked the index 5,000 times (0.7 s of a 1M-line check). The base of the
 * batch and the language server's index managers.
 */
export class MandateIndexManager extends DefaultIndexManager {
    override allElements(nodeType?: string, uris?: Set<string>): Stream<AstNodeDescription> {
        if (uris?.size !== 1) return super.allElements(nodeType, uris);
        const [uri] = uris;
        // The same descriptions, in the same order, as the walk gives for a set of one.
        return this.symbolIndex.has(uri) ? stream(this.getFileDescriptions(uri, nodeType)) : stream([]);
    }

    /** Every document's exports as the index holds them, in the order `allElements` reads the documents. */
    documentExports(): ReadonlyMap<string, readonly AstNodeDescription[]> {
        return this.symbolIndex;
    }

    /** The exports of one document as the index holds them (never changed in place: a new indexing replaces the list). */
    fileExports(uri: string): readonly AstNodeDescription[] {
        return this.symbolIndex.get(uri) ?? [];
    }
}
