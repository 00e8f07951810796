import { readFileSync } from 'node:fs';
import { EmptyFileSystem } from 'langium';
import { parseHelper } from 'langium/test';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../language/engine/check-sources.js';
import { isAssignment, type Model } from '../language/generated/ast.js';
import { createMandateServices } from '../language/mandate-module.js';
import { assignmentNames } from '../language/rules/describe.js';
import { check, CLEAN_POLICY, withEdit } from './helpers.js';

/** What a person must never read: the parser's and lexer's own words, internal names, placeholders. */
const RAW = /Expecting|Token sequences|token of type|\boffset\b|undefined|\[ID\]|\bEOF\b|->.<-|NaN|\[object|'\?'|<top management>|\bAppointer\b|\b(reportsTo|appointedBy|jobDescriptions|topManagement|employedUntil|engagedUntil)\b/;
/** Bidirectional overrides and isolates, zero-width characters: messages write them as `U+202E`. */
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/;

const syntax = (findings: readonly Finding[]) => findings.filter(finding => finding.rule === 'lexing-error' || finding.rule === 'parsing-error');
const at = (findings: readonly Finding[], file: string, line: number) =>
    findings.filter(finding => finding.uri === `file:///ws/${file}` && finding.line === line).map(finding => finding.rule);

async function syntaxOf(text: string): Promise<Finding[]> {
    return syntax(await check({ 'a.mandate': text }));
}

describe('syntax errors in people\'s words', () => {
    it('suggests the closest keyword for an unknown one at the top level', async () => {
        const [finding, ...rest] = await syntaxOf('organisation acme "Acme Ltd"\n');
        expect(rest).toEqual([]);
        expect(finding).toMatchObject({ rule: 'parsing-error', line: 1, column: 1 });
        expect(finding.message).toBe('`organisation` is not a keyword. Did you mean `organization`?');
    });

    it('says a period starts with `since` where `from` is written after an assignment\'s role (found by a new user\'s trial)', async () => {
        const findings = await syntaxOf('assign jane to ciso from 2024-01-01 appointed by board\n');
        expect(findings.map(finding => [finding.line, finding.column, finding.message])).toEqual([[1, 21, 'A period starts with `since`, not `from`, as in `assign jane-doe to ciso since 2024-03-01`. Did you mean `since`?']]);
    });

    it('says `claims` takes a framework prefix, and names it for a requirement ID written there (found by a new user\'s trial)', async () => {
        const findings = await syntaxOf('claims ISO27001:2013\n');
        expect(findings.map(finding => finding.message)).toEqual(['Expected a framework prefix such as `ISO27001` after `claims`, but found `ISO27001:2013`. A claim names the framework alone, as in `claims ISO27001`.']);
    });

    it('suggests the keyword a block can hold for a typo inside it', async () => {
        const findings = await syntaxOf('role ciso "CISO" {\n    reprots to board\n}\n');
        expect(findings.map(finding => [finding.line, finding.message])).toEqual([[2, 'A role has no `reprots`. Did you mean `reports`?']]);
    });

    it('suggests the lower-case keyword for a capitalised one', async () => {
        const [finding] = await syntaxOf('Role ciso "CISO"\n');
        expect(finding.message).toContain('Did you mean `role`?');
    });

    it('says that names are ASCII kebab-case and the display name goes in quotes, once per word', async () => {
        const findings = await syntaxOf('person jösé "Jösé García"\n');
        expect(findings).toHaveLength(1);
        expect(findings[0]).toMatchObject({ rule: 'lexing-error', line: 1, column: 8, endColumn: 12 });
        expect(findings[0].message).toBe('Names are ASCII kebab-case (letters, digits and hyphens), so `jösé` cannot be a name. '
            + 'Write `jose`, and keep the spelling `jösé` for the display name in quotes.');
    });

    it('reports a non-ASCII name in a reference once, without a linking error for the part the lexer read', async () => {
        const findings = await check(withEdit('people.mandate', text => text.replace('assign jane', 'assign jané')));
        expect(at(findings, 'people.mandate', 6)).toEqual(['lexing-error']);
        expect(findings.find(finding => finding.rule === 'lexing-error')?.message).toContain('Write `jane`');
    });

    it('writes a right-to-left override as U+202E and never raw', async () => {
        const findings = await syntaxOf('role ci\u202Eso "CISO"\n');
        expect(findings).toHaveLength(1);
        expect(findings[0].message).toContain('U+202E (right-to-left override)');
        expect(findings[0].message).toContain('leaving `ciso`');
        expect(findings[0].message).not.toMatch(INVISIBLE);
    });

    it('writes invisible characters from titles and justifications as U+XXXX in every finding', async () => {
        // eve holds no role, so person-without-role quotes her title, overrides included. The suppression hides
        // overrides in its justification, so it accepts nothing (see invisible-character) and names them.
        const extra = '// mandate-ignore person-without-role: approved by \u202Edraob eht\u202C\nperson eve "Eve \u202Eevil\u202C" { employed since 2020-01-01 }\n';
        const findings = await check({ ...CLEAN_POLICY, 'extra.mandate': extra });
        const [finding] = findings.filter(candidate => candidate.rule === 'person-without-role');
        expect(finding.message).toContain('"Eve U+202EevilU+202C"');
        expect(finding.suppressed).toBeUndefined();
        expect(findings.find(candidate => candidate.rule === 'suppression-unused')?.message).toContain('U+202E RIGHT-TO-LEFT OVERRIDE, U+202C POP DIRECTIONAL FORMATTING');
        expect(findings.filter(candidate => candidate.rule === 'invisible-character')).toHaveLength(4);
        expect(findings.filter(candidate => INVISIBLE.test(candidate.message + (candidate.suppressed?.justification ?? '')))).toEqual([]);
    });

    it('says where an unterminated quoted text began, and nothing else about that line', async () => {
        const findings = await syntaxOf('role board "Board"\nrole ciso "Chief Information Security Officer {\n    designated CISO\n}\n');
        expect(findings.filter(finding => finding.line === 2)).toEqual([expect.objectContaining({ rule: 'lexing-error', column: 11 })]);
        expect(findings[0].message).toBe('The quoted text that starts on line 2, column 11 is not closed. '
            + 'Add the closing `"` on the same line: a quoted text cannot span lines.');
    });

    it('says where an unclosed block comment began, and nothing else about its line', async () => {
        for (const [text, line] of [['/* unterminated comment\n', 1], ['role board "Board"\n/* the CISO, to be appointed\nrole ciso "CISO"\n', 2]] as const) {
            const findings = await syntaxOf(text);
            expect(findings.filter(finding => finding.line === line), text).toEqual([expect.objectContaining({ rule: 'lexing-error', column: 1 })]);
            expect(findings.find(finding => finding.line === line)?.message).toBe(`The block comment that starts on line ${line}, column 1 is not closed. `
                + 'Add `*/` where it ends, or write `//` for a comment to the end of the line: until then, what follows `/*` is read as policy.');
        }
    });

    it('names the block left open, the line of its `{`, and where the `}` goes', async () => {
        const findings = await syntaxOf('role ciso "CISO" {\n    designated CISO\n\nrole board "Board"\n');
        expect(findings.map(finding => [finding.line, finding.message])).toEqual([
            [4, 'The role `ciso` is not closed: its `{` on line 1 has no matching `}`. Add `}` before `role` on line 4.']
        ]);
    });

    it('names an open assignment block by its person and role, and an open block at the end of the file', async () => {
        const assignment = await syntaxOf('assign jane to ciso since 2024-01-01 {\n    evidence "minutes.pdf"\n\ncompleted awareness by jane on 2024-02-01\n');
        expect(assignment.map(finding => finding.message)).toEqual([
            'The assignment of `jane` to `ciso` is not closed: its `{` on line 1 has no matching `}`. Add `}` before `completed` on line 4.'
        ]);
        const atEnd = await syntaxOf('person jane "Jane" {\n    employed since 2020-01-01\n');
        expect(atEnd.map(finding => finding.message)).toEqual([
            'The person `jane` is not closed: its `{` on line 1 has no matching `}`. Add `}` at the end of the file.'
        ]);
    });

    it('describes what was expected in words, with an example', async () => {
        const cases: Array<[string, string]> = [
            ['person p "P" { employed since 2024-1-1 }', 'Expected a date such as 2025-06-30 after `since`, but found `2024`.'],
            ['responsibility r "R" { satisfies iso27001 }', 'Expected a requirement ID such as `ISO27001:5.3(b)` after `satisfies`, but found `iso27001`. '
                + 'Did you mean `ISO27001`? A framework prefix is written as the catalogue writes it, e.g. `ISO27001:…`.'],
            ['responsibility r "R" { satisfies nist-csf:GV.RR-02 }', 'Expected a requirement ID such as `ISO27001:5.3(b)` after `satisfies`, but found `nist-csf`. '
                + 'Did you mean `NIST-CSF`? A framework prefix is written as the catalogue writes it, e.g. `NIST-CSF:…`.'],
            ['responsibility r "R" { satisfies acme:AC-1 }', 'Expected a requirement ID such as `ISO27001:5.3(b)` after `satisfies`, but found `acme`. '
                + 'A requirement ID starts with its framework\'s prefix, capitalized, e.g. `ISO27001:5.3(b)`.'],
            ['training t "T" { within days }', 'Expected a number such as 30 after `within`, but found `days`.'],
            ['role ciso {\n    designated CISO\n}', 'Expected the display name in quotes after `ciso`, as in `role ciso "…"`, but found `{`.'],
            ['delegate duty from', 'Expected the name of a role after `from`, but the file ends there.'],
            ['assign jane to', 'Expected a name such as `jane-doe` after `to`, but the file ends there.'],
            ['person p "P" { job title Engineer }', 'Expected a quoted text such as `"Jane Doe"` after `title`, but found `Engineer`.'],
            ['person p "P" { email jane@acme.example }', 'An email address goes in quotes: `email "jane@acme.example"`.'],
            ['role a "A" -> role b "B"', '`->` is not part of the Mandate language. Delete it, or put it inside a quoted text.'],
            ['role a "A" }', 'This `}` closes no block: delete it, or add the `{` that opens its block.'],
            ['role a "A"\ndesignated CISO', '`designated` cannot start a declaration; it belongs inside a block. Is a `{` missing on a line above?'],
            ['person p \u201CPat\u201D', '`\u201C` is a typographic quote. Write quoted texts with straight double quotes, e.g. `"Pat"`.'],
            ['person p "P" { employed since 2024\u201301\u201301 }', '`\u2013` (U+2013) is not a hyphen: type `-` instead, e.g. `2024-01-01`.'],
            ['rôle ciso "CISO"', '`rôle` is not a keyword: write `role`.'],
            ['role \u0441iso "CISO"', 'Names are ASCII kebab-case (letters, digits and hyphens), so `\u0441iso` cannot be a name: `\u0441` (U+0441) '
                + 'is not an ASCII letter. Write it in ASCII letters, and keep the spelling `\u0441iso` for the display name in quotes.'],
            ['role x "X" { designated CIS }', 'Expected `CISO`, `ISMS` or `internal` after `designated`, but found `CIS`. Did you mean `CISO`?'],
            ['assign jane to ciso as actng', 'Expected `acting` or `interim` after `as`, but found `actng`. Did you mean `acting`?'],
            ['assign jane to ciso { evidenc "minutes.pdf" }', 'An assignment has no `evidenc`. Did you mean `evidence`?'],
            ['role x "X" { email "x@acme.example" }', 'A role cannot hold `email` here. Its lines start with `description`, `designated`, `key`, `requires`, '
                + '`single`, `reports`, `responsible`, `accountable`, `consulted`, `informed`, `authorized`, `job` or `deputy`, and `}` closes it.']
        ];
        for (const [text, message] of cases) {
            expect((await syntaxOf(text)).map(finding => finding.message), text).toEqual([message]);
        }
    });

    it('lists the keywords it expects and suggests the closest one', async () => {
        const [finding] = await syntaxOf('responsibility r "R" { every quartr }');
        expect(finding.message).toBe('Expected `day`, `days`, `week`, `weeks`, `month`, `months`, `quarter`, `quarters`, `year` or `years` '
            + 'after `every`, but found `quartr`. Did you mean `quarter`?');
    });

    it('keeps the diagnostic codes lexing-error and parsing-error', async () => {
        expect((await syntaxOf('role a "A" ->')).map(finding => finding.rule)).toEqual(['lexing-error']);
        expect((await syntaxOf('role')).map(finding => finding.rule)).toEqual(['parsing-error']);
    });
});

/** A small deterministic generator, so the broken inputs are the same on every run. */
function random(seed: number): () => number {
    let state = seed;
    return () => {
        state = (state * 1103515245 + 12345) % 2147483648;
        return state / 2147483648;
    };
}

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const example = readme.split('## The language in one example')[1].split('```')[1];

/** Broken versions of a valid policy: truncated, keywords misspelt, braces dropped, foreign characters inserted. */
function brokenInputs(): string[] {
    const inputs: string[] = [];
    const lines = example.split('\n');
    for (let cut = 1; cut < lines.length; cut += 3) inputs.push(lines.slice(0, cut).join('\n'));
    const next = random(42);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
    const insertions = ['é', '\u202E', '\u200B', '->', '"', '“', '–', '@', ';', '=', '[', "'", '{', '}', ':', '.', '#', '$'];
    for (let round = 0; round < 40; round++) {
        const words = example.split(/(\s+)/);
        const index = Math.floor(next() * words.length);
        const word = words[index];
        const edits = [
            () => word.length > 3 ? word.slice(0, 1) + word.slice(2, 3) + word.slice(1, 2) + word.slice(3) : `${word}x`,
            () => word.slice(0, Math.floor(word.length / 2)) + pick(insertions) + word.slice(Math.floor(word.length / 2)),
            () => word.replace(/[{}"]/, ''),
            () => ''
        ];
        words[index] = pick(edits)();
        inputs.push(words.join(''));
    }
    return inputs;
}

describe('no raw parser message ever reaches a person', () => {
    it('phrases every finding on broken input in the language\'s terms', async () => {
        const inputs = [
            ...brokenInputs(),
            'organisation acme "Acme"', 'assign', 'assign jane', 'assign jane to ciso since', 'delegate', 'completed', 'conflict between',
            'role x "X" { requires }', 'role x "X" { reports to }', 'training t "T" { audience }', 'person p "P" { employed since }',
            'assign jane to ciso { announced 2024-01-01 }', 'assign jane to ciso { acknowledged }', 'authority a "A" { may appoint }',
            'responsibility r "R" { every 2 }', '}}}', '{', '"', '""', 'role "x"', 'role x "x" x', '\u202E', 'role \u0440ole "cyrillic"'
        ];
        const problems: string[] = [];
        for (const text of inputs) {
            const findings = await check({ ...CLEAN_POLICY, 'broken.mandate': text });
            for (const finding of findings) {
                if (RAW.test(finding.message) || INVISIBLE.test(finding.message) || finding.message.includes('\n') || finding.message.trim() === '') {
                    problems.push(`${JSON.stringify(text.slice(0, 60))} → ${finding.rule}: ${finding.message}`);
                }
            }
        }
        expect(problems).toEqual([]);
    });
});

describe('a name that fails to link', () => {
    const only = async (files: Record<string, string>, file: string, line: number) => {
        const findings = await check(files);
        return { findings, here: at(findings, file, line) };
    };

    it('an assignment to an undeclared role gets the linking error and nothing derived from it', async () => {
        const { findings, here } = await only(withEdit('people.mandate', text => text.replace('to ciso', 'to cisoo')), 'people.mandate', 6);
        expect(here).toEqual(['linking-error']);
        // jane looks roleless and the CISO vacant only because the name did not resolve.
        expect(findings.map(finding => finding.rule)).toEqual(['linking-error']);
    });

    it('an assignment of an undeclared person gets the linking error only', async () => {
        const { findings } = await only(withEdit('people.mandate', text => text.replace('assign jane', 'assign janet')), 'people.mandate', 6);
        expect(findings.map(finding => finding.rule)).toEqual(['linking-error']);
    });

    it('a delegation of an undeclared duty gets the linking error only', async () => {
        const files = { ...CLEAN_POLICY, 'extra.mandate': 'role deputy "Deputy"\ndelegate isms-reportin from ciso to deputy since 2025-01-01\n' };
        const { here } = await only(files, 'extra.mandate', 2);
        expect(here).toEqual(['linking-error']);
    });

    it('`reports to` an unknown role gets the linking error only', async () => {
        const { findings, here } = await only(withEdit('roles.mandate', text => text.replace('reports to board', 'reports to bord')), 'roles.mandate', 4);
        expect(here).toEqual(['linking-error']);
        expect(findings.map(finding => finding.rule)).toEqual(['linking-error']);
    });

    it('`appointed by` an unknown name says what it could have named, and nothing else', async () => {
        const findings = await check(withEdit('people.mandate', text => text.replace('appointed by board', 'appointed by bord')));
        expect(findings.map(finding => finding.message)).toEqual([
            "No role, person or appointing body named 'bord' is declared in this workspace. Did you mean 'board'?"
        ]);
    });

    it('a misspelt top-management role does not make every appointment unauthorised', async () => {
        const findings = await check(withEdit('organization.mandate', text => text.replace('top management board', 'top management bord')));
        expect(findings.map(finding => finding.rule)).toEqual(['linking-error']);
    });

    it('a misspelt duty in a job description does not leave that duty without an owner', async () => {
        const findings = await check(withEdit('roles.mandate', text => text.replace('accountable for isms-reporting,', 'accountable for isms-reportin,')));
        expect(findings.map(finding => finding.rule)).toEqual(['linking-error']);
    });

    it('a training record with a misspelt programme does not make its person\'s training missing', async () => {
        const files = { ...CLEAN_POLICY, 'training.mandate': 'training awareness "Awareness" { audience everyone }\ncompleted awarenes by jane on 2025-01-01\n' };
        expect((await check(files)).map(finding => finding.rule)).toEqual(['linking-error']);
    });

    it('keeps findings that do not depend on the name: an unannounced appointment with a misspelt appointer', async () => {
        const files = withEdit('people.mandate', text => text.replace('appointed by board', 'appointed by bord').replace(/\s*announced[^\n]*/, ''));
        expect((await check(files)).map(finding => finding.rule).sort()).toEqual(['assignment-not-communicated', 'linking-error']);
    });

    it('an appointment judged without declared top management says so, with no placeholder', async () => {
        const files = withEdit('organization.mandate', text => text.replace('top management board', ''));
        const [finding] = (await check(files)).filter(candidate => candidate.rule === 'appointment-authority');
        expect(finding.message).toContain("on 2024-03-01: the organization declares no top management and 'board' holds no authority");
        expect(finding.message).not.toMatch(/not declared yet|<top management>|top management \(top management/);
    });

    it('an assignment cut short reports the syntax error only', async () => {
        const findings = await check({ ...CLEAN_POLICY, 'extra.mandate': 'assign jane to' });
        expect(findings.map(finding => finding.rule)).toEqual(['parsing-error']);
    });
});

describe('messages about assignments', () => {
    let parse: ReturnType<typeof parseHelper<Model>>;
    beforeAll(() => {
        parse = parseHelper<Model>(createMandateServices(EmptyFileSystem).Mandate);
    });

    it('name only what resolved, never `?`', async () => {
        const document = await parse('person jane "Jane"\nrole ciso "CISO"\nassign jane to ciso\nassign janet to ciso\nassign jane to');
        const names = document.parseResult.value.declarations.filter(isAssignment).map(assignmentNames);
        expect(names).toEqual([" of 'jane' to 'ciso'", " to 'ciso'", " of 'jane'"]);
    });
});
