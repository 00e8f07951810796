import { DocumentState } from 'langium';
import type { ClientCapabilities, Connection } from 'vscode-languageserver';
import type { MandateSharedServices } from '../mandate-module.js';
import { MandateDocumentBuilder } from '../workspace/mandate-document-builder.js';

/**
 * Code lenses and inlay hints depend on other files (who holds a role is in assignments.mandate,
 * a training's due date in the training records) and on the as-of date, but an editor asks for
 * them again only when their own document changes. After every build that validated documents,
 * the server asks the editor to pull them again, when the editor says it can (LSP 3.16/3.17
 * refresh requests); the editor re-asks for visible documents only.
 */
export function refreshLensesAndHintsAfterBuilds(shared: MandateSharedServices, connection: Connection): void {
    let capabilities: ClientCapabilities | undefined;
    shared.lsp.LanguageServer.onInitialize(params => { capabilities = params.capabilities; });
    const refresh = () => {
        // A refused or failed refresh changes nothing: the editor asks again at its next edit.
        if (capabilities?.workspace?.codeLens?.refreshSupport) connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined);
        if (capabilities?.workspace?.inlayHint?.refreshSupport) connection.sendRequest('workspace/inlayHint/refresh').catch(() => undefined);
    };
    const builder = shared.workspace.DocumentBuilder;
    builder.onBuildPhase(DocumentState.Validated, refresh);
    // Lenses of other files name places in a file whose tree an edit of its blanks and comments moved (layout-edit/).
    if (builder instanceof MandateDocumentBuilder) builder.layoutEdits.onKept(refresh);
}
