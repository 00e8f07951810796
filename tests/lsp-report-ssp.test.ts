/**
 * The system security plan through the bundled language server (out/server/main.cjs; run
 * `npm run bundle` before this file alone): the editor's report request renders it with the same
 * engine as the CLI, names the file, and answers a policy that claims nothing a plan could state
 * with the reason instead of a broken plan. No assertion depends on timing.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { ErrorCodes, ResponseError } from 'vscode-languageserver-protocol/node';
import { REPORT_REQUEST, type ReportResult } from '../language/lsp/mandate-protocol.js';
import { CLEAN_POLICY } from './helpers.js';
import { createWorkspace, disposeAllClients, LspClient, removeAllWorkspaces, workspaceUri } from './lsp-client.js';

const CASE_TIMEOUT_MS = 120_000;

afterEach(async () => {
    await disposeAllClients();
});

afterAll(async () => {
    await disposeAllClients();
    await removeAllWorkspaces();
});

async function rejection(promise: Promise<unknown>): Promise<ResponseError<unknown>> {
    try {
        await promise;
    } catch (error) {
        return error as ResponseError<unknown>;
    }
    throw new Error('the request was answered, not refused');
}

describe('the report request for an OSCAL system security plan', () => {
    it('returns the plan and its file, reports/<organization>.oscal-ssp.json', async () => {
        const folder = await createWorkspace(CLEAN_POLICY);
        const client = await LspClient.start({ workspaceFolders: [folder], settings: { mandate: { asOf: '2025-06-30' } } });
        const result = await client.connection.sendRequest<ReportResult>(REPORT_REQUEST, { format: 'oscal-ssp' });
        expect(result.target).toBe(workspaceUri(folder, 'reports/acme.oscal-ssp.json'));
        const plan = JSON.parse(result.content)['system-security-plan'];
        expect(plan.metadata['oscal-version']).toBe('1.0.6');
        expect(plan['system-implementation'].users.map((user: { 'role-ids': string[] }) => user['role-ids'][0])).toContain('ciso');

        const unknown = await rejection(client.connection.sendRequest(REPORT_REQUEST, { format: 'pdf' }));
        expect(unknown.code).toBe(ErrorCodes.InvalidParams);
        expect(unknown.message).toBe("Unknown report format 'pdf'; use md, html, json, oscal, oscal-ssp.");
    }, CASE_TIMEOUT_MS);

    it('is refused with the reason when the claimed frameworks have no requirements', async () => {
        const folder = await createWorkspace({ ...CLEAN_POLICY, 'soa.mandate': 'framework ACME "Acme controls"\nclaims ACME\n' });
        const client = await LspClient.start({ workspaceFolders: [folder], settings: { mandate: { asOf: '2025-06-30' } } });
        const refused = await rejection(client.connection.sendRequest(REPORT_REQUEST, { format: 'oscal-ssp' }));
        expect(refused.code).toBe(ErrorCodes.InvalidRequest);
        expect(refused.message).toMatch(/^The policy claims ACME \(Acme controls, soa\.mandate:2\), which has no requirements/);
        // The other formats still work for the same policy.
        const json = await client.connection.sendRequest<ReportResult>(REPORT_REQUEST, { format: 'json' });
        expect(JSON.parse(json.content).summary.requirements).toEqual([]);
    }, CASE_TIMEOUT_MS);
});
