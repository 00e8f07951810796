/**
 * `report --redact` (issue 14): no declared person's name, ID or e-mail address survives in any
 * report format, for the realistic acme policy and the hostile one, and each person keeps one
 * pseudonym throughout a report.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { default as addFormats } from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { checkSources } from '../language/engine/check-sources.js';
import { NameMatcher } from '../language/redact/name-matcher.js';
import { pseudonyms, redactionKey, redactReport } from '../language/redact/redact-report.js';
import { buildReport } from '../language/report/build-report.js';
import { REPORT_FORMATS, renderReport, OscalSspError } from '../language/report/formats.js';
import type { AuditReport } from '../language/report/report-model.js';
import { CLI, mandate, ROOT, temporaryWorkspaces } from './cli-helpers.js';
import { reportOfFolder } from './folder-helpers.js';

const ACME = fileURLToPath(new URL('../examples/acme/', import.meta.url));
const GOLDEN = fileURLToPath(new URL('./golden/', import.meta.url));

async function hostileReport(): Promise<AuditReport> {
    const text = readFileSync(path.join(GOLDEN, 'hostile-policy.txt'), 'utf8');
    const checked = await checkSources([{ uri: 'file:///ws/people/eve-mallory.mandate', text }], { asOf: '2026-01-01', roots: ['file:///ws/'] });
    return buildReport(checked.services.shared, checked.findings, { toolVersion: '0.1.0', generatedAt: '2026-01-01T00:00:00Z', repository: { git: false } });
}

function escapeRegExp(value: string): string {
    return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** What must not survive: each person's ID, name and e-mail (any case), and each capitalised name part of 3+ letters (as written). */
function leaks(report: AuditReport, output: string): string[] {
    const word = (value: string, flags: string) => new RegExp(`(?<![\\p{L}\\p{N}_])${escapeRegExp(value)}(?![\\p{L}\\p{N}_])`, flags);
    const found: string[] = [];
    for (const person of report.people) {
        for (const value of [person.id, person.title, person.email]) {
            if (value && word(value, 'iu').test(output)) found.push(value);
        }
        for (const part of person.title.match(/\p{Lu}\p{L}{2,}/gu) ?? []) {
            if (word(part, 'u').test(output)) found.push(part);
        }
    }
    return found;
}

async function everyFormat(report: AuditReport): Promise<Map<string, string>> {
    const outputs = new Map<string, string>();
    for (const format of REPORT_FORMATS) {
        try {
            outputs.set(format, await renderReport(report, format));
        } catch (error) {
            if (!(error instanceof OscalSspError)) throw error; // the hostile policy claims nothing: no SSP
        }
    }
    return outputs;
}

