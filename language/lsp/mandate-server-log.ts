import type { Connection } from 'vscode-languageserver';
import type { LoadedDirectory } from '../directory/directory-loader.js';
import type { MandateSharedServices } from '../mandate-module.js';
import { TOOL_VERSION } from '../version.js';
import type { MandateDocumentBuilder } from '../workspace/mandate-document-builder.js';

/**
 * What a bug report needs, in the output channel (Mandate: Show Language Server Output): the
 * server's version when it starts; the workspace folders, the as-of date and the configuration
 * file after the first check and whenever one of them changes; and how long each check took.
 * Written as window/logMessage at the Info level, so any client's log shows it too.
 */
export function logServerActivity(shared: MandateSharedServices, connection: Connection): void {
    shared.lsp.LanguageServer.onInitialized(() => {
        connection.console.info(`Mandate language server ${TOOL_VERSION} (Node ${process.version}, ${process.platform}).`);
    });
    let logged = new Map<string, string>();
    (shared.workspace.DocumentBuilder as MandateDocumentBuilder).onBuilt(({ documents, ms, keptTrees, splicedTrees }) => {
        const state = describeState(shared);
        for (const [key, line] of state) {
            if (logged.get(key) !== line) connection.console.info(line);
        }
        logged = state;
        if (documents === 0) return;
        // An edit of blanks and comments moves the file's syntax tree instead of parsing it again (layout-edit/);
        // one inside a statement of a large file parses that statement alone (statement-edit/).
        const kept = keptTrees > 0 ? ' (only blanks and comments changed: the syntax tree was kept)'
            : splicedTrees > 0 ? ` (${splicedTrees === 1 ? 'one statement was' : `${splicedTrees} statements were`} read again: the rest of the syntax tree was kept)` : '';
        connection.console.info(`Checked ${documents} ${documents === 1 ? 'file' : 'files'} in ${ms} ms${kept}.`);
    });
}

/** The settings a check depends on, one line each, keyed so that only the lines that changed are logged again. */
export function describeState(shared: MandateSharedServices): Map<string, string> {
    const settings = shared.mandate.Settings;
    const roots = settings.workspaceRoots.map(root => root.scheme === 'file' ? root.fsPath : root.toString());
    const config = shared.mandate.ConfigSync;
    const configFile = config.file ? (config.file.scheme === 'file' ? config.file.fsPath : config.file.toString()) : undefined;
    return new Map([
        ['roots', roots.length === 0 ? 'Workspace folders: none (only open files are checked).' : `Workspace folders: ${roots.join(', ')}.`],
        ['asOf', settings.hasExplicitAsOf ? `As-of date: ${settings.asOf()} (mandate.asOf).` : `As-of date: ${settings.asOf()} (today: mandate.asOf is not set).`],
        ['config', !configFile ? 'Configuration: none (no mandate.config.json in a workspace folder; every rule at its default).'
            : config.fileProblems > 0 ? `Configuration: ${configFile}, with ${config.fileProblems} ${config.fileProblems === 1 ? 'problem' : 'problems'} (shown on the file; the valid part applies).`
            : `Configuration: ${configFile}.`],
        ['directory', directoryLine(config.directory)]
    ]);
}

function directoryLine(directory: LoadedDirectory | undefined): string {
    if (!directory) return 'Directory: none (no "directory" in mandate.config.json, or its file could not be read; the drift rules are silent).';
    if (directory.problems.length > 0) {
        return `Directory: ${directory.path}, read as ${directory.description}, with ${directory.problems.length} ${directory.problems.length === 1 ? 'problem' : 'problems'} (shown on the file; the drift rules are silent until it reads cleanly).`;
    }
    return `Directory: ${directory.path}, read as ${directory.description}: ${directory.records.length} ${directory.records.length === 1 ? 'record' : 'records'}.`;
}
