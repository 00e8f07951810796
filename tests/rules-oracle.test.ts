/**
 * The rules about who holds a role, checked against their docs (docs/rules/) with an oracle that
 * knows only the definition of holding (tests/oracle-policies.ts): on random small policies,
 * - `ciso-vacant` fires on the CISO role, and `role-vacant` on a key role, when nobody holds it on the as-of date;
 * - `role-holders-overlap` fires on each assignment to the CISO role or a `single holder` role whose
 *   held days meet those of an assignment of another person that starts earlier (or at the same
 *   time, written before it);
 * - `leaver-holds-role` fires on each assignment that is open or ends after the last day of the stay
 *   with the organization it took effect in, when that day is before the as-of date (coming back later
 *   does not renew it), and on each delegation to a person that is open or ends after the last day of
 *   the stay it took effect in, when that day is before the as-of date, likewise;
 * - `delegation-window` fires on each delegation that no one holder's tenure of the delegating role
 *   covers whole, while they are with the organization (an open end needs an open tenure);
 * - `delegation-escalation` fires on each delegation from a role that neither carries the duty nor
 *   receives it, from another role, by a delegation in force on the day it starts (the as-of date when undated);
 * - `delegation-cycle` fires on each delegation from which, on some day it is in force, the
 *   delegations in force that day lead back to its delegating role (a delegation to a person ends a chain).
 *
 * More cases, another seed: MANDATE_RULES_CASES=2000 MANDATE_RULES_SEED=7 npx vitest run tests/rules-oracle.test.ts
 */
import { describe, expect, it } from 'vitest';
import { checkSources } from '../language/engine/check-sources.js';
import {
    assignmentLine, covers, daysAround, heldDaysOf, holdingsOn, isoOf, nextCase, overlapOfDays, periodText, personLines, randomDays, randomPeople, runs, staysOf, stayOfTerm, type AssignmentSpec, type Days, type PersonSpec
} from './oracle-policies.js';
import { Random } from './random-edits.js';

const CASES = Number(process.env.MANDATE_RULES_CASES) || 80;
const SEED = Number(process.env.MANDATE_RULES_SEED) || 1;

/** The roles, each declared on one line: the CISO, a single-holder role, a key role and a plain one. */
const ROLE_FLAGS: Record<string, string> = { ciso: 'designated CISO', solo: 'single holder', key: 'key role', plain: '' };
const ROLES = Object.keys(ROLE_FLAGS);
/** How a role's job description may name the duty: the first three carry it. */
const DUTY_KINDS = ['responsible for duty', 'accountable for duty', 'authorized to duty', 'consulted on duty', 'informed of duty'];
const SINGLE_HOLDER = new Set(['ciso', 'solo']);
const RULES = new Set(['ciso-vacant', 'role-vacant', 'role-holders-overlap', 'leaver-holds-role', 'delegation-window', 'delegation-escalation', 'delegation-cycle']);

interface DelegationSpec {
    readonly from: string;
    readonly to: string;
    readonly period: Days;
}

interface PolicySpec {
    readonly people: PersonSpec[];
    readonly assignments: AssignmentSpec[];
    readonly delegations: DelegationSpec[];
    /** What each role's job description says of the duty, if anything. */
    readonly dutyLines: ReadonlyMap<string, string | undefined>;
}

function generate(random: () => number): PolicySpec {
    const days = randomDays(random);
    const people = randomPeople(random, days);
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
    return {
        people,
        assignments: Array.from({ length: Math.floor(random() * 8) }, () => ({ person: pick(people).name, role: pick(ROLES), period: days.period() })),
        // Mostly between two roles, so that chains meet and cycles form on some days and not others.
        delegations: Array.from({ length: Math.floor(random() * 6) }, () => ({
            from: pick(['key', 'plain', ...ROLES]), to: pick(['key', 'plain', 'key', 'plain', ...ROLES, ...people.map(person => person.name)]), period: days.period(0.2, 0.4)
        })),
        dutyLines: new Map(ROLES.map(role => [role, random() < 0.5 ? pick(DUTY_KINDS) : undefined]))
    };
}

