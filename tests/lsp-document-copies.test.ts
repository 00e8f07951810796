/**
 * Only real files are policy (issue 12). An editor also opens copies of files: the left side of a
 * git diff ("Open Changes", a `git:` URI whose path is the real file's), a rename or refactoring
 * preview, an untitled buffer. The language server used to check such a copy as one more policy
 * file: every name in it became `duplicate-name` against itself (acme went from 0 to 32 errors),
 * and closing the copy kept it, read again from the real file at its path, until a restart.
 * A copy must never change what the workspace publishes, and closing any editor must bring back
 * exactly the diagnostics of the files on disk: what a fresh server publishes.
 * Run `npm run build` first when running this file alone.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DocumentHighlightRequest, ReferencesRequest } from 'vscode-languageserver-protocol/node';
import { URI } from 'vscode-uri';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BenchSession } from '../bench/lsp-session.js';
import { readTextFolder } from './folder-helpers.js';
import { createWorkspace, disposeAllClients, normalizeUri, positionAt, removeAllWorkspaces, SERVER_PATH, workspaceUri } from './lsp-client.js';

const CASE_TIMEOUT_MS = 90_000;
const ACME = join(import.meta.dirname, '..', 'examples', 'acme');

/** What VS Code's git extension opens for "Open Changes" (extensions/git/src/uri.ts, toGitUri): the file's path, another scheme. */
function gitUri(path: string): string {
    return URI.file(path).with({ scheme: 'git', query: JSON.stringify({ path, ref: '~' }) }).toString();
}

/** What the refactoring preview opens for each file of a rename (bulkEditPreview.ts, asPreviewUri). */
function previewUri(path: string): string {
    return URI.file(path).with({ scheme: 'vscode-bulkeditpreview-editor', query: JSON.stringify({ scheme: 'file' }) }).toString();
}

let folder: string;
/** What a fresh server publishes for acme, per file. */
let fresh: Map<string, string>;

beforeAll(async () => {
    folder = await createWorkspace(readTextFolder(ACME));
    fresh = await BenchSession.freshDiagnostics(SERVER_PATH, folder);
    expect(fresh.size).toBeGreaterThan(5);
}, CASE_TIMEOUT_MS);

afterEach(async () => {
    await disposeAllClients();
});

afterAll(async () => {
    await disposeAllClients();
    await removeAllWorkspaces();
});

/** Every URI the server published diagnostics for that is not a policy file (*.mandate) of the workspace folder. */
function publishedOutside(session: BenchSession): string[] {
    const inside = `${normalizeUri(workspaceUri(folder, ''))}/`;
    return [...session.client.published.keys()].filter(uri => !uri.startsWith(inside) || !uri.endsWith('.mandate'));
}

function duplicateNames(session: BenchSession): string[] {
    return [...session.client.published].flatMap(([uri, history]) => (history.at(-1) ?? [])
        .filter(diagnostic => diagnostic.code === 'duplicate-name')
        .map(diagnostic => `${uri.split('/').at(-1)}:${diagnostic.range.start.line + 1}`));
}

describe('copies of policy files are not policy', () => {
    it.each([
        ['a git diff (git:)', gitUri],
        ['a rename preview (vscode-bulkeditpreview-editor:)', previewUri],
        ['an untitled buffer (untitled:)', () => normalizeUri('untitled:Untitled-1')],
        // Opened as Mandate under another name: not policy, as `mandate check` would not read it either.
        ['a file of the folder not named *.mandate (roles.txt)', (path: string) => normalizeUri(URI.file(path.replace(/\.mandate$/, '.txt')).toString())],
        // The stdio fuzz's (seed 4622): a bare name is a file at the root of the disk. Once it was
        // closed no language could read it again, every later build failed on it, and requests waited forever.
        ['a bare name as URI (json)', () => 'json']
    ])('%s of roles.mandate adds no diagnostic while open, and closing it leaves what a fresh server publishes', async (_name, copyUri) => {
        const session = await BenchSession.start(SERVER_PATH, folder);
        await session.settle();
        expect(session.diagnosticsByFile()).toEqual(fresh);

        const path = join(folder, 'roles.mandate');
        const copy = copyUri(path);
        await session.client.openDocument(copy, await readFile(path, 'utf8'));
        await session.settle();
        expect(duplicateNames(session)).toEqual([]);
        expect(publishedOutside(session)).toEqual([]);
        expect(session.diagnosticsByFile()).toEqual(fresh);

        // A request about the copy (find references in the diff) must not bring it in either.
        const text = session.client.textOf(copy);
        await session.client.connection.sendRequest(ReferencesRequest.type, {
            textDocument: { uri: copy }, position: positionAt(text, text.indexOf('role ciso') + 'role '.length), context: { includeDeclaration: true }
        }).catch(() => undefined);
        // An edit to a real file then builds every document the server holds.
        const roles = await session.open('roles.mandate');
        await session.client.insert(roles, '// edited\n');
        await session.settle();
        expect(duplicateNames(session)).toEqual([]);

        await session.client.closeDocument(copy);
        await session.settle();
        // Requests that wait for the workspace to be built are answered, with no edit after the close.
        const rolesText = await readFile(path, 'utf8');
        const highlights = await session.client.connection.sendRequest(DocumentHighlightRequest.type, {
            textDocument: { uri: workspaceUri(folder, 'roles.mandate') }, position: positionAt(rolesText, rolesText.indexOf('role ciso') + 'role '.length)
        });
        expect(highlights?.length).toBeGreaterThan(0);
        await session.client.closeDocument(roles);
        await session.settle();
        expect(duplicateNames(session)).toEqual([]);
        expect(publishedOutside(session)).toEqual([]);
        expect(session.diagnosticsByFile()).toEqual(fresh);
    }, CASE_TIMEOUT_MS);

    it('closing a file whose unsaved text differed from disk brings back the diagnostics of the text on disk', async () => {
        const session = await BenchSession.start(SERVER_PATH, folder);
        await session.settle();
        const roles = await session.open('roles.mandate');
        // Unsaved: the CISO role declared twice.
        await session.client.insert(roles, 'role ciso "Chief Information Security Officer, again"\n');
        await session.settle();
        expect(duplicateNames(session).length).toBeGreaterThan(0);

        await session.client.closeDocument(roles);
        await session.settle();
        expect(duplicateNames(session)).toEqual([]);
        expect(session.diagnosticsByFile()).toEqual(fresh);
    }, CASE_TIMEOUT_MS);
});
