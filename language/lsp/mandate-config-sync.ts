import { URI, type LangiumSharedCoreServices } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { isConfigFile, loadConfig } from '../config/config-loader.js';
import type { MandateSettings } from '../mandate-settings.js';
import { lspConnection, lspServices } from './lsp-connection.js';

/** The code of a problem in mandate.config.json. */
export const CONFIG_INVALID = 'config-invalid';

/**
 * Keeps the settings in step with the workspace's mandate.config.json: read before the first
 * build, read again whenever the file changes (which re-validates the workspace). Problems in the
 * file are published as diagnostics on the file itself; the valid part still applies.
 */
export class ConfigSync {
    private published: URI | undefined;

    constructor(private readonly shared: LangiumSharedCoreServices, private readonly settings: MandateSettings) {
        const lsp = lspServices(shared);
        lsp?.DocumentUpdateHandler?.onWatchedFilesChange(params => {
            if (params.changes.some(change => isConfigFile(URI.parse(change.uri)))) void this.reload();
        });
    }

    async reload(): Promise<void> {
        const loaded = await loadConfig(this.shared.workspace.FileSystemProvider, [...this.settings.workspaceRoots].reverse());
        this.settings.setConfig(loaded.config);
        const connection = lspConnection(this.shared);
        if (!connection) return;
        if (this.published && this.published.toString() !== loaded.file?.toString()) {
            void connection.sendDiagnostics({ uri: this.published.toString(), diagnostics: [] });
        }
        if (loaded.file) {
            const document = TextDocument.create(loaded.file.toString(), 'json', 0, loaded.text ?? '');
            const diagnostics: Diagnostic[] = loaded.problems.map(problem => ({
                range: { start: document.positionAt(problem.offset), end: document.positionAt(problem.offset + problem.length) },
                severity: DiagnosticSeverity.Error, code: CONFIG_INVALID, source: 'mandate', message: problem.message
            }));
            void connection.sendDiagnostics({ uri: loaded.file.toString(), diagnostics });
        }
        this.published = loaded.file;
    }
}
