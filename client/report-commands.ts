import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { REPORT_REQUEST, type ReportParams, type ReportResult } from '../language/lsp/mandate-protocol.js';
import { REPORT_FORMAT_INFO, REPORT_FORMATS, type ReportFormat } from '../language/report/format-info.js';
import { createPanel, webviewContext } from './webview.js';

async function pickFormat(): Promise<ReportFormat | undefined> {
    const picked = await vscode.window.showQuickPick(
        REPORT_FORMATS.map(format => ({ label: REPORT_FORMAT_INFO[format].label, description: REPORT_FORMAT_INFO[format].description, format })),
        { title: 'Mandate: Generate Audit Report', placeHolder: 'Choose the report format' });
    return picked?.format;
}

/**
 * Asks the language server for the report (one engine), writes it where the server says (inside
 * the workspace folder, under mandate.report.outputDir) and opens it the way its format is best
 * read. Returns the written file, for tests and other callers.
 */
export async function generateReport(
    context: vscode.ExtensionContext, client: LanguageClient, requested?: string
): Promise<vscode.Uri | undefined> {
    const format = requested && (REPORT_FORMATS as readonly string[]).includes(requested) ? requested as ReportFormat : await pickFormat();
    if (!format) return undefined;
    // The HTML panel exists first: its webview's nonce and origin go into the page's CSP.
    const panel = format === 'html' ? createPanel(context, 'mandate.report', 'Mandate Audit Report') : undefined;
    try {
        const params: ReportParams = panel ? { format, webview: webviewContext(panel.webview) } : { format };
        const result = await client.sendRequest<ReportResult>(REPORT_REQUEST, params);
        const target = vscode.Uri.parse(result.target);
        await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(target, '..'));
        await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(result.content));
        if (panel) {
            panel.webview.html = result.webviewContent ?? '';
        } else if (format === 'md') {
            await vscode.commands.executeCommand('markdown.showPreview', target);
        } else {
            await vscode.window.showTextDocument(target, { preview: false });
        }
        void vscode.window.setStatusBarMessage(`Mandate: wrote ${vscode.workspace.asRelativePath(target)}`, 5000);
        return target;
    } catch (error) {
        panel?.dispose();
        void vscode.window.showErrorMessage(`Mandate could not generate the report: ${(error as Error).message}`);
        return undefined;
    }
}
