import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { GRAPH_REQUEST, type GraphResult } from '../language/lsp/mandate-protocol.js';
import { createPanel, webviewContext } from './webview.js';

/** The organization and delegation graph in a panel that redraws after every build. */
export class GraphView implements vscode.Disposable {
    private panel: vscode.WebviewPanel | undefined;

    constructor(private readonly context: vscode.ExtensionContext, private readonly client: LanguageClient) {}

    /** Opens the panel, or reveals it when it is already open. Returns it for tests. */
    async show(): Promise<vscode.WebviewPanel> {
        if (this.panel) {
            this.panel.reveal(vscode.ViewColumn.Beside);
        } else {
            this.panel = createPanel(this.context, 'mandate.graph', 'Mandate: Delegation Graph');
            this.panel.onDidDispose(() => { this.panel = undefined; });
        }
        await this.refresh();
        return this.panel;
    }

    /** Redraws the open panel; a no-op when it is closed. */
    async refresh(): Promise<void> {
        const panel = this.panel;
        if (!panel) return;
        try {
            const result = await this.client.sendRequest<GraphResult>(GRAPH_REQUEST, { webview: webviewContext(panel.webview) });
            if (this.panel === panel) panel.webview.html = result.html;
        } catch (error) {
            void vscode.window.showErrorMessage(`Mandate could not draw the graph: ${(error as Error).message}`);
        }
    }

    dispose(): void {
        this.panel?.dispose();
    }
}
