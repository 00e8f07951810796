import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
    QUERY_KINDS, QUERY_REQUEST, QUERY_SUBJECTS_REQUEST, type QueryKind, type QueryParams, type QueryResult,
    type QuerySubject, type QuerySubjectKind, type QuerySubjectsParams
} from '../language/lsp/mandate-protocol.js';
import { validateAsOf } from './as-of-command.js';
import type { QueryDocuments } from './query-document.js';

type QueryKindInfo = typeof QUERY_KINDS[number];

const TITLE = 'Mandate: Query';
const SUBJECT_WORDS: Record<QuerySubjectKind, string> = { role: 'Roles', person: 'People', responsibility: 'Responsibilities', authority: 'Authorities' };

function isQueryKind(value: unknown): value is QueryKind {
    return QUERY_KINDS.some(info => info.kind === value);
}

async function pickKind(): Promise<QueryKindInfo | undefined> {
    const picked = await vscode.window.showQuickPick(
        QUERY_KINDS.map(info => ({ label: info.label, detail: info.description, info })),
        { title: TITLE, placeHolder: 'What do you want to know?', matchOnDetail: true });
    return picked?.info;
}

/** The workspace's names the query can be about, grouped by kind, from the server's snapshot. */
async function pickSubject(client: LanguageClient, info: QueryKindInfo): Promise<string | undefined> {
    const params: QuerySubjectsParams = { kinds: info.subject };
    const subjects = await client.sendRequest<QuerySubject[]>(QUERY_SUBJECTS_REQUEST, params);
    if (subjects.length === 0) {
        void vscode.window.showInformationMessage(`Mandate: the workspace declares no ${info.subject.map(kind => SUBJECT_WORDS[kind].toLowerCase()).join(' or ')} to ask about.`);
        return undefined;
    }
    const items: Array<vscode.QuickPickItem & { name?: string }> = [];
    for (const kind of info.subject) {
        const ofKind = subjects.filter(subject => subject.kind === kind);
        if (ofKind.length === 0) continue;
        if (info.subject.length > 1) items.push({ label: SUBJECT_WORDS[kind], kind: vscode.QuickPickItemKind.Separator });
        items.push(...ofKind.map(subject => ({
            label: subject.name,
            description: subject.title === subject.name ? undefined : subject.title,
            detail: `${subject.place.file}:${subject.place.line}`,
            name: subject.name
        })));
    }
    const picked = await vscode.window.showQuickPick(items, { title: `${TITLE}: ${info.label}`, placeHolder: 'Choose one (type to filter)', matchOnDescription: true });
    return picked?.name;
}

/** The day a what-if change takes effect: asked, prefilled with the as-of date (or today). */
async function askDate(info: QueryKindInfo): Promise<string | undefined> {
    const current = vscode.workspace.getConfiguration('mandate').get<string>('asOf')?.trim();
    const value = await vscode.window.showInputBox({
        title: `${TITLE}: ${info.label}`,
        prompt: 'The first day without them (YYYY-MM-DD). Leave empty for the as-of date.',
        placeHolder: 'YYYY-MM-DD',
        value: current ?? '',
        validateInput: validateAsOf
    });
    return value?.trim();
}

/**
 * "Mandate: Query": asks the kind of question and what it is about (the workspace's own names),
 * lets the language server answer it with the query engine on the as-of date, and shows the
 * answer and its explanation in a read-only document whose places are links. Called with
 * `(kind, subject[, date])` by the code lenses and the e2e tests, it asks nothing. Returns the
 * answer's document, or undefined when cancelled or refused.
 */
export async function runQuery(client: LanguageClient, documents: QueryDocuments, kind?: unknown, subject?: unknown, date?: unknown): Promise<vscode.Uri | undefined> {
    const info = isQueryKind(kind) ? QUERY_KINDS.find(candidate => candidate.kind === kind)! : await pickKind();
    if (!info) return undefined;
    const interactive = typeof subject !== 'string' || subject === '';
    const name = interactive ? await pickSubject(client, info) : subject;
    if (!name) return undefined;
    let when = typeof date === 'string' && date !== '' ? date : undefined;
    if (interactive && info.kind.startsWith('what-if')) {
        const asked = await askDate(info);
        if (asked === undefined) return undefined;
        when = asked === '' ? undefined : asked;
    }
    const params: QueryParams = when ? { kind: info.kind, subject: name, date: when } : { kind: info.kind, subject: name };
    try {
        const answer = await vscode.window.withProgress(
            { location: vscode.ProgressLocation.Window, title: 'Mandate: answering the query' },
            (_progress, token) => client.sendRequest<QueryResult>(QUERY_REQUEST, params, token));
        return (await documents.show(answer)).document.uri;
    } catch (error) {
        void vscode.window.showErrorMessage(`Mandate could not answer the query: ${(error as Error).message}`);
        return undefined;
    }
}
