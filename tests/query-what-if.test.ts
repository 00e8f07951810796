import { describe, expect, test } from 'vitest';
import { collectFindings } from '../language/engine/check-sources.js';
import { ownWorkspace, queryContext, QueryNameError, whatIf, type WhatIfAnswer, type WhatIfScenario } from '../language/query/index.js';
import { AS_OF } from './helpers.js';
import { QUERY_POLICY, queryOn } from './query-fixture.js';

const rules = (list: WhatIfAnswer['findingsAppearing']) => list.map(finding => `${finding.rule} ${finding.source.file}:${finding.source.line}`);

describe('what-if', () => {
    test('the only CISO leaves: the role falls vacant, its duties go uncovered, 5.3 drops and the rules say why', async () => {
        const answer = await whatIf(await queryOn(QUERY_POLICY), { kind: 'leaves', person: 'jane' }, '2025-07-01');
        expect(answer).toMatchObject({ date: '2025-07-01', lastDay: '2025-06-30', subject: { kind: 'person', name: 'jane' } });
        expect(answer.lost.map(lost => `${lost.role.name} ${lost.vacantAfter ? 'vacant' : 'held'} ${lost.assignment.file}:${lost.assignment.line}`))
            .toEqual(['ciso vacant people.mandate:21']);
        expect(answer.vacated.map(role => role.name)).toEqual(['ciso']);
        // risk-assessment stays with the deputy by delegation; monitoring was only the CISO's on that date.
        expect(answer.dutiesUncovered.map(duty => duty.name)).toEqual(['isms-conformance', 'isms-reporting', 'monitoring']);
        expect(answer.clause53).toEqual({ before: 'partly-met', after: 'not-met' });
        expect(answer.requirements[0]).toMatchObject({ requirement: 'ISO27001:5.3', before: 'partly-met', after: 'not-met' });
        expect(rules(answer.findingsAppearing)).toEqual(expect.arrayContaining([
            'ciso-vacant roles.mandate:2', 'isms-conformance-unassigned organization.mandate:2', 'isms-reporting-unassigned organization.mandate:2'
        ]));
        expect(answer.findingsAfter.length).toBeGreaterThan(answer.findingsAppearing.length);
        expect(answer.statusesAfter).toContainEqual({ requirement: 'ISO27001:5.3', status: 'not-met' });
    });

    test('a finding whose message only changes is neither new nor resolved; a future appointment the leaver cannot take up is dropped', async () => {
        const files = {
            ...QUERY_POLICY,
            // nora declares no employment: the copy gives her one that ends, from her first dated record.
            'nora.mandate': 'person nora "Nora North"\nassign nora to analyst since 2024-01-01 appointed by jane\nassign nora to deputy since 2025-09-01\n'
        };
        const answer = await whatIf(await queryOn(files), { kind: 'leaves', person: 'nora' }, '2025-07-01');
        expect(answer.lost.map(lost => `${lost.role.name} ${lost.vacantAfter ? 'vacant' : 'held'}`)).toEqual(['analyst held']);
        expect(answer.vacated).toEqual([]);
        expect(rules(answer.findingsAppearing)).toEqual([]);
        // The 2025-09-01 appointment is gone in the copy, with the finding about it (it does not say who made it).
        expect(rules(answer.findingsResolved)).toEqual(['appointment-authority nora.mandate:3']);
    });

    test('an appointment that ended on an impossible date is left as it is: it ended where its text falls', async () => {
        const files = {
            ...QUERY_POLICY,
            'nora.mandate': 'person nora "Nora North" { employed since 2023-01-01 }\nassign nora to analyst since 2024-01-01 until 2025-02-30 appointed by jane\n'
        };
        const answer = await whatIf(await queryOn(files), { kind: 'leaves', person: 'nora' }, '2025-07-01');
        expect(answer.lost).toEqual([]);
        // The copy does not rewrite the date: its date-invalid finding stays, neither resolved nor new.
        // (She held no role, so the finding that she holds none goes with her.)
        expect(rules(answer.findingsResolved)).toEqual(['person-without-role nora.mandate:1']);
        expect(rules(answer.findingsAppearing)).toEqual([]);
        expect(rules(answer.findingsAfter).filter(finding => finding.startsWith('date-invalid'))).toEqual(['date-invalid nora.mandate:2']);
    });

    test('vacating a role ends every holder\'s term the day before', async () => {
        const answer = await whatIf(await queryOn(QUERY_POLICY), { kind: 'vacate', role: 'deputy' }, AS_OF);
        expect(answer.lost.map(lost => `${lost.person.name} ${lost.role.name} ${lost.vacantAfter ? 'vacant' : 'held'}`)).toEqual(['ivan deputy vacant']);
        expect(answer.vacated.map(role => role.name)).toEqual(['deputy']);
        expect(answer.lastDay).toBe('2025-06-29');
        expect(answer.dutiesUncovered).toEqual([]);
    });

    test('a person who has already left loses nothing, and says so', async () => {
        const answer = await whatIf(await queryOn(QUERY_POLICY), { kind: 'leaves', person: 'leo' }, AS_OF);
        expect(answer.lost).toEqual([]);
        expect(answer.findingsAppearing).toEqual([]);
        expect(answer.findingsResolved).toEqual([]);
        expect(answer.notes.map(note => note.text)).toEqual(['leo has left the organization by 2025-06-30 (with it from 2019-01-01 to 2025-03-31)', 'leo holds no role on 2025-06-30']);
    });

    test('a person who has not joined yet is said to be so, not to have left', async () => {
        const answer = await whatIf(await queryOn(QUERY_POLICY), { kind: 'leaves', person: 'leo' }, '2018-06-30');
        expect(answer.notes.map(note => note.text)).toContain('leo has not joined the organization by 2018-06-30 (with it from 2019-01-01 to 2025-03-31)');
    });

    test('an assignment naming an undeclared person holds nothing: the role left to it is vacant, as its duties are uncovered, with a note', async () => {
        const ghost = { ...QUERY_POLICY, 'ghost.mandate': 'assign ghost to ciso since 2025-01-01 appointed by board\nrole auditor "Auditor"\nassign ghost to auditor since 2024-01-01 appointed by board\n' };
        const context = await queryOn(ghost);
        const answer = await whatIf(context, { kind: 'leaves', person: 'jane' }, '2025-07-01');
        expect(answer.lost.map(lost => `${lost.role.name} ${lost.vacantAfter ? 'vacant' : 'held'}`)).toEqual(['ciso vacant']);
        expect(answer.vacated.map(role => role.name)).toEqual(['ciso']);
        expect(answer.dutiesUncovered.map(duty => duty.name)).toEqual(['isms-conformance', 'isms-reporting', 'monitoring']);
        expect(answer.notes.map(note => `${note.text.split(',')[0]} ${note.source?.file}:${note.source?.line}`))
            .toEqual(["an assignment to ciso in force on 2025-07-01 names 'ghost' ghost.mandate:1"]);
        const vacate = await whatIf(context, { kind: 'vacate', role: 'auditor' }, AS_OF);
        expect(vacate.lost).toEqual([]);
        expect(vacate.notes.map(note => `${note.text.split(',')[0]} ${note.source?.line ?? ''}`))
            .toEqual(['auditor has no holder on 2025-06-30 ', "an assignment to auditor in force on 2025-06-30 names 'ghost' 3"]);
    });

    test('an unknown person is a name error with a suggestion', async () => {
        await expect(whatIf(await queryOn(QUERY_POLICY), { kind: 'leaves', person: 'jan' }, AS_OF)).rejects.toThrow(QueryNameError);
        await expect(whatIf(await queryOn(QUERY_POLICY), { kind: 'vacate', role: 'deputyy' }, AS_OF))
            .rejects.toThrow("no role named 'deputyy' is declared in the workspace; did you mean 'deputy'?");
    });

    describe('in a workspace of its own, changed in place and put back on request (the CLI\'s, a policy-test run\'s)', () => {
        const nora = { ...QUERY_POLICY, 'nora.mandate': 'person nora "Nora North"\nassign nora to analyst since 2024-01-01 appointed by jane\nassign nora to deputy since 2025-09-01 appointed by jane\n' };
        const cases: Array<[string, typeof QUERY_POLICY, WhatIfScenario, string]> = [
            ['the only CISO leaves, on a later date', QUERY_POLICY, { kind: 'leaves', person: 'jane' }, '2025-07-01'],
            ['a leaver with a future appointment', nora, { kind: 'leaves', person: 'nora' }, '2025-07-01'],
            ['a role is vacated', QUERY_POLICY, { kind: 'vacate', role: 'deputy' }, AS_OF],
            ['a person who has already left', QUERY_POLICY, { kind: 'leaves', person: 'leo' }, AS_OF]
        ];
        test.each(cases)('%s: the same answer as a checked copy, and the workspace as it was', async (_title, files, scenario, date) => {
            const copy = await whatIf(await queryOn(files), scenario, date);
            const context = await queryOn(files);
            const documents = context.model.documents;
            const before = { texts: documents.map(document => document.textDocument.getText()), findings: collectFindings(documents) };
            const workspace = ownWorkspace(context.shared, documents);
            const inPlace = await whatIf(context, scenario, date, workspace);
            expect(inPlace).toEqual(copy);
            // The change stays until the run's next step (nobody pays for undoing the last one); `restore` puts it back.
            const changed = documents.some((document, index) => document.textDocument.getText() !== before.texts[index]);
            expect(changed).toBe(scenario.kind === 'vacate' || inPlace.lost.length > 0 || scenario.person === 'nora');
            await workspace.restore();
            // Put back: the same texts, and on the what-if's date the findings of a cold check on that date.
            expect(documents.map(document => document.textDocument.getText())).toEqual(before.texts);
            const cold = await queryOn(files, date);
            expect(collectFindings(documents)).toEqual(collectFindings(cold.model.documents));
            if (date === AS_OF) expect(collectFindings(documents)).toEqual(before.findings);
            // And it answers again as the first time: nothing of the change is left behind.
            const again = queryContext(context.shared);
            expect(await whatIf(again, scenario, date, ownWorkspace(again.shared, again.model.documents))).toEqual(copy);
        });

        test('the next what-if puts the last one\'s change back first: each answers as on the policy as written', async () => {
            const scenarios: WhatIfScenario[] = [{ kind: 'leaves', person: 'jane' }, { kind: 'vacate', role: 'deputy' }, { kind: 'leaves', person: 'jane' }];
            const copies = [];
            for (const scenario of scenarios) copies.push(await whatIf(await queryOn(QUERY_POLICY), scenario, '2025-07-01'));
            const context = await queryOn(QUERY_POLICY);
            const workspace = ownWorkspace(context.shared, context.model.documents);
            for (const [index, scenario] of scenarios.entries()) {
                // Each what-if reads its edits off a snapshot of the policy as written: taken once the last change is back.
                await workspace.restore();
                expect(await whatIf(queryContext(context.shared), scenario, '2025-07-01', workspace)).toEqual(copies[index]);
            }
        });
    });
});
