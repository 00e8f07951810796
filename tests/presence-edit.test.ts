import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Model, Person } from '../language/generated/ast.js';
import { RULES, RULES_BY_ID } from '../language/rules/index.js';
import type { WorkspaceRule } from '../language/rules/rule.js';
import type { IssueCode } from '../language/mandate-issue-codes.js';
import { leavesHoldingsSame } from '../language/workspace/presence-edit.js';
import type { TokenEdit } from '../language/workspace/semantic-fingerprint.js';
import { readTextFolder } from './folder-helpers.js';
import { Random } from './random-edits.js';
import { Workspace } from './workspace-helpers.js';

/**
 * Rules that read whether people are with the organization only through who holds which role when
 * (WorkspaceRule's `readsPresence`) carry their findings over a joining or leaving date typed that
 * moves no holding (workspace/presence-edit.ts), and run again, as a cold build would, after one that does.
 */
const ORGANIZATION = `organization acme "Acme Ltd" { top management board }
role board "Board of Directors"
role ciso "CISO" { designated CISO reports to board responsible for reporting }
role auditor "Internal auditor" { key role reports to board }
responsibility reporting "Report ISMS performance" { satisfies ISO27001:5.3(b) }
`;
const TEAM = `person jane "Jane Doe" { employed since 2020-01-01 }
person omar "Omar Haddad" { employed since 2021-01-01 until 2030-12-31 }
assign jane to ciso since 2024-01-01 appointed by board { announced 2024-01-02 via intranet to all-staff }
assign omar to auditor since 2024-01-01 appointed by jane { announced 2024-01-02 via intranet to all-staff }
`;
const FILES = { 'organization.mandate': ORGANIZATION, 'team.mandate': TEAM };
const THROUGH_HOLDINGS = RULES.filter((rule): rule is WorkspaceRule => rule.scope === 'workspace' && rule.readsPresence === 'through holdings');

function spies() {
    const byId = new Map([...THROUGH_HOLDINGS, RULES_BY_ID.get('leaver-holds-role') as WorkspaceRule].map(rule => [rule.id, vi.spyOn(rule, 'findings')]));
    return { runs: (id: string) => byId.get(id as IssueCode)!.mock.calls.length };
}

async function expectSameAsCold(workspace: Workspace, files: Record<string, string>): Promise<void> {
    const cold = await Workspace.open(files);
    expect(workspace.diagnostics()).toEqual(cold.diagnostics());
}

afterEach(() => vi.restoreAllMocks());

describe('a person\'s employment date typed', () => {
    it('carries over the rules that read presence through holdings when no holding moves', async () => {
        const workspace = await Workspace.open(FILES);
        // 'jane' holds no authority to appoint the auditor: a finding that must carry over, moved to the new tree.
        expect(workspace.codes('team.mandate')).toContain('appointment-authority');
        const { runs } = spies();
        const edited = { ...FILES, 'team.mandate': TEAM.replace('employed since 2020-01-01', 'employed since 2019-06-01') };
        await workspace.write('team.mandate', edited['team.mandate']);
        expect(THROUGH_HOLDINGS.map(rule => rule.id)).toEqual(expect.arrayContaining(['appointment-authority', 'role-vacant', 'ciso-vacant']));
        for (const rule of THROUGH_HOLDINGS) expect(runs(rule.id), rule.id).toBe(0);
        // A rule that reads the dates themselves ran: the edit was not taken for one that says nothing.
        expect(runs('leaver-holds-role')).toBe(1);
        await expectSameAsCold(workspace, edited);
    });

    it('runs them again when a leaving date ends a holding before the as-of date', async () => {
        const workspace = await Workspace.open(FILES);
        expect(workspace.codes('organization.mandate')).not.toContain('role-vacant');
        const { runs } = spies();
        const edited = { ...FILES, 'team.mandate': TEAM.replace('until 2030-12-31', 'until 2024-12-31') };
        await workspace.write('team.mandate', edited['team.mandate']);
        expect(runs('role-vacant')).toBe(1);
        expect(workspace.codes('organization.mandate')).toContain('role-vacant');
        await expectSameAsCold(workspace, edited);
    });

    it('runs them again when a joining date moves past the start of an appointment', async () => {
        const workspace = await Workspace.open(FILES);
        const { runs } = spies();
        const edited = { ...FILES, 'team.mandate': TEAM.replace('employed since 2020-01-01', 'employed since 2024-03-01') };
        await workspace.write('team.mandate', edited['team.mandate']);
        expect(runs('appointment-authority')).toBe(1);
        await expectSameAsCold(workspace, edited);
    });
});

describe('the leaving date typed of someone who appoints by a delegated authority', () => {
    // Kim holds no role: the authority to appoint the auditor reaches her by delegation only, within her first stay.
    const organization = ORGANIZATION.replace('responsible for reporting }', 'responsible for reporting authorized to appoint-auditor }')
        + 'authority appoint-auditor "Appoint the internal auditor" { may appoint auditor }\n';
    const team = `person jane "Jane Doe" { employed since 2020-01-01 }
person kim "Kim Park" { employed since 2020-01-01 until 2030-12-31 external "Park Advisory" engaged since 2023-09-01 }
person omar "Omar Haddad" { employed since 2021-01-01 }
assign jane to ciso since 2022-01-01 appointed by board { announced 2022-01-02 via intranet to all-staff }
delegate appoint-auditor from ciso to kim since 2023-01-01
assign omar to auditor since 2024-01-01 appointed by kim { announced 2024-01-02 via intranet to all-staff }
`;
    const files = { 'organization.mandate': organization, 'team.mandate': team };

    it('runs appointment-authority again when leaving ends the delegation, though no holding moves: she is back, but the delegation is not', async () => {
        const workspace = await Workspace.open(files);
        expect(workspace.codes('team.mandate')).not.toContain('appointment-authority');
        const { runs } = spies();
        const edited = { ...files, 'team.mandate': team.replace('until 2030-12-31', 'until 2023-06-30') };
        await workspace.write('team.mandate', edited['team.mandate']);
        expect(runs('appointment-authority')).toBe(1);
        expect(workspace.codes('team.mandate')).toContain('appointment-authority');
        await expectSameAsCold(workspace, edited);
    });
});

