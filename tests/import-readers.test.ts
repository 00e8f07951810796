import { parseTree, type ParseError } from 'jsonc-parser';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ConfigProblem } from '../language/config/mandate-config.js';
import { parseColumnMapping, readCsvDirectory, readDirectory, readScimDirectory, type DirectoryReadResult } from '../language/import/index.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/import/${name}`, import.meta.url), 'utf8');
const read = (name: string) => readDirectory(fixture(name), name);
/** The records in one line each: key, name, active, and the fields present. */
const lines = (result: DirectoryReadResult) => result.records.map(record =>
    [record.key, record.name, record.active ? 'active' : 'inactive', record.email ?? '-', record.title ?? '-', record.start ?? '-', record.end ?? '-', record.managerKey ?? '-'].join(' | '));
const problems = (result: DirectoryReadResult) => result.problems.map(problem => `${problem.location.line}:${problem.location.column} ${problem.message}`);

describe('directory readers: the presets', () => {
    it('BambooHR: US dates, quoted commas and line breaks, a doubled quote, no e-mail, a leaver', () => {
        const result = read('bamboohr.csv');
        expect(problems(result)).toEqual([]);
        expect(result.description).toBe('CSV (BambooHR preset, detected)');
        expect(lines(result)).toEqual([
            '1001 | Ada Lovelace | active | ada.lovelace@acme.example | Chief Information Security Officer | 2019-03-01 | - | 1002',
            '1002 | Grace Hopper | active | grace.hopper@acme.example | Chief Executive Officer | 2015-01-15 | - | -',
            '1003 | John Smith | active | john.smith@acme.example | Analyst, IT Operations | 2021-06-01 | - | 1001',
            '1004 | John Smith | active | jsmith2@acme.example | Sales Representative | 2022-09-12 | - | 1002',
            '1005 | Zoë Ødegård | active | - | Data Protection Officer (DPO) | 2020-02-01 | - | 1002',
            '1006 | Jürgen Müller-Lüdenscheidt | inactive | jurgen.muller@acme.example | IT Administrator | 2018-04-01 | 2025-05-31 | 1001',
            '1007 | Siobhán O"Brien | active | siobhan.obrien@acme.example | HR Manager | 2016-11-04 | - | 1002'
        ]);
        // The record after the quoted line break starts on the line after it.
        expect(result.records.map(record => record.location.line)).toEqual([2, 3, 4, 5, 6, 8, 9]);
    });

    it('Personio: semicolons, a byte order mark, German dates, and a manager named ambiguously', () => {
        const result = read('personio.csv');
        expect(problems(result)).toEqual([]);
        expect(lines(result)).toEqual([
            '17 | Jörg Weiß | active | joerg.weiss@beispiel.example | Informationssicherheitsbeauftragter | 2017-04-01 | - | -',
            '23 | Anna Schmidt | active | anna.schmidt@beispiel.example | Datenschutzbeauftragte | 2020-09-15 | - | 17',
            '24 | Anna Schmidt | inactive | anna.schmidt2@beispiel.example | Werkstudentin | 2024-10-01 | 2025-03-31 | 17',
            '31 | Łukasz Żółć | active | lukasz.zolc@beispiel.example | Leiter IT; Infrastruktur | 2019-02-01 | - | 17',
            // "Anna Schmidt" names two people: the manager stays unresolved rather than guessed.
            '40 | François Lefèvre | active | - | Praktikant | 2025-06-01 | - | -'
        ]);
        expect(result.records[4].manager).toBe('Anna Schmidt');
    });

    it('HiBob: day/month dates, a name in Chinese, garden leave counts as employed', () => {
        const result = read('hibob.csv');
        expect(problems(result)).toEqual([]);
        expect(lines(result)).toEqual([
            'HB-001 | Priya Raman | active | priya.raman@globex.example | Head of Security | 2018-03-12 | - | -',
            'HB-002 | 李 伟 | active | li.wei@globex.example | Security Engineer | 2021-07-01 | - | HB-001',
            'HB-003 | Noah Cohen | inactive | noah.cohen@globex.example | Site Reliability Engineer | 2020-01-05 | 2025-02-28 | HB-001',
            'HB-004 | Mary-Jane "MJ" Watson | active | mj.watson@globex.example | Office Manager London | 2022-09-30 | - | HB-001'
        ]);
    });

    it('Workday: ISO dates, the manager by employee ID, department kept for the drift rules', () => {
        const result = read('workday.csv');
        expect(problems(result)).toEqual([]);
        expect(lines(result)).toEqual([
            'W100234 | Maria Garcia | active | maria.garcia@initech.example | Chief Information Security Officer | 2016-02-01 | - | W100001',
            'W100001 | Bill Lumbergh | active | bill.lumbergh@initech.example | Chief Executive Officer | 2010-05-17 | - | -',
            'W100377 | Peter Gibbons | inactive | peter.gibbons@initech.example | Software Engineer | 2019-08-12 | 2025-04-30 | W100001',
            'W100412 | Samir Nagheenanajar | active | samir.n@initech.example | Software Engineer | 2019-08-12 | - | W100001'
        ]);
        expect(result.records[0].department).toBe('Information Security (Maria Garcia)');
    });

    it('Google Workspace: no employee IDs (the e-mail is the key), no dates, suspended users inactive', () => {
        const result = read('google-workspace.csv');
        expect(problems(result)).toEqual([]);
        expect(lines(result)).toEqual([
            'alex.kim@hooli.example | Alex Kim | active | alex.kim@hooli.example | Security Lead | - | - | -',
            'sam.patel@hooli.example | Sam Patel | active | sam.patel@hooli.example | Platform Engineer | - | - | alex.kim@hooli.example',
            'jo.lee@hooli.example | Jo Lee | inactive | jo.lee@hooli.example | Platform Engineer | - | - | alex.kim@hooli.example',
            'renee.dubois@hooli.example | Renée Dubois-Martin | active | renee.dubois@hooli.example | Counsel | - | - | alex.kim@hooli.example'
        ]);
    });

    it('Entra ID: a disabled account, a name in Cyrillic, and an account whose only address is its user principal name', () => {
        const result = read('entra-id.csv');
        expect(problems(result)).toEqual([]);
        expect(lines(result)).toEqual([
            'C-0042 | Kenji Sato | active | kenji.sato@contoso.example | CISO | 2019-04-01 | - | -',
            'C-0057 | Ольга Иванова | active | olga.ivanova@contoso.example | Security Analyst | 2022-01-10 | - | -',
            'svc-backup@contoso.example | Backup Service | active | svc-backup@contoso.example | - | - | - | -',
            'C-0061 | Daniel Okafor | inactive | d.okafor@contoso.example | IT Administrator | 2020-07-01 | - | -'
        ]);
    });

    it('a named preset wins over detection, and an unknown one is a problem', () => {
        expect(readCsvDirectory(fixture('hibob.csv'), 'hibob.csv', { preset: 'hibob' }).description).toBe('CSV (HiBob preset)');
        expect(problems(readCsvDirectory(fixture('hibob.csv'), 'hibob.csv', { preset: 'sap' }))).toEqual([
            "1:1 there is no preset 'sap'; the presets are bamboohr, personio, hibob, workday, google-workspace, entra-id"
        ]);
    });
});

