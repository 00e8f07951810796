/**
 * Rules that read more than the policy (the directory drift rules read a directory export,
 * record-late the git history) find nothing when that input is missing. The requirement status
 * says they did not run, and why, instead of counting them as clean evidence.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { URI } from 'langium';
import { afterAll, describe, expect, it } from 'vitest';
import { requirementStatuses } from '../language/applicability/index.js';
import { parseConfig } from '../language/config/mandate-config.js';
import { directoryFromText } from '../language/directory/directory-loader.js';
import { checkSources } from '../language/engine/check-sources.js';
import { RULES_BY_ID } from '../language/rules/index.js';
import { AS_OF, CLEAN_POLICY } from './helpers.js';

const HEADER = 'Employee #,Display Name,Work Email,Job Title,Supervisor Email,Hire Date,Termination Date,Status';
const JANE = '1001,Jane Doe,jane@acme.example,Chief Information Security Officer,,2020-01-01,,Active';

interface Setup {
    readonly csv?: string;
    readonly rules?: Record<string, string>;
    readonly history?: string[];
}

async function rulesOf(requirement: string, { csv, rules = {}, history }: Setup = {}) {
    const configText = JSON.stringify({ rules, ...(csv === undefined ? {} : { directory: { source: 'hr/people.csv' } }) });
    const { config } = parseConfig(configText, RULES_BY_ID);
    const directory = csv === undefined ? undefined
        : directoryFromText(csv, URI.parse('file:///ws/hr/people.csv'), 'hr/people.csv', config.directory!);
    const sources = Object.entries(CLEAN_POLICY).map(([name, text]) => ({ uri: `file:///ws/${name}`, text }));
    const { services, findings } = await checkSources(sources, { asOf: AS_OF, config, directory, recordHistory: history });
    const shared = services.shared;
    const statuses = requirementStatuses(shared.mandate.WorkspaceModel.get(), AS_OF, shared.mandate.Settings, findings.filter(finding => !finding.suppressed));
    const result = statuses.find(entry => entry.requirement.id === requirement)!;
    return { result, state: (rule: string) => result.rules.find(check => check.rule === rule) };
}

describe('rules whose input is missing', () => {
    const folders: string[] = [];
    afterAll(() => folders.forEach(folder => rmSync(folder, { recursive: true, force: true })));

    it('lists the drift rules as not run without a directory, says why once, and leaves the status alone', async () => {
        const { result, state } = await rulesOf('ISO27001:A.5.2');
        expect(state('directory-leaver-holds-role')).toMatchObject({ state: 'not-run', missing: expect.stringContaining('no directory export is configured') });
        expect(state('directory-title-mismatch')?.state).toBe('not-run');
        expect(state('leaver-holds-role')?.state).toBe('clean');
        const notRun = result.reasons.filter(reason => reason.includes('did not run'));
        expect(notRun).toEqual(['The rules directory-leaver-holds-role, directory-title-mismatch, directory-manager-mismatch did not run: '
            + 'no directory export is configured (`directory` in mandate.config.json).']);
        const { result: withDirectory } = await rulesOf('ISO27001:A.5.2', { csv: `${HEADER}\n${JANE}\n` });
        expect(result.status).toBe(withDirectory.status);
    });

    it('runs them with a directory that was read: clean, or with findings', async () => {
        const { result, state } = await rulesOf('ISO27001:A.6.5', { csv: `${HEADER}\n${JANE}\n` });
        expect(state('directory-leaver-holds-role')).toEqual({ rule: 'directory-leaver-holds-role', state: 'clean', findings: [] });
        expect(result.reasons.join(' ')).not.toContain('did not run');
        const left = await rulesOf('ISO27001:A.6.5', { csv: `${HEADER}\n${JANE.replace(',Active', ',Terminated')}\n` });
        expect(left.state('directory-leaver-holds-role')?.state).toBe('findings');
    });

    it('says the export has problems when it could not be read, and that a rule switched off is off', async () => {
        const broken = await rulesOf('ISO27001:A.6.5', { csv: `${HEADER}\n1001,"Jane Doe,jane@acme.example\n` });
        expect(broken.state('directory-leaver-holds-role')).toMatchObject({
            state: 'not-run', missing: 'the directory export hr/people.csv has problems, so it was not compared with the policy'
        });
        const off = await rulesOf('ISO27001:A.6.5', { rules: { 'directory-leaver-holds-role': 'off' } });
        expect(off.state('directory-leaver-holds-role')?.state).toBe('off');
    });

    it('lists record-late as not run without the git history, and outside a repository', async () => {
        const unread = await rulesOf('ISO27001:7.5');
        expect(unread.state('record-late')).toMatchObject({ state: 'not-run', missing: 'the git history was not read (the CLI reads it; the editor does not)' });
        const folder = mkdtempSync(join(tmpdir(), 'mandate-not-run-'));
        folders.push(folder);
        const outside = await rulesOf('ISO27001:7.5', { history: [folder] });
        expect(outside.state('record-late')).toMatchObject({ state: 'not-run', missing: 'the workspace folder is not in a git repository, or git is not available' });
    });
});
