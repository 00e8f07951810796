import { Cancellation, URI, type DocumentState, type LangiumDocuments } from 'langium';

/** A request waiting for a document to reach a state. */
interface DocumentWait {
    readonly state: DocumentState;
    readonly reached: () => void;
    readonly source: Cancellation.CancellationTokenSource;
}

/**
 * The requests waiting for a document to reach a state (MandateDocumentBuilder.awaitDocumentState),
 * by URI. Langium's wait hears only of the phases it listens to: a wait for a document that is then
 * dropped never ends, and one that misses the phase of a document a build completed is never
 * answered. These are ended when the document goes and answered after each completed build.
 */
export class DocumentWaits {
    private readonly waits = new Map<string, Set<DocumentWait>>();

    /** Langium's wait (`langiumWait`, given a token this can cancel), answered or ended by this as well. */
    wait(state: DocumentState, uri: URI, cancelToken: Cancellation.CancellationToken, langiumWait: (token: Cancellation.CancellationToken) => Promise<URI>): Promise<URI> {
        const key = uri.toString();
        const source = new Cancellation.CancellationTokenSource();
        const forwarded = cancelToken.onCancellationRequested(() => source.cancel());
        const waits = this.waits.get(key) ?? new Set<DocumentWait>();
        this.waits.set(key, waits);
        return new Promise<URI>((resolve, reject) => {
            const wait: DocumentWait = { state, reached: () => resolve(uri), source };
            waits.add(wait);
            langiumWait(source.token).then(resolve, reject).finally(() => {
                forwarded.dispose();
                source.dispose();
                waits.delete(wait);
                if (waits.size === 0 && this.waits.get(key) === waits) this.waits.delete(key);
            });
        });
    }

    /** The document is gone: its waits end as cancelled. */
    end(uri: URI): void {
        this.waits.get(uri.toString())?.forEach(wait => wait.source.cancel());
    }

    /** After a completed build: a wait for a state its document has reached is answered, a wait for a document that is gone is cancelled. */
    answer(documents: LangiumDocuments): void {
        for (const [key, waits] of [...this.waits]) {
            const document = documents.getDocument(URI.parse(key));
            for (const wait of [...waits]) {
                if (document && document.state < wait.state) continue; // a later build reaches it
                if (document) wait.reached();
                // Also ends Langium's own wait (its listener), which has nothing left to wait for.
                wait.source.cancel();
            }
        }
    }
}
