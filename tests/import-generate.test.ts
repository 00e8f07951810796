import { EmptyFileSystem } from 'langium';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { directoryExport } from '../bench/generate-directory.js';
import { seededRandom } from '../bench/random-edits.js';
import { formatText } from '../language/format/format-source.js';
import { importDirectory, type ImportResult } from '../language/import/index.js';
import { assignIds, slugOf } from '../language/import/person-ids.js';
import type { DeclaredName } from '../language/import/plan-import.js';
import { createMandateServices } from '../language/mandate-module.js';
import { check, CLEAN_POLICY, where } from './helpers.js';

const services = createMandateServices(EmptyFileSystem).Mandate;
const fixture = (name: string) => readFileSync(new URL(`./fixtures/import/${name}`, import.meta.url), 'utf8');
const HEADER = 'Employee #,First Name,Last Name,Work Email,Job Title,Hire Date,Termination Date,Status';

function run(sourceText: string, previous?: string, options: { asOf?: string; declared?: DeclaredName[]; sourceFile?: string } = {}): Extract<ImportResult, { ok: true }> {
    const result = importDirectory(services, {
        sourceText, sourceFile: options.sourceFile ?? 'hr/people.csv', settings: { preset: 'bamboohr' },
        target: { file: 'people/imported-people.mandate', text: previous }, declared: options.declared ?? [], asOf: options.asOf ?? '2025-06-30'
    });
    if (!result.ok) throw new Error(result.problems.map(problem => problem.message).join('\n'));
    return result;
}
const csv = (...rows: string[]) => [HEADER, ...rows].join('\n');
const firstMessage = (result: ImportResult) => (result.ok ? '' : result.problems[0].message);
const ids = (result: ImportResult) => (result.ok ? result.plan.people.map(person => person.id).sort() : []);

describe('IDs of imported people', () => {
    it('are made from names, accents and other Latin letters reduced to ASCII', () => {
        expect(['Zoë Ødegård', "Siobhán O'Brien", 'Jürgen Müller-Lüdenscheidt', 'Łukasz Żółć', 'Straße', 'Æsa Þórsdóttir', '  José  Núñez '].map(slugOf))
            .toEqual(['zoe-odegard', 'siobhan-obrien', 'jurgen-muller-ludenscheidt', 'lukasz-zolc', 'strasse', 'aesa-thorsdottir', 'jose-nunez']);
    });

    it('fall back to the e-mail address, then to the key, for a name with no Latin letters or one that is a keyword', () => {
        const people = run(csv('1,伟,李,li.wei@x.example,,,,Active', '2,Ольга,,,,,,Active', '3,Role,,role@x.example,,,,Active', '4,,Person,p4@x.example,,,,Active'));
        // `Role` and its e-mail's local part `role` are keywords; `Person` is one, but `p4` is not.
        expect(ids(people)).toEqual(['li-wei', 'p4', 'person-2', 'person-3']);
        const formatted = formatText(services, people.text);
        expect(formatted.ok && formatted.text).toBe(people.text);
    });

    it('are never a keyword where a name could stand (`nobody`, `everyone`): the fallback is taken, and reported', () => {
        const people = run(csv('9,Nobody,,nobody@x.example,,,,Active', '10,Everyone,,e.one@x.example,,,,Active', '11,Nobody,,,,,,Active'));
        expect(ids(people)).toEqual(['e-one', 'person-11', 'person-9']);
        expect(people.plan.collisions).toEqual([
            { base: 'everyone', reason: 'keyword', assigned: [{ key: '10', name: 'Everyone', id: 'e-one' }] },
            { base: 'nobody', reason: 'keyword', assigned: [{ key: '11', name: 'Nobody', id: 'person-11' }, { key: '9', name: 'Nobody', id: 'person-9' }] }
        ]);
        // Whatever the rename provider refuses as a name, the import never generates.
        const keywords = services.syntax.GrammarKeywords;
        const refused = [...keywords.words].filter(word => !keywords.nameKeywords.has(word) || keywords.referenceKeywords.has(word));
        const all = run(csv(...refused.map((word, index) => `${100 + index},${word},,${word}@x.example,,,,Active`)));
        expect(all.plan.people.filter(person => refused.includes(person.id))).toEqual([]);
    });

    it('give everyone sharing a name a suffix from their employee number, whatever the order of the export', () => {
        const a = run(csv('1003,John,Smith,j1@x.example,,,,Active', '1004,John,Smith,j2@x.example,,,,Active'));
        const b = run(csv('1004,John,Smith,j2@x.example,,,,Active', '1003,John,Smith,j1@x.example,,,,Active'));
        expect(ids(a)).toEqual(['john-smith-1003', 'john-smith-1004']);
        expect(b.text).toBe(a.text);
        expect(a.plan.collisions).toEqual([{ base: 'john-smith', reason: 'same-name', assigned: [
            { key: '1003', name: 'John Smith', id: 'john-smith-1003' }, { key: '1004', name: 'John Smith', id: 'john-smith-1004' }
        ] }]);
    });

    it('never take an ID in use, adding -2 when even the suffixed one is', () => {
        const record = (key: string, name: string) => ({ key, name, active: true, location: { file: 'x', line: 1, column: 1 } });
        const { ids: assigned, collisions } = assignIds([record('7', 'Ada Lovelace'), record('8', 'Bob Builder')], new Set(['ada-lovelace', 'ada-lovelace-7']), new Set());
        expect(Object.fromEntries(assigned)).toEqual({ 7: 'ada-lovelace-7-2', 8: 'bob-builder' });
        expect(collisions).toEqual([{ base: 'ada-lovelace', reason: 'taken', assigned: [{ key: '7', name: 'Ada Lovelace', id: 'ada-lovelace-7-2' }] }]);
    });
});

