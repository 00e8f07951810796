/**
 * The one definition of tenure: who holds a role on a date, and since when. A person holds a
 * role on date D when an assignment covers D and the person is with the organization on D
 * (employed, or engaged as an external) without having left since the assignment took effect:
 * leaving ends every appointment, and a person who comes back after a gap needs a new one.
 * Consecutive or overlapping assignments of the same person to the same role are one tenure.
 * Every rule, report, hover, the status bar and the graph read these functions through the WorkspaceModel.
 */
import type { Assignment, Person, Role } from '../generated/ast.js';
import { compareStrings } from '../util/compare.js';
import { addCadence, isDateShaped, overlapOf, periodCovers, type IsoDate, type Period } from '../util/dates.js';

/**
 * A bound as written: an impossible date (2025-02-30, which `date-invalid` reports) counts where its
 * text falls, between the real dates around it, never as an open end. A typo in an `until` must not
 * keep a leaver in a role for ever, and every question of who holds what reads the dates alike.
 */
function bound(date: IsoDate | undefined): IsoDate | undefined {
    return date !== undefined && isDateShaped(date) ? date : undefined;
}

/**
 * The periods a person is with the organization, from their employment and engagement; none
 * declared means open. Periods without a day between them are one: an employee who stays on as a
 * contractor the next day never left, and holds their roles throughout.
 */
export function presenceOf(person: Person): Period[] {
    const employed: Period | undefined = person.employedSince !== undefined ? { since: bound(person.employedSince), until: bound(person.employedUntil) } : undefined;
    const engaged: Period | undefined = person.engagedSince !== undefined ? { since: bound(person.engagedSince), until: bound(person.engagedUntil) } : undefined;
    if (employed && engaged) return together(employed, engaged);
    return [employed ?? engaged ?? {}];
}

/** Two periods as the days they cover: one period when they overlap or one begins the day after the other ends; else both, the earlier first. */
function together(a: Period, b: Period): Period[] {
    const [first, second] = (a.since ?? '') <= (b.since ?? '') ? [a, b] : [b, a];
    if (!continues(first.until, second.since)) return [first, second];
    const until = first.until === undefined || second.until === undefined ? undefined : (first.until > second.until ? first.until : second.until);
    return [{ since: first.since, until }];
}

/** Whether the person is employed or engaged on `date`. */
export function isPresentOn(person: Person, date: IsoDate): boolean {
    // presenceOf(person).some(covers date), without its arrays: asked for every holder of every role, after every edit.
    const employed = person.employedSince !== undefined;
    const engaged = person.engagedSince !== undefined;
    if (!employed && !engaged) return true;
    return (employed && periodCovers(date, bound(person.employedSince), bound(person.employedUntil)))
        || (engaged && periodCovers(date, bound(person.engagedSince), bound(person.engagedUntil)));
}

/** Staff are employed by the organization; externals (contractors, interim managers, auditors) are not. */
export function isStaff(person: Person): boolean {
    return !person.external;
}

/**
 * Whether the person is staff on `date`: employed by the organization then (the audience
 * `everyone`, the people a directory must list). An external is staff only while an employment they
 * declare covers the date, as an employee who stayed on as a contractor was until the change;
 * anyone else while they are with the organization.
 */
export function isStaffOn(person: Person, date: IsoDate): boolean {
    if (isStaff(person)) return isPresentOn(person, date);
    return person.employedSince !== undefined && periodCovers(date, bound(person.employedSince), bound(person.employedUntil));
}

/** When the person joined: the earliest known start of employment or engagement. */
export function joinedOn(person: Person): IsoDate | undefined {
    const starts = presenceOf(person).map(period => period.since);
    return starts.includes(undefined) ? undefined : starts.sort()[0];
}

/** The person's departure: the last day they were with the organization, when every period has ended. */
export interface Departure {
    readonly date: IsoDate;
    /** Which declaration says so: `employed until` or `engaged until`. */
    readonly kind: 'employed' | 'engaged';
}

export function departureOf(person: Person): Departure | undefined {
    // Both capacities spelled out rather than looped over: asked of every person after each edit, it makes no arrays.
    let last: Departure | undefined;
    if (person.employedSince !== undefined) {
        const end = bound(person.employedUntil);
        if (end === undefined) return undefined; // still employed
        last = { date: end, kind: 'employed' };
    }
    if (person.engagedSince !== undefined) {
        const end = bound(person.engagedUntil);
        if (end === undefined) return undefined; // still engaged
        if (!last || end > last.date) last = { date: end, kind: 'engaged' };
    }
    return last;
}

/**
 * Whether an assignment holds the role on `date`: it covers the date, and its person is present
 * then, in the stay with the organization in which the assignment took effect (heldWithin).
 */