describe('directory readers: SCIM 2.0', () => {
    it('reads users with the enterprise extension, the primary e-mail, and managers by resource ID', () => {
        const result = read('scim.json');
        expect(problems(result)).toEqual([]);
        expect(lines(result)).toEqual([
            '2001 | Hannah Berg | active | hannah.berg@umbrella.example | Chief Information Security Officer | - | - | 1000',
            '1000 | Oskar Lind | active | oskar.lind@umbrella.example | Chief Executive Officer | - | - | -',
            '2417 | Sven Åkesson | inactive | sven.aakesson@umbrella.example | Backup Operator | - | - | 2001',
            // No employee number and no e-mail: the resource ID is the key.
            '00u0contractor000001 | Kwame Mensah | active | - | - | - | - | -',
            '2502 | Hannah Berg | active | hannah.berg2@umbrella.example | Recruiter | - | - | 1000'
        ]);
        expect(result.records[0]).toMatchObject({ department: 'Security', manager: 'Oskar Lind', location: { file: 'scim.json', line: 7, column: 5 } });
    });

    it('reports broken JSON at its line and column', () => {
        const text = '{\n  "schemas": ["urn:ietf:params:scim:api:messages:2.0:ListResponse"],\n  "Resources": [\n    { "displayName": "A" "active": true }\n  ]\n}';
        expect(problems(readScimDirectory(text, 'users.json'))).toEqual(['4:26 invalid JSON: comma expected']);
        expect(problems(readScimDirectory('{ "Resources": [ ', 'users.json'))[0]).toMatch(/^1:18 invalid JSON: /);
        expect(problems(readScimDirectory('', 'users.json'))[0]).toMatch(/^1:1 invalid JSON/);
    });

    it('takes the name from name.formatted, then given and family names, when displayName is empty', () => {
        const list = (user: string) => `{ "schemas": ["urn:ietf:params:scim:api:messages:2.0:ListResponse"], "Resources": [${user}] }`;
        const formatted = readScimDirectory(list('{ "id": "u1", "displayName": "", "name": { "formatted": "Kim Lee" }, "emails": [{ "value": "kim@x.example", "primary": true }] }'), 'u.json');
        expect(problems(formatted)).toEqual([]);
        expect(formatted.records[0].name).toBe('Kim Lee');
        const parts = readScimDirectory(list('{ "id": "u1", "displayName": " ", "name": { "givenName": "Kim", "familyName": "Lee" }, "emails": [{ "value": "kim@x.example" }] }'), 'u.json');
        expect(parts.records[0].name).toBe('Kim Lee');
    });

    it('refuses one page of a paged response, which is not the whole directory', () => {
        const user = '{ "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "id": "u1", "userName": "ada@x.example", "displayName": "Ada Lovelace", "emails": [{ "value": "ada@x.example", "primary": true }], "active": true }';
        const page = `{ "schemas": ["urn:ietf:params:scim:api:messages:2.0:ListResponse"], "totalResults": 300, "itemsPerPage": 1, "Resources": [${user}] }`;
        expect(problems(readScimDirectory(page, 'users.json'))).toEqual([
            '1:86 this is one page of the directory: "totalResults" is 300, but "Resources" lists 1; export every user in one response (a count large enough for all, e.g. ?count=300)'
        ]);
        expect(problems(readScimDirectory(page.replace('"totalResults": 300', '"totalResults": 1'), 'users.json'))).toEqual([]);
    });

    it('reports JSON that is not a ListResponse of users, and values of the wrong type', () => {
        expect(problems(readScimDirectory('{ "Resources": [] }', 'u.json'))[0]).toMatch(/^1:1 not a SCIM ListResponse/);
        const list = (users: string) => `{ "schemas": ["urn:ietf:params:scim:api:messages:2.0:ListResponse"], "Resources": [${users}] }`;
        expect(problems(readScimDirectory(list('{ "displayName": "A", "emails": [{ "value": "a@x.example" }], "active": "yes" }'), 'u.json')))
            .toEqual(['1:156 "active" must be true or false']);
        expect(problems(readScimDirectory(list('42'), 'u.json'))).toEqual(['1:84 each entry of "Resources" must be a User object']);
        expect(problems(readScimDirectory(list('{ "id": "x", "displayName": "A", "emails": [{ "value": "a@x.example" }] }, { "id": "y", "displayName": "B", "emails": [{ "value": "A@x.example" }] }'), 'u.json')))
            .toEqual(["1:159 'a@x.example' is also the key of 'A' at line 1; employee numbers and e-mail addresses must be unique"]);
    });
});

