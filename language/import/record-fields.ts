import { EARLIEST_POLICY_DATE, isValidIsoDate } from '../util/dates.js';
import type { DateOrder } from './column-mapping.js';
import type { DirectoryProblem, DirectoryRecord, SourceLocation } from './directory-record.js';

/** The raw fields of one person in any source, before they are checked. */
export interface RawFields {
    employeeNumber?: string;
    name?: string;
    email?: string;
    title?: string;
    department?: string;
    manager?: string;
    active: boolean;
    start?: { value: string; at: SourceLocation };
    end?: { value: string; at: SourceLocation };
    /** The source's own ID, the key of last resort (SCIM `id`). */
    sourceId?: string;
}

const MESSY_SPACE = /\s\s|[\t\n\r\f\v\u00a0]/;
const clean = (value: string | undefined) => {
    if (value === undefined) return undefined;
    // Most cells need no more than a trim; the replace only for the few with runs or odd spaces.
    const text = (MESSY_SPACE.test(value) ? value.replace(/\s+/g, ' ') : value).trim();
    return text === '' ? undefined : text;
};

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const DOTTED_DATE = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;
const SLASHED_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/**
 * A date as the source writes it, to ISO: `2024-03-05`, `2024-03-05T08:00:00Z`, `05.03.2024`, and
 * `05/03/2024` or `03/05/2024` by `order`. Returns a message when it is not a date.
 */
export function isoDateOf(value: string, order: DateOrder | undefined): { date: string } | { message: string } {
    const text = value.trim();
    // Each pattern only when the ones before it did not match: a 10,000-row export runs this 20,000 times.
    const iso = ISO_DATE.exec(text);
    const dotted = iso ? null : DOTTED_DATE.exec(text);
    const slashed = iso || dotted ? null : SLASHED_DATE.exec(text);
    const pad = (part: string) => part.padStart(2, '0');
    let date: string | undefined;
    if (iso) date = `${iso[1]}-${iso[2]}-${iso[3]}`;
    else if (dotted) date = `${dotted[3]}-${pad(dotted[2])}-${pad(dotted[1])}`;
    else if (slashed && order) date = order === 'dmy' ? `${slashed[3]}-${pad(slashed[2])}-${pad(slashed[1])}` : `${slashed[3]}-${pad(slashed[1])}-${pad(slashed[2])}`;
    else if (slashed) return { message: `'${text}' could be day/month or month/day; set "dateOrder" ("dmy" or "mdy") in the directory mapping` };
    // The policy's own limit (date-invalid): a file the import writes must pass the check.
    if (date && isValidIsoDate(date) && date < EARLIEST_POLICY_DATE) return { message: `'${text}' lies before the year 1900, which no record of people working today does` };
    if (date && isValidIsoDate(date)) return { date };
    // Written in a form the import reads, but on a day the calendar does not have (31.02.2021): the form is not what is wrong.
    if (date) return { message: `'${text}' is not a day the calendar has` };
    return { message: `'${text}' is not a date; write YYYY-MM-DD, DD.MM.YYYY${order ? ` or ${order === 'dmy' ? 'DD/MM/YYYY' : 'MM/DD/YYYY'}` : ''}` };
}

/** Checks one person's fields and makes the record, or says why it cannot be imported. */
export function makeRecord(raw: RawFields, at: SourceLocation, order: DateOrder | undefined, problems: DirectoryProblem[]): DirectoryRecord | undefined {
    const name = clean(raw.name);
    const email = clean(raw.email)?.toLowerCase();
    const employeeNumber = clean(raw.employeeNumber);
    const key = employeeNumber ?? email ?? clean(raw.sourceId);
    if (!name) {
        problems.push({ location: at, message: `this person has no name${key ? ` (${key})` : ''}; every imported person needs one` });
        return undefined;
    }
    if (!key) {
        problems.push({ location: at, message: `'${name}' has neither an employee number nor an e-mail address, so re-imports could not recognise them` });
        return undefined;
    }
    const dates: { start?: string; end?: string } = {};
    for (const which of ['start', 'end'] as const) {
        const field = raw[which];
        if (!field || !clean(field.value)) continue;
        const parsed = isoDateOf(field.value, order);
        if ('message' in parsed) problems.push({ location: field.at, message: `${which === 'start' ? 'start' : 'end'} date of '${name}': ${parsed.message}` });
        else dates[which] = parsed.date;
    }
    if (dates.start && dates.end && dates.end < dates.start) {
        problems.push({ location: raw.end!.at, message: `'${name}' ends (${dates.end}) before they start (${dates.start})` });
    }
    // Absent fields are left out rather than set to undefined, so records compare and print cleanly.
    const record: { -readonly [K in keyof DirectoryRecord]: DirectoryRecord[K] } = { key, name, active: raw.active, location: at };
    if (employeeNumber !== undefined) record.employeeNumber = employeeNumber;
    if (email !== undefined) record.email = email;
    const [title, department, manager] = [clean(raw.title), clean(raw.department), clean(raw.manager)];
    if (title !== undefined) record.title = title;
    if (department !== undefined) record.department = department;
    if (manager !== undefined) record.manager = manager;
    if (dates.start !== undefined) record.start = dates.start;
    if (dates.end !== undefined) record.end = dates.end;
    return record;
}

/**
 * The checks over a whole source: a key used twice is an error (re-imports could not tell the two
 * apart), and each manager is resolved to a record by employee number, e-mail or a unique name.
 */
export function finishRecords(records: readonly DirectoryRecord[], problems: DirectoryProblem[]): DirectoryRecord[] {
    const byKey = new Map<string, DirectoryRecord>();
    for (const record of records) {
        const earlier = byKey.get(record.key);
        if (earlier) {
            problems.push({ location: record.location, message: `'${record.key}' is also the key of '${earlier.name}' at line ${earlier.location.line}; employee numbers and e-mail addresses must be unique` });
            continue;
        }
        byKey.set(record.key, record);
    }
    const lookup = new Map<string, string | null>();
    const remember = (value: string | undefined, key: string) => {
        if (value === undefined) return;
        const folded = value.toLowerCase();
        const earlier = lookup.get(folded); // null once two records read the same
        lookup.set(folded, earlier !== undefined && earlier !== key ? null : key);
    };
    for (const record of byKey.values()) {
        remember(record.employeeNumber, record.key);
        remember(record.email, record.key);
    }
    // Names only where no number or address reads the same, and only a name one person has.
    const names = new Map<string, string | null>();
    for (const record of byKey.values()) {
        const folded = record.name.toLowerCase();
        names.set(folded, names.has(folded) ? null : record.key);
    }
    for (const [name, key] of names) if (!lookup.has(name)) lookup.set(name, key);
    return [...byKey.values()].map(record => {
        if (record.managerKey) return record; // resolved by the reader (SCIM names managers by resource ID)
        const managerKey = record.manager ? lookup.get(record.manager.toLowerCase()) : undefined;
        return managerKey ? { ...record, managerKey } : record;
    });
}