export function assignmentHoldsOn(assignment: Assignment, date: IsoDate): boolean {
    const person = assignment.person?.ref;
    if (!periodCovers(date, bound(assignment.since), bound(assignment.until))) return false;
    if (person === undefined) return true;
    // One stay at most (the usual case): present is enough, and no arrays are made for 10,000 people after each edit.
    if (person.employedSince === undefined || person.engagedSince === undefined) return isPresentOn(person, date);
    return effectivePeriods(assignment).some(period => periodCovers(date, period.since, period.until));
}

/**
 * Whether any of these assignments (a person's) gives a role on `date`: whether the roles they
 * hold that day are any, without listing them for each of 10,000 people after every edit.
 */
export function holdsAnyRoleOn(assignments: readonly Assignment[], date: IsoDate): boolean {
    for (const assignment of assignments) if (assignment.role?.ref && assignmentHoldsOn(assignment, date)) return true;
    return false;
}

/**
 * The days of `own` (an assignment's period) within `presence` (a person's stays, presenceOf):
 * within the first stay it overlaps, in which it took effect. Leaving ends it; the person's
 * next stay (rehired, or back as a contractor after a gap) does not bring it back.
 */
export function heldWithin(own: Period, presence: readonly Period[]): Period[] {
    for (const stay of presence) {
        const overlap = overlapOf(own, stay);
        if (overlap) return [overlap];
    }
    return [];
}

/** Something a person is given for a period: an assignment, or a delegation to them. */
export type Dated = Pick<Assignment, 'since' | 'until'>;

/** The stay with the organization in which an assignment (or a delegation to the person) took effect: the first of the person's that its period overlaps. */
export function stayOf(item: Dated, person: Person): Period | undefined {
    const own: Period = { since: bound(item.since), until: bound(item.until) };
    return presenceOf(person).find(stay => overlapOf(own, stay) !== undefined);
}

/** The days an assignment actually gives the role: its period within the stay in which it took effect (heldWithin). */
export function effectivePeriods(assignment: Assignment): Period[] {
    const person = assignment.person?.ref;
    const own: Period = { since: bound(assignment.since), until: bound(assignment.until) };
    if (!person) return [own];
    return heldWithin(own, presenceOf(person));
}

/**
 * Whether what was given to `person` for a period (a delegation to them) reaches them on `date`: they
 * are with the organization then, in the stay in which it took effect. Leaving ends a delegation as it
 * ends an appointment; coming back does not renew it. Asked for a date within its own window, which is the caller's to read.
 */
export function reachesPersonOn(item: Dated, person: Person, date: IsoDate): boolean {
    // One stay at most (the usual case): present is enough.
    if (person.employedSince === undefined || person.engagedSince === undefined) return isPresentOn(person, date);
    const own: Period = { since: bound(item.since), until: bound(item.until) };
    return heldWithin(own, presenceOf(person)).some(period => periodCovers(date, period.since, period.until));
}

/**
 * The days of a tenure's terms (assignment periods, in start order) within `presence`, each within
 * the stay it took effect in, as runs with no day between them.
 */
export function tenureHeldWithin(terms: readonly Period[], presence: readonly Period[]): Period[] {
    const held = terms.flatMap(term => heldWithin(term, presence)).sort((a, b) => compareStrings(a.since ?? '', b.since ?? ''));
    const runs: Period[] = [];
    for (const period of held) {
        const last = runs[runs.length - 1];
        if (last && continues(last.until, period.since)) {
            runs[runs.length - 1] = { since: last.since, until: last.until === undefined || period.until === undefined ? undefined : (period.until > last.until ? period.until : last.until) };
        } else {
            runs.push(period);
        }
    }
    return runs;
}

/** The days a tenure actually gives the role: those its terms give (a leaver holds nothing after leaving, nor after coming back). */
export function tenureHeldPeriods(tenure: Tenure): Period[] {
    const terms = tenure.terms.map(term => ({ since: bound(term.since), until: bound(term.until) }));
    return tenureHeldWithin(terms, presenceOf(tenure.person));
}

/**
 * What the dates of a tenure held on `date` leave out, as `held` counts it: the day its holding
 * began when the person joined after the tenure's start, and the day it ends when they leave before
 * its end. Each is absent when it is the tenure's own date, and the first when the tenure has no start date.
 */
export function heldDatesOn(tenure: Tenure, date: IsoDate): { readonly heldSince?: IsoDate; readonly heldUntil?: IsoDate } {
    const period = tenureHeldPeriods(tenure).find(held => (held.since === undefined || held.since <= date) && (held.until === undefined || date <= held.until));
    if (!period) return {};
    return {
        // An undated tenure has no start to be later than: its joining date would read as the appointment's date.
        ...(period.since !== undefined && tenure.since !== undefined && period.since !== tenure.since ? { heldSince: period.since } : {}),
        ...(period.until !== undefined && period.until !== tenure.until ? { heldUntil: period.until } : {})
    };
}

