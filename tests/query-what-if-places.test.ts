/**
 * What-if findings stand where they are in the files as written: the copy's ` until <date>`
 * insertions move what follows on their line, and the answer maps every place back.
 */
import { describe, expect, test } from 'vitest';
import type { Finding } from '../language/engine/check-sources.js';
import type { Person } from '../language/generated/ast.js';
import { ownWorkspace, whatIf, type WhatIfAnswer } from '../language/query/index.js';
import { leaverEdits } from '../language/query/what-if-edits.js';
import { originalPlaces } from '../language/query/what-if-places.js';
import { queryOn } from './query-fixture.js';

const LINES = [
    'organization acme "Acme" { top management board }',
    'role board "Board"',
    'role ceo "CEO" { reports to board }',
    'role ciso "CISO" { designated CISO reports to ceo responsible for rep accountable for rep }',
    'responsibility rep "Report" { satisfies ISO27001:5.3(b), ISO27001:5.3(a) }',
    'person alice "Alice" { employed since 2020-01-01 }',
    'person carol "Carol" { employed since 2020-01-01 }',
    'person dave "Dave" { employed since 2020-01-01 }',
    'assign alice to board since 2020-01-01 appointed by board { announced 2020-01-01 via email to all-staff }',
    'assign carol to ceo since 2020-01-01 appointed by board { announced 2020-01-01 via email to all-staff }',
    'assign dave to ciso since 2025-04-01 appointed by carol { announced 2025-04-01 via email to all-staff }'
];
/** The tester's policy: carol may not appoint the CISO, a finding after the insertion point of dave's ` until`. */
const POLICY = { 'p.mandate': `${LINES.join('\n')}\n` };
/** Dave's appointment unannounced as well: a finding on `ciso`, before the insertion point on the same line. */
const UNANNOUNCED = { 'p.mandate': POLICY['p.mandate'].replace(' { announced 2025-04-01 via email to all-staff }\n', '\n') };

const places = (list: WhatIfAnswer['findingsAfter']) => list.map(finding => `${finding.rule} ${finding.source.file}:${finding.source.line}:${finding.source.column}`);

describe('what-if places', () => {
    test.each([['a copy', false], ['the run\'s own workspace, changed in place', true]])('in %s: a finding after the insertion is neither appearing nor resolved, and stands where check puts it', async (_title, inPlace) => {
        const context = await queryOn(POLICY);
        const workspace = inPlace ? ownWorkspace(context.shared, context.model.documents) : undefined;
        const answer = await whatIf(context, { kind: 'leaves', person: 'dave' }, '2025-06-30', workspace);
        expect(places(answer.findingsResolved)).toEqual([]);
        expect(places(answer.findingsAppearing).filter(place => place.startsWith('appointment-authority'))).toEqual([]);
        expect(places(answer.findingsAfter)).toContain('appointment-authority p.mandate:11:51');
    });

    test('findings before and after the insertion point on one line keep their columns', async () => {
        const answer = await whatIf(await queryOn(UNANNOUNCED), { kind: 'leaves', person: 'dave' }, '2025-06-30');
        const line11 = places(answer.findingsAfter).filter(place => place.includes(':11:'));
        expect(line11).toEqual(['assignment-not-communicated p.mandate:11:16', 'appointment-authority p.mandate:11:51']);
        expect([...places(answer.findingsAppearing), ...places(answer.findingsResolved)].filter(place => place.includes(':11:'))).toEqual([]);
        expect(places(answer.findingsAppearing).map(place => place.split(' ')[0])).toEqual(['isms-conformance-unassigned', 'isms-reporting-unassigned', 'ciso-vacant', 'raci-accountable']);
    });

    test('a place inside inserted text stands at the insertion point; one after it moves back; other lines and files stay', async () => {
        const context = await queryOn({ ...POLICY, 'q.mandate': 'role other "Other"\n' });
        const dave = context.model.persons.find(person => person.name === 'dave') as Person;
        const map = originalPlaces(context.model, leaverEdits(context.model, dave, '2025-06-29'));
        const uri = 'file:///ws/p.mandate';
        const finding = (line: number, column: number, endColumn: number, extra: Partial<Finding> = {}): Finding =>
            ({ uri, line, column, endLine: line, endColumn, severity: 'warning', rule: 'r', message: 'm', ...extra });
        const at = (mapped: Finding) => [mapped.line, mapped.column, mapped.endLine, mapped.endColumn];
        // Line 11 reads `… since 2025-04-01 until 2025-06-29 appointed by carol …` in the copy: ` until 2025-06-29` (17 characters) at column 37.
        expect(at(map(finding(11, 16, 20)))).toEqual([11, 16, 11, 20]);
        expect(at(map(finding(11, 44, 54)))).toEqual([11, 37, 11, 37]);
        expect(at(map(finding(11, 27, 54)))).toEqual([11, 27, 11, 37]);
        expect(at(map(finding(11, 68, 73)))).toEqual([11, 51, 11, 56]);
        // Dave's employment ends in the copy too: the closing brace of line 8 moves as well.
        expect(at(map(finding(8, 65, 66)))).toEqual([8, 48, 8, 49]);
        expect(at(map(finding(10, 68, 70)))).toEqual([10, 68, 10, 70]);
        expect(at(map(finding(1, 1, 5, { uri: 'file:///ws/q.mandate' })))).toEqual([1, 1, 1, 5]);
        const related = map(finding(4, 6, 10, { related: [{ uri, line: 11, column: 68, endLine: 11, endColumn: 73, message: 'appointed here' }] })).related;
        expect(related).toEqual([{ uri, line: 11, column: 51, endLine: 11, endColumn: 56, message: 'appointed here' }]);
    });
});
