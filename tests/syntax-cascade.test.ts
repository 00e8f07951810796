/**
 * A declaration that a syntax error leaves unfinished gets that error only: what the line says
 * after the error is not known, so the rules do not report it "missing" (util/unfinished-declarations.ts).
 */
import { describe, expect, it } from 'vitest';
import { unfinishedByError, unfinishedIndex, unfinishedSpans } from '../language/util/unfinished-declarations.js';
import type { AstNode } from 'langium';
import { isAssignment } from '../language/generated/ast.js';
import { REREAD_CHARACTERS, rereadingsFor } from '../language/mandate-typo-recovery.js';
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { default as addFormats } from 'ajv-formats';
import { checkSources } from '../language/engine/check-sources.js';
import { buildReport } from '../language/report/build-report.js';
import { renderJson } from '../language/report/render-json.js';
import { AS_OF, check, CLEAN_POLICY, rules, where, withEdit, type Files } from './helpers.js';

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

    it('judges a declaration as it reads when its syntax error is an accepted exception: one accepted error must not hide its findings', async () => {
        // Jane left, but still holds the CISO role; her assignment's announcement has a typo, inside the block the comment covers.
        const people = (comment: string) => withEdit('people.mandate', text => text
            .replace('employed since 2020-01-01', 'employed since 2020-01-01 until 2025-01-31')
            .replace(ASSIGNMENT, `${comment}${ASSIGNMENT}`)
            .replace('via intranet to all-staff', 'via intranet too all-staff'));
        const open = await check(people(''));
        // The role is vacant since she left (ciso-vacant and the rest stand), but the finding on her assignment waits.
        expect(rules(open)).toContain('ciso-vacant');
        expect(rules(open)).not.toContain('leaver-holds-role');
        expect(open.find(finding => finding.rule === 'parsing-error')?.withheld).toContain('leaver-holds-role');
        const accepted = await check(people('// mandate-ignore parsing-error: quoted in the next revision\n'));
        expect(accepted.find(finding => finding.rule === 'parsing-error')?.suppressed?.justification).toBe('quoted in the next revision');
        expect(accepted.find(finding => finding.rule === 'parsing-error')?.withheld).toBeUndefined();
        expect(where(accepted, 'leaver-holds-role')).toEqual(['people.mandate:7']);
    });

    it('reports the withheld findings again once the declaration reads', async () => {
        const findings = await check(withAssignment('assign jane to ciso since 2024-03-01 {'));
        expect(where(findings, 'appointment-authority')).toEqual(['people.mandate:6']);
        expect(rules(await check(CLEAN_POLICY))).toEqual([]);
    });
});

/**
 * A misspelt keyword at the start of a declaration is reported, and the declaration is read as if
 * spelt right (language/mandate-typo-recovery.ts): error recovery skipped it whole, and one typo in
 * acme's CISO appointment gave 55 findings about a vacant CISO besides the syntax error.
 */
