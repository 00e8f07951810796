/**
 * File events a client sends (workspace/didChangeWatchedFiles) change the policy only inside the
 * workspace, as the start-up scan reads it (language/workspace/file-event-scope.ts). Langium loads
 * whatever a change event names, a folder with everything below it: a fuzzed event with an empty
 * URI (`file:///`) loaded every `.mandate` file on the machine until the server ran out of memory
 * (LSP fuzz, seed 4602), and an event for a folder outside the workspace, or for a symbolic link in
 * it, made other files policy. After any such events the server publishes what a fresh one does.
 * Run `npm run build` first when running this file alone.
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileChangeType, type FileEvent } from 'vscode-languageserver-protocol/node';
import { BenchSession } from '../bench/lsp-session.js';
import { CLEAN_POLICY } from './helpers.js';
import { createWorkspace, disposeAllClients, fileUri, removeAllWorkspaces, SERVER_PATH, workspaceUri } from './lsp-client.js';

const CASE_TIMEOUT_MS = 90_000;

let folder: string;
let outside: string;
/** What a fresh server publishes for the workspace, links and all, per file. */
let fresh: Map<string, string>;

beforeAll(async () => {
    folder = await createWorkspace({ ...CLEAN_POLICY, 'team/lead.mandate': 'role team-lead "Team lead" { reports to ciso }\n' });
    outside = await createWorkspace({ 'outsider.mandate': 'role outsider "Outsider from another folder" { reports to board }\nrole ciso "A second CISO"\n' });
    // Links in the workspace: to a folder and a policy outside it, and to a folder inside it.
    symlinkSync(outside, join(folder, 'linked-out'));
    symlinkSync(join(outside, 'outsider.mandate'), join(folder, 'linked-out.mandate'));
    symlinkSync(join(folder, 'team'), join(folder, 'team-alias'));
    fresh = await BenchSession.freshDiagnostics(SERVER_PATH, folder);
    expect([...fresh.keys()].sort()).toEqual(['organization.mandate', 'people.mandate', 'roles.mandate', 'team/lead.mandate']);
}, CASE_TIMEOUT_MS);

afterAll(async () => {
    await disposeAllClients();
    await removeAllWorkspaces();
});

async function symbols(session: BenchSession, query: string): Promise<string[]> {
    const found = await session.client.connection.sendRequest('workspace/symbol', { query }) as Array<{ name: string; location: { uri: string } }>;
    return found.map(symbol => `${symbol.name.split(" ")[0]} ${symbol.location.uri}`);
}

const event = (uri: string, type: FileChangeType): FileEvent => ({ uri, type });

describe('file events outside the workspace change nothing', () => {
    it.each([
        ['an empty URI, which is the file system root', () => ''],
        ['the file system root', () => 'file:///'],
        ['a folder outside the workspace', () => fileUri(outside)],
        ['a policy outside the workspace', () => fileUri(join(outside, 'outsider.mandate'))],
        ['a path that climbs out with ..', () => `${workspaceUri(folder, 'team')}/../../${outside.split('/').at(-1)}/outsider.mandate`],
        ['a link to a folder outside', () => workspaceUri(folder, 'linked-out')],
        ['a link to a policy outside', () => workspaceUri(folder, 'linked-out.mandate')],
        ['a link to a folder inside, which the start-up scan skips too', () => workspaceUri(folder, 'team-alias')]
    ])('%s: created or changed loads nothing, deleted drops nothing', async (_name, uriOf) => {
        const session = await BenchSession.start(SERVER_PATH, folder);
        try {
            await session.settle();
            expect(session.diagnosticsByFile()).toEqual(fresh);
            const uri = uriOf();
            await session.client.didChangeWatchedFiles([event(uri, FileChangeType.Created), event(uri, FileChangeType.Changed)]);
            await session.settle();
            expect(await symbols(session, 'outsider')).toEqual([]);
            expect(await symbols(session, 'team-lead')).toEqual([`team-lead ${workspaceUri(folder, 'team/lead.mandate')}`]);
            expect(session.diagnosticsByFile()).toEqual(fresh);

            await session.client.didChangeWatchedFiles([event(uri, FileChangeType.Deleted)]);
            await session.settle();
            expect(await symbols(session, 'jane')).toHaveLength(1);
            expect(session.diagnosticsByFile()).toEqual(fresh);
            // The output channel says what was ignored and why.
            expect(session.client.logMessages.map(log => log.message).filter(text => text.startsWith('Ignored a file event that cannot change the policy'))).toHaveLength(2);
        } finally {
            await session.dispose();
        }
    }, CASE_TIMEOUT_MS);

    it('a policy created inside the workspace, and a folder of them, are still loaded', async () => {
        const session = await BenchSession.start(SERVER_PATH, folder);
        try {
            await session.settle();
            writeFileSync(join(folder, 'new.mandate'), 'role newcomer "Newcomer" { reports to board }\n');
            mkdirSync(join(folder, 'added'));
            writeFileSync(join(folder, 'added', 'zebra.mandate'), 'role zebra-unit "Zebra unit" { reports to board }\n');
            await session.client.didChangeWatchedFiles([event(workspaceUri(folder, 'new.mandate'), FileChangeType.Created), event(workspaceUri(folder, 'added'), FileChangeType.Created)]);
            await session.settle();
            expect(await symbols(session, 'newcomer')).toEqual([`newcomer ${workspaceUri(folder, 'new.mandate')}`]);
            expect(await symbols(session, 'zebra-unit')).toEqual([`zebra-unit ${workspaceUri(folder, 'added/zebra.mandate')}`]);
        } finally {
            await session.dispose();
        }
    }, CASE_TIMEOUT_MS);
});
