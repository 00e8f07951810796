import type { Connection } from 'vscode-languageserver';
import type { DocumentBuilder } from 'langium';
import { MandateDocumentBuilder } from '../workspace/mandate-document-builder.js';

/**
 * Langium publishes the diagnostics of every document a build validates, and a build validates
 * more than the edited file: documents relinked after a rename, re-checked after the as-of date
 * changed, or whose workspace findings moved. A client redraws every file it receives, so for
 * those only diagnostics that differ from the last ones sent go out.
 *
 * A document whose own text changed (an edit, a file created, deleted or re-read) always gets its
 * next result published, even when it equals the last one: the client sees that the server has
 * checked that text, and a file deleted and created again, or replaced by one with the same
 * findings, is never left waiting for a publication. That includes an edit of blanks and comments
 * that kept the document's tree (layout-edit/): no build publishes it, so it is published here.
 */
export function publishOnlyChangedDiagnostics(connection: Connection, builder: DocumentBuilder): void {
    const sent = new Map<string, string>();
    const fresh = new Set<string>();
    // Registered before Langium's own handler, which then sends the deleted documents' empty lists.
    builder.onUpdate((changed, deleted) => {
        for (const uri of [...changed, ...deleted]) fresh.add(uri.toString());
    });
    const publish = connection.sendDiagnostics.bind(connection);
    connection.sendDiagnostics = params => {
        const key = JSON.stringify([params.version ?? null, params.diagnostics]);
        if (!fresh.delete(params.uri) && sent.get(params.uri) === key) return Promise.resolve();
        sent.set(params.uri, key);
        return publish(params);
    };
    if (builder instanceof MandateDocumentBuilder) {
        builder.layoutEdits.onKept(document => {
            const uri = document.uri.toString();
            fresh.add(uri);
            void connection.sendDiagnostics({ uri, diagnostics: document.diagnostics ?? [] });
        });
    }
}
