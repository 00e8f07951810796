import { URI } from 'langium';
import { DefaultDocumentUpdateHandler, type LangiumSharedServices } from 'langium/lsp';
import type { TextDocumentChangeEvent } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { MandateSharedServices } from '../mandate-module.js';
import { documentsReferencing } from '../workspace/referenced-files.js';
import { MandateDocumentBuilder } from '../workspace/mandate-document-builder.js';
import { isPolicyFile, isPolicyFileName, isWorkspaceFile } from '../workspace/workspace-files.js';
import { fileEventRefusal } from '../workspace/file-event-scope.js';
import { pathProbeFor } from '../workspace/path-probe.js';
import { shorten } from './guarded-connection.js';
import { lspConnection } from './lsp-connection.js';

/**
 * Five things Langium's handler does not do:
 * - A file event outside the workspace, or through a symbolic link in it, changes nothing: Langium
 *   would load what it names, a folder with everything below it (workspace/file-event-scope.ts).
 * - A copy of a file that an editor opens (a git diff, a rename preview, an untitled buffer), or
 *   a file not named *.mandate opened as Mandate, is not policy (workspace/workspace-files.ts):
 *   its opening is logged, and its edits and its closing start no build. The builder and the
 *   documents refuse it too, for any other way in.
 * - When an editor closes a document, its unsaved text stops being the truth: the file on disk
 *   is. Langium keeps the closed text, so a file deleted while open kept its diagnostics forever.
 *   Closing re-reads the file, or forgets it if it no longer exists.
 * - A job description or evidence file that appears or disappears changes `evidence-missing`
 *   in the policies that name it, so those policies are checked again with the same update.
 * - A request for a document whose new text waits behind a build waits for it too, instead of
 *   being answered from the text before (workspace/pending-updates.ts).
 */
export class MandateDocumentUpdateHandler extends DefaultDocumentUpdateHandler {
    private readonly shared: MandateSharedServices;

    constructor(services: LangiumSharedServices) {
        super(services);
        this.shared = services as MandateSharedServices;
    }

    /**
     * Langium's, with the failure of an update reported with what was updated: Langium starts the
     * update and drops its promise, so a document that could not be built (a client sent text that
     * is no text) was an unhandled rejection, which ends the process.
     */
    protected override fireDocumentUpdate(changed: URI[], deleted: URI[]): void {
        changed = this.inScope(changed);
        deleted = this.inScope(deleted);
        if (changed.length === 0 && deleted.length === 0) return;
        const others = [...changed, ...deleted].filter(uri => !isPolicyFileName(uri));
        // Requests for these documents wait for this update, which may wait behind a build (pending-updates.ts).
        const builder = this.documentBuilder;
        const done = builder instanceof MandateDocumentBuilder ? builder.pendingUpdates.expect([...changed, ...deleted]) : () => undefined;
        // Under the workspace lock, in the order the events came, like every other update.
        this.workspaceManager.ready.then(() => this.workspaceLock.write(async token => {
            try {
                if (others.length === 0) return await this.documentBuilder.update(changed, deleted, token);
                // Not a policy deleted in the same event, or on disk already with its event still to come (a folder
                // removed with its policies): checking it again would bring back a document that is going.
                const gone = deleted.map(uri => uri.toString());
                const candidates = documentsReferencing(this.shared.workspace.LangiumDocuments.all, this.shared.mandate.Settings, others)
                    .map(document => document.uri)
                    .filter(uri => !gone.some(deletedUri => uri.toString() === deletedUri || uri.toString().startsWith(`${deletedUri.replace(/\/$/, '')}/`)));
                const open = this.shared.workspace.TextDocuments;
                const present = await Promise.all(candidates.map(uri => open?.get(uri.toString()) !== undefined || this.shared.workspace.FileSystemProvider.exists(uri).catch(() => false)));
                const referencing = candidates.filter((_uri, index) => present[index]);
                if (builder instanceof MandateDocumentBuilder) return await builder.updateRechecking(changed, referencing, deleted, token);
                return await this.documentBuilder.update([...changed, ...referencing], deleted, token);
            } finally {
                done();
            }
        })).catch((error: unknown) => {
            done();
            const documents = [...changed.map(uri => `${uri}`), ...deleted.map(uri => `${uri} (deleted)`)];
            const shown = documents.length > 5 ? `${documents.slice(0, 5).join(', ')} and ${documents.length - 5} more` : documents.join(', ');
            const message = error instanceof Error ? `${error.message}\n${error.stack?.split('\n').slice(1, 6).join('\n') ?? ''}` : String(error);
            const output = lspConnection(this.shared)?.console ?? console;
            output.error(`Could not check ${shown}: ${message}`);
        });
    }

    /**
     * The events that may change the policy: about a document the server has, or inside the workspace
     * as its start-up scan reads it (workspace/file-event-scope.ts). The others are logged and dropped.
     */
    private inScope(uris: URI[]): URI[] {
        const roots = this.shared.mandate.Settings.workspaceRoots;
        const probe = pathProbeFor(this.shared.workspace.FileSystemProvider);
        const documents = this.shared.workspace.LangiumDocuments;
        const open = this.shared.workspace.TextDocuments;
        const refused: string[] = [];
        const kept = uris.filter(uri => {
            if (documents.hasDocument(uri) || (isPolicyFileName(uri) && open?.get(uri.toString()))) return true;
            const reason = fileEventRefusal(uri, roots, probe);
            if (reason) refused.push(`${shorten(uri.toString())} (${reason})`);
            return reason === undefined;
        });
        if (refused.length > 0) {
            const shown = refused.length > 5 ? `${refused.slice(0, 5).join('; ')} and ${refused.length - 5} more` : refused.join('; ');
            lspConnection(this.shared)?.console.info(`Ignored a file event that cannot change the policy: ${shown}.`);
        }
        return kept;
    }

    didOpenDocument(event: TextDocumentChangeEvent<TextDocument>): void {
        const uri = URI.parse(event.document.uri);
        const roots = this.shared.mandate.Settings.workspaceRoots;
        if (isPolicyFile(uri, roots)) return;
        lspConnection(this.shared)?.console.info(isWorkspaceFile(uri, roots)
            ? `Not checked: ${shorten(event.document.uri)} is not named *.mandate; only .mandate files are policy (as \`mandate check\` finds them), so it changes no diagnostics.`
            : `Not checked: ${shorten(event.document.uri)} is not a file of the workspace (a diff, a preview or an untitled editor); only files are policy, so it changes no diagnostics.`);
    }

    override didChangeContent(change: TextDocumentChangeEvent<TextDocument>): void {
        if (this.isPolicyFile(change.document.uri)) super.didChangeContent(change);
    }

    private isPolicyFile(uri: string): boolean {
        return isPolicyFile(URI.parse(uri), this.shared.mandate.Settings.workspaceRoots);
    }

    /**
     * The document is read again from disk. If the file is gone by then, the builder drops the
     * document (MandateDocumentBuilder): deciding here, after an asynchronous check, would let the
     * answer arrive after later events, e.g. drop a file the editor had already created again.
     */
    didCloseDocument(event: TextDocumentChangeEvent<TextDocument>): void {
        if (!this.isPolicyFile(event.document.uri)) return;
        this.fireDocumentUpdate([URI.parse(event.document.uri)], []);
    }
}