describe('a declaration whose first keyword is misspelt', () => {
    it('gives the typo one parsing error, and the workspace still has what the declaration says', async () => {
        const findings = await check(withAssignment(ASSIGNMENT.replace('assign', 'asign')));
        expect(rules(findings)).toEqual(['parsing-error']);
        expect(findings.map(finding => finding.message)).toEqual(['`asign` is not a keyword. Did you mean `assign`?']);
        expect(where(findings, 'parsing-error')).toEqual(['people.mandate:6']);
    });

    it('reads each misspelt declaration of a file, also one that error recovery had skipped with the one before', async () => {
        // Recovery from `rol` skips up to a declaration's keyword: `responsibilty` right after it is first skipped unreported.
        const files = withEdit('roles.mandate', text => text.replace('role ciso', 'rol ciso').replace('responsibility isms-reporting', 'responsibilty isms-reporting'),
            { 'people.mandate': CLEAN_POLICY['people.mandate'].replace('person jane', 'persn jane') });
        const findings = await check(files);
        expect(rules(findings)).toEqual(['parsing-error']);
        expect(where(findings, 'parsing-error').sort()).toEqual(['people.mandate:2', 'roles.mandate:2', 'roles.mandate:8']);
    });

    it('keeps the reading without the keyword where the rest does not read as that declaration either', async () => {
        // `asign` is no misspelt `assign` here: `assign 2024` reads no better, and the declaration after it is still read.
        const files = withEdit('people.mandate', text => `${text}asign 2024 bananas {\nperson bob "Bob" { employed since 2020-01-01 }\n`);
        const findings = await check(files);
        expect(where(findings, 'parsing-error')).toEqual(['people.mandate:10']);
        expect(findings.find(finding => finding.rule === 'parsing-error')?.message).toBe('`asign` is not a keyword. Did you mean `assign`?');
        expect(where(findings, 'person-without-role')).toEqual(['people.mandate:11']);
    });

    it.each([
        ['a keyword that would continue the declaration before', ASSIGNMENT.replace('appointed', 'apointed'), '`apointed` is not a keyword. Did you mean `appointed`?'],
        ['a keyword inside the head', ASSIGNMENT.replace('jane to', 'jane tto'), 'Expected `to` after `jane`, but found `tto`. Did you mean `to`?'],
        ['a line of the block', `${ASSIGNMENT}\n    evidance "minutes/2024-02-board-extract.pdf"`, 'An assignment has no `evidance`. Did you mean `evidence`?']
    ])('misspelt in %s: one parsing error, and the assignment reads whole', async (_where, line, message) => {
        const files = withAssignment(line);
        const checked = await checkSources(Object.entries(files).map(([name, text]) => ({ uri: `file:///ws/${name}`, text })), { asOf: AS_OF });
        expect(checked.findings.map(finding => `${finding.rule}: ${finding.message}`)).toEqual([`parsing-error: ${message}`]);
        const people = checked.documents.find(document => document.uri.path.endsWith('people.mandate'))!;
        const assignment = people.parseResult.value.declarations.find(isAssignment)!;
        // Everything after the typo was read: the role, the appointing party, the evidence and the announcement.
        expect([assignment.role.$refText, assignment.appointedBy?.$refText, assignment.evidence.at(-1), assignment.announcements.length])
            .toEqual(['ciso', 'board', 'minutes/2024-02-board.pdf', 1]);
    });

    it('reads a large file again fewer times: once at 6.5 MB, as a keystroke there already takes seconds', () => {
        expect([1_000, 1_000_000, 2_000_000, 4_100_000, 6_500_000, 20_000_000].map(rereadingsFor)).toEqual([6, 6, 4, 1, 1, 1]);
        expect(rereadingsFor(REREAD_CHARACTERS / 3)).toBe(3);
    });

    it('reads a file of many misspelt declarations in a bounded number of readings, and lists every typo', async () => {
        const roles = Array.from({ length: 40 }, (_, index) => `${index % 2 === 0 ? 'rol' : 'role'} r${index} "Role ${index}"`);
        const findings = await check({ ...CLEAN_POLICY, 'more.mandate': `${roles.join('\n')}\n` });
        expect(where(findings, 'parsing-error')).toEqual(Array.from({ length: 20 }, (_, index) => `more.mandate:${index * 2 + 1}`));
    });
});

