/**
 * Outline, workspace symbols and semantic tokens through the bundled language server (run
 * `npm run bundle` first when running this file alone): what a real client is told and receives.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { SymbolKind, type DocumentSymbol, type SemanticTokens, type SemanticTokensLegend, type WorkspaceSymbol } from 'vscode-languageserver';
import { createWorkspace, disposeAllClients, LspClient, removeAllWorkspaces, workspaceUri } from './lsp-client.js';

const FILES = {
    'roles.mandate': 'role ciso "Chief Information Security Officer"\n',
    'people.mandate': 'person jane "Jane Doe"\n',
    'assignments.mandate': 'assign jane to ciso since 2024-01-01 {\n    announced 2024-01-02 via email to all-staff\n}\n'
};

afterEach(async () => { await disposeAllClients(); });
afterAll(async () => { await removeAllWorkspaces(); });

describe('symbols and semantic tokens over LSP', () => {
    it('advertises them, and answers the outline, "Chief" and the tokens of an assignment', async () => {
        const folder = await createWorkspace(FILES);
        const client = await LspClient.start({ workspaceFolders: [folder] });
        const { documentSymbolProvider, workspaceSymbolProvider, semanticTokensProvider } = client.capabilities;
        expect(documentSymbolProvider).toBeTruthy();
        expect(workspaceSymbolProvider).toBeTruthy();
        const legend = (semanticTokensProvider as { legend: SemanticTokensLegend }).legend;
        expect(legend.tokenTypes).toEqual(expect.arrayContaining(['class', 'variable', 'method', 'function', 'event', 'enumMember']));

        const uri = workspaceUri(folder, 'assignments.mandate');
        await client.openDocument(uri, FILES['assignments.mandate']);
        await client.waitForDiagnostics(uri);
        const symbols = await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } }) as DocumentSymbol[];
        expect(symbols).toMatchObject([{
            name: 'jane → ciso', detail: 'Jane Doe as Chief Information Security Officer, since 2024-01-01', kind: SymbolKind.Event,
            children: [{ name: 'announced 2024-01-02', detail: 'via email to all-staff', kind: SymbolKind.Event }]
        }]);

        const found = await client.connection.sendRequest('workspace/symbol', { query: 'Chief' }) as WorkspaceSymbol[];
        expect(found.map(symbol => symbol.name)).toEqual(['ciso — Chief Information Security Officer']);

        const tokens = await client.connection.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri } }) as SemanticTokens;
        // [deltaLine, deltaStart, length, type, modifiers] per token: `jane` a variable, `ciso` a class.
        const types = [];
        for (let i = 0; i < tokens.data.length; i += 5) types.push(legend.tokenTypes[tokens.data[i + 3]]);
        expect(types).toEqual(['variable', 'class']);
        expect(client.serverStderr).toBe('');
    }, 60_000);
});