/** The policy, and the line each role, assignment and delegation is on. */
function policyOf(spec: PolicySpec): { text: string; roleLine: Map<string, number>; assignmentLines: number[]; delegationLines: number[] } {
    const lines = ['organization acme "Acme" {', '    top management board', '}', 'role board "Board"', 'responsibility duty "A duty"'];
    const roleLine = new Map<string, number>();
    for (const role of ROLES) {
        const items = [ROLE_FLAGS[role], spec.dutyLines.get(role) ?? ''].filter(Boolean).join(' ');
        lines.push(`role ${role} "Role ${role}"${items ? ` { ${items} }` : ''}`);
        roleLine.set(role, lines.length);
    }
    for (const person of spec.people) lines.push(...personLines(person));
    const assignmentLines = spec.assignments.map(assignment => lines.push(assignmentLine(assignment)));
    const delegationLines = spec.delegations.map(({ from, to, period }) => lines.push(`delegate duty from ${from} to ${to}${periodText(period)}`));
    return { text: lines.join('\n') + '\n', roleLine, assignmentLines, delegationLines };
}

/** The days an assignment gives its role: its period within the stay of its person in which it takes effect. */
function heldDays(spec: PolicySpec, assignment: AssignmentSpec): Days[] {
    const person = spec.people.find(candidate => candidate.name === assignment.person)!;
    const held = heldDaysOf(person, assignment.period);
    return held ? [held] : [];
}

/** The last day of a person who left: every stay has ended, the last on this day; undefined while any is open. */
function lastDayOf(person: PersonSpec): number | undefined {
    const stays = staysOf(person);
    return stays.every(stay => stay.until !== undefined) ? Math.max(...stays.map(stay => stay.until!)) : undefined;
}

/** Whether `outer` covers `inner` whole; an open end of `inner` needs an open end of `outer`. */
function coversWhole(outer: Days, inner: Days): boolean {
    const startsBy = outer.since === undefined || (inner.since !== undefined && outer.since <= inner.since);
    const endsAfter = outer.until === undefined || (inner.until !== undefined && inner.until <= outer.until);
    return startsBy && endsAfter;
}

/** The days one person's run of assignments to the delegating role gives them the role (heldDaysOf) cover the delegation. */
function coveredByOneHolder(spec: PolicySpec, delegation: DelegationSpec): boolean {
    return spec.people.some(person => {
        const terms = spec.assignments.filter(assignment => assignment.person === person.name && assignment.role === delegation.from).map(assignment => assignment.period);
        return runs(terms).some(run => runs(terms.filter(term => overlapOfDays(term, run) !== undefined).flatMap(term => heldDaysOf(person, term) ?? []))
            .some(held => coversWhole(held, delegation.period)));
    });
}

/** The delegating role carries the duty, or receives it from another role by a delegation in force on the day this one starts. */
function holdsDutyWhenDelegating(spec: PolicySpec, delegation: DelegationSpec, asOf: number): boolean {
    const line = spec.dutyLines.get(delegation.from);
    if (line !== undefined && !line.startsWith('consulted') && !line.startsWith('informed')) return true;
    const day = delegation.period.since ?? asOf;
    return spec.delegations.some(other => other !== delegation && other.to === delegation.from && other.from !== other.to && covers(other.period, day));
}

/** Whether, on some day (every day the dates span, and one before them all), the delegations in force lead from this one's recipient back to its delegating role. */
function onCycleSomeDay(spec: PolicySpec, delegation: DelegationSpec): boolean {
    const bounds = spec.delegations.flatMap(({ period }) => [period.since, period.until]).filter((day): day is number => day !== undefined);
    const days = [-1e9, ...Array.from({ length: Math.max(...bounds, 0) - Math.min(...bounds, 0) + 3 }, (_, at) => Math.min(...bounds, 0) - 1 + at)];
    return days.some(day => {
        if (!covers(delegation.period, day)) return false;
        const reached = new Set([delegation.to]);
        for (let grew = true; grew;) {
            grew = false;
            for (const other of spec.delegations) {
                if (covers(other.period, day) && reached.has(other.from) && !reached.has(other.to)) {
                    reached.add(other.to);
                    grew = true;
                }
            }
        }
        return reached.has(delegation.from);
    });
}

