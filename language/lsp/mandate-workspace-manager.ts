import { Cancellation, DefaultWorkspaceManager, URI, type LangiumSharedCoreServices, type WorkspaceFolder } from 'langium';
import type { MandateAddedSharedServices } from '../mandate-module.js';
import type { MandateSettings } from '../mandate-settings.js';
import { lspConnection } from './lsp-connection.js';
import { applyInlayHintSettings } from './mandate-inlay-hints.js';

/** The `mandate.*` settings a client can send; see `contributes.configuration` in package.json. */
interface MandateConfiguration {
    asOf?: unknown;
    inlayHints?: unknown;
}

/**
 * Applies the `mandate` settings before the first build, so start-up diagnostics already use
 * the configured as-of date, and re-validates the whole workspace when the settings change.
 */
export class MandateWorkspaceManager extends DefaultWorkspaceManager {
    private readonly settings: MandateSettings;
    private readonly shared: LangiumSharedCoreServices & MandateAddedSharedServices;

    constructor(shared: LangiumSharedCoreServices & MandateAddedSharedServices) {
        super(shared);
        this.shared = shared;
        this.settings = shared.mandate.Settings;
        shared.workspace.ConfigurationProvider.onConfigurationSectionUpdate(update => {
            if (update.section === 'mandate') {
                this.applyConfiguration(update.configuration as MandateConfiguration | undefined);
            }
        });
        this.settings.onDidChange(() => this.revalidateAll());
    }

    override async initializeWorkspace(folders: WorkspaceFolder[], cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        // Only a language server has a client to ask; elsewhere `ready` would never resolve.
        if (lspConnection(this.shared)) {
            const configuration = this.shared.workspace.ConfigurationProvider;
            await configuration.ready;
            this.applyConfiguration({
                asOf: await configuration.getConfiguration('mandate', 'asOf'),
                inlayHints: await configuration.getConfiguration('mandate', 'inlayHints')
            });
        }
        this.settings.setWorkspaceRoots(folders.map(folder => URI.parse(folder.uri)));
        // Before any document is loaded, so applying it triggers no re-validation of its own.
        await this.shared.mandate.ConfigSync.reload();
        await super.initializeWorkspace(folders, cancelToken);
    }

    private applyConfiguration(configuration: MandateConfiguration | undefined): void {
        applyInlayHintSettings(this.shared, configuration?.inlayHints);
        const asOf: unknown = configuration?.asOf;
        try {
            // A number (20250630) or another value that is not text is no date either: said, not ignored.
            if (asOf !== undefined && asOf !== null && typeof asOf !== 'string') {
                throw new Error(`${JSON.stringify(asOf)} is not a valid as-of date; write it as text, "YYYY-MM-DD", e.g. "2025-01-31"`);
            }
            this.settings.setAsOf(asOf ?? undefined);
        } catch (error) {
            // A bad setting must not stop the server: report it and fall back to today.
            const message = `Setting mandate.asOf: ${(error as Error).message}. Using today's date instead.`;
            console.warn(message);
            void lspConnection(this.shared)?.window.showWarningMessage(message);
            this.settings.setAsOf(undefined);
        }
    }

    private revalidateAll(): void {
        if (this.langiumDocuments.all.isEmpty()) return;
        // The documents as they are when the build runs: an update it cancels (an editor's change queued
        // meanwhile) leaves its documents unbuilt, and this build is then the one that builds them.
        this.mutex.write(token => this.documentBuilder.build(this.langiumDocuments.all.toArray(), { validation: true }, token)).catch((error: unknown) => {
            // Nobody waits for this build: its failure is logged, not left to end the process.
            const output = lspConnection(this.shared)?.console ?? console;
            output.error(`Could not check the workspace again after the settings changed: ${error instanceof Error ? error.message : String(error)}`);
        });
    }
}
