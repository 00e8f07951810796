/**
 * Code lens, inlay hints and document links over a real connection to the bundled server: the
 * capabilities are announced, the answers follow mandate.asOf, and mandate.inlayHints.names
 * arrives through the editor's settings like mandate.asOf. Run `npm run bundle` first when
 * running this file alone.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { CodeLens, DocumentLink, InlayHint } from 'vscode-languageserver-protocol';
import { createWorkspace, disposeAllClients, LspClient, removeAllWorkspaces, workspaceUri } from './lsp-client.js';

const CASE_TIMEOUT_MS = 60_000;
const POLICY = `role ciso "Chief Information Security Officer" {
    job description "docs/ciso.md"
}
role analyst "Security Analyst"
person jane "Jane Doe"
assign jane to ciso since 2024-03-01
`;

afterEach(async () => {
    await disposeAllClients();
});

afterAll(async () => {
    await disposeAllClients();
    await removeAllWorkspaces();
});

async function start(names?: boolean): Promise<{ client: LspClient; uri: string }> {
    const folder = await createWorkspace({ 'roles.mandate': POLICY, 'docs/ciso.md': '# CISO\n' });
    const mandate = { asOf: '2025-06-30', ...(names === undefined ? {} : { inlayHints: { names } }) };
    const client = await LspClient.start({ workspaceFolders: [folder], settings: { mandate } });
    const uri = workspaceUri(folder, 'roles.mandate');
    await client.waitForDiagnostics(uri);
    return { client, uri };
}

async function inlayLabels(client: LspClient, uri: string): Promise<string[]> {
    const hints: InlayHint[] | null = await client.connection.sendRequest('textDocument/inlayHint', {
        textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 10, character: 0 } }
    });
    return (hints ?? []).map(hint => String(hint.label));
}

describe('code lens, inlay hints and links over LSP', () => {
    it('announces the three features and answers them', async () => {
        const { client, uri } = await start();
        expect(client.capabilities.codeLensProvider).toBeTruthy();
        expect(client.capabilities.inlayHintProvider).toBeTruthy();
        expect(client.capabilities.documentLinkProvider).toBeTruthy();
        expect(client.capabilities.codeLensProvider).toEqual({ resolveProvider: true });
        const listed: CodeLens[] = await client.connection.sendRequest('textDocument/codeLens', { textDocument: { uri } });
        // Listed without titles; the editor resolves the lenses it shows.
        expect(listed.every(lens => lens.command === undefined)).toBe(true);
        const lenses = await Promise.all(listed.map(lens => client.connection.sendRequest<CodeLens>('codeLens/resolve', lens)));
        expect(lenses.map(lens => lens.command?.title)).toEqual(['Held by Jane Doe', 'No duties', 'VACANT', 'No duties', 'Holds Chief Information Security Officer']);
        expect(await inlayLabels(client, uri)).toEqual(['Jane Doe', 'Chief Information Security Officer']);
        const links: DocumentLink[] = await client.connection.sendRequest('textDocument/documentLink', { textDocument: { uri } });
        expect(links.map(link => link.target!.split('/').slice(-2).join('/'))).toEqual(['docs/ciso.md']);
    }, CASE_TIMEOUT_MS);

    it('mandate.inlayHints.names false at start-up, then true after a settings change', async () => {
        const { client, uri } = await start(false);
        expect(await inlayLabels(client, uri)).toEqual([]);
        await client.setSettings({ mandate: { asOf: '2025-06-30', inlayHints: { names: true } } });
        await expect.poll(() => inlayLabels(client, uri), { timeout: 10_000 }).toEqual(['Jane Doe', 'Chief Information Security Officer']);
    }, CASE_TIMEOUT_MS);
});
