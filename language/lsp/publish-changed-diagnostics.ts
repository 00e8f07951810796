import type { Connection } from 'vscode-languageserver';
import type { DocumentBuilder } from 'langium';

/**
 * Langium publishes the diagnostics of every document a build validates, and a build validates
 * more than the edited file: documents relinked after a rename, re-checked after the as-of date
 * changed, or whose workspace findings moved. A client redraws every file it receives, so only
 * diagnostics that differ from the last ones sent for that file go out.
 *
 * A document the server has not published since it was last deleted is new to the client's
 * view of it: its first result always goes out, even an empty one, so a client (or a test)
 * that re-creates a file sees that the server has checked it.
 */
export function publishOnlyChangedDiagnostics(connection: Connection, builder: DocumentBuilder): void {
    const sent = new Map<string, string>();
    const deleted = new Set<string>();
    // Registered before Langium's own handler, which then sends the deleted documents' empty lists.
    builder.onUpdate((_, removed) => {
        for (const uri of removed) deleted.add(uri.toString());
    });
    const publish = connection.sendDiagnostics.bind(connection);
    connection.sendDiagnostics = params => {
        if (deleted.delete(params.uri)) {
            sent.delete(params.uri);
            return publish(params);
        }
        const key = JSON.stringify([params.version ?? null, params.diagnostics]);
        if (sent.get(params.uri) === key) return Promise.resolve();
        sent.set(params.uri, key);
        return publish(params);
    };
}
