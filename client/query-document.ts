import * as vscode from 'vscode';
import type { PolicyPlace, QueryResult } from '../language/lsp/mandate-protocol.js';

/**
 * Query answers, shown as read-only documents under the `mandate-query:` scheme: the server's
 * text (as `mandate query --explain` prints it), with every `file:line` it cites linked to that
 * place. One document per question (its title), so asking again refreshes it instead of piling
 * up tabs. The answers live in memory only; a document reopened after a restart says so.
 */
export const QUERY_SCHEME = 'mandate-query';

/** `roles.mandate:12` or `roles.mandate:12:5`, as answers cite places (a path holds no colon). */
const CITATION = /([^\s()[\],;:'"`]+):(\d+)(?::(\d+))?/g;

export class QueryDocuments implements vscode.TextDocumentContentProvider, vscode.DocumentLinkProvider, vscode.Disposable {
    private readonly answers = new Map<string, QueryResult>();
    private readonly changed = new vscode.EventEmitter<vscode.Uri>();
    readonly onDidChange = this.changed.event;

    provideTextDocumentContent(uri: vscode.Uri): string {
        return this.answers.get(uri.toString())?.text
            ?? 'This answer is no longer available: run "Mandate: Query" again.\n';
    }

    provideDocumentLinks(document: vscode.TextDocument): vscode.DocumentLink[] {
        const answer = this.answers.get(document.uri.toString());
        if (!answer) return [];
        const places = new Map(answer.places.map(place => [`${place.file}:${place.line}`, place]));
        const links: vscode.DocumentLink[] = [];
        for (let line = 0; line < document.lineCount; line++) {
            for (const match of document.lineAt(line).text.matchAll(CITATION)) {
                const place = places.get(`${match[1]}:${match[2]}`);
                if (!place) continue;
                const range = new vscode.Range(line, match.index, line, match.index + match[0].length);
                const link = new vscode.DocumentLink(range, placeTarget(place));
                link.tooltip = `Open ${place.file}:${place.line}`;
                links.push(link);
            }
        }
        return links;
    }

    /** Shows `answer` in its document (beside the policy), refreshed if it is open already. */
    async show(answer: QueryResult): Promise<vscode.TextEditor> {
        const uri = vscode.Uri.from({ scheme: QUERY_SCHEME, path: `/${answer.title.replace(/[/\\]/g, '-')}` });
        this.answers.set(uri.toString(), answer);
        this.changed.fire(uri);
        const document = await vscode.workspace.openTextDocument(uri);
        return vscode.window.showTextDocument(document, { preview: true, viewColumn: vscode.ViewColumn.Beside, preserveFocus: false });
    }

    /** The answer a query document shows (the e2e tests read it). */
    answerOf(uri: vscode.Uri): QueryResult | undefined {
        return this.answers.get(uri.toString());
    }

    dispose(): void {
        this.changed.dispose();
        this.answers.clear();
    }
}

/** The place's file, opened with the cursor at the line and column (VS Code reads `#L12,5`). */
export function placeTarget(place: PolicyPlace): vscode.Uri {
    return vscode.Uri.parse(place.uri).with({ fragment: `L${place.line},${place.column}` });
}
