/**
 * Compares the facts of two sides. Every list is in a fixed order (by identity, code point
 * order), so the same two sides always give the same diff, byte for byte in every format.
 */
import { compareStrings } from '../util/compare.js';
import { sideFacts, type DiffBuild, type SideFacts } from './diff-facts.js';
import {
    DIFF_SCHEMA_VERSION, type Changed, type Changes, type DiffSide, type DutyChange, type FieldChange, type HolderChange, type PolicyDiff,
    type RequirementChange
} from './diff-model.js';

const sortedKeys = (map: ReadonlyMap<string, unknown>) => [...map.keys()].sort(compareStrings);

/** A list whose order says nothing (announcements, compensations), as one text: the same items in another order are no change. */
function setText(items: readonly string[] | undefined): string | undefined {
    return items && items.length > 0 ? [...items].sort(compareStrings).join('; ') : undefined;
}

/** The fields of `T` that are compared, and how each is written as text. */
type Fields<T> = ReadonlyArray<readonly [string, (record: T) => string | undefined]>;

function compareRecords<T>(from: ReadonlyMap<string, T>, to: ReadonlyMap<string, T>, fields: Fields<T>): Changes<T> {
    const added = sortedKeys(to).filter(key => !from.has(key)).map(key => to.get(key)!);
    const removed = sortedKeys(from).filter(key => !to.has(key)).map(key => from.get(key)!);
    const changed: Changed<T>[] = [];
    for (const key of sortedKeys(to)) {
        const before = from.get(key);
        const after = to.get(key)!;
        if (before === undefined) continue;
        const changes: FieldChange[] = fields.flatMap(([field, text]) => {
            const [a, b] = [text(before), text(after)];
            return a === b ? [] : [{ field, from: a, to: b }];
        });
        if (changes.length > 0) changed.push({ from: before, to: after, changes });
    }
    return { added, removed, changed };
}

function setDifference(a: ReadonlySet<string> | undefined, b: ReadonlySet<string> | undefined): string[] {
    return [...(a ?? [])].filter(value => !b?.has(value)).sort(compareStrings);
}

function holderChanges(from: SideFacts, to: SideFacts): HolderChange[] {
    const roles = [...new Set([...from.holders.keys(), ...to.holders.keys()])].sort(compareStrings);
    return roles.flatMap(role => {
        const gained = setDifference(to.holders.get(role), from.holders.get(role));
        const lost = setDifference(from.holders.get(role), to.holders.get(role));
        return gained.length + lost.length > 0 ? [{ role, gained, lost }] : [];
    });
}

function dutyChanges(from: SideFacts, to: SideFacts): { added: DutyChange[]; removed: DutyChange[] } {
    const roles = [...new Set([...from.duties.keys(), ...to.duties.keys()])].sort(compareStrings);
    const entries = (role: string, lines: string[]) => lines.map(line => {
        const space = line.indexOf(' ');
        return { role, kind: line.slice(0, space), duty: line.slice(space + 1) };
    });
    return {
        added: roles.flatMap(role => entries(role, setDifference(to.duties.get(role), from.duties.get(role)))),
        removed: roles.flatMap(role => entries(role, setDifference(from.duties.get(role), to.duties.get(role))))
    };
}

function requirementChanges(from: SideFacts, to: SideFacts): RequirementChange[] {
    const ids = [...new Set([...from.requirements.keys(), ...to.requirements.keys()])].sort(compareStrings);
    return ids.flatMap(id => {
        const [before, after] = [from.requirements.get(id), to.requirements.get(id)];
        if (before?.status === after?.status) return [];
        return [{ id, title: (after ?? before)!.title, from: before?.status, to: after?.status }];
    });
}

/** What each side is, as the reader named it; its as-of date comes from its facts. */
export interface DiffSides {
    readonly from: Omit<DiffSide, 'asOf'>;
    readonly to: Omit<DiffSide, 'asOf'>;
}

/**
 * The semantic diff of two sides, each a built workspace or the facts already taken from one (plain
 * data, e.g. computed in another thread: `mandate diff` builds its two sides in parallel).
 */
export function diffBuilds(fromSide: DiffBuild | SideFacts, toSide: DiffBuild | SideFacts, sides: DiffSides): PolicyDiff {
    const facts = (side: DiffBuild | SideFacts) => ('shared' in side ? sideFacts(side) : side);
    const from = facts(fromSide);
    const to = facts(toSide);
    const appointments = compareRecords(from.appointments, to.appointments, [
        ['until', record => record.until], ['capacity', record => record.capacity], ['appointedBy', record => record.appointedBy],
        ['announcements', record => setText(record.announcements)], ['acknowledgements', record => setText(record.acknowledgements)],
        ['evidence', record => setText(record.evidence)]
    ]);
    const people = compareRecords(from.persons, to.persons, [
        ['title', record => record.title], ['jobTitle', record => record.jobTitle], ['employment', record => record.employment], ['engagement', record => record.engagement]
    ]);
    const authorities = compareRecords(from.authorities, to.authorities, [['title', record => record.title], ['mayAppoint', record => record.mayAppoint]]);
    const delegations = compareRecords(from.delegations, to.delegations, [['until', record => record.until], ['status', record => record.status]]);
    const conflicts = compareRecords(from.conflicts, to.conflicts, [
        ['reason', record => record.reason], ['compensations', record => setText(record.compensations)]
    ]);
    const exceptions = compareRecords(from.exceptions, to.exceptions, [['justification', record => record.justification], ['severity', record => record.severity]]);
    // A rule raised or lowered in mandate.config.json changes what CI lets through: shown, not silent.
    const findings = compareRecords(from.findings, to.findings, [['severity', record => record.severity]]);
    const roles = compareRecords(from.roles, to.roles, [
        ['title', record => record.title], ['reportsTo', record => record.reportsTo], ['designations', record => record.designations?.join('; ')],
        ['jobDescription', record => record.jobDescription]
    ]);
    const holders = holderChanges(from, to);
    const duties = dutyChanges(from, to);
    const requirements = requirementChanges(from, to);
    const count = <T>(changes: Changes<T>) => changes.added.length + changes.removed.length + changes.changed.length;
    const summary = {
        roles: count(roles),
        people: count(people),
        appointments: count(appointments),
        holders: holders.length,
        duties: duties.added.length + duties.removed.length,
        authorities: count(authorities),
        delegations: count(delegations),
        conflicts: count(conflicts),
        exceptions: count(exceptions),
        requirements: requirements.length,
        findingsIntroduced: findings.added.length,
        findingsResolved: findings.removed.length,
        findingsChanged: findings.changed.length
    };
    return {
        schemaVersion: DIFF_SCHEMA_VERSION,
        from: { ...sides.from, asOf: from.asOf },
        to: { ...sides.to, asOf: to.asOf },
        changed: Object.values(summary).some(value => value > 0),
        summary,
        roles,
        people,
        appointments,
        holders,
        duties,
        authorities,
        delegations,
        conflicts,
        exceptions,
        requirements,
        findings: { introduced: findings.added, resolved: findings.removed, changed: findings.changed }
    };
}