describe('directory readers: broken CSV', () => {
    const csv = (text: string, settings = {}) => problems(readCsvDirectory(text, 'people.csv', { preset: 'bamboohr', ...settings }));
    const header = 'Employee #,First Name,Last Name,Work Email,Hire Date,Status';

    it('names the line and column of ragged rows and quoting mistakes', () => {
        expect(csv(`${header}\n1,Ada,Lovelace,ada@x.example,03/01/2019,Active,extra\n2,Bob\n`)).toEqual([
            '2:48 this row has 7 fields but the header has 6; a field holding a comma must be quoted',
            '3:3 this row has 2 fields but the header has 6'
        ]);
        expect(csv(`${header}\n1,"Ada,Lovelace,ada@x.example,03/01/2019,Active\n`)[0]).toMatch(/^2:3 this quoted field is never closed/);
        expect(csv(`${header}\n1,"Ada"x,Lovelace,ada@x.example,03/01/2019,Active\n`)[0]).toMatch(/^2:8 unexpected text after a closing quote/);
    });

    it('gives no records and only the file\'s problems when a row after good ones is broken', () => {
        const result = readCsvDirectory(`${header}\n1,Ada,Lovelace,ada@x.example,2019-02-30,Active\n2,Bob,Builder,bob@x.example,03/01/2019,Active\n3,Cy\n`, 'people.csv', { preset: 'bamboohr' });
        expect(result.records).toEqual([]);
        expect(problems(result)).toEqual(['4:3 this row has 2 fields but the header has 6']);
        expect(readCsvDirectory(`${header}\n1,Ada,Lovelace,,,Active\n2,"Bob\n`, 'people.csv', { preset: 'bamboohr' }).records).toEqual([]);
    });

    it('says which columns it expected when the header has none of them', () => {
        expect(csv('Name,Mail\nAda,ada@x.example\n')).toEqual([
            "1:1 no column holds the name; expected one of 'Display Name', 'Preferred Full Name', 'First Name', 'Last Name'",
            "1:1 no column holds an employee number or e-mail address; expected one of 'Employee #', 'Employee ID', 'EEID', 'Work Email', 'Email'"
        ]);
        expect(problems(readCsvDirectory('Name,Mail\nAda,ada@x.example\n', 'people.csv'))[0]).toMatch(/^1:1 the header matches no preset; give --preset/);
        expect(problems(readCsvDirectory('', 'people.csv'))).toEqual(['1:1 the file is empty; a CSV export starts with a header line']);
    });

    it('says a column the mapping names is not in the header, instead of reading every row without it', () => {
        const text = 'Personalnummer,Name,E-Mail,Austritt,Status\n1002,Sofia Alvarez,sofia@acme.example,2025-03-31,ausgetreten\n';
        const mapping = { columns: { employeeNumber: ['Personalnummer'], name: ['Name'], email: ['E-Mail'], end: ['Austrittsdatum'], status: ['Mitarbeiterstatus'] }, activeValues: ['aktiv'] };
        expect(problems(readCsvDirectory(text, 'hr/personal.csv', { mapping }))).toEqual([
            '1:1 the header has no column \'Austrittsdatum\', which the "directory" mapping of mandate.config.json names for "end"',
            '1:1 the header has no column \'Mitarbeiterstatus\', which the "directory" mapping of mandate.config.json names for "status"'
        ]);
        const right = { ...mapping, columns: { ...mapping.columns, end: ['Austritt'], status: ['Status'] } };
        expect(problems(readCsvDirectory(text, 'hr/personal.csv', { mapping: right }))).toEqual([]);
    });

    it('says a mapped column appears twice in the header, instead of reading the first and dropping the other', () => {
        const text = 'Employee #,Display Name,Work Email,Work Email,Job Title,Status\n1,Jane,,jane@x.example,Eng,Active\n';
        expect(problems(readCsvDirectory(text, 'dup.csv', { preset: 'bamboohr' }))).toEqual([
            "1:36 the header has 'Work Email' twice (columns 3 and 4), so which one holds the value is unclear; rename or remove one"
        ]);
    });

    it('says the delimiter given does not split the header, instead of that no preset matches it', () => {
        const commas = 'Employee #,First Name,Last Name,Work Email\n1,Ada,Lovelace,ada@x.example\n';
        expect(problems(readCsvDirectory(commas, 'people.csv', { delimiter: ';' }))).toEqual(
            ["1:1 the header line is read as one column, which holds ',': the file seems to be separated by it; give --delimiter ,"]);
        expect(problems(readCsvDirectory(commas.replaceAll(',', ';'), 'people.csv', { delimiter: ',', preset: 'bamboohr' }))).toEqual(
            ["1:1 the header line is read as one column, which holds ';': the file seems to be separated by it; give --delimiter ';'"]);
    });

    it('reports bad dates at their cell, people without a name or key, and a key used twice', () => {
        expect(csv(`${header}\n1,Ada,Lovelace,ada@x.example,2019-02-30,Active\n`)).toEqual(["2:30 start date of 'Ada Lovelace': '2019-02-30' is not a day the calendar has"]);
        // Written in a form the import reads, on a day that does not exist: the form is not what is wrong (a new user's Personio export).
        expect(csv(`${header}\n1,Ada,Lovelace,ada@x.example,31.02.2021,Active\n`)).toEqual(["2:30 start date of 'Ada Lovelace': '31.02.2021' is not a day the calendar has"]);
        expect(csv(`${header}\n1,Ada,Lovelace,ada@x.example,March 2021,Active\n`)).toEqual(["2:30 start date of 'Ada Lovelace': 'March 2021' is not a date; write YYYY-MM-DD, DD.MM.YYYY or MM/DD/YYYY"]);
        // The limit of the policy's own date-invalid: a generated file must pass the check.
        expect(csv(`${header}\n1,Ada,Lovelace,ada@x.example,0000-01-01,Active\n`)).toEqual(["2:30 start date of 'Ada Lovelace': '0000-01-01' lies before the year 1900, which no record of people working today does"]);
        expect(csv(`${header}\n,Ada,Lovelace,,,Active\n,,,x@y.example,,Active\n`)).toEqual([
            "2:1 'Ada Lovelace' has neither an employee number nor an e-mail address, so re-imports could not recognise them",
            '3:1 this person has no name (x@y.example); every imported person needs one'
        ]);
        expect(csv(`${header}\n7,Ada,Lovelace,,,Active\n7,Bob,Builder,,,Active\n`)).toEqual([
            "3:1 '7' is also the key of 'Ada Lovelace' at line 2; employee numbers and e-mail addresses must be unique"
        ]);
    });

    it('asks for the date order when a slashed date could be either, and reads it once given', () => {
        const mapping = { columns: { employeeNumber: ['id'], name: ['name'], start: ['start'] } };
        expect(problems(readCsvDirectory('id,name,start\n1,Ada,03/04/2020\n', 'p.csv', { mapping }))).toEqual([
            "2:7 start date of 'Ada': '03/04/2020' could be day/month or month/day; set \"dateOrder\" (\"dmy\" or \"mdy\") in the directory mapping"
        ]);
        expect(readCsvDirectory('id,name,start\n1,Ada,03/04/2020\n', 'p.csv', { mapping: { ...mapping, dateOrder: 'dmy' } }).records[0].start).toBe('2020-04-03');
    });

    it('makes the name from the name column, else from the given and family names there are', () => {
        const mapping = { columns: { employeeNumber: ['id'], name: ['full'], givenName: ['given'], familyName: ['family'], start: ['start'] }, dateOrder: 'mdy' as const };
        const result = readCsvDirectory([
            'id,full,given,family,start',
            '1, Ada Lovelace ,A,L,2019-03-01T08:00:00Z', '2,,Ada,Lovelace,1.3.2019', '3, ,  Ada ,,03/01/2019', '4,,,Lovelace,', '5,,,,'
        ].join('\n'), 'p.csv', { mapping });
        expect(result.records.map(record => `${record.key} ${record.name} ${record.start ?? '-'}`)).toEqual([
            '1 Ada Lovelace 2019-03-01', '2 Ada Lovelace 2019-03-01', '3 Ada 2019-03-01', '4 Lovelace -'
        ]);
        expect(problems(result)).toEqual(['6:1 this person has no name (5); every imported person needs one']);
    });

    it('skips rows of empty fields, as spreadsheets append them', () => {
        expect(readCsvDirectory(`${header}\n1,Ada,Lovelace,,,Active\n,,,,,\n`, 'p.csv', { preset: 'bamboohr' }).records).toHaveLength(1);
    });
});

