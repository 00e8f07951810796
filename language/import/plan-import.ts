import type { DirectoryRecord } from './directory-record.js';
import { hasLeft } from '../directory/directory-match.js';
import type { GeneratedPerson } from './people-file.js';
import { assignIds, type IdCollision } from './person-ids.js';

/** A person declared in a hand-written file next to the generated one. */
export interface DeclaredPerson {
    readonly id: string;
    readonly email?: string;
}

export interface ImportInput {
    readonly records: readonly DirectoryRecord[];
    /** The people of the generated file as it is now (none on a first import). */
    readonly previous: readonly GeneratedPerson[];
    /** People of hand-written files: their IDs are taken, and a record with their e-mail is theirs. */
    readonly declared: readonly DeclaredPerson[];
    /** Names that cannot be IDs (keywords of the language). */
    readonly reserved: ReadonlySet<string>;
    /** The import's date: someone no longer in the source is employed until the day before. */
    readonly asOf: string;
}

export interface PersonChange {
    readonly id: string;
    readonly key: string;
    readonly name: string;
    /** What changed, e.g. `job title "Analyst" → "Senior Analyst"`; for an added person, what was imported. */
    readonly details: readonly string[];
}

export interface ImportPlan {
    /** Everyone the generated file will hold. */
    readonly people: readonly GeneratedPerson[];
    readonly added: readonly PersonChange[];
    /** People who left: an end date written for the first time. */
    readonly ended: readonly PersonChange[];
    readonly changed: readonly PersonChange[];
    readonly collisions: readonly IdCollision[];
    /** Records not imported, and why (a leaver never imported, a person declared by hand). */
    readonly skipped: readonly { readonly key: string; readonly name: string; readonly reason: string }[];
    /**
     * People who left by the source but whose entry cannot say so: it has no start date (identity
     * providers give none), and `employed … until` needs one. The directory drift rules see them.
     */
    readonly undated: readonly PersonChange[];
    /**
     * People imported as joiners who are no longer in the source before their start date: the offer
     * was withdrawn, and they never joined. They leave the file (an end date before the start would
     * be no period at all); a hand-written assignment to them then no longer resolves, as it should not.
     */
    readonly withdrawn: readonly PersonChange[];
    readonly unchanged: number;
}

const dayBefore = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
const FIELD_WORDS: Record<'name' | 'email' | 'title' | 'since' | 'until', string> = {
    name: 'name', email: 'email', title: 'job title', since: 'employed since', until: 'employed until'
};

/**
 * Works out the generated people from a directory and the file an earlier import wrote: joiners
 * added, leavers given their end date (from the source, else the day before the import's date),
 * changed names, addresses and titles applied, IDs kept for every key seen before. Pure: the same
 * input always gives the same plan, so importing twice changes nothing.
 */
export function planImport(input: ImportInput): ImportPlan {
    const previousByKey = new Map(input.previous.map(person => [person.key, person]));
    const declaredEmails = new Map(input.declared.filter(person => person.email).map(person => [person.email!.toLowerCase(), person.id]));
    const skipped: { key: string; name: string; reason: string }[] = [];
    const incoming: DirectoryRecord[] = [];
    for (const record of input.records) {
        const handWritten = record.email ? declaredEmails.get(record.email) : undefined;
        if (handWritten && !previousByKey.has(record.key)) {
            skipped.push({ key: record.key, name: record.name, reason: `declared by hand as '${handWritten}'` });
        } else if (!previousByKey.has(record.key) && hasLeft(record, input.asOf)) {
            skipped.push({ key: record.key, name: record.name, reason: `left${record.end ? ` on ${record.end}` : ''} and was never imported` });
        } else {
            incoming.push(record);
        }
    }
    const taken = new Set([...input.previous.map(person => person.id), ...input.declared.map(person => person.id)]);
    const newcomers = incoming.filter(record => !previousByKey.has(record.key));
    const { ids, collisions } = assignIds(newcomers, taken, input.reserved);
    const people: GeneratedPerson[] = [];
    const [added, ended, changed, undated, withdrawn]: PersonChange[][] = [[], [], [], [], []];
    let unchanged = 0;
    const seen = new Set<string>();
    for (const record of incoming) {
        seen.add(record.key);
        const before = previousByKey.get(record.key);
        const since = record.start ?? before?.since;
        const until = record.end ?? (hasLeft(record, input.asOf) && since ? before?.until ?? dayBefore(input.asOf) : undefined);
        const person = compact({ id: before?.id ?? ids.get(record.key)!, key: record.key, name: record.name, email: record.email, title: record.title, since, until: since ? until : undefined });
        people.push(person);
        if (!since && hasLeft(record, input.asOf)) undated.push({ id: person.id, key: person.key, name: person.name, details: ['inactive in the source, which gives no start date, so no end date is written'] });
        if (!before) {
            added.push({ id: person.id, key: person.key, name: person.name, details: describe(person) });
            continue;
        }
        tally(before, person);
    }
    // Someone the source no longer lists has left: keep them, so the policy still resolves, ended.
    for (const before of input.previous) {
        if (seen.has(before.key)) continue;
        if (before.since && before.since > dayBefore(input.asOf)) {
            withdrawn.push({ id: before.id, key: before.key, name: before.name, details: [`was to join on ${before.since}, and is no longer in the source`] });
            continue;
        }
        const person = before.since && !before.until ? { ...before, until: dayBefore(input.asOf) } : before;
        people.push(person);
        if (!before.since) undated.push({ id: before.id, key: before.key, name: before.name, details: ['no longer in the source, which gives no start date, so no end date is written'] });
        tally(before, person);
    }
    return { people, added, ended, changed, collisions, skipped, undated, withdrawn, unchanged };

    function tally(before: GeneratedPerson, after: GeneratedPerson) {
        const details = (Object.keys(FIELD_WORDS) as (keyof typeof FIELD_WORDS)[])
            .filter(field => before[field] !== after[field])
            .map(field => `${FIELD_WORDS[field]} ${show(before[field])} → ${show(after[field])}`);
        if (details.length === 0) {
            unchanged++;
            return;
        }
        const change = { id: after.id, key: after.key, name: after.name, details };
        if (after.until && !before.until) ended.push(change);
        else changed.push(change);
    }
}

function show(value: string | undefined): string {
    return value === undefined ? '(none)' : /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : `"${value}"`;
}

function describe(person: GeneratedPerson): string[] {
    const details = [person.email ? `email "${person.email}"` : 'no email'];
    if (person.title) details.push(`job title "${person.title}"`);
    if (person.since) details.push(`employed since ${person.since}${person.until ? ` until ${person.until}` : ''}`);
    return details;
}

function compact(person: GeneratedPerson): GeneratedPerson {
    const result: { -readonly [K in keyof GeneratedPerson]: GeneratedPerson[K] } = { id: person.id, key: person.key, name: person.name };
    if (person.email !== undefined) result.email = person.email;
    if (person.title !== undefined) result.title = person.title;
    if (person.since !== undefined) result.since = person.since;
    if (person.until !== undefined) result.until = person.until;
    return result;
}
