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
            // The documents of a removed folder go, but not those of a folder inside it that stays in the workspace.
            const remaining = settings.workspaceRoots;
            const dropped = removed.length === 0 ? [] : shared.workspace.LangiumDocuments.all
                .filter(document => removed.some(folder => isInside(document.uri, folder)) && !remaining.some(folder => isInside(document.uri, folder)))
                .map(document => document.uri).toArray();
            await shared.workspace.DocumentBuilder.update(found, dropped, token);
        })
            // The configuration is the first folder's that has one: with other folders, it may be another file. Read
            // after the update, outside the lock: applying it checks the workspace again under the lock.
            .then(() => shared.mandate.ConfigSync.reload())
            .catch((error: unknown) => connection.console.error(
            `Could not follow the workspace folders (added ${added.join(', ') || 'none'}, removed ${removed.join(', ') || 'none'}): ${error instanceof Error ? error.message : String(error)}`
        ));
    });
}

/** Whether `uri` is in `folder` or below it. */
function isInside(uri: URI, folder: URI): boolean {
    return uri.toString().startsWith(`${folder.toString().replace(/\/$/, '')}/`);
}
