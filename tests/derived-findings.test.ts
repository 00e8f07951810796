import { afterEach, describe, expect, it } from 'vitest';
import { statementReparse } from '../language/statement-edit/statement-reparse.js';
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

    describe('the declaration a broken name probably meant', () => {
        const MIN_LENGTH = statementReparse.minLength;
        afterEach(() => { statementReparse.minLength = MIN_LENGTH; });
        const people = (first: string) => `${ORGANIZATION}person ${first} "Sam One" { employed since 2020-01-01 }
person sam-2x "Sam Two" { employed since 2020-01-01 }
`;
        it('is the first of two names as close in model order, after an edit renamed one, as in a cold build', async () => {
            // Read statement by statement, as a large file is: the renamed name then comes last in the workspace's map of names.
            statementReparse.minLength = 0;
            // `sam-x` is as close to `sam-1x` (and `sam-1`) as to `sam-2x`: the first declared is meant, and its person-without-role is left out.
            const files = { 'organization.mandate': people('sam-1'), 'team.mandate': 'assign sam-x to ceo since 2022-01-01 appointed by board\n' };
            const workspace = await Workspace.open(files, AS_OF);
            await expectSameAsCold(workspace, files);
            const renamed = { ...files, 'organization.mandate': people('sam-1x') };
            const spliced = statementReparse.spliced;
            await workspace.write('organization.mandate', renamed['organization.mandate']);
            expect(statementReparse.spliced, 'the rename was read by parsing its statement alone').toBe(spliced + 1);
            const roleless = workspace.document('organization.mandate').diagnostics?.filter(diagnostic => diagnostic.code === 'person-without-role').map(diagnostic => String(diagnostic.message).split(' ')[0]);
            expect(roleless).toEqual(['sam-2x']);
            await expectSameAsCold(workspace, renamed);
        });
    });
});
