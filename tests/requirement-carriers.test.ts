import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkSources } from '../language/engine/check-sources.js';
import type { Role } from '../language/generated/ast.js';
import { DocumentShares } from '../language/workspace/document-shares.js';
import { carriedRequirements, RequirementCarriers } from '../language/workspace/requirement-carriers.js';
import type { WorkspaceModel } from '../language/workspace/workspace-model.js';
import { readTextFolder } from './folder-helpers.js';
import { generateWorkspace } from './fuzz/grammar-generator.js';
import { AS_OF, CLEAN_POLICY } from './helpers.js';
import { Random } from './random-edits.js';
import { afterRandomEdits, Workspace } from './workspace-helpers.js';

/**
 * WorkspaceModel.rolesCarrying is put together from each document's share, carried from one
 * snapshot to the next (workspace/document-shares.ts, requirement-carriers.ts). Whatever edits came before, it must
 * give the roles that a filter of every role by the duties it carries gives: the same role
 * objects, in model order.
 */
const EXAMPLES = fileURLToPath(new URL('../examples/', import.meta.url));

/** The definition: the roles whose carried duties satisfy the requirement, in model order. */
function byDefinition(model: WorkspaceModel, requirementId: string): Role[] {
    return model.roles.filter(role => model.dutiesCarriedBy(role).some(duty => duty.requirements.includes(requirementId)));
}

/** Every requirement cited, the ISO 27001 catalogue and one ID nobody cites; returns how many roles were found. */
function expectAsDefined(model: WorkspaceModel, log: readonly string[] = []): number {
    const cited = [...new Set([...model.responsibilities, ...model.authorities].flatMap(duty => duty.requirements))];
    const ids = [...cited, ...model.catalogue.requirementsOf('ISO27001').map(requirement => requirement.id), 'NOT:A-REQUIREMENT'];
    const fresh = new RequirementCarriers(new DocumentShares(carriedRequirements).of(model.documents, model.roots));
    let found = 0;
    for (const id of ids) {
        const expected = byDefinition(model, id);
        const carried = model.rolesCarrying(id);
        expect(carried.map(role => role.name), `${id}\n${log.join('\n')}`).toEqual(expected.map(role => role.name));
        expect(carried.every((role, index) => role === expected[index] && role === fresh.of(id)[index]), id).toBe(true);
        found += carried.length;
    }
    return found;
}

async function modelOf(files: Record<string, string>): Promise<WorkspaceModel> {
    const sources = Object.entries(files).map(([name, text]) => ({ uri: `file:///ws/${name}`, text }));
    return (await checkSources(sources, { asOf: AS_OF })).services.shared.mandate.WorkspaceModel.get();
}

/** Roles in one file carrying duties declared in another, so that a share reads more than its own file. */
const TEAMS: Record<string, string> = {
    ...CLEAN_POLICY,
    'duties.mandate': `responsibility patching "Patch servers" {
    satisfies ISO27001:A.8.8
}
responsibility access "Review access" {
    satisfies ISO27001:A.5.15, ISO27001:A.5.18
}
`,
    ...Object.fromEntries(Array.from({ length: 4 }, (_, index) => [`team-${index}.mandate`, `role ops-${index} "Operations ${index}" {
    reports to ciso
    responsible for patching${index % 2 === 0 ? ', access' : ''}
}
role audit-${index} "Audit ${index}" {
    reports to ciso
    accountable for access
}
`]))
};

describe('the roles carrying a requirement', () => {
    it('are those its definition gives, for every example', async () => {
        const folders = [`${EXAMPLES}acme`, ...readdirSync(`${EXAMPLES}findings`).map(name => `${EXAMPLES}findings/${name}`)];
        let found = 0;
        for (const folder of folders) found += expectAsDefined(await modelOf(readTextFolder(folder, path => path.endsWith('.mandate'))));
        expect(found).toBeGreaterThan(20);
    });

    it('are those its definition gives, for generated workspaces', async () => {
        const random = new Random(977);
        for (let round = 0; round < 15; round++) expectAsDefined(await modelOf(generateWorkspace(random)));
    });

    it('are those its definition gives after every one of many random edits', async () => {
        for (const seed of [5, 6, 7]) {
            await afterRandomEdits(TEAMS, seed, 50, (workspace, _texts, log) => {
                expect(expectAsDefined(workspace.shared.mandate.WorkspaceModel.get(), log)).toBeGreaterThanOrEqual(log.length === 0 ? 9 : 0);
            });
        }
    }, 120_000);

    it('are worked out again only for the files an edit can concern', async () => {
        const workspace = await Workspace.open(TEAMS, AS_OF);
        const provider = workspace.shared.mandate.WorkspaceModel;
        const store = provider.shares.of(carriedRequirements);
        const carrying = (id: string) => provider.get().rolesCarrying(id).map(role => role.name);
        expect(carrying('ISO27001:A.8.8')).toEqual(['ops-0', 'ops-1', 'ops-2', 'ops-3']);
        let before = store.computed;
        await workspace.write('team-1.mandate', TEAMS['team-1.mandate'].replace('responsible for patching', 'responsible for access'));
        expect(carrying('ISO27001:A.8.8')).toEqual(['ops-0', 'ops-2', 'ops-3']);
        expect(carrying('ISO27001:A.5.18')).toEqual(['ops-0', 'audit-0', 'ops-1', 'audit-1', 'ops-2', 'audit-2', 'audit-3']);
        expect(store.computed - before).toBe(1);
        // The file that declares the duties every team reads: each team's share is redone.
        before = store.computed;
        await workspace.write('duties.mandate', TEAMS['duties.mandate'].replace('ISO27001:A.8.8', 'ISO27001:A.8.9'));
        expect(carrying('ISO27001:A.8.8')).toEqual([]);
        expect(carrying('ISO27001:A.8.9')).toEqual(['ops-0', 'ops-2', 'ops-3']);
        expect(store.computed - before).toBe(1 + 4);
    });
});
