/**
 * `mandate report --redact`: the report with its people pseudonymised, for sharing outside the
 * security team. It works on the report model, before any renderer runs, so every format
 * (Markdown, HTML, JSON, OSCAL, the SSP) shows the same pseudonyms and no renderer can forget one.
 *
 * What is replaced, everywhere in the model (titles, messages, justifications, evidence, paths):
 * each declared person's ID and name (`person-3`, `Person 3`), e-mail address, and each part of the
 * name of three letters or more ("Martin" alone, or in `evidence/martin-ack.pdf`). A name part
 * that several people share becomes `[redacted]`, and a name part inside a declared ID as inside a
 * path (`doe-office` becomes `person-3-office`). Each person's e-mail address is dropped from the
 * people list. Roles, duties, job titles, firms, dates and file hashes stay: the report is about
 * who holds which role, and that structure is the point of sharing it.
 */
import { createHash } from 'node:crypto';
import type { DirectoryRecord } from '../import/directory-record.js';
import type { AuditReport, PersonEntry } from '../report/report-model.js';
import { NameMatcher, type NameTerm } from './name-matcher.js';

/** Strings that are identifiers of the tool or hashes, never policy text. */
const KEPT_KEYS = new Set(['schemaVersion', 'rule', 'severity', 'sha256', 'inputsSha256', 'commit', 'tool', 'toolVersion', 'asOf', 'generatedAt']);

const MIN_NAME_PART = 3;

export interface Pseudonym {
    readonly id: string;
    readonly title: string;
}

/**
 * Person 1…n, numbered in the order of a hash of each ID keyed by `key` (redactionKey): the same
 * policy always gives the same pseudonyms (reports can be compared and reproduced), and the numbers
 * say nothing about the names (not alphabetical, not declaration order).
 */
export function pseudonyms(people: readonly Pick<PersonEntry, 'id'>[], key: string, first = 1): Map<string, Pseudonym> {
    const ordered = [...new Set(people.map(person => person.id))]
        .map(id => ({ id, rank: createHash('sha256').update(`${key}\u0000${id}`).digest('hex') }))
        .sort((a, b) => a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0);
    return new Map(ordered.map((entry, index) => [entry.id, { id: `person-${index + first}`, title: `Person ${index + first}` }]));
}

/** Someone to pseudonymise: a declared person, or a directory record the drift findings name. */
interface Named {
    readonly id: string;
    readonly title: string;
    readonly email?: string;
    /** Further identifiers replaced by the ID pseudonym, e.g. an employee number. */
    readonly identifiers?: readonly string[];
    /** Only an identifier, never a word of text: a directory record's key is not a policy ID. */
    readonly keyOnly?: boolean;
}

/**
 * The directory records a report's drift findings may name: those matching a declared person (by
 * e-mail address or name) add their employee number to that person; the others are Person n+1….
 */
function withDirectory(people: ReadonlyArray<Pick<PersonEntry, 'id' | 'title' | 'email'>>, records: readonly DirectoryRecord[], key: string): { named: Named[]; names: Map<string, Pseudonym> } {
    const names = pseudonyms(people, key);
    const byEmail = new Map(people.filter(person => person.email).map(person => [person.email!.toLowerCase(), person.id]));
    const byName = new Map(people.map(person => [person.title.trim().toLowerCase(), person.id]));
    const extra = new Map<string, string[]>();
    const others: Named[] = [];
    for (const record of records) {
        const declared = (record.email && byEmail.get(record.email.toLowerCase())) ?? byName.get(record.name.trim().toLowerCase());
        const identifiers = [record.key, record.employeeNumber].filter((value): value is string => value !== undefined && value.trim() !== '');
        if (declared) extra.set(declared, [...extra.get(declared) ?? [], ...identifiers]);
        else others.push({ id: `directory\u0000${record.key}`, title: record.name, email: record.email, identifiers, keyOnly: true });
    }
    for (const [id, pseudonym] of pseudonyms(others, key, names.size + 1)) names.set(id, pseudonym);
    const named: Named[] = [...people.map(person => ({ ...person, identifiers: extra.get(person.id) })), ...others];
    return { named, names };
}

/** `Odegard` for `odegard`: how a part of an ID reads in prose. */
const capitalized = (word: string) => word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();

/**
 * The parts of a name that identify someone on their own: each capitalised word of three letters or
 * more (`Brien` of `O'Brien`), a name joined without its hyphen or apostrophe (`Elamin`, `OBrien`),
 * and each word of the person's ID, which is how the name is often spelt without accents or in
 * paths (`odegard` for Ødegård, `juergen-mueller` for Jürgen Müller).
 */
