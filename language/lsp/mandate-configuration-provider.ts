import { DefaultConfigurationProvider, type LangiumSharedCoreServices } from 'langium';
import type { DidChangeConfigurationParams } from 'vscode-languageserver';
import { lspConnection } from './lsp-connection.js';

/**
 * Many LSP clients (Neovim among them) announce a settings change with `settings: null` and
 * expect the server to pull the new values. Langium's provider ignores such notifications;
 * this one fetches the `mandate` section again and publishes it like any other update.
 */
export class MandateConfigurationProvider extends DefaultConfigurationProvider {
    private readonly shared: LangiumSharedCoreServices;

    constructor(shared: LangiumSharedCoreServices) {
        super(shared);
        this.shared = shared;
    }

    override updateConfiguration(change: DidChangeConfigurationParams): void {
        const connection = lspConnection(this.shared);
        if ((typeof change.settings === 'object' && change.settings !== null) || !connection || !this.workspaceConfig) {
            super.updateConfiguration(change);
            return;
        }
        connection.workspace.getConfiguration({ section: 'mandate' }).then(
            configuration => super.updateConfiguration({ settings: { mandate: configuration ?? {} } }),
            error => console.error(`Could not fetch the mandate settings: ${(error as Error).message}`)
        );
    }
}
