import { describe, expect, it } from 'vitest';
import { TrainingGroupStore } from '../language/workspace/training-groups.js';
import { trainingObligations } from '../language/workspace/training-status.js';
import type { TrainingObligation } from '../language/workspace/training-obligation.js';
import { AS_OF, CLEAN_POLICY } from './helpers.js';
import { afterRandomEdits, Workspace } from './workspace-helpers.js';

/**
 * Training obligations are carried from one snapshot to the next per document that declares the
 * people (language/workspace/training-groups.ts). After any edit they must be exactly what a
 * computation from nothing gives on the same snapshot: the same people, programmes, reasons,
 * completions, due dates and states, in the same order.
 */
const TEAMS: Record<string, string> = {
    ...CLEAN_POLICY,
    'training.mandate': `training awareness "Security awareness" {
    audience everyone
    every year
    within 30 days of joining
}
training ops-basics "Operations basics" {
    audience ops
    every 2 years
    within 60 days of appointment
}
completed awareness by jane on 2025-01-10
`,
    'ops.mandate': `role ops "Operations lead" {
    reports to ciso
    requires training ops-basics
}
role ops-deputy "Operations deputy" { reports to ops requires training awareness }
person omar "Omar" { employed since 2021-01-01 }
person lea "Lea" { employed since 2025-05-20 }
person ext "Erin External" { external "Interim Ltd" engaged since 2024-01-01 until 2025-12-31 }
assign omar to ops since 2023-01-01 appointed by board
assign lea to ops-deputy since 2025-05-20 appointed by omar
assign ext to ops since 2025-06-01 appointed by board
completed awareness by omar on 2024-02-01
`,
    'records.mandate': `completed ops-basics by omar on 2023-02-01
completed awareness by lea on 2025-06-02
`
};

/** An obligation as comparable text; the nodes it names must also be the very same objects (checked apart). */
function line(obligation: TrainingObligation): string {
    const { training, person, assignments, everyone, lastCompleted, dueBy, state } = obligation;
    const roles = assignments.map(assignment => assignment.role?.ref?.name).join('+');
    return `${training.name} ${person.name} ${state} everyone=${everyone} roles=${roles} last=${lastCompleted ?? '-'} due=${dueBy ?? '-'}`;
}

function expectAsFromNothing(workspace: Workspace, log: readonly string[]): void {
    const model = workspace.shared.mandate.WorkspaceModel.get();
    const carried = trainingObligations(model, AS_OF);
    const fresh = new TrainingGroupStore().obligations(model, AS_OF);
    expect(carried.map(line), log.join('\n')).toEqual(fresh.map(line));
    carried.forEach((obligation, index) => {
        const other = fresh[index];
        expect(obligation.person === other.person && obligation.training === other.training && obligation.lastCompletion === other.lastCompletion
            && obligation.assignments.every((assignment, at) => assignment === other.assignments[at]), log.join('\n')).toBe(true);
    });
}

describe('training obligations carried across snapshots', () => {
    it('equal a computation from nothing after every one of many random edits', async () => {
        for (const seed of [1, 2, 3, 4]) await afterRandomEdits(TEAMS, seed, 60, (workspace, _texts, log) => expectAsFromNothing(workspace, log));
    }, 120_000);

    it('follow a completion recorded in another file for a person whose own file did not change', async () => {
        const workspace = await Workspace.open(TEAMS, AS_OF);
        const state = () => trainingObligations(workspace.shared.mandate.WorkspaceModel.get(), AS_OF)
            .find(obligation => obligation.person.name === 'ext' && obligation.training.name === 'ops-basics')?.state;
        expect(state()).toBe('due'); // appointed on 2025-06-01: inside the 60 days
        // A file nothing was worked out from before.
        await workspace.write('later.mandate', 'completed ops-basics by ext on 2025-06-10\n');
        expect(state()).toBe('current');
        await workspace.delete('later.mandate');
        expect(state()).toBe('due');
    });

    it('are worked out again only for the people an edit can concern', async () => {
        const teams = Object.fromEntries(Array.from({ length: 6 }, (_, index) => [`team-${index}.mandate`, `person p${index} "Person ${index}" { employed since 2020-01-01 }
completed awareness by p${index} on 2025-03-01
`]));
        const workspace = await Workspace.open({ ...TEAMS, ...teams }, AS_OF);
        const model = () => workspace.shared.mandate.WorkspaceModel.get();
        trainingObligations(model(), AS_OF);
        const store = model().trainingGroups;
        const before = store.computed;
        await workspace.write('team-3.mandate', teams['team-3.mandate'].replace('"Person 3"', '"Person Three"'));
        trainingObligations(model(), AS_OF);
        expect(store.computed - before).toBe(1);
        expectAsFromNothing(workspace, ['retitle p3']);
    });
});
