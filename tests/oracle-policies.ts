/**
 * Random small policies, and who holds which role on a day by the definition alone (issue 8), for
 * the oracle tests (tenure-oracle.test.ts, training-oracle.test.ts). Days are numbers from
 * 2020-01-01, so that the definition is written with plain arithmetic, not the engine's dates.
 */

/** A period of days; undefined is open. */
export interface Days {
    readonly since?: number;
    readonly until?: number;
}

export interface PersonSpec {
    readonly name: string;
    readonly employed?: Days;
    readonly engaged?: Days;
}

export interface AssignmentSpec {
    readonly person: string;
    readonly role: string;
    readonly period: Days;
    /** Who made the appointment; the board (top management) when absent. */
    readonly appointedBy?: string;
}

const EPOCH = Date.UTC(2020, 0, 1);

export function isoOf(day: number): string {
    return new Date(EPOCH + day * 86_400_000).toISOString().slice(0, 10);
}

export const covers = (period: Days, day: number) => (period.since === undefined || period.since <= day) && (period.until === undefined || day <= period.until);

/** ` since D until E` as the policy writes a period; nothing for an open end. */
export function periodText(period: Days): string {
    return `${period.since === undefined ? '' : ` since ${isoOf(period.since)}`}${period.until === undefined ? '' : ` until ${isoOf(period.until)}`}`;
}

/** The periods as runs of days with no day between them, earliest first. */
export function runs(periods: readonly Days[]): Days[] {
    const sorted = [...periods].sort((a, b) => (a.since ?? -Infinity) - (b.since ?? -Infinity));
    const merged: Days[] = [];
    for (const period of sorted) {
        const last = merged[merged.length - 1];
        if (last && (last.until === undefined || period.since === undefined || period.since <= last.until + 1)) {
            merged[merged.length - 1] = { since: last.since, until: last.until === undefined || period.until === undefined ? undefined : Math.max(last.until, period.until) };
        } else {
            merged.push(period);
        }
    }
    return merged;
}

/** The runs of days a person is with the organization, employment and engagement together; always, when they declare neither. */
export function staysOf(person: PersonSpec): Days[] {
    const periods = [person.employed, person.engaged].filter((period): period is Days => period !== undefined);
    return periods.length === 0 ? [{}] : runs(periods);
}

export function presentOn(person: PersonSpec, day: number): boolean {
    return staysOf(person).some(period => covers(period, day));
}

/** Days that cluster on a few anchors and the days next to them, so that periods meet, overlap and just miss. */
export function randomDays(random: () => number): { day(): number; period(openStart?: number, openEnd?: number): Days } {
    const anchors = Array.from({ length: 5 }, () => Math.floor(random() * 1400));
    const day = () => anchors[Math.floor(random() * anchors.length)] + Math.floor(random() * 3) - 1;
    return {
        day,
        period: (openStart = 0.1, openEnd = 0.4) => {
            const [a, b] = [day(), day()].sort((x, y) => x - y);
            return { ...(random() < openStart ? {} : { since: a }), ...(random() < openEnd ? {} : { until: b }) };
        }
    };
}

/** p1–p4: undated, employed, engaged (external), or employed and then engaged: the next day (a conversion), overlapping, or after a gap. */
export function randomPeople(random: () => number, days: ReturnType<typeof randomDays>): PersonSpec[] {
    return ['p1', 'p2', 'p3', 'p4'].map(name => {
        const kind = random();
        if (kind < 0.2) return { name };
        if (kind < 0.45) return { name, employed: days.period(0) };
        if (kind < 0.6) return { name, engaged: days.period(0) };
        const since = days.day();
        const end = since + 1 + Math.floor(random() * 400);
        const next = random() < 0.5 ? end + 1 : random() < 0.5 ? end - Math.floor(random() * 30) : end + 2 + Math.floor(random() * 200);
        return { name, employed: { since, until: end }, engaged: { since: Math.max(next, since), ...(random() < 0.5 ? {} : { until: next + Math.floor(random() * 500) }) } };
    });
}

/** A person's declaration: an engaged person is external. */
export function personLines(person: PersonSpec): string[] {
    const dates = (keyword: string, days: Days | undefined) => days ? [`    ${keyword}${periodText(days)}`] : [];
    return [`person ${person.name} "Person ${person.name}" {`, ...dates('employed', person.employed),
        ...person.engaged ? ['    external "Firm"', ...dates('engaged', person.engaged)] : [], '}'];
}

export function assignmentLine({ person, role, period, appointedBy }: AssignmentSpec): string {
    return `assign ${person} to ${role}${periodText(period)} appointed by ${appointedBy ?? 'board'}`;
}

/** Every date the periods name, and the days either side of it: where answers change. */
export function daysAround(periods: readonly Days[]): number[] {
    const named = periods.flatMap(period => [period.since, period.until]).filter((value): value is number => value !== undefined);
    return [...new Set(named.flatMap(value => [value - 1, value, value + 1]))].sort((a, b) => a - b);
}

/** The days two periods share, if any. */
export function overlapOfDays(a: Days, b: Days): Days | undefined {
    const since = a.since === undefined ? b.since : b.since === undefined ? a.since : Math.max(a.since, b.since);
    const until = a.until === undefined ? b.until : b.until === undefined ? a.until : Math.min(a.until, b.until);
    return since !== undefined && until !== undefined && since > until ? undefined : { since, until };
}

/** The stay in which an assignment's period takes effect: the first of the person's stays it overlaps. */
export function stayOfTerm(person: PersonSpec, term: Days): Days | undefined {
    return staysOf(person).find(stay => overlapOfDays(stay, term) !== undefined);
}

/** The days an assignment's period gives the role: within the stay it takes effect in. Leaving ends it; coming back does not renew it. */
export function heldDaysOf(person: PersonSpec, term: Days): Days | undefined {
    const stay = stayOfTerm(person, term);
    return stay && overlapOfDays(stay, term);
}

/** What the definition says of one holder of a role on a day. */
export interface Holding {
    /** The run of their assignments to the role that covers the day. */
    readonly tenure: Days;
    /** The days of that run its assignments give them the role (heldDaysOf), around the day. */
    readonly held: Days;
}

/** The holders of `role` on `day`: an assignment to it covers the day, and they are with the organization on it. */
export function holdingsOn(people: readonly PersonSpec[], assignments: readonly AssignmentSpec[], role: string, day: number): Map<string, Holding> {
    const holders = new Map<string, Holding>();
    for (const person of people) {
        const terms = assignments.filter(assignment => assignment.person === person.name && assignment.role === role).map(assignment => assignment.period);
        const heldOn = (term: Days) => {
            const held = heldDaysOf(person, term);
            return held !== undefined && covers(held, day);
        };
        if (!terms.some(heldOn)) continue;
        const tenure = runs(terms).find(run => covers(run, day))!;
        const inTenure = terms.filter(term => overlapOfDays(term, tenure) !== undefined);
        const held = runs(inTenure.flatMap(term => heldDaysOf(person, term) ?? [])).find(run => covers(run, day))!;
        holders.set(person.name, { tenure, held });
    }
    return holders;
}

/**
 * Lets the event loop turn between two cases. A check creates weak references (util/multi-map.ts,
 * the last merge, the last span), and JavaScript keeps the target of every weak reference made in a
 * job alive until the job ends: a loop of checks that never waits for anything is one job, and kept
 * every case's services (1.4–1.8 MB each), so 2,000 cases came near the 4 GB heap and 5,000 ran out.
 */
export function nextCase(): Promise<void> {
    return new Promise(resolve => setImmediate(resolve));
}
