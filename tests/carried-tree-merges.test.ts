import { describe, expect, it } from 'vitest';
import { CLEAN_POLICY } from './helpers.js';
import { Workspace } from './workspace-helpers.js';

/**
 * The workspace's merges of the syntax trees' own maps (the names, the look-alike keys) are carried
 * from one snapshot to the next while the trees are (workspace/document-shares.ts, CarriedShares):
 * a role that every team file reports to, renamed, links those files again and so replaces their
 * document shares, but not one of their trees. The names were merged again in full after such a
 * rename, from every file, because the shares' merges were.
 */
const TEAMS = 16;

function files(hub: string): Record<string, string> {
    return {
        ...CLEAN_POLICY,
        'organization.mandate': `${CLEAN_POLICY['organization.mandate']}role ${hub} "Operations hub" { reports to board }\n`,
        ...Object.fromEntries(Array.from({ length: TEAMS }, (_, index) => [`team-${index}.mandate`, `role team-${index} "Team ${index}" {
    reports to hub
}
person member-${index} "Member ${index}" { employed since 2021-01-01 }
assign member-${index} to team-${index} since 2022-01-01 appointed by board { announced 2022-01-03 via email to all-staff }
`]))
    };
}

const TREE_PARTS = ['declarationsByName', 'confusable:name', 'confusable:title'];

describe('merges of the syntax trees\' maps', () => {
    it('are kept when a name every file refers to is renamed', async () => {
        const workspace = await Workspace.open(files('hub'));
        const merges = workspace.shared.mandate.WorkspaceModel.shares;
        const before = TREE_PARTS.map(part => merges.mergedInFull.get(part));
        expect(before.every(count => count !== undefined && count > 0), 'the rules merged each part').toBe(true);
        const shared = merges.mergedInFull.get('assignmentsByRole');

        await workspace.write('organization.mandate', files('hubx')['organization.mandate']);
        expect(workspace.codes('team-3.mandate')).toContain('linking-error');
        expect(TREE_PARTS.map(part => merges.mergedInFull.get(part))).toEqual(before);
        // The shares of the files linked again are new: their merge is done again, as it must be.
        expect(merges.mergedInFull.get('assignmentsByRole')).toBeGreaterThan(shared!);
        const model = workspace.shared.mandate.WorkspaceModel.get();
        expect(model.names.get('hub')).toBeUndefined();
        expect(model.names.get('hubx')?.map(node => node.$container)).toEqual([workspace.document('organization.mandate').parseResult.value]);
        expect(workspace.diagnostics()).toEqual((await Workspace.open(files('hubx'))).diagnostics());

        await workspace.write('organization.mandate', files('hub')['organization.mandate']);
        expect(workspace.codes('team-3.mandate')).not.toContain('linking-error');
        expect(workspace.diagnostics()).toEqual((await Workspace.open(files('hub'))).diagnostics());
    });
});
