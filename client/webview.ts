import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { WebviewContext } from '../language/lsp/mandate-protocol.js';

/** A fresh nonce for each render: the page's <style> and its constant scripts carry it, nothing else can run. */
export function webviewContext(webview: vscode.Webview): WebviewContext {
    return { nonce: randomBytes(18).toString('base64'), cspSource: webview.cspSource };
}

/**
 * A panel for server-rendered pages. Scripts run only where the page's CSP nonce admits them:
 * Mandate's own constant scripts (language/report/webview-scripts.ts), which post the source a
 * link or graph node names. Command links stay off, and the only local resources it may load are
 * the extension's own: policy text reaches it only as escaped HTML from the engine.
 */
export function createPanel(context: vscode.ExtensionContext, viewType: string, title: string): vscode.WebviewPanel {
    const panel = vscode.window.createWebviewPanel(viewType, title, vscode.ViewColumn.Beside, {
        enableScripts: true,
        enableCommandUris: false,
        enableFindWidget: true,
        retainContextWhenHidden: false,
        localResourceRoots: [context.extensionUri]
    });
    panel.webview.onDidReceiveMessage((message: unknown) => { void openSource(message); });
    return panel;
}

/** What a page may ask for: open a workspace-relative file at a 1-based line. */
interface OpenMessage {
    readonly type: 'open';
    readonly file: string;
    readonly line: number;
}

function isOpenMessage(message: unknown): message is OpenMessage {
    const candidate = message as Partial<OpenMessage> | null;
    return typeof candidate === 'object' && candidate !== null && candidate.type === 'open'
        && typeof candidate.file === 'string' && candidate.file.length > 0 && candidate.file.length <= 4096
        && typeof candidate.line === 'number' && Number.isInteger(candidate.line) && candidate.line >= 1 && candidate.line <= 10_000_000;
}

/**
 * The file a report names, as the report names it: relative to the workspace folder, or with
 * several folders, prefixed by the folder's name (language/report/report-sources.ts). Undefined
 * for anything that would leave the folder: an absolute path, `..`, a backslash or a scheme.
 */
export function resolveWorkspaceFile(file: string, folders: readonly vscode.WorkspaceFolder[]): vscode.Uri | undefined {
    if (/^[/\\]|^[A-Za-z]:|\\|\0|^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(file)) return undefined;
    const segments = file.split('/');
    if (segments.some(segment => segment === '..' || segment === '.' || segment === '')) return undefined;
    const candidates = folders.length === 1 ? [{ folder: folders[0], rest: segments }]
        : folders.filter(folder => folder.name === segments[0]).map(folder => ({ folder, rest: segments.slice(1) }));
    const found = candidates.find(candidate => candidate.rest.length > 0 && candidate.folder.uri.scheme === 'file');
    if (!found) return undefined;
    const root = found.folder.uri.fsPath;
    const target = path.resolve(root, ...found.rest);
    const relative = path.relative(root, target);
    if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
    return vscode.Uri.file(target);
}

/** Opens the file a page names at its line, beside the panel; only regular files inside the workspace. */
export async function openSource(message: unknown): Promise<vscode.TextEditor | undefined> {
    if (!isOpenMessage(message)) return undefined;
    const uri = resolveWorkspaceFile(message.file, vscode.workspace.workspaceFolders ?? []);
    const stat = uri && await vscode.workspace.fs.stat(uri).then(entry => entry, () => undefined);
    if (!uri || !stat || stat.type !== vscode.FileType.File) { // no folders, no symbolic links
        void vscode.window.showWarningMessage(`Mandate: ${message.file} is not a file in this workspace.`);
        return undefined;
    }
    const position = new vscode.Position(message.line - 1, 0);
    return vscode.window.showTextDocument(uri, { viewColumn: vscode.ViewColumn.One, selection: new vscode.Range(position, position), preserveFocus: false });
}