describe('the custom mapping of mandate.config.json', () => {
    const mapping = (json: string) => {
        const errors: ParseError[] = [];
        const found: ConfigProblem[] = [];
        const result = parseColumnMapping(parseTree(json, errors)!, found);
        return { result, problems: found.map(problem => `${problem.offset} ${problem.message}`) };
    };

    it('reads columns as a name or a list, active values and the date order', () => {
        expect(mapping('{ "columns": { "employeeNumber": "Personalnummer", "name": ["Name", "Vollständiger Name"] }, "activeValues": ["aktiv"], "dateOrder": "dmy" }')).toEqual({
            result: { columns: { employeeNumber: ['Personalnummer'], name: ['Name', 'Vollständiger Name'] }, activeValues: ['aktiv'], dateOrder: 'dmy' },
            problems: []
        });
    });

    it('reports unknown fields and settings and wrong values, keeping the rest', () => {
        const { result, problems: found } = mapping('{ "columns": { "phone": "Tel", "email": "" , "title": "Role" }, "dateOrder": "ymd", "sheet": 1 }');
        expect(result).toEqual({ columns: { title: ['Role'] } });
        expect(found).toEqual([
            "15 Unknown field 'phone'; the fields are employeeNumber, name, givenName, familyName, email, title, department, manager, start, end, status.",
            '40 A column is named by its header, as a non-empty string or a list of them, e.g. "Work Email" or ["Work Email", "Email"].',
            '77 "dateOrder" must be "dmy" or "mdy" (day/month/year or month/day/year).',
            "84 Unknown mapping setting 'sheet'; a mapping has \"columns\", \"activeValues\", \"dateOrder\"."
        ]);
    });

    it('a custom mapping reads an export no preset knows, and overrides a preset field by field', () => {
        const text = 'Personalnummer;Name;E-Mail;Funktion;Eintritt;Austritt;Status\n0815;Jörg Weiß;j.weiss@x.example;ISB;01.04.2017;;aktiv\n';
        const settings = { mapping: { columns: { employeeNumber: ['Personalnummer'], name: ['Name'], email: ['E-Mail'], title: ['Funktion'], start: ['Eintritt'], end: ['Austritt'], status: ['Status'] }, activeValues: ['aktiv'] } };
        expect(lines(readCsvDirectory(text, 'p.csv', settings))).toEqual(['0815 | Jörg Weiß | active | j.weiss@x.example | ISB | 2017-04-01 | - | -']);
        const overridden = readCsvDirectory(fixture('bamboohr.csv'), 'b.csv', { preset: 'bamboohr', mapping: { columns: { title: ['Department'] } } });
        expect(overridden.records[0].title).toBe('Security');
        expect(overridden.description).toBe('CSV (BambooHR preset) with the mapping of mandate.config.json');
    });
});
