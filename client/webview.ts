import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { WebviewContext } from '../language/lsp/mandate-protocol.js';
import { resolveWorkspaceFile } from './workspace-file.js';

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

/** Opens the file a page names at its line, in the first editor group; only regular files inside the workspace. */
export async function openSource(message: unknown): Promise<vscode.TextEditor | undefined> {
    if (!isOpenMessage(message)) return undefined;
    const folders = (vscode.workspace.workspaceFolders ?? []).filter(folder => folder.uri.scheme === 'file').map(folder => ({ name: folder.name, path: folder.uri.fsPath }));
    const file = resolveWorkspaceFile(message.file, folders);
    const uri = file === undefined ? undefined : vscode.Uri.file(file);
    const stat = uri && await vscode.workspace.fs.stat(uri).then(entry => entry, () => undefined);
    if (!uri || !stat || stat.type !== vscode.FileType.File) { // no folders, no symbolic links
        void vscode.window.showWarningMessage(`Mandate: ${message.file} is not a file in this workspace.`);
        return undefined;
    }
    const position = new vscode.Position(message.line - 1, 0);
    return vscode.window.showTextDocument(uri, { viewColumn: vscode.ViewColumn.One, selection: new vscode.Range(position, position), preserveFocus: false });
}
