import { describe, expect, it } from 'vitest';
import { AS_OF } from './helpers.js';
import { Workspace } from './workspace-helpers.js';

/**
 * A finding that only follows from a name that failed to link is left out (mandate-link-failures.ts).
 * Whether it does can change in another file than the one the finding is on, by an edit that lets
 * the rule carry its findings over (it reads nothing of what changed): the findings carried over are
 * then left out, or not, as a cold build of the new texts leaves them.
 */
const ORGANIZATION = `organization acme "Acme Ltd" { top management board }
role board "Board" { accountable for review }
role ceo "CEO" { reports to board responsible for review }
responsibility review "Management review" { satisfies ISO27001:9.3 }
person jane "Jane" { employed since 2020-01-01 }
assign jane to ceo since 2021-01-01 appointed by board
`;
// `ghost` names nobody: the delegation says nothing, and what it names (`review`, `ceo`) may look ownerless only because of it.
const BROKEN = 'delegate review from ceo to ghost since 2024-01-01\n';
const FIXED = 'delegate review from ceo to jane since 2024-01-01\n';

async function expectSameAsCold(workspace: Workspace, files: Record<string, string>): Promise<void> {
    const cold = await Workspace.open(files, AS_OF);
    expect(workspace.diagnostics()).toEqual(cold.diagnostics());
}

describe('findings left out while a name does not link', () => {
    it('come back when the name is fixed in another file, though the rule carries its findings over', async () => {
        const workspace = await Workspace.open({ 'organization.mandate': ORGANIZATION, 'team.mandate': BROKEN }, AS_OF);
        expect(workspace.codes('organization.mandate')).not.toContain('raci-accountable');
        const fixed = { 'organization.mandate': ORGANIZATION, 'team.mandate': FIXED };
        await workspace.write('team.mandate', FIXED);
        expect(workspace.codes('organization.mandate')).toContain('raci-accountable');
        await expectSameAsCold(workspace, fixed);
    });

    it('go again when the name breaks, and come back on the undo', async () => {
        const workspace = await Workspace.open({ 'organization.mandate': ORGANIZATION, 'team.mandate': FIXED }, AS_OF);
        expect(workspace.codes('organization.mandate')).toContain('raci-accountable');
        await workspace.write('team.mandate', BROKEN);
        await expectSameAsCold(workspace, { 'organization.mandate': ORGANIZATION, 'team.mandate': BROKEN });
        await workspace.write('team.mandate', FIXED);
        await expectSameAsCold(workspace, { 'organization.mandate': ORGANIZATION, 'team.mandate': FIXED });
    });
});
