import { afterEach, describe, expect, it, vi } from 'vitest';
import { RULES_BY_ID } from '../language/rules/index.js';
import type { WorkspaceRule } from '../language/rules/rule.js';
import { Workspace } from './workspace-helpers.js';

/**
 * Rules that say which properties they read (rules/properties-read.ts) carry their findings over
 * an edit that changes none of them, and run again, as a cold build would say, after one that does.
 */
const ORGANIZATION = `organization acme "Acme Ltd" { top management board }
role board "Board of Directors"
role ciso "CISO" { designated CISO reports to board responsible for reporting }
framework ACME "Acme controls" { requirement ACME:AC-01 "Access reviews" }
`;
const TEAM = `person jane "Jane Doe" { employed since 2020-01-01 }
person omar "Omar Haddad" { employed since 2021-01-01 }
responsibility reporting "Report ISMS performance" { satisfies ISO27001:5.3(b), ACME:AC-01, ACME:AC-02 }
assign jane to ciso since 2024-01-01 appointed by board { announced 2024-03-20 via intranet to all-staff }
role analyst "Analyst" { reports to ciso }
responsibility reviews "Review access"
assign omar to analyst since 2024-01-01 appointed by board
delegate reporting from ciso to analyst since 2024-02-01
delegate reporting from analyst to ciso since 2024-02-01
`;
const FILES = { 'organization.mandate': ORGANIZATION, 'team.mandate': TEAM };
const READING = ['announcement-late', 'assignment-not-communicated', 'delegation-cycle', 'requirement-unknown', 'unused-responsibility'];

async function expectSameAsCold(workspace: Workspace, files: Record<string, string>): Promise<void> {
    const cold = await Workspace.open(files);
    expect(workspace.diagnostics()).toEqual(cold.diagnostics());
}

/** How often each of READING ran since the spies were set. */
function spies() {
    const byId = new Map(READING.map(id => [id, vi.spyOn(RULES_BY_ID.get(id) as WorkspaceRule, 'findings')]));
    return { runs: (id: string) => byId.get(id)!.mock.calls.length };
}

afterEach(() => vi.restoreAllMocks());

describe('rules that read a few properties', () => {
    it('find what they should in the workspace to start with', async () => {
        const workspace = await Workspace.open(FILES);
        expect(workspace.codes('team.mandate')).toEqual(expect.arrayContaining(READING));
    });

    it('carry their findings over a person\'s employment date, which none of them reads', async () => {
        const workspace = await Workspace.open(FILES);
        const { runs } = spies();
        const edited = { ...FILES, 'team.mandate': TEAM.replace('employed since 2020-01-01', 'employed since 2019-06-01') };
        await workspace.write('team.mandate', edited['team.mandate']);
        for (const id of READING) expect(runs(id), id).toBe(0);
        // Rules that read employment ran: the edit was not taken for one that says the same.
        expect(workspace.shared.mandate.WorkspaceFindings.rulesRun).toBeGreaterThan(0);
        await expectSameAsCold(workspace, edited);
    });

    it('run again when an announcement date changes, and say what a cold build says', async () => {
        const workspace = await Workspace.open(FILES);
        const { runs } = spies();
        const edited = { ...FILES, 'team.mandate': TEAM.replace('announced 2024-03-20', 'announced 2024-01-05') };
        await workspace.write('team.mandate', edited['team.mandate']);
        expect(runs('announcement-late')).toBe(1);
        expect(runs('requirement-unknown')).toBe(0);
        expect(workspace.codes('team.mandate')).not.toContain('announcement-late');
        await expectSameAsCold(workspace, edited);
    });

    it('run again when an announcement is added to an unannounced appointment', async () => {
        const workspace = await Workspace.open(FILES);
        const edited = { ...FILES, 'team.mandate': TEAM.replace('appointed by board\n', 'appointed by board { announced 2024-01-02 via email to all-staff }\n') };
        await workspace.write('team.mandate', edited['team.mandate']);
        expect(workspace.codes('team.mandate')).not.toContain('assignment-not-communicated');
        await expectSameAsCold(workspace, edited);
    });

    it('run again when a delegation\'s period changes, and say what a cold build says', async () => {
        const workspace = await Workspace.open(FILES);
        const { runs } = spies();
        // The two delegations are no longer in force on one day: no cycle.
        const edited = { ...FILES, 'team.mandate': TEAM.replace('to ciso since 2024-02-01', 'to ciso since 2023-01-01 until 2023-12-31') };
        await workspace.write('team.mandate', edited['team.mandate']);
        expect(runs('delegation-cycle')).toBe(1);
        expect(runs('requirement-unknown')).toBe(0);
        expect(workspace.codes('team.mandate')).not.toContain('delegation-cycle');
        await expectSameAsCold(workspace, edited);
    });

    it('run again when a role takes on a duty nobody did', async () => {
        const workspace = await Workspace.open(FILES);
        const { runs } = spies();
        const edited = { ...FILES, 'team.mandate': TEAM.replace('{ reports to ciso }', '{ reports to ciso responsible for reviews }') };
        await workspace.write('team.mandate', edited['team.mandate']);
        expect(runs('unused-responsibility')).toBe(1);
        expect(runs('announcement-late')).toBe(0);
        expect(workspace.codes('team.mandate')).not.toContain('unused-responsibility');
        await expectSameAsCold(workspace, edited);
    });

    it('run again when another file adds a requirement to the organization\'s framework', async () => {
        const workspace = await Workspace.open(FILES);
        const { runs } = spies();
        const edited = { ...FILES, 'organization.mandate': ORGANIZATION.replace('"Access reviews" }', '"Access reviews" requirement ACME:AC-02 "Backups" }') };
        await workspace.write('organization.mandate', edited['organization.mandate']);
        expect(runs('requirement-unknown')).toBe(1);
        expect(workspace.codes('team.mandate')).not.toContain('requirement-unknown');
        await expectSameAsCold(workspace, edited);
    });

    it('run again when a name they report changes, though no property they list does', async () => {
        const workspace = await Workspace.open(FILES);
        const edited = {
            'organization.mandate': ORGANIZATION.replace(/\bciso\b/g, 'security-officer'),
            'team.mandate': TEAM.replace(/\bciso\b/g, 'security-officer')
        };
        await workspace.writeAll(edited);
        await expectSameAsCold(workspace, edited);
        expect((workspace.document('team.mandate').diagnostics ?? []).some(diagnostic => String(diagnostic.message).includes("'security-officer'"))).toBe(true);
    });
});