describe('requirement statuses while a declaration does not read', () => {
    async function reportOf(files: Files) {
        const checked = await checkSources(Object.entries(files).map(([name, text]) => ({ uri: `file:///ws/${name}`, text })), { asOf: AS_OF });
        return { findings: checked.findings, report: buildReport(checked.services.shared, checked.findings, { toolVersion: '0.1.0', generatedAt: '2025-06-30T00:00:00Z' }) };
    }

    it('are partly met at best for what the held-back rules evidence, the syntax error named as the reason', async () => {
        const { findings, report } = await reportOf(withAssignment('assign jane to ciso since 2024/03/01 appointed by board {'));
        // The CISO's assignment is the one that does not read: clause 5.3 cannot be met in full, as it was not before the change.
        expect(findings.find(finding => finding.rule === 'parsing-error')?.withheld).toEqual(['appointment-authority', 'assignment-date-missing', 'assignment-not-communicated']);
        expect(report.summary.clause53).toBe('partly-met');
        const clause = report.summary.requirements.find(requirement => requirement.id === 'ISO27001:5.3');
        expect(clause?.status).toBe('partly-met');
        expect(clause?.reasons).toContain('A syntax error leaves a declaration unread: what it says is not known, and its findings of assignment-date-missing, assignment-not-communicated, appointment-authority wait until it reads.');
        expect(clause?.findings.map(index => report.findings[index].rule)).toEqual(['parsing-error']);
        const json = JSON.parse(renderJson(report));
        expect(json.findings.find((finding: { rule: string }) => finding.rule === 'parsing-error').withheld).toHaveLength(3);
        const ajv = new Ajv2020({ strict: true, allErrors: true });
        addFormats(ajv);
        const validate = ajv.compile(JSON.parse(readFileSync(new URL('../docs/report.schema.json', import.meta.url), 'utf8')));
        expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
    });

    it('are what they were once it reads, and a syntax error that holds nothing back lowers nothing', async () => {
        expect((await reportOf(CLEAN_POLICY)).report.summary.clause53).toBe('met');
        // A stray word after a closed block leaves no declaration unfinished.
        const { findings, report } = await reportOf({ ...CLEAN_POLICY, 'people.mandate': `${CLEAN_POLICY['people.mandate']}stray\n` });
        expect(rules(findings)).toEqual(['parsing-error']);
        expect(findings[0].withheld).toBeUndefined();
        expect(report.summary.clause53).toBe('met');
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

    it('tells which span an offset lies in', () => {
        const spans = unfinishedSpans(declarations, text, [8, 40]);
        expect([0, 12, 13, 29, 30, 41].map(offset => unfinishedIndex(spans, offset))).toEqual([0, 0, -1, -1, 1, 1]);
    });

    it('finds the span an error made, an error at the next declaration included', () => {
        const unclosed = 'person a "A"\nrole b "B" {\nperson c "C"\n';
        const spans = unfinishedSpans(items([[0, 12], [13, 25], [26, 38]]), unclosed, [26]);
        expect([13, 20, 26, 27].map(offset => unfinishedByError(spans, offset))).toEqual([-1, 0, 0, -1]);
    });
});

describe('a keyword written with an accent', () => {
    it('gives the word its lexing error only, and the workspace still has the declaration', async () => {
        // `rôle` lexes as `r`, an error and `le`: the role was skipped, and every file that names it had findings.
        const findings = await check(withEdit('roles.mandate', text => text.replace('role ciso', 'rôle ciso')));
        expect(findings.map(finding => `${finding.rule}: ${finding.message}`)).toEqual(['lexing-error: `rôle` is not a keyword: write `role`.']);
        expect(where(findings, 'lexing-error')).toEqual(['roles.mandate:2']);
    });

    it('reads each such word of a declaration as its keyword, with one lexing error each', async () => {
        const line = ASSIGNMENT.replace('assign', 'assigñ').replace('appointed', 'appointéd') + '\n    évidence "minutes/2024-02-board-extract.pdf"';
        const files = withAssignment(line);
        const checked = await checkSources(Object.entries(files).map(([name, text]) => ({ uri: `file:///ws/${name}`, text })), { asOf: AS_OF });
        expect(checked.findings.map(finding => `${finding.rule}: ${finding.message}`)).toEqual([
            'lexing-error: `assigñ` is not a keyword: write `assign`.',
            'lexing-error: `appointéd` is not a keyword: write `appointed`.',
            'lexing-error: `évidence` is not a keyword: write `evidence`.'
        ]);
        const people = checked.documents.find(document => document.uri.path.endsWith('people.mandate'))!;
        const assignment = people.parseResult.value.declarations.find(isAssignment)!;
        expect([assignment.person.$refText, assignment.role.$refText, assignment.appointedBy?.$refText, assignment.evidence.at(-1), assignment.announcements.length])
            .toEqual(['jane', 'ciso', 'board', 'minutes/2024-02-board.pdf', 1]);
        // The keyword's leaf covers the whole word, where the editor shows it.
        const keyword = assignment.$cstNode!.root.fullText.slice(assignment.$cstNode!.offset, assignment.$cstNode!.offset + 'assigñ'.length);
        expect(keyword).toBe('assigñ');
        expect(assignment.$cstNode!.range.start).toEqual({ line: 5, character: 0 });
    });

    it('keeps the reading without the keyword where the word stands for a name, not a keyword', async () => {
        const files = withEdit('people.mandate', text => `${text}person rôle "Rolf" { employed since 2020-01-01 }\nperson bob "Bob" { employed since 2020-01-01 }\n`);
        const findings = await check(files);
        expect(findings.find(finding => finding.rule === 'lexing-error')?.message).toBe('`rôle` is not a keyword: write `role`.');
        expect(where(findings, 'person-without-role')).toContain('people.mandate:11');
    });
});
