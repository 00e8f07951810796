// Formatting over LSP (issue 12): the capabilities are advertised, and document, range and on-type
// formatting answer edits that give the canonical layout (language/format/). Runs the bundled server
// (out/server/main.cjs; `npm run bundle` before this file alone).
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { TextEdit } from 'vscode-languageserver-protocol';
import { createWorkspace, disposeAllClients, LspClient, offsetAt, removeAllWorkspaces, workspaceUri } from './lsp-client.js';

const CASE_TIMEOUT_MS = 60_000;

afterEach(async () => {
    await disposeAllClients();
});

afterAll(async () => {
    await disposeAllClients();
    await removeAllWorkspaces();
});

// The editor's own preferences, which the canonical layout does not follow.
const OPTIONS = { tabSize: 2, insertSpaces: false };

function apply(text: string, edits: readonly TextEdit[] | null): string {
    const sorted = [...(edits ?? [])].sort((a, b) => offsetAt(text, b.range.start) - offsetAt(text, a.range.start));
    for (const edit of sorted) {
        text = text.slice(0, offsetAt(text, edit.range.start)) + edit.newText + text.slice(offsetAt(text, edit.range.end));
    }
    return text;
}

async function started(file: string, text: string): Promise<{ client: LspClient; uri: string }> {
    const folder = await createWorkspace({ [file]: text });
    const client = await LspClient.start({ workspaceFolders: [folder], settings: { mandate: { asOf: '2025-06-30' } } });
    const uri = workspaceUri(folder, file);
    await client.openDocument(uri, text);
    await client.waitUntil(() => client.latestDiagnostics(uri) !== undefined, 'the diagnostics of the opened document');
    return { client, uri };
}

const MESSY = 'role  a "A" {key role\n  reports to b}\nrole b "B"  {\n        key role }\n';

describe('formatting over LSP', () => {
    it('advertises document, range and on-type formatting (on `}`)', async () => {
        const { client } = await started('policy.mandate', '');
        expect(client.capabilities.documentFormattingProvider).toBe(true);
        expect(client.capabilities.documentRangeFormattingProvider).toBe(true);
        expect(client.capabilities.documentOnTypeFormattingProvider).toEqual({ firstTriggerCharacter: '}' });
    }, CASE_TIMEOUT_MS);

    it('formats the whole document, whatever the editor\'s tab settings', async () => {
        const { client, uri } = await started('policy.mandate', MESSY);
        const edits = await client.connection.sendRequest<TextEdit[]>('textDocument/formatting', { textDocument: { uri }, options: OPTIONS });
        expect(apply(MESSY, edits)).toBe('role a "A" {\n    key role\n    reports to b\n}\n\nrole b "B" {\n    key role\n}\n');
    }, CASE_TIMEOUT_MS);

    it('formats only the lines of a range', async () => {
        const { client, uri } = await started('policy.mandate', MESSY);
        const range = { start: { line: 2, character: 3 }, end: { line: 3, character: 17 } };
        const edits = await client.connection.sendRequest<TextEdit[]>('textDocument/rangeFormatting', { textDocument: { uri }, range, options: OPTIONS });
        const formatted = apply(MESSY, edits);
        expect(formatted.startsWith('role  a "A" {key role\n  reports to b}\n')).toBe(true);
        expect(formatted.endsWith('role b "B" {\n    key role\n}\n')).toBe(true);
    }, CASE_TIMEOUT_MS);

    it('formats the declaration a typed `}` closes, and nothing else', async () => {
        const text = 'role  a "A" {key role}\nrole b "B" {\n  key role\n      reports to a\n  }\n';
        const { client, uri } = await started('policy.mandate', text);
        const position = { line: 4, character: 3 };
        const edits = await client.connection.sendRequest<TextEdit[]>('textDocument/onTypeFormatting', { textDocument: { uri }, position, ch: '}', options: OPTIONS });
        expect(apply(text, edits)).toBe('role  a "A" {key role}\n\nrole b "B" {\n    key role\n    reports to a\n}\n');
    }, CASE_TIMEOUT_MS);

    it('answers no edits for a document with a syntax error', async () => {
        const { client, uri } = await started('policy.mandate', 'role  a "A" {\n key role\n');
        const edits = await client.connection.sendRequest<TextEdit[]>('textDocument/formatting', { textDocument: { uri }, options: OPTIONS });
        expect(edits ?? []).toEqual([]);
    }, CASE_TIMEOUT_MS);
});