describe('report --redact', () => {
    it.each([['acme', () => reportOfFolder(ACME)], ['the hostile policy', hostileReport]])('leaves no declared person in any format: %s', async (_name, make) => {
        const report = await make();
        expect(report.people.length).toBeGreaterThan(1);
        const plain = await everyFormat(report);
        // The check can see a leak: unredacted, every format names people.
        for (const [format, output] of plain) expect(leaks(report, output).length, format).toBeGreaterThan(0);
        const redacted = await everyFormat(redactReport(report));
        expect([...redacted.keys()]).toEqual([...plain.keys()]);
        for (const [format, output] of redacted) expect(leaks(report, output), format).toEqual([]);
    });

    it('leaves no commit author or e-mail address of recorded-by provenance, declared or not', async () => {
        const report = await reportOfFolder(ACME);
        const role = report.roles.find(entry => entry.holders.length > 0)!;
        const recordedBy = {
            status: 'recorded' as const, commit: 'a'.repeat(40), shortCommit: 'aaaaaaa', author: 'Quentin Outsider', email: 'quentin@outside.example',
            date: '2025-01-02T10:00:00+01:00', trailers: [{ key: 'Approved-by', value: 'Rita Auditor <rita@outside.example>' }]
        };
        const withHistory: AuditReport = {
            ...report,
            roles: report.roles.map(entry => entry === role ? { ...entry, holders: entry.holders.map(holder => ({ ...holder, recordedBy })) } : entry)
        };
        const json = JSON.stringify(redactReport(withHistory));
        for (const personal of ['Quentin', 'quentin@outside.example', 'rita@outside.example']) expect(json).not.toContain(personal);
        expect(json).toContain('[commit author redacted]');
        expect(json).toContain('aaaaaaa');
    });

    it('gives each person one pseudonym throughout the report, Person 1…n, the same on every run', async () => {
        const report = await reportOfFolder(ACME);
        const redacted = redactReport(report);
        const people = redacted.people.map(person => [person.id, person.title]);
        expect(new Set(people.map(([id]) => id)).size).toBe(report.people.length);
        expect(people.map(([id]) => Number(id.replace('person-', ''))).sort((a, b) => a - b)).toEqual(report.people.map((_, index) => index + 1));
        for (const [id, title] of people) expect(title).toBe(id.replace('person-', 'Person '));
        const titleOf = new Map(people.map(([id, title]) => [id, title]));
        // Every place that names a person names the same pseudonym for the same person.
        for (const [index, entry] of report.roles.entries()) {
            for (const [position, holder] of entry.holders.entries()) {
                const pseudonym = redacted.roles[index].holders[position].person;
                const original = report.people.findIndex(person => person.id === holder.person.id);
                expect(pseudonym.id).toBe(redacted.people[original].id);
                expect(pseudonym.title).toBe(titleOf.get(pseudonym.id));
            }
        }
        for (const node of redacted.graph.nodes.filter(node => node.kind === 'person')) expect(node.label).toBe(titleOf.get(node.id));
        expect(redacted.people.every(person => person.email === undefined)).toBe(true);
        expect(redactReport(await reportOfFolder(ACME))).toEqual(redacted);
        // Roles, duties and the input hashes stay: the structure is what the reader needs.
        expect(redacted.roles.map(entry => entry.role)).toEqual(report.roles.map(entry => entry.role));
        expect(redacted.provenance.inputsSha256).toBe(report.provenance.inputsSha256);
    });

    it('numbers people by a keyed hash, not alphabetically or in declaration order', async () => {
        const report = await reportOfFolder(ACME);
        const redacted = redactReport(report);
        const numbers = redacted.people.map(person => Number(person.id.replace('person-', '')));
        expect(numbers).not.toEqual([...numbers].sort((a, b) => a - b));
    });

    it('ranks pseudonyms by a key the redacted report does not show, so its input hash does not give them away', async () => {
        const report = await reportOfFolder(ACME);
        const redacted = redactReport(report);
        const byPublishedHash = pseudonyms(report.people, redacted.provenance.inputsSha256);
        const actual = new Map(report.people.map((person, index) => [person.id, redacted.people[index].id]));
        expect(report.people.some(person => byPublishedHash.get(person.id)!.id !== actual.get(person.id))).toBe(true);
        expect(JSON.stringify(redacted)).not.toContain(redactionKey(report));
        // The CLI keys by the policy's text: still the same pseudonyms on every run of the same policy.
        expect(redactReport(report, undefined, undefined, redactionKey(report, ['a', 'b']))).toEqual(redactReport(report, undefined, undefined, redactionKey(report, ['a', 'b'])));
    });

    it('says it is redacted, and the redacted JSON still validates against docs/report.schema.json', async () => {
        const redacted = redactReport(await reportOfFolder(ACME));
        expect(redacted.provenance.redacted).toBe(true);
        const ajv = new Ajv2020({ strict: true, allErrors: true });
        addFormats(ajv);
        const validate = ajv.compile(JSON.parse(readFileSync(path.join(ROOT, 'docs', 'report.schema.json'), 'utf8')));
        const json = JSON.parse(await renderReport(redacted, 'json'));
        expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
        expect(json.provenance.redacted).toBe(true);
        expect(await renderReport(redacted, 'md')).toContain('Pseudonymised');
    });
});

describe('finding names in free text', () => {
    const matcher = new NameMatcher([
        { text: 'will-smith', replacement: 'person-1' },
        { text: 'Will Smith', replacement: 'Person 1' },
        { text: 'Will', replacement: 'Person 1', exact: true },
        { text: 'Smith', replacement: '[redacted]', exact: true }
    ]);

    it('replaces the longest match, whole words only, and name parts only as written in prose', () => {
        expect(matcher.replace('Will Smith will review it with Will; Smithers stays; WILL SMITH too')).toBe('Person 1 will review it with Person 1; Smithers stays; Person 1 too');
        expect(matcher.replace('assign will-smith to ciso')).toBe('assign person-1 to ciso');
    });

    it('replaces name parts in any case inside paths, and a shared name part by [redacted]', () => {
        expect(matcher.replace('evidence/will-ack.pdf')).toBe('evidence/Person 1-ack.pdf');
        expect(matcher.replace('smith family')).toBe('smith family');
        expect(matcher.replace('hr/smith.csv')).toBe('hr/[redacted].csv');
    });
});

