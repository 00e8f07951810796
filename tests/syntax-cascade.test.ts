/**
 * A declaration that a syntax error leaves unfinished gets that error only: what the line says
 * after the error is not known, so the rules do not report it "missing" (util/unfinished-declarations.ts).
 */
import { describe, expect, it } from 'vitest';
import { unfinishedSpans, insideUnfinished } from '../language/util/unfinished-declarations.js';
import type { AstNode } from 'langium';
import { check, CLEAN_POLICY, rules, where, withEdit } from './helpers.js';

const ASSIGNMENT = 'assign jane to ciso since 2024-03-01 appointed by board {';

/** people.mandate with the CISO's assignment line changed. */
function withAssignment(line: string): Record<string, string> {
    return withEdit('people.mandate', text => text.replace(ASSIGNMENT, line));
}

describe('findings on a declaration with a syntax error', () => {
    it('gives a date written with slashes one parsing error, not a start date, an appointing party and an announcement missing', async () => {
        const findings = await check(withAssignment('assign jane to ciso since 2024/03/01 appointed by board {'));
        expect(rules(findings)).toEqual(['parsing-error']);
        expect(where(findings, 'parsing-error')).toEqual(['people.mandate:6']);
    });

    it('gives a misspelt keyword after a complete assignment head one parsing error', async () => {
        const findings = await check(withAssignment('assign jane to ciso since 2024-03-01 apointed by board {'));
        expect(rules(findings)).toEqual(['parsing-error']);
    });

    it('still judges the declarations around it', async () => {
        const files = withEdit('people.mandate', text => text.replace(ASSIGNMENT, 'assign jane to ciso since 2024/03/01 appointed by board {')
            + 'person bob "Bob" { employed since 2020-01-01 }\nassign bob to board since 2024-01-01\n');
        const findings = await check(files);
        // Bob's assignment names no appointing party and was never announced: those findings are real.
        expect(where(findings, 'appointment-authority')).toEqual(['people.mandate:11']);
        expect(where(findings, 'assignment-not-communicated')).toEqual(['people.mandate:11']);
        expect(where(findings, 'assignment-date-missing')).toEqual([]);
    });

    it('does not hold back findings on a declaration closed with its brace before the error', async () => {
        const files = withEdit('people.mandate', text => text.replace(
            'assign jane to ciso since 2024-03-01 appointed by board {',
            'assign jane to ciso since 2024-03-01 {'
        ) + 'garbage here\n');
        const findings = await check(files);
        expect(where(findings, 'appointment-authority')).toEqual(['people.mandate:6']);
        expect(where(findings, 'parsing-error')).toEqual(['people.mandate:10']);
    });

    it('keeps the findings about the whole workspace that are only shown on it', async () => {
        // No organization and no CISO: those findings are placed on the file's first declaration, here the unfinished one.
        const findings = await check({ 'policy.mandate': 'training awareness "Security awareness" { audience everyone every }\nperson p "P" { employed since 2020-01-01 }\n' });
        expect(where(findings, 'parsing-error')).toEqual(['policy.mandate:1']);
        expect(where(findings, 'ciso-missing')).toEqual(['policy.mandate:1']);
        expect(where(findings, 'top-management-missing')).toEqual(['policy.mandate:1']);
        expect(where(findings, 'isms-reporting-unassigned')).toEqual(['policy.mandate:1']);
    });

    it('keeps the findings about the text as written, such as an invisible character or a look-alike name', async () => {
        const lookalike = await check(withAssignment('assign j\u0430ne to ciso since 2024-03-01 appointed by board {'));
        expect(rules(lookalike)).toEqual(expect.arrayContaining(['lexing-error', 'confusable-name']));

        const files = withAssignment('assign jane to ciso since 2024/03/01 appointed by board { // note\u202E\n');
        expect(rules(await check(files))).toContain('invisible-character');
    });

    it('does not call a suppression above it unused while its finding waits', async () => {
        const suppressed = `// mandate-ignore appointment-authority: appointed by the founders before the board existed\n${ASSIGNMENT.replace(' appointed by board', '').replace('since 2024-03-01', 'since 2024/03/01')}`;
        const findings = await check(withAssignment(suppressed));
        expect(rules(findings)).toEqual(['parsing-error']);
        // Once the date reads, the suppression accepts the finding it was written for.
        const fixed = await check(withAssignment(suppressed.replace('2024/03/01', '2024-03-01')));
        expect(rules(fixed)).toEqual(['appointment-authority']);
        expect(fixed.find(finding => finding.rule === 'appointment-authority')?.suppressed?.justification).toContain('founders');
    });

    it('reports the withheld findings again once the declaration reads', async () => {
        const findings = await check(withAssignment('assign jane to ciso since 2024-03-01 {'));
        expect(where(findings, 'appointment-authority')).toEqual(['people.mandate:6']);
        expect(rules(await check(CLEAN_POLICY))).toEqual([]);
    });
});

describe('unfinishedSpans', () => {
    /** Declarations as the parser gives them, at these [start, end) offsets. */
    const items = (spans: Array<[number, number]>): AstNode[] =>
        spans.map(([offset, end]) => ({ $type: 'Person', $cstNode: { offset, end } }) as unknown as AstNode);
    const text = 'person a "A"\nrole b "B" { x }\nperson c "C"\n';
    const declarations = items([[0, 12], [13, 29], [30, 42]]);

    it('gives an error to the last declaration that starts before it, up to the next one', () => {
        expect(unfinishedSpans(declarations, text, [8])).toEqual([{ start: 0, end: 13 }]);
        expect(unfinishedSpans(declarations, text, [35, 36])).toEqual([{ start: 30, end: text.length }]);
    });

    it('gives an error at the start of a declaration to the one before, which expected more', () => {
        // `role b "B" {` with no `}`: the parser met `person` while it read the role's block.
        const unclosed = 'person a "A"\nrole b "B" {\nperson c "C"\n';
        expect(unfinishedSpans(items([[0, 12], [13, 25], [26, 38]]), unclosed, [26])).toEqual([{ start: 13, end: 26 }]);
    });

    it('gives an error after a closed block to nobody, and one before every declaration to nobody', () => {
        expect(unfinishedSpans(declarations, text, [29])).toEqual([]);
        expect(unfinishedSpans(items([[5, 12]]), 'xxxx person a "A"', [0])).toEqual([]);
    });

    it('tells whether an offset lies in a span', () => {
        const spans = unfinishedSpans(declarations, text, [8, 40]);
        expect([0, 12, 13, 29, 30, 41].map(offset => insideUnfinished(spans, offset))).toEqual([true, true, false, false, true, true]);
    });
});
