import { URI, type LangiumSharedCoreServices } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { configurationFiles, isConfigFile, loadProject } from '../config/config-loader.js';
import type { ConfigProblem } from '../config/mandate-config.js';
import type { LoadedDirectory } from '../directory/directory-loader.js';
import type { MandateSettings } from '../mandate-settings.js';
import { lspConnection, lspServices } from './lsp-connection.js';

/** The code of a problem in mandate.config.json. */
export const CONFIG_INVALID = 'config-invalid';
/** The code of a problem in a catalogue file that mandate.config.json names. */
export const CATALOGUE_INVALID = 'catalogue-invalid';
/** The code of a problem in the directory export that mandate.config.json names. */
export const DIRECTORY_INVALID = 'directory-invalid';

/** The readers' messages are clauses for `file:line:col: …`; a diagnostic shows a sentence. */
function sentence(message: string): string {
    const text = message.charAt(0).toUpperCase() + message.slice(1);
    return /[.!?]$/u.test(text) ? text : `${text}.`;
}

/** A directory problem at its 1-based line and column, one character long: the readers give no length. */
function directoryDiagnostics(directory: LoadedDirectory): Diagnostic[] {
    return directory.problems.map(problem => {
        const start = { line: Math.max(problem.location.line - 1, 0), character: Math.max(problem.location.column - 1, 0) };
        return {
            range: { start, end: { line: start.line, character: start.character + 1 } }, severity: DiagnosticSeverity.Error, code: DIRECTORY_INVALID, source: 'mandate',
            message: `${sentence(problem.message)} The directory drift rules are not applied until the export reads cleanly.`
        };
    });
}

function diagnosticsOf(uri: URI, text: string, problems: readonly ConfigProblem[], code: string): Diagnostic[] {
    const document = TextDocument.create(uri.toString(), 'json', 0, text);
    return problems.map(problem => ({
        range: { start: document.positionAt(problem.offset), end: document.positionAt(problem.offset + problem.length) },
        severity: DiagnosticSeverity.Error, code, source: 'mandate', message: problem.message
    }));
}

/**
 * Keeps the settings in step with the workspace's mandate.config.json and the catalogue files it
 * names: read before the first build, read again whenever one of them changes (which re-validates
 * the workspace). Problems are published as diagnostics on the file that has them; the valid part
 * still applies.
 */
export class ConfigSync {
    private published = new Set<string>();
    /** Catalogue files and the directory export to follow, as named and as really located; a change to one reloads. */
    private watched = new Set<string>();
    /** Reloads can overlap when files change quickly; only the latest one is applied. */
    private generation = 0;
    /** The mandate.config.json found, if any, and how many problems it has (the output channel says). */
    file: URI | undefined;
    fileProblems = 0;
    /** The directory export read, if any, for the output channel. */
    directory: LoadedDirectory | undefined;

    constructor(private readonly shared: LangiumSharedCoreServices, private readonly settings: MandateSettings) {
        const lsp = lspServices(shared);
        lsp?.DocumentUpdateHandler?.onWatchedFilesChange(params => {
            if (params.changes.some(change => this.follows(URI.parse(change.uri)))) void this.reload();
        });
    }

    /** The config file, a file it names, or a folder that holds one: a folder deleted or renamed is announced by its own event alone. */
    private follows(uri: URI): boolean {
        const key = uri.toString();
        if (isConfigFile(uri) || this.watched.has(key)) return true;
        const folder = `${key.replace(/\/$/, '')}/`;
        if (this.file?.toString().startsWith(folder)) return true;
        for (const watched of this.watched) if (watched.startsWith(folder)) return true;
        return false;
    }

    async reload(): Promise<void> {
        const generation = ++this.generation;
        const loaded = await loadProject(this.shared.workspace.FileSystemProvider, [...this.settings.workspaceRoots].reverse());
        if (generation !== this.generation) return;
        this.watched = new Set([...loaded.catalogues.watched, ...loaded.directory.watched].map(uri => uri.toString()));
        this.file = loaded.file;
        this.fileProblems = loaded.problems.length + loaded.catalogues.configProblems.length + loaded.directory.configProblems.length;
        this.directory = loaded.directory.directory;
        this.settings.setConfig(loaded.config, loaded.catalogues.frameworks, loaded.directory.directory, configurationFiles(loaded));
        const connection = lspConnection(this.shared);
        if (!connection) return;
        const diagnostics = new Map<string, Diagnostic[]>();
        if (loaded.file) {
            diagnostics.set(loaded.file.toString(), [
                ...diagnosticsOf(loaded.file, loaded.text ?? '', loaded.problems, CONFIG_INVALID),
                ...diagnosticsOf(loaded.file, loaded.text ?? '', loaded.catalogues.configProblems, CONFIG_INVALID),
                ...diagnosticsOf(loaded.file, loaded.text ?? '', loaded.directory.configProblems, CONFIG_INVALID)
            ]);
        }
        if (this.directory) diagnostics.set(this.directory.uri.toString(), directoryDiagnostics(this.directory));
        for (const file of loaded.catalogues.files) {
            diagnostics.set(file.uri.toString(), diagnosticsOf(file.uri, file.text, file.problems, CATALOGUE_INVALID));
        }
        // A file that is no longer read (renamed, dropped from the list) loses what was shown on it.
        for (const uri of this.published) {
            if (!diagnostics.has(uri)) void connection.sendDiagnostics({ uri, diagnostics: [] });
        }
        for (const [uri, list] of diagnostics) void connection.sendDiagnostics({ uri, diagnostics: list });
        this.published = new Set(diagnostics.keys());
    }
}
