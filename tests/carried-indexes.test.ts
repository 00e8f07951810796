import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Assignment, Delegation } from '../language/generated/ast.js';
import type { Tenure } from '../language/workspace/tenure.js';
import type { WorkspaceModel } from '../language/workspace/workspace-model.js';
import { readTextFolder } from './folder-helpers.js';
import { AS_OF } from './helpers.js';
import { afterRandomEdits, Workspace } from './workspace-helpers.js';

/**
 * Indexes carried from one workspace snapshot to the next: a role's tenures, remembered while its
 * assignments and their people are the same nodes (workspace/tenure.ts), and who the assignments
 * and delegations name, put together from document shares (workspace/document-shares.ts). After
 * any edit they must be those of a cold build of the same files, and name the snapshot's own nodes.
 */
const ACME = readTextFolder(fileURLToPath(new URL('../examples/acme/', import.meta.url)), path => path.endsWith('.mandate'));

function tenureText(tenure: Tenure): string {
    const terms = tenure.terms.map(term => `${term.since ?? '?'}..${term.until ?? ''}`).join(',');
    return `${tenure.person.name} ${tenure.since ?? '?'}..${tenure.until ?? ''} [${terms}]`;
}

/** The tenures and references as text; each must name the snapshot's own nodes, never those of a tree an edit replaced. */
function indexes(model: WorkspaceModel): string[] {
    const persons = new Set(model.persons);
    const assignments = new Set(model.assignments);
    const delegations = new Set(model.delegations);
    const tenures = model.roles.flatMap(role => model.tenuresOf(role).map(tenure => {
        expect(tenure.role === role && persons.has(tenure.person) && tenure.terms.every(term => assignments.has(term)), tenureText(tenure)).toBe(true);
        return `${role.name}: ${tenureText(tenure)}`;
    }));
    // In order: the lists are merged from documents' shares, carried from the last snapshot (util/multi-map.ts, CarriedMerge).
    const own = <T extends Assignment | Delegation>(list: readonly T[], known: ReadonlySet<T>) => {
        expect(list.every(item => known.has(item))).toBe(true);
        return `[${list.map(item => item.$type === 'Assignment'
            ? `${item.person?.$refText}>${item.role?.$refText}@${item.since ?? ''}`
            : `${item.duty?.$refText}:${item.from?.$refText}>${item.to?.$refText}@${item.since ?? ''}`).join(', ')}]`;
    };
    const references = [
        ...model.roles.map(role => `${role.name} assigned ${own(model.assignmentsOf(role), assignments)}, delegated ${own(model.delegationsTo(role), delegations)}`),
        ...model.persons.map(person => `${person.name} assigned ${own(model.assignmentsOfPerson(person), assignments)}, delegated ${own(model.delegationsTo(person), delegations)}`)
    ];
    return [...tenures, ...references];
}

describe('tenures and references carried from one snapshot to the next', () => {
    it('equal those of a cold build after every one of many random edits', async () => {
        for (const seed of [11, 12, 13]) {
            await afterRandomEdits(ACME, seed, 30, async (workspace, texts, log) => {
                const cold = await Workspace.open(Object.fromEntries(texts), AS_OF);
                expect(indexes(workspace.shared.mandate.WorkspaceModel.get()), log.join('\n')).toEqual(indexes(cold.shared.mandate.WorkspaceModel.get()));
            });
        }
    }, 120_000);

    it('follow a person whose own file changed to the new node, from an assignment in a file that did not', async () => {
        const files = {
            'organization.mandate': 'organization acme "Acme" { top management board }\nrole board "Board"\nrole ciso "CISO" { designated CISO reports to board }\n',
            'people.mandate': 'person jane "Jane" { employed since 2020-01-01 }\n',
            'assignments.mandate': 'assign jane to ciso since 2024-01-01 appointed by board\n'
        };
        const workspace = await Workspace.open(files, AS_OF);
        const model = () => workspace.shared.mandate.WorkspaceModel.get();
        expect(indexes(model())).toContain('jane assigned [jane>ciso@2024-01-01], delegated []');
        await workspace.write('people.mandate', files['people.mandate'].replace('2020-01-01', '2020-02-01'));
        expect(indexes(model())).toContain('jane assigned [jane>ciso@2024-01-01], delegated []');
        expect(model().rolesOfPersonOn(model().persons[0], AS_OF).map(role => role.name)).toEqual(['ciso']);
    });
});
