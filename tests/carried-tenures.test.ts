import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Tenure } from '../language/workspace/tenure.js';
import type { WorkspaceModel } from '../language/workspace/workspace-model.js';
import { readTextFolder } from './folder-helpers.js';
import { AS_OF } from './helpers.js';
import { afterRandomEdits, Workspace } from './workspace-helpers.js';

/**
 * A role's tenures are remembered while its assignments and their people are the same nodes
 * (workspace/tenure.ts). After any edit they must be those of a cold build of the same files.
 */
const ACME = readTextFolder(fileURLToPath(new URL('../examples/acme/', import.meta.url)), path => path.endsWith('.mandate'));

function tenureText(tenure: Tenure): string {
    const terms = tenure.terms.map(term => `${term.since ?? '?'}..${term.until ?? ''}`).join(',');
    return `${tenure.person.name} ${tenure.since ?? '?'}..${tenure.until ?? ''} [${terms}]`;
}

/** The tenures as text; each must name the snapshot's own nodes, never those of a tree an edit replaced. */
function tenures(model: WorkspaceModel): string[] {
    const persons = new Set(model.persons);
    const assignments = new Set(model.assignments);
    return model.roles.flatMap(role => model.tenuresOf(role).map(tenure => {
        expect(tenure.role === role && persons.has(tenure.person) && tenure.terms.every(term => assignments.has(term)), tenureText(tenure)).toBe(true);
        return `${role.name}: ${tenureText(tenure)}`;
    }));
}

describe('tenures carried from one snapshot to the next', () => {
    it('equal those of a cold build after every one of many random edits', async () => {
        for (const seed of [11, 12, 13]) {
            await afterRandomEdits(ACME, seed, 30, async (workspace, texts, log) => {
                const cold = await Workspace.open(Object.fromEntries(texts), AS_OF);
                expect(tenures(workspace.shared.mandate.WorkspaceModel.get()), log.join('\n')).toEqual(tenures(cold.shared.mandate.WorkspaceModel.get()));
            });
        }
    }, 120_000);
});
