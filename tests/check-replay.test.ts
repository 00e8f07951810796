import { describe, expect, it, vi } from 'vitest';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ValidationCheck } from 'langium';
import { generateWorkspace } from './fuzz/grammar-generator.js';
import { readTextFolder } from './folder-helpers.js';
import { AS_OF, CLEAN_POLICY } from './helpers.js';
import { Random } from './random-edits.js';
import { diagnosticLine, Workspace } from './workspace-helpers.js';
import { volatileReadCount } from '../language/util/volatile-reads.js';

/**
 * A new as-of date re-validates every document while none changed: the node checks that read no
 * date and no file replay what they found (language/mandate-check-replay.ts), the workspace model
 * is kept, and the diagnostics are always those of a cold build on the new date, in the same order.
 */
const EXAMPLES = fileURLToPath(new URL('../examples/', import.meta.url));
const DATES = ['2023-01-31', AS_OF, '2021-06-30', '2030-01-01', AS_OF];

/** Every document's diagnostics in the order the validator gave them (no sorting: the order must be a cold build's too). */
function inOrder(workspace: Workspace): Map<string, string[]> {
    const result = new Map<string, string[]>();
    for (const document of workspace.shared.workspace.LangiumDocuments.all) {
        result.set(document.uri.path, (document.diagnostics ?? []).map(diagnosticLine));
    }
    return result;
}

async function moveTo(workspace: Workspace, date: string): Promise<void> {
    workspace.shared.mandate.Settings.setAsOf(date);
    await workspace.shared.workspace.WorkspaceLock.read(() => undefined);
}

/** Walks the dates, comparing with a cold build on each; returns how many workspace models were built meanwhile. */
async function expectColdOnEveryDate(files: Record<string, string>): Promise<number> {
    const workspace = await Workspace.open(files, DATES[0]);
    const generation = workspace.shared.mandate.WorkspaceModel.generation;
    for (const date of DATES.slice(1)) {
        await moveTo(workspace, date);
        const cold = await Workspace.open(files, date);
        expect(inOrder(workspace), date).toEqual(inOrder(cold));
    }
    return workspace.shared.mandate.WorkspaceModel.generation - generation;
}

function exampleFolders(): string[] {
    const findings = readdirSync(`${EXAMPLES}findings`).map(name => `${EXAMPLES}findings/${name}`);
    return [`${EXAMPLES}acme`, ...findings];
}

describe('re-validation on another as-of date', () => {
    it('equals a cold build on every date, for every example, without building the workspace model again', async () => {
        for (const folder of exampleFolders()) {
            const files = readTextFolder(folder, path => path.endsWith('.mandate') || path.startsWith('docs/'));
            expect(await expectColdOnEveryDate(files), folder).toBe(0);
        }
    });

    it('equals a cold build on every date, for generated workspaces', async () => {
        const random = new Random(8817);
        for (let round = 0; round < 12; round++) await expectColdOnEveryDate(generateWorkspace(random));
    });

    it('runs again only the checks that read the date', async () => {
        const workspace = await Workspace.open(CLEAN_POLICY, '2024-01-31');
        const settings = workspace.shared.mandate.Settings;
        const plain = vi.fn<ValidationCheck>();
        const dated = vi.fn<ValidationCheck>(() => void settings.asOf());
        workspace.shared.ServiceRegistry.all[0].validation.ValidationRegistry.register({ Person: [plain, dated] });
        await moveTo(workspace, '2024-02-29'); // new checks: everything runs once more, recorded
        const persons = plain.mock.calls.length;
        expect(persons).toBeGreaterThan(0);
        expect(dated.mock.calls.length).toBe(persons);
        await moveTo(workspace, AS_OF); // replayed
        expect(plain.mock.calls.length).toBe(persons);
        expect(dated.mock.calls.length).toBe(2 * persons);
    });

    it('reports a date that became future, or past, on the new date', async () => {
        const files = { ...CLEAN_POLICY, 'late.mandate': 'person lee "Lee Late" { employed since 2025-03-01 }\n' };
        const workspace = await Workspace.open(files, AS_OF);
        expect(workspace.codes('late.mandate')).not.toContain('date-in-future');
        await moveTo(workspace, '2025-01-31');
        expect(workspace.codes('late.mandate')).toContain('date-in-future');
        await moveTo(workspace, AS_OF);
        expect(workspace.codes('late.mandate')).not.toContain('date-in-future');
    });

    it('looks up the files a policy names again: the disk may have changed while no document did', async () => {
        const people = CLEAN_POLICY['people.mandate'];
        expect(people).toContain('"minutes/2024-02-board.pdf"');
        const workspace = await Workspace.open(CLEAN_POLICY, AS_OF);
        expect(workspace.codes('people.mandate')).toContain('evidence-missing');
        workspace.disk.insert(workspace.uri('minutes/2024-02-board.pdf'), '%PDF');
        await moveTo(workspace, '2025-07-31');
        expect(workspace.codes('people.mandate')).not.toContain('evidence-missing');
    });
});

