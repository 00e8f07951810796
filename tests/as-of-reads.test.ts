import { afterEach, describe, expect, it, vi } from 'vitest';
import { RULES_BY_ID } from '../language/rules/index.js';
import type { WorkspaceRule } from '../language/rules/rule.js';
import { CLEAN_POLICY, type Files } from './helpers.js';
import { Workspace } from './workspace-helpers.js';

/**
 * Rules that ask who holds what on the as-of date read whether a person is present, or an
 * assignment in force, that day (rules/as-of-reads.ts), not the dates that say so: an edit to a
 * date that stays on the same side of the as-of date carries their findings over; one that
 * crosses it runs them again, and the workspace says what a cold build says. The as-of date is 2025-06-30.
 */
const TEAM = `person omar "Omar Haddad" { employed since 2021-01-01 }
role k1 "Key one" { key role reports to board }
role k2 "Key two" { key role reports to board }
role k3 "Key three" { key role reports to board }
role analyst "Analyst" { reports to ciso responsible for reviews }
responsibility reviews "Review access"
assign jane to k1 since 2024-01-01 appointed by board
assign jane to k2 since 2024-01-01 appointed by board
`;
const FILES: Files = { ...CLEAN_POLICY, 'team.mandate': TEAM };
const AS_OF_RULES = ['raci-accountable', 'person-without-role', 'key-person-concentration'];

function spies() {
    const byId = new Map(AS_OF_RULES.map(id => [id, vi.spyOn(RULES_BY_ID.get(id) as WorkspaceRule, 'findings')]));
    return { runs: (id: string) => byId.get(id)!.mock.calls.length };
}

/** Writes the files and compares with a cold build; `counted` runs between the two, before the cold build runs the rules too. */
async function edited(workspace: Workspace, files: Files, counted: () => void = () => undefined): Promise<void> {
    await workspace.writeAll(files);
    counted();
    expect(workspace.diagnostics()).toEqual((await Workspace.open(files)).diagnostics());
}

afterEach(() => vi.restoreAllMocks());

describe('rules that read the as-of date\'s holdings', () => {
    it('find what they should to start with', async () => {
        const workspace = await Workspace.open(FILES);
        expect(workspace.codes('team.mandate')).toEqual(expect.arrayContaining(['raci-accountable', 'person-without-role']));
        expect(workspace.codes('people.mandate')).toContain('key-person-concentration');
    });

    it('carry their findings over an employment date that stays before the as-of date', async () => {
        const workspace = await Workspace.open(FILES);
        const { runs } = spies();
        await edited(workspace, { ...FILES, 'people.mandate': CLEAN_POLICY['people.mandate'].replace('employed since 2020-01-01', 'employed since 2019-05-17') }, () => {
            for (const id of AS_OF_RULES) expect(runs(id), id).toBe(0);
            // Rules that read employment dates ran: the edit was not taken for one that says the same.
            expect(workspace.shared.mandate.WorkspaceFindings.rulesRun).toBeGreaterThan(0);
        });
    });

    it('run again when the CISO joins after the as-of date: the roles are vacant and she is no employee yet', async () => {
        const workspace = await Workspace.open(FILES);
        const { runs } = spies();
        await edited(workspace, { ...FILES, 'people.mandate': CLEAN_POLICY['people.mandate'].replace('employed since 2020-01-01', 'employed since 2025-07-01') }, () => {
            for (const id of AS_OF_RULES) expect(runs(id), id).toBe(1);
        });
        expect(workspace.codes('people.mandate')).not.toContain('key-person-concentration');
    });

    it('run again when an appointment ends before the as-of date', async () => {
        const workspace = await Workspace.open(FILES);
        const { runs } = spies();
        await edited(workspace, { ...FILES, 'team.mandate': TEAM.replace('k2 since 2024-01-01', 'k2 since 2024-01-01 until 2025-01-31') }, () => {
            expect(runs('key-person-concentration')).toBe(1);
        });
        expect(workspace.codes('people.mandate')).not.toContain('key-person-concentration');
    });

    it('run again when a person who held nothing leaves, or is given a role, or a delegation', async () => {
        const workspace = await Workspace.open(FILES);
        const left = TEAM.replace('employed since 2021-01-01', 'employed since 2021-01-01 until 2025-03-31');
        await edited(workspace, { ...FILES, 'team.mandate': left });
        expect(workspace.codes('team.mandate')).not.toContain('person-without-role');
        const analyst = `${TEAM}assign omar to analyst since 2025-01-01 appointed by board\n`;
        await edited(workspace, { ...FILES, 'team.mandate': analyst });
        expect(workspace.codes('team.mandate')).not.toContain('person-without-role');
        await edited(workspace, { ...FILES, 'team.mandate': `${TEAM}delegate reviews from analyst to omar since 2025-01-01\n` });
        expect(workspace.codes('team.mandate')).not.toContain('person-without-role');
    });

    it('run again when the accountable role gets a holder', async () => {
        const workspace = await Workspace.open(FILES);
        const accountable = TEAM.replace('responsible for reviews', 'responsible for reviews accountable for reviews');
        await edited(workspace, { ...FILES, 'team.mandate': accountable });
        expect(workspace.codes('team.mandate')).toContain('raci-accountable');
        await edited(workspace, { ...FILES, 'team.mandate': `${accountable}assign omar to analyst since 2025-01-01 appointed by board\n` });
        expect(workspace.codes('team.mandate')).not.toContain('raci-accountable');
    });
});

describe('comments that say something', () => {
    const GENERATED = '// Generated by `mandate import` from hr/people.csv. Edit the source, not this file.\n';
    const PEOPLE = 'person omar "Omar Haddad" { employed since 2021-01-01 }\n';

    it('a generated file\'s header: taking it away makes its people hand-written, as a cold build says', async () => {
        const files = { ...CLEAN_POLICY, 'imported.mandate': GENERATED + PEOPLE };
        const workspace = await Workspace.open(files);
        expect(workspace.codes('imported.mandate')).not.toContain('person-without-role');
        await edited(workspace, { ...files, 'imported.mandate': `// Copied from hr/people.csv\n${PEOPLE}` });
        expect(workspace.codes('imported.mandate')).toContain('person-without-role');
        await edited(workspace, files);
        expect(workspace.codes('imported.mandate')).not.toContain('person-without-role');
    });
});