describe('mandate report --redact', () => {
    it('writes the redacted report for every format', () => {
        expect(CLI).toBeTruthy();
        const plain = mandate(ROOT, 'report', '--as-of', '2025-06-30', '--format', 'json', 'examples/acme');
        const redacted = mandate(ROOT, 'report', '--as-of', '2025-06-30', '--format', 'json', '--redact', 'examples/acme');
        expect(plain.code).toBe(0);
        expect(redacted.code).toBe(0);
        expect(plain.stdout).toContain('Priya Nair');
        expect(redacted.stdout).not.toMatch(/Priya|Nair|priya/u);
        expect(JSON.parse(redacted.stdout).provenance.redacted).toBe(true);
    });
});

describe('mandate check --redact', () => {
    const workspace = temporaryWorkspaces('mandate-redact-');

    it.each([['text'], ['json'], ['sarif']])('leaves no declared person in the %s findings, and uses the report\'s pseudonyms', async format => {
        const folder = await workspace({ 'people/eve-mallory.mandate': readFileSync(path.join(GOLDEN, 'hostile-policy.txt'), 'utf8') });
        const plain = mandate(folder, 'check', '--as-of', '2026-01-01', '--format', format);
        const redacted = mandate(folder, 'check', '--as-of', '2026-01-01', '--format', format, '--redact');
        expect(plain.stdout).toMatch(/\beve\b/u);
        expect(redacted.code).toBe(plain.code);
        expect(redacted.stdout).not.toMatch(/\b(eve|Eve|mallory|Mallory)\b/u);
        const report = JSON.parse(mandate(folder, 'report', '--as-of', '2026-01-01', '--format', 'json', '--redact').stdout) as AuditReport;
        const eve = report.people.find(person => person.roles.includes('ciso'))!;
        expect(redacted.stdout).toContain(`people/${eve.id}-${report.people.find(person => person.id !== eve.id)!.id}.mandate`);
    });
});

describe('report --redact with a directory', () => {
    it('also pseudonymises the directory records that drift findings name, and their employee numbers', () => {
        const folder = path.join(ROOT, 'examples', 'findings', 'directory-person-unlisted');
        const plain = mandate(folder, 'report', '--as-of', '2025-06-30', '--format', 'json');
        expect(plain.stdout).toContain('hr/people.csv:5 (\\"Noah Patel\\", 1004)');
        for (const format of ['md', 'html', 'json']) {
            const redacted = mandate(folder, 'report', '--as-of', '2025-06-30', '--format', format, '--redact');
            expect(redacted.code).toBe(0);
            expect(redacted.stdout).not.toMatch(/Noah|Patel|noah|\b100[0-4]\b|Sofia|Priya|Margaret/u);
        }
        expect(mandate(folder, 'report', '--as-of', '2025-06-30', '--format', 'json', '--redact').stdout).toContain('hr/people.csv:5 (\\"Person 4\\", person-4)');
        const check = mandate(folder, 'check', '--as-of', '2025-06-30', '--redact');
        expect(check.stdout).toContain('hr/people.csv:5 ("Person 4", person-4)');
    });
});

describe('names the redaction finds however they are written', () => {
    const TERMS = [
        { text: 'jane-doe', replacement: 'person-1' },
        { text: 'Jane Doe', replacement: 'Person 1', pathReplacement: 'person-1' },
        { text: 'Jane', replacement: 'Person 1', pathReplacement: 'person-1', exact: true },
        { text: 'Doe', replacement: 'Person 1', pathReplacement: 'person-1', exact: true },
        { text: 'José Müller', replacement: 'Person 2', pathReplacement: 'person-2' },
        { text: 'José', replacement: 'Person 2', pathReplacement: 'person-2', exact: true },
        { text: 'Müller', replacement: 'Person 2', pathReplacement: 'person-2', exact: true }
    ];
    const matcher = new NameMatcher(TERMS);

    it('in paths, joined by `_` or in camel case, and in a path inside prose', () => {
        expect(matcher.replace('hr/Jane_Doe_letter.pdf')).toBe('hr/person-1_person-1_letter.pdf');
        expect(matcher.replace('hr/contracts/JaneDoe.pdf')).toBe('hr/contracts/person-1person-1.pdf');
        expect(matcher.replace('Scan of hr/doe-contract.pdf')).toBe('Scan of hr/person-1-contract.pdf');
        expect(matcher.replace('people/Jane_Doe.mandate:6')).toBe('people/person-1_person-1.mandate:6');
    });

    it('with or without their accents, composed or decomposed', () => {
        expect(matcher.replace('Signed by Jose\u0301 Mu\u0308ller')).toBe('Signed by Person 2');
        expect(matcher.replace('Jose Muller signed')).toBe('Person 2 signed');
        expect(matcher.replace('hr/jose-muller.pdf')).toBe('hr/person-2-person-2.pdf');
    });

    it('inside an ID the policy declares, in any case, as inside a path; not in prose words that are no ID', () => {
        const withIds = new NameMatcher(TERMS, new Set(['doe-office', 'jose-team']));
        expect(withIds.replace("Nobody holds the CISO role 'doe-office' on 2025-06-30; `may appoint doe-office`")).toBe("Nobody holds the CISO role 'person-1-office' on 2025-06-30; `may appoint person-1-office`");
        expect(withIds.replace('jose-team')).toBe('person-2-team');
        expect(withIds.replace('a doe-eyed, long-term view')).toBe('a doe-eyed, long-term view');
        expect(matcher.replace("role 'doe-office'")).toBe("role 'doe-office'");
    });

    it('and still not inside other words, nor small words in prose', () => {
        expect(matcher.replace('Janet Doers and janedoe wrote a jane note')).toBe('Janet Doers and janedoe wrote a jane note');
        expect(matcher.replace('Jane Doe and Jane')).toBe('Person 1 and Person 1');
    });
});

