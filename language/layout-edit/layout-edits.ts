import { DocumentState, Emitter, TextDocument, type Event, type LangiumDocument, type LangiumSharedCoreServices, type URI } from 'langium';
import type { WorkspaceFindings } from '../workspace/workspace-findings.js';
import { keepTreeThroughEdit } from './keep-tree.js';

/**
 * The document builder's way out of a build: an update of one document whose text changed in its
 * blanks and comments only keeps the document's tree (keep-tree.ts), and tells `onKept`, where the
 * language server publishes the document's diagnostics, moved with its text.
 */
export class LayoutEdits {
    private readonly kept = new Emitter<LangiumDocument>();

    constructor(private readonly shared: LangiumSharedCoreServices, private readonly findings: () => WorkspaceFindings) {}

    /** A document whose tree was kept through an edit of its blanks and comments. */
    get onKept(): Event<LangiumDocument> {
        return this.kept.event;
    }

    /** Whether the new text of `uri` (the editor's, or the file's) changed only blanks and comments, and its tree was kept. */
    async keepTree(uri: URI): Promise<boolean> {
        const document = this.shared.workspace.LangiumDocuments.getDocument(uri);
        if (!document || document.state !== DocumentState.Validated) return false;
        const open = this.shared.workspace.TextDocuments?.get(uri.toString());
        const text = open?.getText() ?? await this.fileText(uri);
        const services = this.shared.ServiceRegistry.getServices(uri);
        const context = { documents: this.shared.workspace.LangiumDocuments, findings: this.findings(), lexer: services.parser.Lexer };
        if (text === undefined || !keepTreeThroughEdit(document, text, context)) return false;
        // As Langium's document factory does on an update: the text is the editor's, or the file's.
        let read: TextDocument | undefined;
        Object.defineProperty(document, 'textDocument', open
            ? { value: open }
            : { get: () => read ??= TextDocument.create(uri.toString(), services.LanguageMetaData.languageId, 0, text) });
        this.kept.fire(document);
        return true;
    }

    /** The file's text, or undefined when it cannot be read (gone: the usual update reports it). */
    private async fileText(uri: URI): Promise<string | undefined> {
        try {
            return await this.shared.workspace.FileSystemProvider.readFile(uri);
        } catch {
            return undefined;
        }
    }
}