/** The findings of the rules the docs say, as `rule:line`. */
function expectedFindings(spec: PolicySpec, asOf: number): string[] {
    const { roleLine, assignmentLines, delegationLines } = policyOf(spec);
    const findings: string[] = [];
    for (const role of ['ciso', 'key']) {
        if (holdingsOn(spec.people, spec.assignments, role, asOf).size === 0) findings.push(`${role === 'ciso' ? 'ciso-vacant' : 'role-vacant'}:${roleLine.get(role)}`);
    }
    // Held days in start order (an open start first), ties in the order written: the later of two that meet is reported.
    const held = spec.assignments.flatMap((assignment, index) => SINGLE_HOLDER.has(assignment.role) ? heldDays(spec, assignment).map(days => ({ assignment, index, days })) : []);
    const start = (days: Days) => days.since ?? -Infinity;
    spec.assignments.forEach((assignment, index) => {
        const later = held.filter(entry => entry.index === index);
        const overlapped = later.some(current => held.some(other => other.assignment.person !== assignment.person && other.assignment.role === assignment.role
            && (start(other.days) < start(current.days) || (start(other.days) === start(current.days) && other.index < index))
            && (other.days.until === undefined || current.days.since === undefined || other.days.until >= current.days.since)));
        if (overlapped) findings.push(`role-holders-overlap:${assignmentLines[index]}`);
    });
    const leftBefore = (name: string) => {
        const person = spec.people.find(candidate => candidate.name === name);
        const last = person && lastDayOf(person); // a role never leaves
        return last !== undefined && last < asOf ? last : undefined;
    };
    const outlasts = (period: Days, last: number | undefined) => last !== undefined && (period.until === undefined || period.until > last);
    // An assignment ends with the stay it took effect in, even when the person comes back later; one that took effect in none, with their departure.
    // A delegation to a person likewise (a delegation to a role never leaves).
    const leftDuring = (name: string, period: Days) => {
        const person = spec.people.find(candidate => candidate.name === name);
        if (!person) return undefined;
        const stay = stayOfTerm(person, period);
        if (!stay) return leftBefore(name);
        return stay.until !== undefined && stay.until < asOf ? stay.until : undefined;
    };
    spec.assignments.forEach((assignment, index) => {
        if (outlasts(assignment.period, leftDuring(assignment.person, assignment.period))) findings.push(`leaver-holds-role:${assignmentLines[index]}`);
    });
    spec.delegations.forEach((delegation, index) => {
        if (outlasts(delegation.period, leftDuring(delegation.to, delegation.period))) findings.push(`leaver-holds-role:${delegationLines[index]}`);
        if (!coveredByOneHolder(spec, delegation)) findings.push(`delegation-window:${delegationLines[index]}`);
        if (!holdsDutyWhenDelegating(spec, delegation, asOf)) findings.push(`delegation-escalation:${delegationLines[index]}`);
        if (onCycleSomeDay(spec, delegation)) findings.push(`delegation-cycle:${delegationLines[index]}`);
    });
    return findings.sort();
}

describe('the rules about holding a role, against their docs', () => {
    it(`${CASES} random policies (seed ${SEED}): the holding and delegation rules fire exactly where the definition says`, async () => {
        const seeded = new Random(SEED);
        const random = () => seeded.next();
        for (let index = 0; index < CASES; index++) {
            await nextCase();
            const spec = generate(random);
            const { text } = policyOf(spec);
            const days = daysAround([...spec.assignments, ...spec.delegations].map(({ period }) => period)
                .concat(spec.people.flatMap(person => [person.employed, person.engaged].filter((period): period is Days => period !== undefined))));
            // A few as-of dates: where the answers change, and one well after everything.
            for (const asOf of [...days.filter(() => random() < 0.15), 2000]) {
                const { findings } = await checkSources([{ uri: 'file:///ws/policy.mandate', text }], { asOf: isoOf(asOf) });
                const actual = findings.filter(finding => RULES.has(finding.rule)).map(finding => `${finding.rule}:${finding.line}`).sort();
                expect([...new Set(actual)], `case ${index} on ${isoOf(asOf)}:\n${text}`).toEqual(expectedFindings(spec, asOf));
            }
        }
    }, 300_000);
});
