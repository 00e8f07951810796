import { beforeEach, describe, expect, it } from 'vitest';
import { Workspace } from './workspace-helpers.js';

const ORGANIZATION = `organization acme "Acme Ltd" { top management board }
role board "Board of Directors"
person jane "Jane Doe"
`;
// References the organization file, never the other way round: Langium alone would not re-validate
// the organization file when this one changes.
const CISO = `role ciso "CISO" { designated CISO responsible for reporting, conformance accountable for reporting, conformance }
assign jane to ciso since 2024-01-01 appointed by board { announced 2024-01-02 via intranet to all-staff }
responsibility reporting "Report ISMS performance" { satisfies ISO27001:5.3(b) }
responsibility conformance "Keep the ISMS conforming" { satisfies ISO27001:5.3(a) }
`;

describe('workspace-wide findings stay current', () => {
    let workspace: Workspace;

    beforeEach(async () => {
        workspace = new Workspace({ 'organization.mandate': ORGANIZATION, 'ciso.mandate': CISO });
        await workspace.open();
    });

    it('validates every document at start-up', () => {
        expect(workspace.codes('organization.mandate')).toEqual([]);
        expect(workspace.codes('ciso.mandate')).toEqual([]);
        expect(workspace.document('ciso.mandate').diagnostics).toBeDefined();
    });

    it('moves ciso-missing onto the untouched organization file when the CISO file is deleted, and back', async () => {
        await workspace.delete('ciso.mandate');
        expect(workspace.codes('organization.mandate')).toEqual(['ciso-missing', 'isms-conformance-unassigned', 'isms-reporting-unassigned']);
        await workspace.write('ciso.mandate', CISO);
        expect(workspace.codes('organization.mandate')).toEqual([]);
    });

    it('reacts to an edit in another file that removes the designation', async () => {
        await workspace.write('ciso.mandate', CISO.replace('designated CISO', ''));
        expect(workspace.codes('organization.mandate')).toEqual(['ciso-missing']);
        await workspace.write('ciso.mandate', CISO);
        expect(workspace.codes('organization.mandate')).toEqual([]);
    });

    it('reports a duplicate on the old file when a new file repeats its name, and clears it on rename', async () => {
        await workspace.write('extra.mandate', 'person board "Not the board"\n');
        expect(workspace.codes('organization.mandate')).toContain('duplicate-name');
        expect(workspace.codes('extra.mandate')).toContain('duplicate-name');
        await workspace.write('extra.mandate', 'person bob "Bob"\n');
        expect(workspace.codes('organization.mandate')).toEqual([]);
    });

    it('re-validates with a new as-of date', async () => {
        await workspace.write('ciso.mandate', CISO.replace('since 2024-01-01', 'since 2024-01-01 until 2025-12-31'));
        expect(workspace.codes('ciso.mandate')).toEqual([]);
        // Changing the setting schedules a full re-validation under the workspace lock; a read waits for it.
        workspace.shared.mandate.Settings.setAsOf('2026-01-01');
        await workspace.shared.workspace.WorkspaceLock.read(() => undefined);
        // The vacant CISO role is also the accountable role of both its duties.
        expect([...new Set(workspace.codes('ciso.mandate'))].sort()).toEqual(['ciso-vacant', 'raci-accountable']);
    });
});

describe('findings that depend on other files stay equal to a cold build', () => {
    it('re-checks a renewal term when the announcement of its first term, in another file, goes away', async () => {
        const first = 'assign jane to ciso since 2023-01-01 until 2023-12-31 appointed by board { announced 2023-01-02 via intranet to all-staff }\n';
        const workspace = new Workspace({
            'organization.mandate': ORGANIZATION, 'ciso.mandate': CISO.replace('since 2024-01-01', 'since 2024-01-01').replace(/ \{ announced[^}]*\}/, ''),
            'history.mandate': first
        });
        await workspace.open();
        expect(workspace.codes('ciso.mandate')).toEqual([]);
        // Now the tenure that began in 2023 was never announced: reported once, on its first term.
        await workspace.write('history.mandate', first.replace(/ \{ announced[^}]*\}/, ''));
        expect(workspace.codes('history.mandate')).toEqual(['assignment-not-communicated']);
        expect(workspace.codes('ciso.mandate')).toEqual([]);
        // Without the earlier term the 2024 assignment starts its own tenure and needs its own announcement.
        await workspace.delete('history.mandate');
        expect(workspace.codes('ciso.mandate')).toEqual(['assignment-not-communicated']);
    });

    it('re-checks an appointment when the delegation it relies on, in a file it does not reference, is removed', async () => {
        const delegation = 'delegate appoint-analysts from ciso to bob since 2024-01-01\n';
        const files = {
            'organization.mandate': ORGANIZATION + 'person bob "Bob"\nperson omar "Omar"\nrole analyst "Analyst"\nauthority appoint-analysts "Appoint analysts" { may appoint analyst }\n',
            'ciso.mandate': CISO.replace('designated CISO', 'designated CISO authorized to appoint-analysts'),
            'delegation.mandate': delegation,
            'analyst.mandate': 'assign omar to analyst since 2024-06-01 appointed by bob { announced 2024-06-01 via intranet to all-staff }\n'
        };
        const workspace = new Workspace(files);
        await workspace.open();
        expect(workspace.codes('analyst.mandate')).toEqual([]);
        await workspace.write('delegation.mandate', '// withdrawn\n');
        expect(workspace.codes('analyst.mandate')).toEqual(['appointment-authority']);
        await workspace.write('delegation.mandate', delegation);
        expect(workspace.codes('analyst.mandate')).toEqual([]);
    });
});

describe('findings derived from a name that failed to link', () => {
    it('leave an untouched file when a misspelt name in a new file explains them, and come back when it is removed', async () => {
        // ciso.mandate refers to nothing in extra.mandate, so Langium alone would not re-validate it.
        const vacant = CISO.replace(/^assign .*\n/m, '');
        const workspace = new Workspace({ 'organization.mandate': ORGANIZATION, 'ciso.mandate': vacant });
        await workspace.open();
        expect(workspace.codes('ciso.mandate')).toContain('ciso-vacant');
        // `cisoo` is probably `ciso`: its vacancy is derived from the broken name until that is fixed.
        await workspace.write('extra.mandate', 'assign jane to cisoo since 2024-01-01 appointed by board { announced 2024-01-02 via intranet to all-staff }\n');
        expect(workspace.codes('extra.mandate')).toEqual(['linking-error']);
        expect(workspace.codes('ciso.mandate')).toEqual([]);
        await workspace.delete('extra.mandate');
        expect(workspace.codes('ciso.mandate')).toContain('ciso-vacant');
    });
});

describe('workspace model cost', () => {
    it('builds one workspace snapshot per build, however many documents are validated', async () => {
        const files: Record<string, string> = { 'organization.mandate': ORGANIZATION, 'ciso.mandate': CISO };
        for (let i = 0; i < 60; i++) {
            files[`team-${i}.mandate`] = `person p${i} "Person ${i}"\nrole r${i} "Role ${i}" { reports to board }\n`
                + `assign p${i} to r${i} since 2024-01-01 appointed by board { announced 2024-01-02 via email to team }\n`;
        }
        const workspace = new Workspace(files);
        const models = workspace.shared.mandate.WorkspaceModel;
        await workspace.open();
        expect(models.generation).toBe(1);
        const before = models.generation;
        await workspace.write('team-7.mandate', files['team-7.mandate'].replace('Role 7', 'Role seven'));
        // One snapshot for the update; none extra, since no workspace finding moved.
        expect(models.generation - before).toBe(1);
    });
});