describe('a role named after its holder', () => {
    it('is pseudonymised wherever the report names it, in every format', async () => {
        const text = 'person jane-doe "Jane Doe" { employed since 2020-01-01 }\n'
            + 'role doe-office "Office of the CISO" { designated CISO }\n'
            + 'assign jane-doe to doe-office since 2024-01-01\n';
        const checked = await checkSources([{ uri: 'file:///ws/people.mandate', text }], { asOf: '2025-06-30', roots: ['file:///ws/'] });
        const report = await buildReport(checked.services.shared, checked.findings, { toolVersion: '0.1.0', generatedAt: '2026-01-01T00:00:00Z', repository: { git: false } });
        expect(report.roles.map(entry => entry.role.id)).toContain('doe-office');
        const redacted = redactReport(report);
        expect(redacted.roles.map(entry => entry.role.id)).toContain('person-1-office');
        for (const [format, output] of await everyFormat(redacted)) expect(output, format).not.toMatch(/(?<!\p{L})doe(?!\p{L})/iu);
    });
});

describe('names spelt as their IDs or without accents', () => {
    it('are pseudonymised too: the words of a person\'s ID, a hyphenated name joined, a name in capitals', async () => {
        const text = 'person zoe-odegard "Zoë Ødegård" { employed since 2019-01-01 }\n'
            + 'person siobhan-obrien "Siobhán O\'Brien" { employed since 2019-01-01 }\n'
            + 'person juergen-mueller "Jürgen Müller" { employed since 2019-01-01 }\n'
            + 'person fatima-el-amin "Fatima El-Amin" { employed since 2019-01-01 }\n'
            + 'role ciso "CISO" { designated CISO }\nrole obrien-office "Office" { reports to ciso }\n'
            + 'assign zoe-odegard to ciso since 2024-01-01 { evidence "evidence/odegard-letter.pdf" evidence "Signed by Zoe Odegard" }\n'
            + 'assign siobhan-obrien to obrien-office since 2024-01-01 { evidence "evidence/obrien-ack.pdf" evidence "SIOBHÁN, on behalf of Ms Elamin" }\n'
            + 'assign juergen-mueller to obrien-office since 2024-01-01 { evidence "Signed by Juergen Mueller" }\n';
        const checked = await checkSources([{ uri: 'file:///ws/people.mandate', text }], { asOf: '2025-06-30', roots: ['file:///ws/'] });
        const report = await buildReport(checked.services.shared, checked.findings, { toolVersion: '0.1.0', generatedAt: '2026-01-01T00:00:00Z', repository: { git: false } });
        const json = JSON.stringify(redactReport(report));
        for (const leak of ['odegard', 'obrien', 'juergen', 'mueller', 'elamin', 'siobh', 'zoe']) expect(json.toLowerCase(), leak).not.toContain(leak);
    });
});

describe('the links of a redacted report written elsewhere', () => {
    const workspaces = temporaryWorkspaces('mandate-redact-links-');

    it('do not name a folder on the way to the policy after a person', async () => {
        const root = await workspaces({
            'jane-doe/policy/people.mandate': 'person jane-doe "Jane Doe"\nrole ciso "CISO" { designated CISO }\nassign jane-doe to ciso since 2024-01-01\n'
        });
        const run = mandate(root, 'report', 'jane-doe/policy', '--redact', '--as-of', '2025-06-30', '-o', 'out/report.md');
        expect(run.code, run.stderr).toBe(0);
        const written = readFileSync(path.join(root, 'out', 'report.md'), 'utf8');
        expect(written).toMatch(/\]\(\.\.\/person-1\/policy\/people\.mandate#L\d+\)/);
        expect(written).not.toMatch(/\bjane\b|\bJane\b|\bDoe\b/);
    });
});