function nameParts(title: string, id: string | undefined): string[] {
    // ’ (U+2019) written as an escape: the bundles are ASCII (esbuild.mjs).
    const words = title.match(/[\p{L}\p{M}'\u2019-]+/gu) ?? [];
    const joined = words.filter(word => /['\u2019-]/u.test(word)).map(word => word.replace(/['\u2019-]/gu, '')).flatMap(word => [word, capitalized(word)]);
    const fromId = (id ?? '').split(/[-_.]+/).filter(word => /^\p{L}+$/u.test(word)).map(capitalized);
    return [...new Set([...words.flatMap(part => part.split(/['\u2019-]/u)), ...joined, ...fromId])]
        .filter(part => [...part].length >= MIN_NAME_PART && /^\p{Lu}/u.test(part));
}

function termsOf(people: readonly Named[], names: Map<string, Pseudonym>): NameTerm[] {
    const terms: NameTerm[] = [];
    const partOwners = new Map<string, Set<string>>();
    for (const person of people) {
        const pseudonym = names.get(person.id);
        if (!pseudonym) continue;
        if (!person.keyOnly) terms.push({ text: person.id, replacement: pseudonym.id });
        for (const identifier of person.identifiers ?? []) terms.push({ text: identifier, replacement: pseudonym.id });
        if (person.title.trim() !== '') terms.push({ text: person.title, replacement: pseudonym.title, pathReplacement: pseudonym.id });
        // Not the address's local part alone: `security@` is a mailbox, and "security" a word.
        if (person.email) terms.push({ text: person.email, replacement: pseudonym.id });
        for (const part of nameParts(person.title, person.keyOnly ? undefined : person.id)) {
            const owners = partOwners.get(part) ?? new Set<string>();
            owners.add(person.id);
            partOwners.set(part, owners);
        }
    }
    for (const [part, owners] of partOwners) {
        const only = owners.size === 1 ? names.get([...owners][0]) : undefined;
        terms.push({ text: part, replacement: only ? only.title : '[redacted]', pathReplacement: only ? only.id : 'redacted', exact: true });
    }
    return terms;
}

/** Any e-mail address, for the ones no declared person has (a commit's author, an `Approved-by:` trailer). */
const EMAIL_ADDRESS = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
export const REDACTED_EMAIL = '[e-mail redacted]';
export const REDACTED_AUTHOR = '[commit author redacted]';

function redactValue(value: unknown, key: string | undefined, matcher: NameMatcher): unknown {
    if (typeof value === 'string') {
        if (key !== undefined && KEPT_KEYS.has(key)) return value;
        const replaced = matcher.replace(value);
        // A commit's author is a person too, declared or not (recorded-by provenance).
        if (key === 'author' && replaced === value) return REDACTED_AUTHOR;
        return replaced.replace(EMAIL_ADDRESS, REDACTED_EMAIL);
    }
    if (Array.isArray(value)) return value.map(item => redactValue(item, undefined, matcher));
    if (value === null || typeof value !== 'object') return value;
    const result: Record<string, unknown> = {};
    for (const [name, inner] of Object.entries(value)) result[name] = redactValue(inner, name, matcher);
    return result;
}

/**
 * The key pseudonyms are ranked by: a hash of what a redacted report does not show, the policy's own
 * text (or, without it, every person's ID, name and e-mail address). The report's input hash is
 * printed in it, so ranked by that alone, anyone holding the report and a guess of the IDs could
 * rank them again and map Person n back to a name.
 */
export function redactionKey(report: AuditReport, texts: readonly string[] = []): string {
    const hash = createHash('sha256').update('mandate --redact\u0000').update(report.provenance.inputsSha256);
    for (const text of texts) hash.update('\u0000').update(text);
    if (texts.length === 0) for (const person of report.people) hash.update(`\u0000${person.id}\u0000${person.title}\u0000${person.email ?? ''}`);
    return hash.digest('hex');
}

/** A person declared on another side of the report (the revision `--since` names), by ID. */
export type EarlierPeople = ReadonlyMap<string, { readonly title: string; readonly email?: string }>;

/**
 * Without a directory, declared people only; with one, also the records drift findings can name;
 * and the people of an earlier revision the report's changes name, who may be gone from the policy.
 */
function matcherOf(report: AuditReport, directory: readonly DirectoryRecord[] = [], earlier: EarlierPeople = new Map(), key = redactionKey(report)): NameMatcher {
    const current = new Set(report.people.map(person => person.id));
    const people = [...report.people, ...[...earlier].filter(([id]) => !current.has(id)).map(([id, person]) => ({ id, ...person }))];
    const { named, names } = withDirectory(people, directory, key);
    return new NameMatcher(termsOf(named, names), declaredIds(report));
}

/** Every ID the report names a declaration by (a named reference's `id`): roles, duties, programmes, people. */
function declaredIds(report: AuditReport): Set<string> {
    const ids = new Set<string>();
    const visit = (value: unknown): void => {
        if (Array.isArray(value)) {
            for (const item of value) visit(item);
        } else if (value !== null && typeof value === 'object') {
            for (const [name, inner] of Object.entries(value)) {
                if (name === 'id' && typeof inner === 'string') ids.add(inner);
                else visit(inner);
            }
        }
    };
    visit(report);
    return ids;
}

/**
 * The report's redaction as a function of text, for output made beside the report from the same
 * check (`mandate check --redact`: findings, SARIF): the same pseudonyms as the report's.
 */
export function reportRedactor(report: AuditReport, directory?: readonly DirectoryRecord[], earlier?: EarlierPeople, key?: string): (text: string) => string {
    const matcher = matcherOf(report, directory, earlier, key);
    return text => matcher.replace(text);
}

/** The same report with every declared person pseudonymised (and those of `earlier`); the input is left as it is. */
export function redactReport(report: AuditReport, directory?: readonly DirectoryRecord[], earlier?: EarlierPeople, key?: string): AuditReport {
    const redacted = redactValue(report, undefined, matcherOf(report, directory, earlier, key)) as AuditReport;
    return {
        ...redacted,
        people: redacted.people.map(person => ({ ...person, email: undefined })),
        provenance: { ...redacted.provenance, redacted: true }
    };
}
