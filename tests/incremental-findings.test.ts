import { describe, expect, it, vi } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkSources } from '../language/engine/check-sources.js';
import { MandateDocumentBuilder } from '../language/workspace/mandate-document-builder.js';
import { computeStatus } from '../language/lsp/mandate-status.js';
import { RULES, RULES_BY_ID } from '../language/rules/index.js';
import { isEnabledByDefault, type WorkspaceRule } from '../language/rules/rule.js';
import { parseConfig } from '../language/config/mandate-config.js';
import { Workspace } from './workspace-helpers.js';

/**
 * Workspace findings carried over an edit that changes what a file looks like but not what it
 * says (language/workspace/workspace-findings.ts, semantic-fingerprint.ts): no rule runs, or only
 * the rules whose messages point at the edited file by line, and the result is a cold build's.
 */
const ORGANIZATION = `organization acme "Acme Ltd" { top management board }
role board "Board of Directors"
role ciso "CISO" { designated CISO responsible for reporting, conformance accountable for reporting, conformance }
`;
const DUTIES = `responsibility reporting "Report ISMS performance" { satisfies ISO27001:5.3(b) }
responsibility conformance "Keep the ISMS conforming" { satisfies ISO27001:5.3(a) }
`;
const PEOPLE = 'person jane "Jane Doe"\nperson omar "Omar Haddad"\n';
/** The workspace rules that run without configuration: a rule that is off is not run at all. */
const WORKSPACE_RULES = RULES.filter(rule => rule.scope === 'workspace' && isEnabledByDefault(rule)).length;

function rulesRun(workspace: Workspace): number {
    return workspace.shared.mandate.WorkspaceFindings.rulesRun;
}

async function expectSameAsCold(workspace: Workspace, files: Record<string, string>): Promise<void> {
    const cold = await Workspace.open(files);
    expect(workspace.diagnostics()).toEqual(cold.diagnostics());
}

