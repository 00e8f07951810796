import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { ShowLocationsArguments } from '../language/lsp/mandate-protocol.js';

/**
 * The code lenses' command (SHOW_LOCATIONS_COMMAND): the server sends plain LSP locations, and
 * `editor.action.showReferences` needs VS Code's Uri, Position and Location, so they are
 * converted with the language client's own converter before the references view opens.
 */
export async function showLocations(client: LanguageClient, ...[uri, position, locations]: ShowLocationsArguments): Promise<void> {
    const converter = client.protocol2CodeConverter;
    await vscode.commands.executeCommand(
        'editor.action.showReferences',
        converter.asUri(uri),
        converter.asPosition(position),
        locations.map(location => converter.asLocation(location))
    );
}
