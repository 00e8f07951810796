import { URI } from 'langium';
import { DefaultDocumentUpdateHandler, type LangiumSharedServices } from 'langium/lsp';
import type { TextDocumentChangeEvent } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { MandateSharedServices } from '../mandate-module.js';
import { documentsReferencing } from '../workspace/referenced-files.js';

/**
 * Two things Langium's handler does not do:
 * - When an editor closes a document, its unsaved text stops being the truth: the file on disk
 *   is. Langium keeps the closed text, so a file deleted while open kept its diagnostics forever.
 *   Closing re-reads the file, or forgets it if it no longer exists.
 * - A job description or evidence file that appears or disappears changes `evidence-missing`
 *   in the policies that name it, so those policies are checked again with the same update.
 */
export class MandateDocumentUpdateHandler extends DefaultDocumentUpdateHandler {
    private readonly shared: MandateSharedServices;

    constructor(services: LangiumSharedServices) {
        super(services);
        this.shared = services as MandateSharedServices;
    }

    protected override fireDocumentUpdate(changed: URI[], deleted: URI[]): void {
        const others = [...changed, ...deleted].filter(uri => !uri.path.endsWith('.mandate'));
        if (others.length === 0) {
            super.fireDocumentUpdate(changed, deleted);
            return;
        }
        // Under the workspace lock, in the order the events came, like every other update.
        this.workspaceManager.ready.then(() => this.workspaceLock.write(token => {
            const referencing = documentsReferencing(this.shared.workspace.LangiumDocuments.all, this.shared.mandate.Settings, others);
            return this.documentBuilder.update([...changed, ...referencing.map(document => document.uri)], deleted, token);
        })).catch(error => console.error('Could not update the documents that name a changed file:', error));
    }

    /**
     * The document is read again from disk. If the file is gone by then, the builder drops the
     * document (MandateDocumentBuilder): deciding here, after an asynchronous check, would let the
     * answer arrive after later events, e.g. drop a file the editor had already created again.
     */
    didCloseDocument(event: TextDocumentChangeEvent<TextDocument>): void {
        this.fireDocumentUpdate([URI.parse(event.document.uri)], []);
    }
}
