import { readFile, readdir, stat, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mandate, temporaryWorkspaces } from './cli-helpers.js';
import { CLEAN_POLICY } from './helpers.js';

const workspace = temporaryWorkspaces('mandate-import-');
const fixture = (name: string) => readFile(new URL(`./fixtures/import/${name}`, import.meta.url), 'utf8');
const TARGET = path.join('people', 'imported-people.mandate');

describe('mandate import', () => {
    it('imports an HR export that then checks clean with the policy, fmt has nothing to change, and importing again changes nothing', async () => {
        const folder = await workspace({ ...CLEAN_POLICY, 'hr/bamboohr.csv': await fixture('bamboohr.csv') });
        const policyFindings = JSON.parse(mandate(folder, 'check', '--as-of', '2025-06-30', '--format', 'json').stdout);
        expect(policyFindings.some((finding: { severity: string }) => finding.severity === 'error')).toBe(false);
        const first = mandate(folder, 'import', 'hr/bamboohr.csv', '-o', 'people/', '--as-of', '2025-06-30');
        expect(first.stderr).toBe('');
        expect(first.code).toBe(0);
        expect(first.stdout).toContain('Read hr/bamboohr.csv as CSV (BambooHR preset, detected): 6 people in people/imported-people.mandate.');
        expect(first.stdout).toContain('  john-smith (several people have this name): John Smith (1003) → john-smith-1003, John Smith (1004) → john-smith-1004');
        expect(first.stdout).toContain('  Jürgen Müller-Lüdenscheidt (1006): left on 2025-05-31 and was never imported');
        expect(first.stdout).toMatch(/6 added, 0 ended, 0 changed, 0 unchanged, 1 collision\.\nWrote people\/imported-people\.mandate\.\n$/);
        const written = await readFile(path.join(folder, TARGET), 'utf8');
        expect(mandate(folder, 'fmt', '--check', 'people').code).toBe(0);
        // The imported people add no finding to the policy's own (its evidence files are not in this folder).
        const checked = mandate(folder, 'check', '--as-of', '2025-06-30', '--format', 'json');
        expect(checked.code).toBe(0);
        expect(JSON.parse(checked.stdout)).toEqual(policyFindings);
        const again = mandate(folder, 'import', 'hr/bamboohr.csv', '-o', 'people/', '--as-of', '2025-07-31');
        expect(again.code).toBe(0);
        expect(again.stdout).toContain('0 added, 0 ended, 0 changed, 6 unchanged, 0 collisions.\npeople/imported-people.mandate is up to date; nothing was written.\n');
        expect(await readFile(path.join(folder, TARGET), 'utf8')).toBe(written);
    });

    it('refuses an export whose keys moved to another column, instead of ending everyone and adding them again with new IDs', async () => {
        const bamboo = await fixture('bamboohr.csv');
        const folder = await workspace({ 'hr/bamboohr.csv': bamboo });
        expect(mandate(folder, 'import', 'hr/bamboohr.csv', '-o', 'people/', '--as-of', '2025-06-30').code).toBe(0);
        const written = await readFile(path.join(folder, TARGET), 'utf8');
        // The next export renamed `Employee #`: the preset now keys everyone by e-mail address.
        // Zoë has no e-mail address: with no employee number she could have no key at all (another problem, said first).
        const renamed = bamboo.replace('Employee #', 'Employee Number').replace(/^1005,[\s\S]*?\(DPO\)",[^\n]*\n/m, '');
        await writeFile(path.join(folder, 'hr/bamboohr.csv'), renamed);
        const run = mandate(folder, 'import', 'hr/bamboohr.csv', '-o', 'people/', '--as-of', '2025-07-01');
        expect(run.code).toBe(2);
        expect(run.stderr).toMatch(/^mandate: hr\/bamboohr\.csv:\d+:1: \d+ of the 6 people imported before are in this export under another key \(e\.g\. '[^']+': 100\d before, [^ ]+@acme\.example now\)/);
        expect(await readFile(path.join(folder, TARGET), 'utf8')).toBe(written);
    });

    it('removes a joiner who is no longer in the source before their start date: they never joined, and the file checks clean', async () => {
        const header = 'Employee #,Display Name,Work Email,Job Title,Hire Date,Termination Date,Status';
        const ada = '1,Ada Lovelace,ada@x.example,CISO,2019-03-01,,Active';
        const folder = await workspace({ 'hr.csv': `${header}\n${ada}\n4,Di Fox,di@x.example,Engineer,2026-01-01,,Active\n` });
        expect(mandate(folder, 'import', 'hr.csv', '-o', 'people/', '--preset', 'bamboohr', '--as-of', '2025-06-30').code).toBe(0);
        expect(await readFile(path.join(folder, TARGET), 'utf8')).toContain('person di-fox "Di Fox"');
        await writeFile(path.join(folder, 'hr.csv'), `${header}\n${ada}\n`);
        const run = mandate(folder, 'import', 'hr.csv', '-o', 'people/', '--preset', 'bamboohr', '--as-of', '2025-08-01');
        expect(run.code, run.stderr).toBe(0);
        expect(run.stdout).toContain('Never joined, removed:\n  x di-fox  Di Fox (4): was to join on 2026-01-01, and is no longer in the source');
        const written = await readFile(path.join(folder, TARGET), 'utf8');
        expect(written).not.toContain('di-fox');
        expect(mandate(folder, 'check', 'people', '--as-of', '2025-08-01').stdout).not.toMatch(/date-range-invalid/);
    });

    it('lists the first 20 people of each section and says how many more, unless --verbose; the file holds everyone', async () => {
        const header = 'Employee #,First Name,Last Name,Display Name,Work Email,Job Title,Department,Reporting to,Supervisor Email,Hire Date,Termination Date,Status';
        const rows = Array.from({ length: 30 }, (_, index) => `${2000 + index},Person,No${index},Person No${index},p${index}@acme.example,Analyst,Ops,,,01/15/2020,,Active`);
        const folder = await workspace({ 'hr.csv': `${header}\n${rows.join('\n')}\n` });
        const dry = mandate(folder, 'import', 'hr.csv', '-o', 'people/', '--as-of', '2025-06-30', '--dry-run');
        expect(dry.code).toBe(0);
        const listed = (stdout: string) => stdout.split('\n').filter(line => line.startsWith('  + ')).length;
        expect(listed(dry.stdout)).toBe(20);
        expect(dry.stdout).toContain('  … and 10 more (--verbose lists them all)\n30 added, 0 ended, 0 changed, 0 unchanged, 0 collisions.\n');
        const verbose = mandate(folder, 'import', 'hr.csv', '-o', 'people/', '--as-of', '2025-06-30', '--verbose');
        expect(verbose.code).toBe(0);
        expect(listed(verbose.stdout)).toBe(30);
        expect(verbose.stdout).not.toContain('more (--verbose');
        expect((await readFile(path.join(folder, TARGET), 'utf8')).match(/^person /gm)).toHaveLength(30);
    });

    it('--dry-run prints joiners, leavers and changes and writes nothing', async () => {
        const folder = await workspace({ 'users.json': await fixture('scim.json') });
        expect(mandate(folder, 'import', 'users.json', '-o', 'people/staff.mandate', '--as-of', '2025-06-30').code).toBe(0);
        const before = await readFile(path.join(folder, 'people/staff.mandate'), 'utf8');
        const scim = JSON.parse(await fixture('scim.json'));
        scim.Resources[0].title = 'CISO and Deputy CEO';
        scim.Resources.splice(1, 1); // Oskar Lind left the identity provider
        scim.Resources.push({ id: 'new1', displayName: 'Ines Duarte', emails: [{ value: 'ines.duarte@umbrella.example', primary: true }], active: true });
        await writeFile(path.join(folder, 'users.json'), JSON.stringify(scim, null, 2));
        const dry = mandate(folder, 'import', 'users.json', '-o', 'people/staff.mandate', '--as-of', '2025-07-01', '--dry-run');
        expect(dry.code).toBe(0);
        expect(dry.stdout).toContain('Added (would be):\n  + ines-duarte  Ines Duarte (ines.duarte@umbrella.example): email "ines.duarte@umbrella.example"\n');
        expect(dry.stdout).toContain('Changed (would be):\n  ~ hannah-berg-2001  Hannah Berg (2001): job title "Chief Information Security Officer" → "CISO and Deputy CEO"\n');
        expect(dry.stdout).toContain('Left, but no end date can be written:\n  ! oskar-lind  Oskar Lind (1000): no longer in the source, which gives no start date, so no end date is written\n');
        expect(dry.stdout).toMatch(/Dry run: people\/staff\.mandate was not written\.\n$/);
        expect(await readFile(path.join(folder, 'people/staff.mandate'), 'utf8')).toBe(before);
    });

    it('refuses -o with a new name that has another extension instead of creating a folder of that name; a trailing / creates it', async () => {
        const folder = await workspace({ 'hr/bamboohr.csv': await fixture('bamboohr.csv') });
        const refused = mandate(folder, 'import', 'hr/bamboohr.csv', '-o', 'people.txt', '--as-of', '2025-06-30');
        expect(refused.code).toBe(2);
        expect(refused.stderr).toBe("mandate: people.txt: -o takes a folder or a .mandate file; to create a folder of this name, end it with '/'\n");
        expect(await readdir(folder)).toEqual(['hr']);
        const created = mandate(folder, 'import', 'hr/bamboohr.csv', '-o', 'people.v2/', '--as-of', '2025-06-30');
        expect(created.code).toBe(0);
        expect((await stat(path.join(folder, 'people.v2', 'imported-people.mandate'))).isFile()).toBe(true);
    });

    it('exits 2 on a broken CSV, naming file, line and column, and writes nothing', async () => {
        const folder = await workspace({ 'hr.csv': 'Employee #,First Name,Last Name,Work Email,Status\n1,Ada,Lovelace,ada@x.example,Active\n2,"Bob,Builder,bob@x.example,Active\n' });
        const result = mandate(folder, 'import', 'hr.csv', '-o', 'people/', '--as-of', '2025-06-30');
        expect(result.code).toBe(2);
        expect(result.stderr).toBe('mandate: hr.csv:3:3: this quoted field is never closed: a `"` is missing, or a quote inside the field is not doubled ("")\nmandate: nothing was imported or written\n');
        expect(result.stdout).toBe('');
        expect(await stat(path.join(folder, 'people')).catch(() => undefined)).toBeUndefined();
    });

    it('exits 2 on broken JSON, keeping the generated file as it was', async () => {
        const folder = await workspace({ 'users.json': await fixture('scim.json') });
        expect(mandate(folder, 'import', 'users.json', '-o', 'people/', '--as-of', '2025-06-30').code).toBe(0);
        const before = await readFile(path.join(folder, TARGET), 'utf8');
        await writeFile(path.join(folder, 'users.json'), (await fixture('scim.json')).replace('"active": false,', '"active": false'));
        const result = mandate(folder, 'import', 'users.json', '-o', 'people/', '--as-of', '2025-06-30');
        expect(result.code).toBe(2);
        expect(result.stderr).toMatch(/^mandate: users\.json:45:7: invalid JSON: comma expected\n/);
        expect(await readFile(path.join(folder, TARGET), 'utf8')).toBe(before);
        expect(await readdir(path.join(folder, 'people'))).toEqual(['imported-people.mandate']);
    });

    it('refuses to overwrite a hand-written file, and leaves people declared by hand alone', async () => {
        const handWritten = 'person ada "Ada Lovelace" {\n    email "ada.lovelace@acme.example"\n}\n';
        const folder = await workspace({ 'hr.csv': await fixture('bamboohr.csv'), 'people/imported-people.mandate': handWritten, 'people/board.mandate': handWritten });
        const refused = mandate(folder, 'import', 'hr.csv', '-o', 'people/', '--as-of', '2025-06-30');
        expect(refused.code).toBe(2);
        expect(refused.stderr).toContain('mandate: people/imported-people.mandate:1:1: this file was not written by mandate import (it has no generated header), so it is not overwritten; give -o another file or folder\n');
        expect(await readFile(path.join(folder, TARGET), 'utf8')).toBe(handWritten);
        const beside = mandate(folder, 'import', 'hr.csv', '-o', 'people/staff.mandate', '--as-of', '2025-06-30');
        expect(beside.code).toBe(0);
        expect(beside.stdout).toContain("  Ada Lovelace (1001): declared by hand as 'ada'\n");
        expect(await readFile(path.join(folder, 'people/board.mandate'), 'utf8')).toBe(handWritten);
    });

    it('uses the mapping of mandate.config.json, and a preset given on the command line over it', async () => {
        const folder = await workspace({
            'mandate.config.json': JSON.stringify({ directory: { source: 'hr/personal.csv', mapping: { columns: { employeeNumber: 'Personalnummer', name: 'Name', email: 'E-Mail', title: 'Funktion', start: 'Eintritt' }, dateOrder: 'dmy' } } }),
            'hr/personal.csv': 'Personalnummer;Name;E-Mail;Funktion;Eintritt\n0815;Jörg Weiß;j.weiss@x.example;ISB;01/04/2017\n'
        });
        const result = mandate(folder, 'import', 'hr/personal.csv', '-o', 'people/', '--as-of', '2025-06-30');
        expect(result.stderr).toBe('');
        expect(result.stdout).toContain('  + jorg-weiss  Jörg Weiß (0815): email "j.weiss@x.example"; job title "ISB"; employed since 2017-04-01\n');
        const preset = mandate(folder, 'import', 'hr/personal.csv', '-o', 'people/', '--preset', 'personio', '--dry-run');
        expect(preset.code).toBe(2);
        expect(preset.stderr).toContain("mandate: hr/personal.csv:1:1: no column holds the name; expected one of 'First name', 'Last name'\n");
    });

    it('says what is wrong with the command line and the source file', async () => {
        const folder = await workspace({ 'latin1.csv': Buffer.from('Employee #,First Name,Last Name\n1,J\xfcrgen,M\xfcller\n', 'latin1'), 'hr.csv': await fixture('workday.csv') });
        expect(mandate(folder, 'import', 'missing.csv', '-o', 'people/').stderr).toBe('mandate: missing.csv: no such file\n');
        expect(mandate(folder, 'import', 'latin1.csv', '-o', 'people/').stderr).toBe('mandate: latin1.csv:2:4: not valid UTF-8 from here on; export it again as UTF-8 (in Excel: "CSV UTF-8")\n');
        expect(mandate(folder, 'import', 'hr.csv', '-o', 'hr.csv').stderr).toBe('mandate: hr.csv: -o takes a folder or a .mandate file\n');
        expect(mandate(folder, 'import', 'hr.csv', '-o', 'people/', '--delimiter', '|').stderr).toBe("mandate: --delimiter must be ',', ';' or 'tab', not '|'\n");
        expect(mandate(folder, 'import', 'hr.csv').code).toBe(2);
        expect(await readdir(folder)).toEqual(['hr.csv', 'latin1.csv']);
    });
});
