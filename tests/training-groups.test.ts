import { afterEach, describe, expect, it } from 'vitest';
import { spliceOf } from '../language/statement-edit/splice-tree.js';
import { statementReparse } from '../language/statement-edit/statement-reparse.js';
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

    describe('after one statement of a file is parsed alone (statement-edit/)', () => {
        const MIN_LENGTH = statementReparse.minLength;
        afterEach(() => { statementReparse.minLength = MIN_LENGTH; });

        it('equal a computation from nothing after every one of many random edits', async () => {
            statementReparse.minLength = 0;
            let lent = 0;
            for (const seed of [5, 6, 7]) {
                await afterRandomEdits(TEAMS, seed, 60, (workspace, _texts, log) => {
                    expectAsFromNothing(workspace, log);
                    lent = Math.max(lent, workspace.shared.mandate.WorkspaceModel.get().trainingGroups.groupsLent);
                });
            }
            // The edits reached the groups that lend their people's obligations, not only those worked out whole.
            expect(lent).toBeGreaterThan(0);
        }, 120_000);

        it('are worked out again only for the people the statement names, now or before', async () => {
            statementReparse.minLength = 0;
            const people = Array.from({ length: 8 }, (_, index) => `person p${index} "Person ${index}" { employed since 2020-01-0${index + 1} }
assign p${index} to ops-deputy since 2023-01-01 appointed by board
completed awareness by p${index} on 2025-0${(index % 5) + 1}-01
`).join('');
            // p3 is declared a second time in another file: an edit that renames the first lets references reach the second.
            const files = { ...TEAMS, 'people.mandate': people, 'more.mandate': 'person p3b "Person 3b" { employed since 2019-01-01 }\n' };
            const workspace = await Workspace.open(files, AS_OF);
            const model = () => workspace.shared.mandate.WorkspaceModel.get();
            const store = model().trainingGroups;
            trainingObligations(model(), AS_OF);
            let text = people;
            // `whole`: other files are relinked too, and one whose role p0…p7 hold marks the file's people (`incoming`).
            const edits: Array<[label: string, from: string, to: string, people: number | 'whole']> = [
                ['a joining date', 'employed since 2020-01-05', 'employed since 2025-06-20', 1],
                ['a completion moved to another person', 'completed awareness by p2 on', 'completed awareness by p6 on', 2],
                ['an appointment date', 'assign p1 to ops-deputy since 2023-01-01', 'assign p1 to ops-deputy since 2025-06-01', 1],
                ['a person renamed to the name another file declares', 'person p3 "Person 3"', 'person p3b "Person 3"', 'whole'],
                ['the name put back', 'person p3b "Person 3"', 'person p3 "Person 3"', 'whole'],
                ['an assignment to another role', 'assign p0 to ops-deputy since 2023-01-01', 'assign p0 to ops since 2023-01-01', 1]
            ];
            for (const [label, from, to, concerned] of edits) {
                expect(text.includes(from), label).toBe(true);
                text = text.replace(from, to);
                const [groups, worked] = [store.computed, store.peopleComputed];
                await workspace.burst([['people.mandate', text]]);
                expect(spliceOf(workspace.shared.workspace.LangiumDocuments.getDocument(workspace.uri('people.mandate'))!.parseResult.value), label).toBeDefined();
                trainingObligations(model(), AS_OF);
                expect(store.computed - groups, label).toBeGreaterThanOrEqual(1);
                if (concerned === 'whole') expect(store.peopleComputed - worked, label).toBeGreaterThanOrEqual(8);
                else expect(store.peopleComputed - worked, label).toBe(concerned);
                expectAsFromNothing(workspace, [label]);
            }
            // A role edited in the same way: its holders anywhere may need other programmes, so every person of the file is worked out again.
            const roles = TEAMS['ops.mandate'];
            const before = store.peopleComputed;
            await workspace.burst([['ops.mandate', roles.replace('requires training awareness }', 'requires training ops-basics }')]]);
            trainingObligations(model(), AS_OF);
            expect(store.peopleComputed - before).toBeGreaterThanOrEqual(8);
            expectAsFromNothing(workspace, ['a role\'s requirement']);
        });
    });
});