/** One person's continuous holding of one role, made of one or more consecutive or overlapping terms. */
export interface Tenure extends Period {
    readonly person: Person;
    readonly role: Role;
    /** The assignments that make it up, by start date: the first began the tenure, later ones renewed it. */
    readonly terms: readonly Assignment[];
}

/** Whether a period that ends on `until` runs into one starting on `since` without a gap of a day. */
function continues(until: IsoDate | undefined, since: IsoDate | undefined): boolean {
    return until === undefined || since === undefined || since <= addCadence(until, 1, 'day');
}

// Dates have the form YYYY-MM-DD, so code-point order is date order (and no locale is consulted).
const byStart = (a: Assignment, b: Assignment) => compareStrings(bound(a.since) ?? '', bound(b.since) ?? '');

/** What the tenures of a role were worked out from: its assignments, and the person each named, as nodes. */
interface TenureInputs {
    readonly assignments: readonly Assignment[];
    readonly persons: ReadonlyArray<Person | undefined>;
    readonly tenures: readonly Tenure[];
}

const tenuresByRole = new WeakMap<Role, TenureInputs>();

/** The tenures of every person in `role`, from its assignments; linear after sorting. */
export function tenuresOf(role: Role, assignments: readonly Assignment[]): readonly Tenure[] {
    // A tree is never changed once parsed: the same role, assignments and people give the same tenures. An
    // edit to one file leaves the other roles' as they were, and the 8,000 roles of a workspace are not sorted again.
    const known = tenuresByRole.get(role);
    if (known && sameInputs(known, assignments)) return known.tenures;
    const tenures = workOutTenures(role, assignments);
    tenuresByRole.set(role, { assignments: [...assignments], persons: assignments.map(assignment => assignment.person?.ref), tenures });
    return tenures;
}

function sameInputs(known: TenureInputs, assignments: readonly Assignment[]): boolean {
    if (known.assignments.length !== assignments.length) return false;
    for (let index = 0; index < assignments.length; index++) {
        if (known.assignments[index] !== assignments[index] || known.persons[index] !== assignments[index].person?.ref) return false;
    }
    return true;
}

/** The tenures worked out afresh, remembering nothing: for a one-shot run. */
export function workOutTenures(role: Role, assignments: readonly Assignment[]): Tenure[] {
    const byPerson = new Map<Person, Assignment[]>();
    for (const assignment of assignments) {
        const person = assignment.person?.ref;
        if (!person) continue;
        const list = byPerson.get(person);
        if (list) list.push(assignment); else byPerson.set(person, [assignment]);
    }
    const tenures: Tenure[] = [];
    for (const [person, list] of byPerson) {
        let current: { since?: IsoDate; until?: IsoDate; terms: Assignment[] } | undefined;
        for (const assignment of [...list].sort(byStart)) {
            const since = bound(assignment.since);
            const until = bound(assignment.until);
            if (current && continues(current.until, since)) {
                current.terms.push(assignment);
                current.until = current.until === undefined || until === undefined ? undefined : (until > current.until ? until : current.until);
                continue;
            }
            if (current) tenures.push({ person, role, ...current });
            current = { since, until, terms: [assignment] };
        }
        if (current) tenures.push({ person, role, ...current });
    }
    return tenures;
}

/**
 * Whether `assignment` began its tenure, so that it is a new appointment and not a renewal. The
 * communication rules look at the first term of those announced together (startsAnnouncedSpan).
 */
export function isFirstTerm(tenure: Tenure | undefined, assignment: Assignment): boolean {
    return tenure === undefined || tenure.terms[0] === assignment;
}

/** `acting`, `interim`, or neither: what the organization was told the holder is. */
export function capacityOf(assignment: Assignment): 'acting' | 'interim' | undefined {
    return assignment.capacity === 'acting' || assignment.capacity === 'interim' ? assignment.capacity : undefined;
}

/** A holder of a role on a date: the assignment in force, and the tenure it belongs to. */
export interface Holder {
    readonly assignment: Assignment;
    readonly tenure: Tenure;
}

/** Whether the days a tenure gives the role (tenureHeldPeriods) cover a whole period; an open end needs an open end. */
export function tenureCovers(tenure: Tenure, period: Period): boolean {
    return tenureHeldPeriods(tenure).some(held =>
        (held.since === undefined || (period.since !== undefined && held.since <= period.since))
        && (held.until === undefined || (period.until !== undefined && period.until <= held.until)));
}

