import { URI } from 'langium';
import { DefaultDocumentUpdateHandler, type LangiumSharedServices } from 'langium/lsp';
import type { TextDocumentChangeEvent } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';

/**
 * When an editor closes a document, its unsaved text stops being the truth: the file on disk
 * is. Langium keeps the closed text otherwise, so a file deleted while it was open kept its
 * diagnostics forever. Closing re-reads the file, or forgets it if it no longer exists.
 */
export class MandateDocumentUpdateHandler extends DefaultDocumentUpdateHandler {
    private readonly fileSystem: LangiumSharedServices['workspace']['FileSystemProvider'];

    constructor(services: LangiumSharedServices) {
        super(services);
        this.fileSystem = services.workspace.FileSystemProvider;
    }

    didCloseDocument(event: TextDocumentChangeEvent<TextDocument>): void {
        const uri = URI.parse(event.document.uri);
        this.fileSystem.exists(uri).then(
            exists => exists ? this.fireDocumentUpdate([uri], []) : this.fireDocumentUpdate([], [uri]),
            () => this.fireDocumentUpdate([], [uri])
        );
    }
}
