// The editor's saved report links every source from where it is saved: with two workspace folders
// the report names files `<folder>/<path>`, from the folders' parent, so its links climb one level more.
// Runs the bundled server (`npm run bundle` before this file alone).
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { REPORT_REQUEST, type ReportResult } from '../language/lsp/mandate-protocol.js';
import { CLEAN_POLICY } from './helpers.js';
import { disposeAllClients, LspClient, workspaceUri, writeWorkspaceFile } from './lsp-client.js';

const CASE_TIMEOUT_MS = 90_000;
let parent: string | undefined;

afterAll(async () => {
    await disposeAllClients();
    if (parent) await rm(parent, { recursive: true, force: true });
});

describe('source links of the saved report', () => {
    it('resolve from the saved file in a workspace of two folders', async () => {
        parent = await mkdtemp(path.join(tmpdir(), 'mandate-two-folders-'));
        const [a, b] = [path.join(parent, 'a'), path.join(parent, 'b')];
        for (const [name, text] of Object.entries(CLEAN_POLICY)) await writeWorkspaceFile(name === 'people.mandate' ? b : a, name, text);
        const client = await LspClient.start({ workspaceFolders: [a, b], settings: { mandate: { asOf: '2025-06-30' } } });
        await client.waitForDiagnostics(workspaceUri(b, 'people.mandate'));
        const result = await client.connection.sendRequest<ReportResult>(REPORT_REQUEST, { format: 'html' });
        const saved = path.dirname(fileURLToPath(result.target));
        const links = [...result.content.matchAll(/href="([^"#]+\.mandate)(?:#L\d+)?"/g)].map(match => match[1]);
        expect(links.length).toBeGreaterThan(3);
        for (const link of new Set(links)) expect(existsSync(path.resolve(saved, decodeURI(link))), link).toBe(true);
    }, CASE_TIMEOUT_MS);
});
