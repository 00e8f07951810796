/**
 * The rules about who holds a role, checked against their docs (docs/rules/) with an oracle that
 * knows only the definition of holding (tests/oracle-policies.ts): on random small policies,
 * - `ciso-vacant` fires on the CISO role, and `role-vacant` on a key role, when nobody holds it on the as-of date;
 * - `role-holders-overlap` fires on each assignment to the CISO role or a `single holder` role whose
 *   held days meet those of an assignment of another person that starts earlier (or at the same
 *   time, written before it);
 * - `leaver-holds-role` fires on each assignment and delegation of a person who left before the
 *   as-of date that is open or ends after their last day.
 *
 * More cases, another seed: MANDATE_RULES_CASES=2000 MANDATE_RULES_SEED=7 npx vitest run tests/rules-oracle.test.ts
 */
import { describe, expect, it } from 'vitest';
import { checkSources } from '../language/engine/check-sources.js';
import {
    assignmentLine, daysAround, holdingsOn, isoOf, periodText, personLines, randomDays, randomPeople, staysOf, type AssignmentSpec, type Days, type PersonSpec
} from './oracle-policies.js';
import { Random } from './random-edits.js';

const CASES = Number(process.env.MANDATE_RULES_CASES) || 80;
const SEED = Number(process.env.MANDATE_RULES_SEED) || 1;

/** The roles, each declared on one line: the CISO, a single-holder role, a key role and a plain one. */
const ROLE_LINES: Record<string, string> = {
    ciso: 'role ciso "CISO" { designated CISO }',
    solo: 'role solo "Data Protection Officer" { single holder }',
    key: 'role key "ISMS Manager" { key role }',
    plain: 'role plain "Analyst"'
};
const ROLES = Object.keys(ROLE_LINES);
const SINGLE_HOLDER = new Set(['ciso', 'solo']);
const RULES = new Set(['ciso-vacant', 'role-vacant', 'role-holders-overlap', 'leaver-holds-role']);

interface DelegationSpec {
    readonly to: string;
    readonly period: Days;
}

interface PolicySpec {
    readonly people: PersonSpec[];
    readonly assignments: AssignmentSpec[];
    readonly delegations: DelegationSpec[];
}

function generate(random: () => number): PolicySpec {
    const days = randomDays(random);
    const people = randomPeople(random, days);
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
    return {
        people,
        assignments: Array.from({ length: Math.floor(random() * 8) }, () => ({ person: pick(people).name, role: pick(ROLES), period: days.period() })),
        delegations: Array.from({ length: Math.floor(random() * 3) }, () => ({ to: pick(people).name, period: days.period(0.2, 0.4) }))
    };
}

/** The policy, and the line each role, assignment and delegation is on. */
function policyOf(spec: PolicySpec): { text: string; roleLine: Map<string, number>; assignmentLines: number[]; delegationLines: number[] } {
    const lines = ['organization acme "Acme" {', '    top management board', '}', 'role board "Board"', 'responsibility duty "A duty"'];
    const roleLine = new Map<string, number>();
    for (const role of ROLES) {
        lines.push(ROLE_LINES[role]);
        roleLine.set(role, lines.length);
    }
    for (const person of spec.people) lines.push(...personLines(person));
    const assignmentLines = spec.assignments.map(assignment => lines.push(assignmentLine(assignment)));
    const delegationLines = spec.delegations.map(({ to, period }) => lines.push(`delegate duty from plain to ${to}${periodText(period)}`));
    return { text: lines.join('\n') + '\n', roleLine, assignmentLines, delegationLines };
}

/** The days an assignment gives its role: its period within each stay of its person. */
function heldDays(spec: PolicySpec, assignment: AssignmentSpec): Days[] {
    const person = spec.people.find(candidate => candidate.name === assignment.person)!;
    return staysOf(person).flatMap(stay => {
        const since = stay.since === undefined ? assignment.period.since : assignment.period.since === undefined ? stay.since : Math.max(stay.since, assignment.period.since);
        const until = stay.until === undefined ? assignment.period.until : assignment.period.until === undefined ? stay.until : Math.min(stay.until, assignment.period.until);
        return since !== undefined && until !== undefined && since > until ? [] : [{ since, until }];
    });
}

/** The last day of a person who left: every stay has ended, the last on this day; undefined while any is open. */
function lastDayOf(person: PersonSpec): number | undefined {
    const stays = staysOf(person);
    return stays.every(stay => stay.until !== undefined) ? Math.max(...stays.map(stay => stay.until!)) : undefined;
}

/** The findings of the four rules the docs say, as `rule:line`. */
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
        const last = lastDayOf(spec.people.find(person => person.name === name)!);
        return last !== undefined && last < asOf ? last : undefined;
    };
    const outlasts = (period: Days, last: number | undefined) => last !== undefined && (period.until === undefined || period.until > last);
    spec.assignments.forEach((assignment, index) => {
        if (outlasts(assignment.period, leftBefore(assignment.person))) findings.push(`leaver-holds-role:${assignmentLines[index]}`);
    });
    spec.delegations.forEach((delegation, index) => {
        if (outlasts(delegation.period, leftBefore(delegation.to))) findings.push(`leaver-holds-role:${delegationLines[index]}`);
    });
    return findings.sort();
}

describe('the rules about holding a role, against their docs', () => {
    it(`${CASES} random policies (seed ${SEED}): ciso-vacant, role-vacant, role-holders-overlap and leaver-holds-role fire exactly where the definition says`, async () => {
        const seeded = new Random(SEED);
        const random = () => seeded.next();
        for (let index = 0; index < CASES; index++) {
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