describe('the generated file', () => {
    it('says it is generated, holds only the fields the policy uses, and is in the canonical layout', () => {
        const { text } = run(fixture('bamboohr.csv'));
        expect(text.split('\n').slice(0, 3).join('\n')).toBe([
            '// Generated by `mandate import` from hr/people.csv, read as CSV (BambooHR preset).',
            '// Do not edit: the next import rewrites this file. Change people in the source, or declare them in a',
            "// hand-written file. Each person's directory key (employee number or e-mail) keeps their ID stable."
        ].join('\n'));
        expect(text).toContain([
            'person ada-lovelace "Ada Lovelace" { // directory key: 1001',
            '    email "ada.lovelace@acme.example"',
            '    job title "Chief Information Security Officer"',
            '    employed since 2019-03-01',
            '}'
        ].join('\n'));
        expect(text).toContain('person siobhan-obrien "Siobhán O\\"Brien" {');
        expect(text).not.toMatch(/Security\b(?! Officer)|Management|Reporting|grace\.hopper@acme\.example"\n.*ada/); // no department, no manager
        const formatted = formatText(services, text);
        expect(formatted.ok && formatted.text).toBe(text);
    });

    it('checks clean beside a clean policy: imported people are not reported for holding no role', async () => {
        const text = run(fixture('bamboohr.csv')).text;
        expect(await check({ ...CLEAN_POLICY, 'imported-people.mandate': text })).toEqual([]);
        // The same people written by hand are: the rule skips only the files an import generated.
        const handWritten = text.replace(/^\/\/ Generated by/, '// Copied from');
        expect(where(await check({ ...CLEAN_POLICY, 'people.mandate': handWritten }), 'person-without-role')).toHaveLength(6);
    });
});

describe('re-import', () => {
    const first = csv('1,Ada,Lovelace,ada@x.example,Analyst,2019-03-01,,Active', '2,Bob,Builder,bob@x.example,Engineer,2020-01-01,,Active', '3,Cy,Young,cy@x.example,Clerk,2021-01-01,,Active');

    it('changes nothing when the source has not changed', () => {
        const once = run(first);
        const twice = run(first, once.text, { asOf: '2025-09-30' });
        expect(twice.changed).toBe(false);
        expect(twice.text).toBe(once.text);
        expect([twice.plan.added, twice.plan.ended, twice.plan.changed]).toEqual([[], [], []]);
        expect(twice.plan.unchanged).toBe(3);
    });

    it('adds joiners, ends leavers and applies changed titles and names, keeping every ID', () => {
        const once = run(first);
        const next = csv(
            '1,Ada,King,ada@x.example,Senior Analyst,2019-03-01,,Active', // married, promoted
            '2,Bob,Builder,bob@x.example,Engineer,2020-01-01,2025-05-31,Inactive', // left, with a date
            // 3 is gone from the export: left, no date given
            '4,Dee,Dee,dee@x.example,Engineer,2025-06-01,,Active' // joined
        );
        const again = run(next, once.text, { asOf: '2025-07-01' });
        expect(again.plan.added.map(change => change.id)).toEqual(['dee-dee']);
        expect(again.plan.ended.map(change => [change.id, change.details])).toEqual([
            ['bob-builder', ['employed until (none) → 2025-05-31']],
            ['cy-young', ['employed until (none) → 2025-06-30']]
        ]);
        expect(again.plan.changed.map(change => [change.id, change.details])).toEqual([
            ['ada-lovelace', ['name "Ada Lovelace" → "Ada King"', 'job title "Analyst" → "Senior Analyst"']]
        ]);
        expect(again.text).toContain('person ada-lovelace "Ada King" {');
        expect(again.text).toContain('    employed since 2021-01-01 until 2025-06-30\n');
        // And once more: the leaver who vanished keeps the end date first written.
        const third = run(next, again.text, { asOf: '2025-12-31' });
        expect(third.changed).toBe(false);
    });

    it('reopens the employment of someone who comes back', () => {
        const left = run(csv('1,Ada,Lovelace,ada@x.example,,2019-03-01,2024-12-31,Inactive'), run(csv('1,Ada,Lovelace,ada@x.example,,2019-03-01,,Active')).text);
        const back = run(csv('1,Ada,Lovelace,ada@x.example,,2025-04-01,,Active'), left.text);
        expect(back.plan.changed.map(change => change.details)).toEqual([['employed since 2019-03-01 → 2025-04-01', 'employed until 2024-12-31 → (none)']]);
    });

    it('leaves out leavers never imported, and people declared by hand with the same e-mail address', () => {
        const result = run(csv('1,Ada,Lovelace,ada@x.example,,2019-03-01,2024-12-31,Inactive', '2,Bob,Builder,bob@x.example,,2020-01-01,,Active', '3,Cy,Young,cy@x.example,,,,Active'),
            undefined, { declared: [{ id: 'bob', email: 'Bob@x.example' }, { id: 'cy-young' }] });
        expect(result.plan.skipped).toEqual([
            { key: '1', name: 'Ada Lovelace', reason: 'left on 2024-12-31 and was never imported' },
            { key: '2', name: 'Bob Builder', reason: "declared by hand as 'bob'" }
        ]);
        expect(ids(result)).toEqual(['cy-young-3']);
        expect(result.plan.collisions).toEqual([{ base: 'cy-young', reason: 'taken', assigned: [{ key: '3', name: 'Cy Young', id: 'cy-young-3' }] }]);
    });

    it('matches e-mail addresses without case or blanks, and leaves out people another generated file holds, by key, naming that file', () => {
        const result = run(csv('2,Bob,Builder,Bob@X.example,,2020-01-01,,Active', '7,Ann,A,,,2020-01-01,,Active', '8,Cy,Young,,,2020-01-01,,Active'), undefined, { declared: [
            // A trailing blank in a hand-written address (found by an independent probe): person-duplicate would call the import's copy a duplicate.
            { id: 'bob', email: 'bob@x.example ', place: 'people/board.mandate:1' },
            { id: 'ann-a', key: '7', generatedFile: 'people/staff.mandate', place: 'people/staff.mandate:5' },
            { id: 'cy', key: '8', place: 'people/hand.mandate:1' } // a key comment in a hand-written file is only a comment
        ] });
        expect(result.plan.skipped).toEqual([
            { key: '2', name: 'Bob Builder', reason: "declared by hand as 'bob' at people/board.mandate:1" },
            { key: '7', name: 'Ann A', reason: "already imported as 'ann-a' at people/staff.mandate:5, a file generated by an earlier import", elsewhere: 'people/staff.mandate' }
        ]);
        expect(ids(result)).toEqual(['cy-young']);
    });

    it('says when a leaver cannot get an end date because the source gives no start dates', () => {
        const google = (status: string) => importDirectory(services, {
            sourceText: `First Name,Last Name,Email Address,Status\nJo,Lee,jo@x.example,${status}\n`, sourceFile: 'users.csv', settings: { preset: 'google-workspace' },
            target: { file: 't.mandate', text: status === 'Active' ? undefined : first }, declared: [], asOf: '2025-06-30'
        });
        const before = google('Active');
        expect(before.ok && before.text).toContain('person jo-lee "Jo Lee" { // directory key: jo@x.example');
        const after = importDirectory(services, {
            sourceText: 'First Name,Last Name,Email Address,Status\nJo,Lee,jo@x.example,Suspended\n', sourceFile: 'users.csv', settings: { preset: 'google-workspace' },
            target: { file: 't.mandate', text: before.ok ? before.text : '' }, declared: [], asOf: '2025-06-30'
        });
        expect(after.ok && after.plan.undated.map(change => change.id)).toEqual(['jo-lee']);
        expect(after.ok && after.changed).toBe(false);
    });
});

describe('the target file', () => {
    const target = (text: string) => importDirectory(services, {
        sourceText: csv('1,Ada,Lovelace,ada@x.example,,,,Active'), sourceFile: 'p.csv', settings: { preset: 'bamboohr' },
        target: { file: 'people/staff.mandate', text }, declared: [], asOf: '2025-06-30'
    });

    it('is refused when written by hand', () => {
        const result = target('person ada "Ada Lovelace"\n');
        expect(result.ok).toBe(false);
        expect(!result.ok && result.refused && result.problems.map(problem => `${problem.location.file}:${problem.location.line}:${problem.location.column} ${problem.message}`)).toEqual([
            'people/staff.mandate:1:1 this file was not written by mandate import (it has no generated header), so it is not overwritten; give -o another file or folder'
        ]);
    });

    it('is refused when a generated file was edited by hand', () => {
        const generated = run(csv('1,Ada,Lovelace,ada@x.example,,,,Active')).text;
        const edited = `${generated}role ciso "CISO"\n`;
        expect(firstMessage(target(edited))).toMatch(/holds something other than people: it was edited by hand; undo the edit, or delete the file/);
        const broken = generated.replace('email', 'emial');
        expect(target(broken).ok).toBe(false);
        const keyless = generated.replace(/ \/\/ directory key: 1/, '');
        expect(firstMessage(target(keyless))).toMatch(/'ada-lovelace' has no 'directory key:' comment/);
    });
});

describe('an edited generated file', () => {
    const generated = run(csv('1,Ada,Lovelace,ada@x.example,CISO,2019-03-01,,Active', '2,Bob,Builder,bob@x.example,,,,Active')).text;
    const again = (text: string) => importDirectory(services, {
        sourceText: csv('1,Ada,Lovelace,ada@x.example,CISO,2019-03-01,,Active', '2,Bob,Builder,bob@x.example,,,,Active'), sourceFile: 'hr/people.csv',
        settings: { preset: 'bamboohr' }, target: { file: 'people/imported-people.mandate', text }, declared: [], asOf: '2025-06-30'
    });
    const refusal = (text: string) => {
        const result = again(text);
        return result.ok ? 'accepted' : `${result.problems[0].location.line}:${result.problems[0].location.column} ${result.refused ? 'refused' : ''}`;
    };

    it('is refused, at the first place that differs, when a comment or a blank line was added: the rewrite would drop it', () => {
        expect(refusal(generated.replace('job title "CISO"', 'job title "CISO" // edited'))).toBe('7:21 refused');
        expect(refusal(generated.replace('    email "ada', '    // our CISO\n    email "ada'))).toBe('6:5 refused');
        expect(refusal(`${generated}\n`)).toBe('14:1 refused');
        expect(refusal(`${generated}// kept by hand\n`)).toBe('14:1 refused');
        expect(refusal(generated.replace(/\n$/, ''))).toBe('13:2 refused');
        expect(firstMessage(again(generated.replace('"CISO"', '"CISO" // edited')))).toMatch(/edited by hand here .*; undo the edit, put notes and people of your own in a hand-written file, or delete the file/);
    });

    it('is not edited by a new first line, a byte order mark or CRLF line ends, and is then unchanged', () => {
        const moved = generated.replace(/^.*\n/, '// Generated by `mandate import` from elsewhere.csv, read as CSV (BambooHR preset).\n');
        expect(again(moved).ok).toBe(true);
        const crlf = again(`\uFEFF${generated.replace(/\n/g, '\r\n')}`);
        expect(crlf.ok && crlf.changed).toBe(false);
    });
});

describe('a 5,000-person export', () => {
    it('imports deterministically, parses, and imports again without a change', () => {
        const source = directoryExport(5_000);
        const once = run(source);
        const people = once.plan.people.length;
        expect(people + once.plan.skipped.length).toBe(5_000);
        expect(new Set(once.plan.people.map(person => person.id)).size).toBe(people);
        expect(once.plan.collisions.length).toBeGreaterThan(0);
        const formatted = formatText(services, once.text);
        expect(formatted.ok && formatted.text).toBe(once.text);
        expect(run(source, once.text).changed).toBe(false);
    });
});

describe('hostile values', () => {
    it('any name, title, address and key still give a file that parses and is formatted', () => {
        const random = seededRandom(7);
        const alphabet = ['a', 'Z', ' ', '"', '\\', '/', '*', '*/', '//', '{', '}', '\t', 'é', 'ß', '李', '😀', '\u202e', '\u0000', ',', ';', 'person', 'role', '-', '_', '0', '\u00a0'];
        const text = (length: number) => Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
        const field = (value: string) => `"${value.replace(/"/g, '""')}"`;
        const rows = Array.from({ length: 300 }, (_, i) => [field(`${text(3)}${i}`), field(text(8)), field(text(8)), field(`${text(4)}@x.example`), field(text(12)), '', '', 'Active'].join(','));
        const result = run(csv(...rows));
        expect(result.plan.people.length).toBeGreaterThan(250);
        const formatted = formatText(services, result.text);
        expect(formatted.ok && formatted.text).toBe(result.text);
        expect(run(csv(...rows), result.text).changed).toBe(false);
    });
});
