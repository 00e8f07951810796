import { afterEach, describe, expect, it } from 'vitest';
import { generateBigFile } from '../bench/generate-workspace.js';
import type { Person, Role } from '../language/generated/ast.js';
import { statementReparse } from '../language/statement-edit/statement-reparse.js';
import { referencesOfDocument } from '../language/workspace/declaration-index.js';
import { carriedRequirements } from '../language/workspace/requirement-carriers.js';
import type { WorkspaceModel } from '../language/workspace/workspace-model.js';
import { AS_OF } from './helpers.js';
import { Workspace } from './workspace-helpers.js';

/**
 * A file's share of the reference index follows, for a tree spliced from another (statement-edit/),
 * from the share before with the statement's part changed (language/workspace/spliced-shares.ts).
 * Who holds which role must read as a cold build reads it after every such edit.
 */
function holdings(model: WorkspaceModel): string[] {
    const lines: string[] = [];
    const place = (node: { $containerIndex?: number; $cstNode?: { offset: number } }) => `@${node.$cstNode?.offset}`;
    for (const person of model.persons) lines.push(`${person.name}: ${model.assignmentsOfPerson(person as Person).map(place).join(' ')}`);
    for (const role of model.roles) lines.push(`${role.name}: ${model.assignmentsOf(role as Role).map(place).join(' ')} | ${model.delegationsTo(role as Role).map(place).join(' ')}`);
    return lines;
}

describe('the reference share of a spliced tree', () => {
    const MIN_LENGTH = statementReparse.minLength;
    afterEach(() => { statementReparse.minLength = MIN_LENGTH; });

    it('follows from the share before, and reads as a cold build', async () => {
        statementReparse.minLength = 0;
        const files = generateBigFile(3, 4);
        let text = files['people.mandate'];
        const workspace = await Workspace.open(files, AS_OF);
        const model = () => workspace.shared.mandate.WorkspaceModel.get();
        const shares = workspace.shared.mandate.WorkspaceModel.shares.of(referencesOfDocument);
        const carriers = workspace.shared.mandate.WorkspaceModel.shares.of(carriedRequirements);
        holdings(model());
        // [label, from, to, whether the share follows from the one before]
        const edits: Array<[string, string, string, boolean]> = [
            ['a person\'s employment date', 'employed since 2021-02-01', 'employed since 2021-02-09', true],
            ['an assignment\'s date', 'assign p-1-1 to r-1-1 since 2022-01-01', 'assign p-1-1 to r-1-1 since 2022-01-05', true],
            ['a role\'s title', 'role r-2-0 "Role 2-0"', 'role r-2-0 "Role 2-0 (acting)"', true],
            ['a completion\'s evidence', '{ evidence "LMS 0-3" }', '{ evidence "LMS 0-3 export" }', true],
            ['an assignment moved to another person', 'assign p-2-2 to r-2-2', 'assign p-2-3 to r-2-2', false],
            ['a person renamed', 'person p-0-1 ', 'person p-0-1x ', false],
            ['the name put back', 'person p-0-1x ', 'person p-0-1 ', false]
        ];
        for (const [label, from, to, follows] of edits) {
            expect(text.includes(from), label).toBe(true);
            text = text.replace(from, to);
            const [derived, computed] = [shares.derivedCount, shares.computed];
            await workspace.burst([['people.mandate', text]]);
            const now = holdings(model());
            expect(shares.derivedCount - derived, label).toBe(follows ? 1 : 0);
            if (!follows) expect(shares.computed - computed, label).toBeGreaterThan(0);
            const cold = await Workspace.open({ ...files, 'people.mandate': text }, AS_OF);
            expect(now, label).toEqual(holdings(cold.shared.mandate.WorkspaceModel.get()));
            // Every finding too, those of the rules that read the shares that follow (requirement carriers, completions) among them.
            expect(workspace.diagnostics(), label).toEqual(cold.diagnostics());
        }
        expect(carriers.derivedCount).toBeGreaterThan(0);
    });

    it('is worked out again when a reference of another statement found a target in the same build', async () => {
        statementReparse.minLength = 0;
        const files = generateBigFile(2, 3);
        // An appointment to a role declared nowhere yet.
        let text = files['people.mandate'] + 'assign p-0-0 to r-extra since 2022-01-01 appointed by lead-0\n';
        const workspace = await Workspace.open({ ...files, 'people.mandate': text }, AS_OF);
        const model = () => workspace.shared.mandate.WorkspaceModel.get();
        const shares = workspace.shared.mandate.WorkspaceModel.shares.of(referencesOfDocument);
        holdings(model());
        text = text.replace('employed since 2021-02-01', 'employed since 2021-02-09');
        const derived = shares.derivedCount;
        // One build: the date typed, and the role declared in another file.
        const extra = 'role r-extra "Extra" { reports to lead-0 }\n';
        await workspace.burst([['people.mandate', text], ['extra.mandate', extra]]);
        const now = holdings(model());
        expect(shares.derivedCount - derived).toBe(0);
        expect(now.find(line => line.startsWith('r-extra:'))).toMatch(/^r-extra: @\d+/);
        const cold = await Workspace.open({ ...files, 'people.mandate': text, 'extra.mandate': extra }, AS_OF);
        expect(now).toEqual(holdings(cold.shared.mandate.WorkspaceModel.get()));
    });
});