describe('random joining and leaving dates typed', () => {
    it('give in examples/acme what a cold build gives, carrying the rules over where no holding moves', async () => {
        const files: Record<string, string> = readTextFolder(join(import.meta.dirname, '..', 'examples', 'acme'));
        const name = 'people.mandate';
        const workspace = await Workspace.open(files);
        const random = new Random(5);
        const { runs } = spies();
        let carried = 0;
        for (let step = 0; step < 30; step++) {
            const text = files[name];
            // The offset of every date of a person's employment or engagement, its start and its end.
            const places = [...text.matchAll(/(?:employed|engaged) since (\d{4}-\d{2}-\d{2})(?: until (\d{4}-\d{2}-\d{2}))?/g)]
                .flatMap(match => [match.index! + match[0].indexOf(match[1]), ...(match[2] ? [match.index! + match[0].length - 10] : [])]);
            const at = random.pick(places);
            const date = `${2012 + random.int(16)}-${String(1 + random.int(12)).padStart(2, '0')}-${String(1 + random.int(28)).padStart(2, '0')}`;
            files[name] = text.slice(0, at) + date + text.slice(at + 10);
            const before = runs('appointment-authority');
            await workspace.write(name, files[name]);
            if (runs('appointment-authority') === before) carried++;
            const cold = await Workspace.open(files);
            expect(workspace.diagnostics(), `step ${step}: ${text.slice(at, at + 10)} → ${date} at ${at}`).toEqual(cold.diagnostics());
        }
        // Both ways were taken: some dates moved a holding, some did not.
        expect(carried).toBeGreaterThan(0);
        expect(carried).toBeLessThan(30);
    }, 120_000);
});

describe('rules that read presence through holdings', () => {
    // What reads a person's dates themselves, or training status (which asks who is employed): never called in such a rule's file.
    const DIRECT = /\b(isPresentOn|presenceOf|joinedOn|departureOf|isEmployeeOn|employedSince|employedUntil|engagedSince|engagedUntil|trainingStatus|trainingObligations|coverageOn|controlOwners|structuralEvidenceOf)\b/;

    it('read no date of a person directly in their own files', () => {
        expect(THROUGH_HOLDINGS.length).toBeGreaterThan(10);
        for (const rule of THROUGH_HOLDINGS) {
            const source = readFileSync(new URL(`../language/rules/${rule.id}.ts`, import.meta.url), 'utf8');
            expect(source.match(DIRECT)?.[0], rule.id).toBeUndefined();
        }
    });
});

describe('leavesHoldingsSame', () => {
    /** The team file's person `name` before and after `replace`, with the workspace after it. */
    async function edit(name: string, from: string, to: string, team = TEAM) {
        const before = (await Workspace.open({ ...FILES, 'team.mandate': team })).document('team.mandate').parseResult.value as Model;
        const workspace = await Workspace.open({ ...FILES, 'team.mandate': team.replace(from, to) });
        const after = workspace.document('team.mandate').parseResult.value as Model;
        const person = (root: Model) => root.declarations.find(declaration => declaration.$type === 'Person' && declaration.name === name) as Person;
        const model = workspace.shared.mandate.WorkspaceModel.get();
        return (property: string | undefined): boolean => {
            const tokenEdit: TokenEdit = { before: person(before), after: person(after), property, oldText: from, newText: to };
            return leavesHoldingsSame(tokenEdit, model);
        };
    }

    it('says the same for a joining date before every appointment, and for a leaving date after them', async () => {
        expect((await edit('jane', '2020-01-01', '2019-06-01'))('employedSince')).toBe(true);
        expect((await edit('omar', 'until 2030-12-31', 'until 2031-01-31'))('employedUntil')).toBe(false); // an open assignment: held until the person leaves
        const ended = TEAM.replace('assign omar to auditor since 2024-01-01', 'assign omar to auditor since 2024-01-01 until 2026-12-31');
        expect((await edit('omar', 'until 2030-12-31', 'until 2031-01-31', ended))('employedUntil')).toBe(true);
    });

    it('says changed when a holding moves, or for another property', async () => {
        expect((await edit('jane', '2020-01-01', '2024-03-01'))('employedSince')).toBe(false);
        expect((await edit('omar', 'until 2030-12-31', 'until 2024-12-31'))('employedUntil')).toBe(false);
        expect((await edit('jane', '2020-01-01', '2019-06-01'))('title')).toBe(false);
        expect((await edit('jane', '2020-01-01', '2019-06-01'))(undefined)).toBe(false);
    });

    it('reads an assignment date the calendar does not have where it is written, as the model does', async () => {
        const unreal = TEAM.replace('assign jane to ciso since 2024-01-01', 'assign jane to ciso since 2024-02-30');
        expect((await edit('jane', '2020-01-01', '2019-06-01', unreal))('employedSince')).toBe(true);
        expect((await edit('jane', '2020-01-01', '2024-03-05', unreal))('employedSince')).toBe(false); // now she joins after it
    });
});
