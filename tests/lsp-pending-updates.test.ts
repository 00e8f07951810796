// A request for a document an editor has just opened or changed is answered for the editor's text,
// even while a build of the workspace is still running: the update that takes the new text waits
// behind that build, and the request waits for it (language/workspace/pending-updates.ts). Before,
// Format Document right after opening an edited file returned edits for the file on disk, which
// broke the editor's text. Runs the bundled server (`npm run bundle` before this file alone).
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { DocumentSymbol, TextEdit } from 'vscode-languageserver-protocol';
import { generateWorkspace } from '../bench/generate-workspace.js';
import { createWorkspace, disposeAllClients, LspClient, offsetAt, removeAllWorkspaces, workspaceUri } from './lsp-client.js';

const CASE_TIMEOUT_MS = 90_000;

afterEach(async () => {
    await disposeAllClients();
});

afterAll(async () => {
    await disposeAllClients();
    await removeAllWorkspaces();
});

function apply(text: string, edits: readonly TextEdit[] | null): string {
    const sorted = [...(edits ?? [])].sort((a, b) => offsetAt(text, b.range.start) - offsetAt(text, a.range.start));
    for (const edit of sorted) text = text.slice(0, offsetAt(text, edit.range.start)) + edit.newText + text.slice(offsetAt(text, edit.range.end));
    return text;
}

const ON_DISK = 'role a "A" {\n  key role\n}\n\nrole b "B" {\n  reports to a\n}\n';
/** What the editor has: a header the file on disk lacks, and a role of its own. */
const IN_EDITOR = `// header added in the editor, not saved\nrole c "C"\n${ON_DISK}`;
const FORMATTED = '// header added in the editor, not saved\nrole c "C"\n\nrole a "A" {\n    key role\n}\n\nrole b "B" {\n    reports to a\n}\n';

describe('requests during a build', () => {
    it('format and outline the text the editor opened, not the file on disk, while the first build runs', async () => {
        for (let round = 0; round < 3; round++) {
            // Editors restore their unsaved editors at start-up: the first build of the workspace is still running.
            const folder = await createWorkspace({ ...generateWorkspace(40), 'roles.mandate': ON_DISK });
            const client = await LspClient.start({ workspaceFolders: [folder], settings: { mandate: { asOf: '2025-06-30' } } });
            const roles = workspaceUri(folder, 'roles.mandate');
            await client.openDocument(roles, IN_EDITOR);
            const [edits, symbols] = await Promise.all([
                client.connection.sendRequest<TextEdit[]>('textDocument/formatting', { textDocument: { uri: roles }, options: { tabSize: 4, insertSpaces: true } }),
                client.connection.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: roles } })
            ]);
            expect(apply(IN_EDITOR, edits)).toBe(FORMATTED);
            expect(symbols.map(symbol => symbol.name)).toEqual(['c', 'a', 'b']);
            await client.dispose();
        }
    }, CASE_TIMEOUT_MS);

    it('answer for a new file the editor opened that is not on disk yet, instead of failing', async () => {
        const folder = await createWorkspace(generateWorkspace(40));
        const client = await LspClient.start({ workspaceFolders: [folder], settings: { mandate: { asOf: '2025-06-30' } } });
        const unsaved = workspaceUri(folder, 'unsaved.mandate');
        await client.openDocument(unsaved, IN_EDITOR);
        const symbols = await client.connection.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: unsaved } });
        expect(symbols.map(symbol => symbol.name)).toEqual(['c', 'a', 'b']);
    }, CASE_TIMEOUT_MS);
});
