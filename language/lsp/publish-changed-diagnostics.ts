import type { Connection } from 'vscode-languageserver';

/**
 * Langium publishes the diagnostics of every document a build validates, and a build validates
 * more than the edited file: documents relinked after a rename, re-checked after the as-of date
 * changed, or whose workspace findings moved. A client redraws every file it receives, so only
 * diagnostics that differ from the last ones sent for that file go out.
 */
export function publishOnlyChangedDiagnostics(connection: Connection): void {
    const sent = new Map<string, string>();
    const publish = connection.sendDiagnostics.bind(connection);
    connection.sendDiagnostics = params => {
        const key = JSON.stringify([params.version ?? null, params.diagnostics]);
        if (sent.get(params.uri) === key) return Promise.resolve();
        sent.set(params.uri, key);
        return publish(params);
    };
}
