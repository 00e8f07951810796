import { describe, expect, it } from 'vitest';
import { beforeJoiningFindings } from '../language/rules/assignment-before-joining.js';
import { AS_OF, CLEAN_POLICY } from './helpers.js';
import { Workspace } from './workspace-helpers.js';

/**
 * A workspace rule whose findings on a file follow from that file and the declarations its
 * references lead to works them out document by document (WorkspaceModel.sharesOf): an edit to one
 * file looks again at that file and at those that read it, and the findings stay a cold build's.
 */
const TEAM_A = `role analyst-a "Analyst A" { reports to ciso }
person ana "Ana" { employed since 2023-06-01 }
assign ana to analyst-a since 2023-01-01 appointed by board
`;
const TEAM_B = `role analyst-b "Analyst B" { reports to ciso }
assign jane to analyst-b since 2019-01-01 appointed by board
`;
const FILES = { ...CLEAN_POLICY, 'team-a.mandate': TEAM_A, 'team-b.mandate': TEAM_B };

async function expectSameAsCold(workspace: Workspace, files: Record<string, string>): Promise<void> {
    const cold = await Workspace.open(files, AS_OF);
    expect(workspace.diagnostics()).toEqual(cold.diagnostics());
}

describe('assignment-before-joining, document by document', () => {
    it('finds the assignments that start before their person joins, in the file of the person and in another', async () => {
        const workspace = await Workspace.open(FILES, AS_OF);
        expect(workspace.codes('team-a.mandate')).toContain('assignment-before-joining');
        // Jane (people.mandate) joins in 2020: her 2019 assignment in team-b.mandate starts before.
        expect(workspace.codes('team-b.mandate')).toContain('assignment-before-joining');
    });

    it('looks again only at the file edited when nothing else reads it', async () => {
        const workspace = await Workspace.open(FILES, AS_OF);
        const shares = workspace.shared.mandate.WorkspaceModel.shares.of(beforeJoiningFindings);
        const before = shares.computed;
        const edited = { ...FILES, 'team-a.mandate': TEAM_A.replace('employed since 2023-06-01', 'employed since 2022-06-01') };
        await workspace.write('team-a.mandate', edited['team-a.mandate']);
        expect(shares.computed - before).toBe(1);
        expect(workspace.codes('team-a.mandate')).not.toContain('assignment-before-joining');
        await expectSameAsCold(workspace, edited);
    });

    it('looks again at a file whose assignments name a person of the file edited', async () => {
        const workspace = await Workspace.open(FILES, AS_OF);
        const shares = workspace.shared.mandate.WorkspaceModel.shares.of(beforeJoiningFindings);
        const before = shares.computed;
        const edited = { ...FILES, 'people.mandate': CLEAN_POLICY['people.mandate'].replace('employed since 2020-01-01', 'employed since 2018-01-01') };
        await workspace.write('people.mandate', edited['people.mandate']);
        // people.mandate itself and team-b.mandate, which assigns Jane; not team-a.mandate or the others.
        expect(shares.computed - before).toBe(2);
        expect(workspace.codes('team-b.mandate')).not.toContain('assignment-before-joining');
        await expectSameAsCold(workspace, edited);
    });

    it('says what a cold build says when an assignment moves to the person\'s file and back', async () => {
        const workspace = await Workspace.open(FILES, AS_OF);
        const moved = {
            ...FILES,
            'team-b.mandate': TEAM_B.replace('assign jane to analyst-b since 2019-01-01 appointed by board\n', ''),
            'people.mandate': `${CLEAN_POLICY['people.mandate']}assign jane to analyst-b since 2019-01-01 appointed by board\n`
        };
        await workspace.writeAll(moved);
        expect(workspace.codes('people.mandate')).toContain('assignment-before-joining');
        await expectSameAsCold(workspace, moved);
        await workspace.writeAll(FILES);
        await expectSameAsCold(workspace, FILES);
    });
});