describe('workspace findings after an edit that says the same', () => {
    it('runs no workspace rule for a comment, and moves the findings of the edited file with its lines', async () => {
        // No assignment: ciso-vacant and more sit on the organization file.
        const files = { 'organization.mandate': ORGANIZATION, 'duties.mandate': DUTIES, 'people.mandate': PEOPLE };
        const workspace = await Workspace.open(files);
        expect(workspace.codes('organization.mandate')).toContain('ciso-vacant');
        const before = rulesRun(workspace);
        const edited = { ...files, 'organization.mandate': `// Acme's organization\n\n${ORGANIZATION.replace('"CISO" {', '"CISO"   {').replace('conformance }\n', 'conformance } // the CISO\n')}` };
        await workspace.write('organization.mandate', edited['organization.mandate']);
        expect(rulesRun(workspace)).toBe(before);
        const vacant = workspace.document('organization.mandate').diagnostics!.find(diagnostic => diagnostic.code === 'ciso-vacant')!;
        expect(vacant.range.start.line).toBe(4);
        await expectSameAsCold(workspace, edited);
    });

    it('does not work out what each rule reads for an edit that says the same', async () => {
        // Reading a file of 10,000 people for each rule that reads less took longer than running the rules.
        const files = { 'organization.mandate': ORGANIZATION, 'duties.mandate': DUTIES, 'people.mandate': PEOPLE };
        const workspace = await Workspace.open(files);
        type Reading = { readsOf: (...args: unknown[]) => unknown };
        const spies = RULES.flatMap(rule => rule.scope === 'workspace' && (rule as WorkspaceRule).readsOf ? [vi.spyOn(rule as unknown as Reading, 'readsOf')] : []);
        expect(spies.length).toBeGreaterThan(3);
        try {
            await workspace.write('people.mandate', `// People\n${PEOPLE}`);
            for (const spy of spies) expect(spy).not.toHaveBeenCalled();
            // A title typed: the rules that read titles of the file compare what they read.
            await workspace.write('people.mandate', `// People\n${PEOPLE.replace('Jane Doe', 'Jane Dole')}`);
            expect(spies.some(spy => spy.mock.calls.length > 0)).toBe(true);
        } finally {
            for (const spy of spies) spy.mockRestore();
        }
        await expectSameAsCold(workspace, { ...files, 'people.mandate': `// People\n${PEOPLE.replace('Jane Doe', 'Jane Dole')}` });
    });

    it('runs again the rules whose messages name the edited file by line, once its lines moved', async () => {
        const files = { 'organization.mandate': ORGANIZATION, 'duties.mandate': DUTIES, 'people.mandate': PEOPLE, 'more.mandate': 'person jane "Jane D."\n' };
        const workspace = await Workspace.open(files);
        const message = () => workspace.document('more.mandate').diagnostics!.find(diagnostic => diagnostic.code === 'duplicate-name')?.message ?? '';
        expect(message()).toContain('people.mandate:1');
        const before = rulesRun(workspace);
        const edited = { ...files, 'people.mandate': `// People\n${PEOPLE}` };
        await workspace.write('people.mandate', edited['people.mandate']);
        expect(message()).toContain('people.mandate:2');
        const run = rulesRun(workspace) - before;
        expect(run).toBeGreaterThan(0);
        expect(run).toBeLessThan(WORKSPACE_RULES);
        await expectSameAsCold(workspace, edited);
        // A comment at the end moves no line: nothing runs.
        const again = rulesRun(workspace);
        const appended = { ...edited, 'people.mandate': `${edited['people.mandate']}// end\n` };
        await workspace.write('people.mandate', appended['people.mandate']);
        expect(rulesRun(workspace)).toBe(again);
        await expectSameAsCold(workspace, appended);
    });

    it('runs only the rules that read a title of the file when only titles change, and every rule for a stray character', async () => {
        const files = { 'organization.mandate': ORGANIZATION, 'duties.mandate': DUTIES, 'people.mandate': PEOPLE };
        const workspace = await Workspace.open(files);
        let before = rulesRun(workspace);
        const retitled = { ...files, 'people.mandate': PEOPLE.replace('"Omar Haddad"', '"Omar  Haddad"') };
        await workspace.write('people.mandate', retitled['people.mandate']);
        // confusable-name compares every title; a finding's message may show one (util/title-reads.ts).
        expect(rulesRun(workspace) - before).toBeGreaterThan(0);
        expect(rulesRun(workspace) - before).toBeLessThan(WORKSPACE_RULES);
        await expectSameAsCold(workspace, retitled);
        // The same tree, but the lexer skipped another character: its message, which rules read, differs.
        const stray = (char: string) => ({ ...files, 'people.mandate': `${PEOPLE}${char}\n` });
        await workspace.write('people.mandate', stray('§')['people.mandate']);
        before = rulesRun(workspace);
        await workspace.write('people.mandate', stray('¤')['people.mandate']);
        expect(rulesRun(workspace) - before).toBe(WORKSPACE_RULES);
        await expectSameAsCold(workspace, stray('¤'));
    });

    it('runs every rule again after the as-of date changes, though no file did', async () => {
        const files = { 'organization.mandate': ORGANIZATION, 'duties.mandate': DUTIES, 'people.mandate': PEOPLE };
        const workspace = await Workspace.open(files);
        const before = rulesRun(workspace);
        workspace.shared.mandate.Settings.setAsOf('2024-01-01');
        await workspace.shared.workspace.WorkspaceLock.read(() => undefined);
        workspace.shared.mandate.WorkspaceFindings.byDocument();
        expect(rulesRun(workspace) - before).toBe(WORKSPACE_RULES);
    });

    it('runs no rule when an edit is undone, and keeps the findings placed by a range in the file it restores', async () => {
        // `jаne` holds a Cyrillic а: confusable-name reports it by range in people.mandate.
        const people = `${PEOPLE}assign j\u0430ne to ciso since 2024-01-01 appointed by board\n`;
        const files = { 'organization.mandate': ORGANIZATION, 'duties.mandate': DUTIES, 'people.mandate': people };
        const workspace = await Workspace.open(files);
        expect(workspace.codes('people.mandate')).toContain('confusable-name');
        const original = workspace.diagnostics();
        await workspace.write('people.mandate', people.replace('"Omar Haddad"', '"Omar Haddad-Smith"'));
        const before = rulesRun(workspace);
        await workspace.write('people.mandate', people);
        expect(rulesRun(workspace)).toBe(before);
        expect(workspace.diagnostics()).toEqual(original);
        await expectSameAsCold(workspace, files);
        // The state before that one is not kept: a second different text runs the rules again.
        await workspace.write('people.mandate', `${people}person ada "Ada"\n`);
        await workspace.write('people.mandate', `${people}person bea "Bea"\n`);
        expect(rulesRun(workspace) - before).toBe(2 * WORKSPACE_RULES);
        await expectSameAsCold(workspace, { ...files, 'people.mandate': `${people}person bea "Bea"\n` });
    });

    it('runs no rule that is off, and runs it once a configuration turns it on', async () => {
        const assignments = 'assign jane to ciso since 2024-01-01 appointed by board { announced 2024-01-02 via intranet to all-staff }\n';
        const files = { 'organization.mandate': ORGANIZATION, 'duties.mandate': DUTIES, 'people.mandate': PEOPLE, 'assignments.mandate': assignments };
        const workspace = await Workspace.open(files);
        const run = vi.spyOn(RULES_BY_ID.get('role-acknowledgement-missing') as WorkspaceRule, 'findings');
        try {
            workspace.shared.mandate.Settings.setAsOf('2025-01-01');
            await workspace.shared.workspace.WorkspaceLock.read(() => undefined);
            expect(run).not.toHaveBeenCalled();
            expect(workspace.codes('assignments.mandate')).not.toContain('role-acknowledgement-missing');
            workspace.shared.mandate.Settings.setConfig(parseConfig('{ "rules": { "role-acknowledgement-missing": "warning" } }', RULES_BY_ID).config);
            await workspace.shared.workspace.WorkspaceLock.read(() => undefined);
            expect(run).toHaveBeenCalled();
            expect(workspace.codes('assignments.mandate')).toContain('role-acknowledgement-missing');
        } finally {
            run.mockRestore();
        }
    });

    it('keeps the status bar without rebuilding the workspace model, until the policy says something else', async () => {
        const assignments = 'assign jane to ciso since 2024-01-01 appointed by board { announced 2024-01-02 via intranet to all-staff }\n';
        const files = { 'organization.mandate': ORGANIZATION, 'duties.mandate': DUTIES, 'people.mandate': PEOPLE, 'assignments.mandate': assignments };
        const workspace = await Workspace.open(files);
        const status = computeStatus(workspace.shared);
        const models = workspace.shared.mandate.WorkspaceModel;
        await workspace.write('assignments.mandate', `// Appointments\n${assignments}`);
        const generation = models.generation;
        expect(computeStatus(workspace.shared)).toEqual(status);
        expect(models.generation).toBe(generation);
        await workspace.write('assignments.mandate', '');
        expect(computeStatus(workspace.shared).clause53).not.toBe(status.clause53);
        const cold = await Workspace.open({ ...files, 'assignments.mandate': '' });
        expect(computeStatus(workspace.shared)).toEqual(computeStatus(cold.shared));
    });

    it('tell a syntax error that holds back findings from one that holds back none, though the findings are the same rules', async () => {
        const assignments = 'assign jane to ciso since 2024-01-01 appointed by board { announced 2024-01-02 via intranet to all-staff }\n';
        const files = { 'organization.mandate': ORGANIZATION, 'duties.mandate': DUTIES, 'people.mandate': PEOPLE, 'assignments.mandate': assignments.replace('2024-01-01', '2024/01/01') };
        const workspace = await Workspace.open(files);
        // The CISO's appointment does not read: one parsing error, and clause 5.3 is not met in full.
        expect(workspace.codes('assignments.mandate')).toEqual(['parsing-error']);
        expect(computeStatus(workspace.shared).clause53).toBe('partly-met');
        // The appointment reads; a stray word after it is the one parsing error now, and holds nothing back.
        await workspace.write('assignments.mandate', `${assignments}stray\n`);
        expect(workspace.codes('assignments.mandate')).toEqual(['parsing-error']);
        const cold = await Workspace.open({ ...files, 'assignments.mandate': `${assignments}stray\n` });
        expect(computeStatus(cold.shared).clause53).toBe('met');
        expect(computeStatus(workspace.shared)).toEqual(computeStatus(cold.shared));
    });

    it('are computed by one build in a check that reads the record history: setting it also re-validated the documents, racing the check', async () => {
        const folder = mkdtempSync(join(tmpdir(), 'mandate-no-git-'));
        const sources = [{ uri: 'file:///ws/organization.mandate', text: '// Emptied\n' }, { uri: 'file:///ws/roles.mandate', text: '' }];
        const builds = vi.spyOn(MandateDocumentBuilder.prototype, 'build');
        try {
            const checked = await checkSources(sources, { asOf: '2025-06-30', roots: ['file:///ws/'], recordHistory: [folder] });
            await checked.services.shared.workspace.WorkspaceLock.write(() => undefined);
            expect(checked.findings.map(finding => finding.rule)).toEqual(['policy-empty']);
            expect(builds.mock.calls.filter(([documents]) => documents.length === sources.length)).toHaveLength(1);
        } finally {
            builds.mockRestore();
        }
    });
});
