import { Emitter, OperationCancelled, type Cancellation, type URI } from 'langium';

/**
 * The documents an editor sent new text for (didOpen, didChange, didClose) whose update has not
 * started yet: it waits behind a build under the workspace lock. Until their update resets them,
 * the documents still hold the text built before, and Langium answers a request that needs a
 * built document at once, from that text: a Format Document right after opening an edited file
 * during a build returned edits for the file on disk, which broke the editor's text. A request for
 * such a document now waits until its update has taken the new text (MandateDocumentBuilder).
 */
export class PendingUpdates {
    private readonly byUri = new Map<string, Set<number>>();
    private readonly changed = new Emitter<void>();
    private next = 0;

    /** Notes an update of `uris` on its way; the returned function says it is done (idempotent). */
    expect(uris: readonly URI[]): () => void {
        const token = this.next++;
        const keys = uris.map(uri => uri.toString());
        for (const key of keys) {
            const tokens = this.byUri.get(key);
            if (tokens) tokens.add(token); else this.byUri.set(key, new Set([token]));
        }
        return () => this.remove(keys, tokens => tokens.delete(token));
    }

    /**
     * An update reset these documents (or found their text already built): it reads the text the
     * editor has now, so every update noted for them so far is applied. Later ones are not.
     */
    applied(uris: readonly URI[]): void {
        this.remove(uris.map(uri => uri.toString()), tokens => tokens.clear());
    }

    has(uri: URI): boolean {
        return this.byUri.has(uri.toString());
    }

    /** Resolves once no update of `uri` is on its way; rejects as cancelled when the request is. */
    whenApplied(uri: URI, cancelToken: Cancellation.CancellationToken): Promise<void> {
        return new Promise((resolve, reject) => {
            const done = () => {
                listener.dispose();
                cancel.dispose();
            };
            const listener = this.changed.event(() => {
                if (this.has(uri)) return;
                done();
                resolve();
            });
            const cancel = cancelToken.onCancellationRequested(() => {
                done();
                reject(OperationCancelled);
            });
        });
    }

    private remove(keys: readonly string[], change: (tokens: Set<number>) => void): void {
        let removed = false;
        for (const key of keys) {
            const tokens = this.byUri.get(key);
            if (!tokens) continue;
            change(tokens);
            if (tokens.size === 0) {
                this.byUri.delete(key);
                removed = true;
            }
        }
        if (removed) this.changed.fire();
    }
}
