import { URI } from 'langium';
import type { Connection, WorkspaceFoldersChangeEvent } from 'vscode-languageserver';
import type { MandateSharedServices } from '../mandate-module.js';

/**
 * Langium reads the workspace folders once, at start-up. Mandate follows folders added to or
 * removed from the workspace: their policy files are loaded or dropped, and paths in policies
 * resolve against the new set of folders.
 */
export function followWorkspaceFolders(shared: MandateSharedServices, connection: Connection, initialize: { capabilities: { workspace?: { workspaceFolders?: boolean } } }): void {
    if (!initialize.capabilities.workspace?.workspaceFolders) return;
    const settings = shared.mandate.Settings;
    connection.workspace.onDidChangeWorkspaceFolders((event: WorkspaceFoldersChangeEvent | undefined) => {
        // A client may send anything: folders without a URI are logged and left out.
        const folders = (list: unknown): URI[] => (Array.isArray(list) ? list : []).flatMap(folder => {
            const uri = (folder as { uri?: unknown } | null)?.uri;
            if (typeof uri === 'string' && uri !== '') return [URI.parse(uri)];
            connection.console.error(`Ignored a workspace folder without a URI in workspace/didChangeWorkspaceFolders: ${JSON.stringify(folder)?.slice(0, 200)}`);
            return [];
        });
        const added = folders(event?.added);
        const removed = folders(event?.removed);
        const removedKeys = new Set(removed.map(uri => uri.toString()));
        settings.setWorkspaceRoots([...settings.workspaceRoots.filter(root => !removedKeys.has(root.toString())), ...added]);
        void shared.workspace.WorkspaceLock.write(async token => {
            const found = (await Promise.all(added.map(folder => shared.workspace.WorkspaceManager.searchFolder(folder)))).flat();
            // A removed folder is given as deleted: the builder drops every document inside it.
            await shared.workspace.DocumentBuilder.update(found, removed, token);
        }).catch((error: unknown) => connection.console.error(
            `Could not follow the workspace folders (added ${added.join(', ') || 'none'}, removed ${removed.join(', ') || 'none'}): ${error instanceof Error ? error.message : String(error)}`
        ));
    });
}
