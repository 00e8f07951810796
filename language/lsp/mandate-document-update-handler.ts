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
    private readonly fileSystem: LangiumSharedServices['workspace']['FileSystemProvider'];
    private readonly shared: MandateSharedServices;

    constructor(services: LangiumSharedServices) {
        super(services);
        this.fileSystem = services.workspace.FileSystemProvider;
        this.shared = services as MandateSharedServices;
    }

    protected override fireDocumentUpdate(changed: URI[], deleted: URI[]): void {
        const others = [...changed, ...deleted].filter(uri => !uri.path.endsWith('.mandate'));
        const referencing = others.length === 0 ? [] : documentsReferencing(
            this.shared.mandate.WorkspaceModel.get(), this.shared.mandate.Settings, others).map(document => document.uri);
        super.fireDocumentUpdate([...changed, ...referencing], deleted);
    }

    didCloseDocument(event: TextDocumentChangeEvent<TextDocument>): void {
        const uri = URI.parse(event.document.uri);
        this.fileSystem.exists(uri).then(
            exists => exists ? this.fireDocumentUpdate([uri], []) : this.fireDocumentUpdate([], [uri]),
            () => this.fireDocumentUpdate([], [uri])
        );
    }
}