describe('an edit that changes what a file looks like but not what it says', () => {
    it('builds no workspace model, in validation or elsewhere', async () => {
        // With the minutes the policy cites on disk, the edited file has no findings to place.
        const files = { ...CLEAN_POLICY, 'minutes/2024-02-board.pdf': '%PDF' };
        const workspace = await Workspace.open(files, AS_OF);
        expect(workspace.codes('people.mandate')).toEqual([]);
        const models = workspace.shared.mandate.WorkspaceModel;
        const generation = models.generation;
        const people = `// People\n${CLEAN_POLICY['people.mandate']}`;
        await workspace.write('people.mandate', people);
        expect(models.generation).toBe(generation);
        const cold = await Workspace.open({ ...files, 'people.mandate': people }, AS_OF);
        expect(inOrder(workspace)).toEqual(inOrder(cold));
    });
});

describe('an edit that changes a name other files refer to', () => {
    const rename = (from: string, to: string) => CLEAN_POLICY['roles.mandate'].replace(`role ${from} `, `role ${to} `);
    // Undated: assignment-date-missing, a node rule whose finding goes once the role no longer links (LinkFailures).
    const files = { ...CLEAN_POLICY, 'extra.mandate': 'assign jane to ciso appointed by board\n' };

    it('re-validates the files that refer to it as a cold build would, also findings that only follow from a link', async () => {
        const workspace = await Workspace.open(files, AS_OF);
        expect(workspace.codes('extra.mandate')).toContain('assignment-date-missing');
        for (const roles of [rename('ciso', 'ciso2'), CLEAN_POLICY['roles.mandate'], rename('ciso', 'chief')]) {
            await workspace.write('roles.mandate', roles);
            const cold = await Workspace.open({ ...files, 'roles.mandate': roles }, AS_OF);
            expect(inOrder(workspace)).toEqual(inOrder(cold));
            const linked = roles === CLEAN_POLICY['roles.mandate'];
            expect(workspace.codes('extra.mandate').includes('assignment-date-missing'), roles).toBe(linked);
            expect(workspace.codes('people.mandate').includes('linking-error'), roles).toBe(!linked);
        }
    });

    it('does not run again, in the files that refer to it, the checks that read only their own file', async () => {
        const workspace = await Workspace.open(files, AS_OF);
        const plain = vi.fn<ValidationCheck>();
        workspace.shared.ServiceRegistry.all[0].validation.ValidationRegistry.register({ Person: plain });
        await workspace.write('roles.mandate', rename('ciso', 'ciso2')); // new checks: recorded in every file validated
        const persons = plain.mock.calls.length;
        expect(persons).toBeGreaterThan(0);
        await workspace.write('roles.mandate', CLEAN_POLICY['roles.mandate']);
        expect(workspace.codes('people.mandate')).not.toContain('linking-error'); // validated again, replayed
        expect(plain.mock.calls.length).toBe(persons);
    });

    it('does not run again the checks that read the as-of date while it is the same, and runs them on another date', async () => {
        const workspace = await Workspace.open(files, AS_OF);
        const settings = workspace.shared.mandate.Settings;
        const dated = vi.fn<ValidationCheck>(() => void settings.asOf());
        workspace.shared.ServiceRegistry.all[0].validation.ValidationRegistry.register({ Person: dated });
        await workspace.write('roles.mandate', rename('ciso', 'ciso2'));
        const persons = dated.mock.calls.length;
        expect(persons).toBeGreaterThan(0);
        await workspace.write('roles.mandate', CLEAN_POLICY['roles.mandate']);
        expect(workspace.codes('people.mandate')).not.toContain('linking-error'); // validated again, replayed
        expect(dated.mock.calls.length).toBe(persons);
        await moveTo(workspace, '2030-01-01');
        expect(dated.mock.calls.length).toBeGreaterThan(persons);
        const cold = await Workspace.open(files, '2030-01-01');
        expect(inOrder(workspace)).toEqual(inOrder(cold));
    });
});

describe('what counts as reading the disk', () => {
    /** Volatile reads while the file that names `evidence` is validated again after a rename elsewhere. */
    async function readsWith(evidence: string): Promise<number> {
        const files = { ...CLEAN_POLICY, 'extra.mandate': `assign jane to ciso appointed by board {\n    evidence "${evidence}"\n}\n` };
        const workspace = await Workspace.open(files, AS_OF);
        const before = volatileReadCount();
        await workspace.write('roles.mandate', CLEAN_POLICY['roles.mandate'].replace('role ciso ', 'role chief '));
        return volatileReadCount() - before;
    }

    it('is looking a path up, not checking text that names no file (a ticket number): that check is replayed', async () => {
        expect(await readsWith('BOARD-2024-7')).toBeLessThan(await readsWith('minutes/2024-02-board.pdf'));
    });
});
