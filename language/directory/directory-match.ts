import type { Person } from '../generated/ast.js';
import type { DirectoryRecord } from '../import/directory-record.js';
import { directoryKeyOf } from '../import/people-file.js';
import type { WorkspaceModel } from '../workspace/workspace-model.js';
import type { LoadedDirectory } from './directory-loader.js';

/**
 * Which directory record is which person of the policy. The strongest identifier both sides have
 * decides, so two people who share a name are never confused:
 * 1. the directory key a generated people file records (`// directory key: E1042`: the employee
 *    number, or the e-mail address, that `mandate import` read);
 * 2. the e-mail address (without case);
 * 3. the name (without case, white space collapsed), only among records that have no e-mail
 *    address when the person has one: a record with another address is another person.
 * A person with several candidate records, or whose record another person also matched, is
 * ambiguous, and the drift rules say so rather than guess.
 */
export type MatchedBy = 'directory key' | 'e-mail address' | 'name';

export type PersonMatch =
    | { readonly kind: 'matched'; readonly record: DirectoryRecord; readonly by: MatchedBy }
    | { readonly kind: 'ambiguous'; readonly records: readonly DirectoryRecord[]; readonly by: MatchedBy; readonly sharedWith: readonly Person[] }
    | { readonly kind: 'missing'; readonly tried: string };

export interface DirectoryMatch {
    readonly directory: LoadedDirectory;
    of(person: Person): PersonMatch;
    /** Records no person of the policy matched (ambiguous matches count as matched). */
    readonly unmatched: readonly DirectoryRecord[];
    /** The person a record is matched to, when exactly one. */
    personOf(record: DirectoryRecord): Person | undefined;
    readonly byKey: ReadonlyMap<string, DirectoryRecord>;
}

export function foldName(name: string): string {
    return name.normalize('NFC').trim().replace(/\s+/gu, ' ').toLowerCase();
}

function index(records: readonly DirectoryRecord[], key: (record: DirectoryRecord) => string | undefined): Map<string, DirectoryRecord[]> {
    const map = new Map<string, DirectoryRecord[]>();
    for (const record of records) {
        const value = key(record);
        if (value === undefined || value === '') continue;
        const list = map.get(value);
        if (list) list.push(record);
        else map.set(value, [record]);
    }
    return map;
}

function candidates(person: Person, indexes: { byKey: Map<string, DirectoryRecord[]>; byEmail: Map<string, DirectoryRecord[]>; byName: Map<string, DirectoryRecord[]> }): { records: DirectoryRecord[]; by: MatchedBy; tried: string } {
    const key = directoryKeyOf(person);
    if (key) {
        const found = indexes.byKey.get(key) ?? [];
        if (found.length > 0) return { records: found, by: 'directory key', tried: `directory key ${key}` };
    }
    const email = person.email?.trim().toLowerCase();
    const name = foldName(person.title ?? '');
    if (email) {
        const found = indexes.byEmail.get(email) ?? [];
        if (found.length > 0) return { records: found, by: 'e-mail address', tried: `e-mail address ${email}` };
        const named = (indexes.byName.get(name) ?? []).filter(record => !record.email);
        return { records: named, by: 'name', tried: `e-mail address ${email}, nor by name among records without one` };
    }
    return { records: indexes.byName.get(name) ?? [], by: 'name', tried: `name "${person.title ?? person.name}"` };
}

function compute(model: WorkspaceModel, directory: LoadedDirectory): DirectoryMatch {
    const records = directory.records;
    const indexes = {
        byKey: index(records, record => record.key),
        byEmail: index(records, record => record.email?.toLowerCase()),
        byName: index(records, record => foldName(record.name))
    };
    const found = new Map<Person, { records: DirectoryRecord[]; by: MatchedBy; tried: string }>();
    const claimants = new Map<DirectoryRecord, Person[]>();
    for (const person of model.persons) {
        const result = candidates(person, indexes);
        found.set(person, result);
        if (result.records.length === 1) claimants.set(result.records[0], [...(claimants.get(result.records[0]) ?? []), person]);
    }
    const matches = new Map<Person, PersonMatch>();
    for (const [person, result] of found) {
        if (result.records.length === 0) {
            matches.set(person, { kind: 'missing', tried: result.tried });
        } else if (result.records.length > 1) {
            matches.set(person, { kind: 'ambiguous', records: result.records, by: result.by, sharedWith: [] });
        } else {
            const others = (claimants.get(result.records[0]) ?? []).filter(other => other !== person);
            matches.set(person, others.length === 0
                ? { kind: 'matched', record: result.records[0], by: result.by }
                : { kind: 'ambiguous', records: result.records, by: result.by, sharedWith: others });
        }
    }
    const claimed = new Set([...found.values()].flatMap(result => result.records));
    const owner = new Map([...claimants].filter(([, people]) => people.length === 1).map(([record, people]) => [record, people[0]]));
    const byKey = new Map(records.map(record => [record.key, record]));
    return {
        directory,
        of: person => matches.get(person) ?? { kind: 'missing', tried: 'name' },
        unmatched: records.filter(record => !claimed.has(record)),
        personOf: record => owner.get(record),
        byKey
    };
}

const computed = new WeakMap<LoadedDirectory, WeakMap<WorkspaceModel, DirectoryMatch>>();

/** The match of a workspace snapshot with a directory, worked out once for all the drift rules. */
export function directoryMatch(model: WorkspaceModel, directory: LoadedDirectory): DirectoryMatch {
    let perModel = computed.get(directory);
    if (!perModel) {
        perModel = new WeakMap();
        computed.set(directory, perModel);
    }
    let match = perModel.get(model);
    if (!match) {
        match = compute(model, directory);
        perModel.set(model, match);
    }
    return match;
}

/** `hr/people.csv:12 ("Ada Lovelace", E1042)`: how a finding names a directory record. */
export function recordText(record: DirectoryRecord): string {
    const id = record.employeeNumber ?? record.email;
    return `${record.location.file}:${record.location.line} ("${record.name}"${id ? `, ${id}` : ''})`;
}

/**
 * Whether the directory says the person has left by `asOf`: their end date lies before it (they are
 * still with the organization on their last day, as `employed … until` says in the policy), or,
 * without an end date, the record is inactive. An end date still to come is what HR decided: a
 * status already set to terminated does not end the employment before it. The one definition for
 * the drift rules and the import.
 */
export function hasLeft(record: DirectoryRecord, asOf: string): boolean {
    return record.end !== undefined ? record.end < asOf : !record.active;
}
