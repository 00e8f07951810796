import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { WebviewContext } from '../language/lsp/mandate-protocol.js';

/** A fresh nonce for each render: the page's one <style> element carries it, nothing else can run. */
export function webviewContext(webview: vscode.Webview): WebviewContext {
    return { nonce: randomBytes(18).toString('base64'), cspSource: webview.cspSource };
}

/**
 * A panel for server-rendered pages. Scripts are off, and the only local resources it may load
 * are the extension's own: policy text reaches it only as escaped HTML from the engine.
 */
export function createPanel(context: vscode.ExtensionContext, viewType: string, title: string): vscode.WebviewPanel {
    return vscode.window.createWebviewPanel(viewType, title, vscode.ViewColumn.Beside, {
        enableScripts: false,
        enableCommandUris: false,
        localResourceRoots: [context.extensionUri]
    });
}
