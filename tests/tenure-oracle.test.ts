/**
 * Who holds which role on a date, checked against an oracle written from the definition alone
 * (issue 8): a person holds a role on D when one of their assignments to it covers D and they are
 * employed or engaged on D, in the stay with the organization (employment and engagement together)
 * in which that assignment took effect: leaving ends an appointment, and coming back after a gap
 * does not renew it. Their tenure is the run of their assignments to the role with no day between
 * them, and they really hold it on the days its assignments give. Random small policies (people who join, leave, stay on as
 * contractors, come back; renewals, overlaps, gaps; duties carried and delegated along chains)
 * are checked once, then asked through the query engine on many dates and through the report on
 * the as-of date. Who may perform a duty is checked the same way, against docs/query.md's
 * definition: the holders of the roles that carry it, and of the parties a delegation in force
 * hands it to from a role that holds it on the day; and who may appoint to a role likewise:
 * top management, the holders of an authority that may appoint it, and the appointing body; and
 * appointment-authority reports exactly the appointments made by a party that could not make them.
 *
 * More cases, another seed: MANDATE_TENURE_CASES=2000 MANDATE_TENURE_SEED=7 npx vitest run tests/tenure-oracle.test.ts
 */
import { describe, expect, it } from 'vitest';
import { checkSources } from '../language/engine/check-sources.js';
import { holdersOf, queryContext, whoMayAppoint, whoMayPerform } from '../language/query/index.js';
import { buildReport } from '../language/report/build-report.js';
import { assignmentLine, covers, daysAround, heldDaysOf, holdingsOn, isoOf, nextCase, periodText, personLines, presentOn, randomDays, randomPeople, type AssignmentSpec, type Days, type PersonSpec } from './oracle-policies.js';
import { Random } from './random-edits.js';

const CASES = Number(process.env.MANDATE_TENURE_CASES) || 120;
const SEED = Number(process.env.MANDATE_TENURE_SEED) || 1;

/** A role's line of its job description: a RACI kind (or `authorized`) and a duty. */
interface DutyLineSpec {
    readonly role: string;
    readonly kind: string;
    readonly duty: string;
}

interface DelegationSpec {
    readonly duty: string;
    readonly from: string;
    readonly to: string;
    readonly period: Days;
}

const ROLES = ['r1', 'r2', 'r3'];
const DUTIES = ['d1', 'd2'];
const KINDS = ['responsible for', 'accountable for', 'authorized to', 'consulted on', 'informed of'];
/** The kinds that make a role hold a duty; consulted and informed do not. */
const CARRYING = new Set(['responsible for', 'accountable for', 'authorized to']);

/** What a policy says: d2 is an authority that `may appoint` some roles (or any), and the body `owners` may appoint some roles. */
interface PolicySpec {
    readonly people: PersonSpec[];
    readonly assignments: AssignmentSpec[];
    readonly lines: DutyLineSpec[];
    readonly delegations: DelegationSpec[];
    readonly authorityAppoints: readonly string[] | 'any role';
    readonly bodyAppoints: readonly string[];
}

function generate(random: () => number): PolicySpec {
    const days = randomDays(random);
    const people = randomPeople(random, days);
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
    const assignments: AssignmentSpec[] = Array.from({ length: Math.floor(random() * 10) }, () => ({
        // The board is top management: its holders may appoint to every role.
        person: pick(people).name, role: random() < 0.15 ? 'board' : pick(ROLES), period: days.period(),
        appointedBy: random() < 0.4 ? 'board' : pick(['owners', ...ROLES, ...people.map(person => person.name)])
    }));
    const lines: DutyLineSpec[] = ROLES.flatMap(role => DUTIES.flatMap(duty => random() < 0.35 ? [{ role, kind: pick(KINDS), duty }] : []));
    const delegations: DelegationSpec[] = Array.from({ length: Math.floor(random() * 6) }, () => ({
        duty: pick(DUTIES), from: pick(ROLES), to: pick([...ROLES, ...people.map(person => person.name)]), period: days.period(0.2, 0.3)
    }));
    const some = () => ROLES.filter(() => random() < 0.4);
    const authorityAppoints = random() < 0.2 ? 'any role' : some();
    return { people, assignments, lines, delegations, authorityAppoints, bodyAppoints: some() };
}

/** The policy, and the line of each assignment. */
function policyText(spec: PolicySpec): { text: string; assignmentLines: number[] } {
    const lines = ['organization acme "Acme" {', '    top management board', '}', 'role board "Board"'];
    for (const role of ROLES) lines.push(`role ${role} "Role ${role}" {`, ...spec.lines.filter(line => line.role === role).map(line => `    ${line.kind} ${line.duty}`), '}');
    const appoints = (targets: readonly string[] | 'any role') => targets === 'any role' ? ' { may appoint any role }' : targets.length > 0 ? ` { may appoint ${targets.join(', ')} }` : '';
    lines.push('responsibility d1 "Duty d1"', `authority d2 "Duty d2"${appoints(spec.authorityAppoints)}`, `appointing body owners "Owners"${appoints(spec.bodyAppoints)}`);
    for (const person of spec.people) lines.push(...personLines(person));
    const assignmentLines = spec.assignments.map(assignment => lines.push(assignmentLine(assignment)));
    for (const { duty, from, to, period } of spec.delegations) lines.push(`delegate ${duty} from ${from} to ${to}${periodText(period)}`);
    return { text: lines.join('\n') + '\n', assignmentLines };
}

/** What the definition says of one holder of a role on a day, as the query and the report give it. */
interface Expected {
    readonly firstAppointed?: string;
    readonly tenureUntil?: string;
    readonly heldSince?: string;
    readonly heldUntil?: string;
}

function oracle(spec: PolicySpec, role: string, day: number): Map<string, Expected> {
    const iso = (value: number | undefined) => value === undefined ? undefined : isoOf(value);
    return new Map([...holdingsOn(spec.people, spec.assignments, role, day)].map(([person, { tenure, held }]) => [person, {
        firstAppointed: iso(tenure.since),
        tenureUntil: iso(tenure.until),
        // The days held, where they are not the tenure's own: joined after it began, left before it ends.
        heldSince: held.since !== undefined && tenure.since !== undefined && held.since !== tenure.since ? isoOf(held.since) : undefined,
        heldUntil: held.until !== undefined && held.until !== tenure.until ? isoOf(held.until) : undefined
    }]));
}

/**
 * Who may perform `duty` on `day`: the holders of every role whose job description carries it,
 * and of every party a delegation in force on the day hands it to from a role that holds it then
 * (by carrying it or by such a delegation); a person named directly, when with the organization in
 * the stay the delegation took effect in.
 */
function mayPerform(spec: PolicySpec, duty: string, day: number): string[] {
    return entitled(spec, holdersOfDuty(spec, duty, day), day);
}

/** The roles and persons that hold `duty` on `day`: those that carry it, and those a delegation in force hands it to from one of them. */
function holdersOfDuty(spec: PolicySpec, duty: string, day: number): Set<string> {
    const holds = new Set(spec.lines.filter(line => line.duty === duty && CARRYING.has(line.kind)).map(line => line.role));
    for (let grew = true; grew;) {
        grew = false;
        for (const delegation of spec.delegations) {
            if (delegation.duty !== duty || !covers(delegation.period, day) || !holds.has(delegation.from) || holds.has(delegation.to)) continue;
            // A person only on the days of its window within the stay it took effect in: leaving ends it, coming back does not renew it.
            const person = spec.people.find(candidate => candidate.name === delegation.to);
            const reach = person && heldDaysOf(person, delegation.period);
            if (person && (!reach || !covers(reach, day))) continue;
            holds.add(delegation.to);
            grew = true;
        }
    }
    return holds;
}

/** The persons these parties make entitled on `day`: the holders of each role, and each person with the organization then. */
function entitled(spec: PolicySpec, parties: ReadonlySet<string>, day: number): string[] {
    const persons = new Set<string>();
    for (const party of parties) {
        const person = spec.people.find(candidate => candidate.name === party);
        if (!person) for (const holder of oracle(spec, party, day).keys()) persons.add(holder);
        else if (presentOn(person, day)) persons.add(party);
    }
    return [...persons].sort();
}

/**
 * Who may appoint to `role` on `day` (docs/query.md): the holders of top management, of the roles
 * that hold, on the day, an authority that may appoint the role (carried or delegated), and the
 * persons such a delegation names; and the appointing body, for top management and the roles it names.
 */
function mayAppoint(spec: PolicySpec, role: string, day: number): string[] {
    const parties = new Set(['board']);
    if (spec.authorityAppoints === 'any role' || spec.authorityAppoints.includes(role)) for (const party of holdersOfDuty(spec, 'd2', day)) parties.add(party);
    const bodies = role === 'board' || spec.bodyAppoints.includes(role) ? ['owners'] : [];
    return [...entitled(spec, parties, day), ...bodies].sort();
}

/**
 * The assignments `appointment-authority` reports (docs/rules/appointment-authority.md), as lines: the
 * party that made each one could not appoint to its role on its start date (the as-of date when
 * undated), or is the appointee themselves. A body appoints top management and the roles it names;
 * a role, when it is top management or holds on that date an authority that may appoint the role; a
 * person, through a role they hold then that may, or a delegation of such an authority to them.
 */
function appointmentFindings(spec: PolicySpec, assignmentLines: readonly number[], asOf: number): number[] {
    return spec.assignments.flatMap((assignment, index) => {
        const day = assignment.period.since ?? asOf;
        const by = assignment.appointedBy ?? 'board';
        const authority = spec.authorityAppoints === 'any role' || spec.authorityAppoints.includes(assignment.role) ? holdersOfDuty(spec, 'd2', day) : new Set<string>();
        const roleMay = (role: string) => role === 'board' || authority.has(role);
        const may = by === 'owners' ? assignment.role === 'board' || spec.bodyAppoints.includes(assignment.role)
            : [...ROLES, 'board'].includes(by) ? roleMay(by)
                : [...ROLES, 'board'].some(role => holdingsOn(spec.people, spec.assignments, role, day).has(by) && roleMay(role)) || authority.has(by);
        return !may || by === assignment.person ? [assignmentLines[index]] : [];
    });
}

/** Every date the policy names, and the days either side of it: where answers change. */
function daysThatMatter(spec: PolicySpec): number[] {
    return daysAround([...spec.assignments, ...spec.delegations].map(({ period }) => period)
        .concat(spec.people.flatMap(person => [person.employed, person.engaged].filter((period): period is Days => period !== undefined))));
}

const sorted = (map: Map<string, Expected>) => [...map.entries()].sort(([a], [b]) => a < b ? -1 : 1);

describe('who holds which role on a date, against the definition', () => {
    it(`${CASES} random policies (seed ${SEED}): the holders, who may perform and who may appoint (by the query on every date that matters), the report's holders and the appointment-authority findings on the as-of date agree with the oracle`, async () => {
        const seeded = new Random(SEED);
        const random = () => seeded.next();
        for (let index = 0; index < CASES; index++) {
            await nextCase();
            const spec = generate(random);
            const { text, assignmentLines } = policyText(spec);
            const days = daysThatMatter(spec);
            const asOf = days.length > 0 ? days[Math.floor(random() * days.length)] : 100;
            const { services, findings } = await checkSources([{ uri: 'file:///ws/policy.mandate', text }], { asOf: isoOf(asOf) });
            const context = queryContext(services.shared);
            const where = (role: string, day: number) => `case ${index}, ${role} on ${isoOf(day)}:\n${text}`;
            for (const day of days) {
                for (const role of ROLES) {
                    const answer = holdersOf(context, role, isoOf(day));
                    const expected = oracle(spec, role, day);
                    const actual = new Map(answer.holders.map(holder => [holder.person.name, {
                        firstAppointed: holder.firstAppointed, tenureUntil: holder.tenureUntil, heldSince: holder.heldSince, heldUntil: holder.heldUntil
                    }]));
                    expect(sorted(actual), where(role, day)).toEqual(sorted(expected));
                    expect(answer.vacant, where(role, day)).toBe(expected.size === 0);
                }
                for (const duty of DUTIES) {
                    const names = whoMayPerform(context, duty, isoOf(day)).parties.map(party => party.party.name).sort();
                    expect(names, `may perform ${duty}: ${where(duty, day)}`).toEqual(mayPerform(spec, duty, day));
                }
                for (const role of [...ROLES, 'board']) {
                    const names = whoMayAppoint(context, role, isoOf(day)).parties.map(party => party.party.name).sort();
                    expect(names, `may appoint to ${role}: ${where(role, day)}`).toEqual(mayAppoint(spec, role, day));
                }
            }
            const appointments = findings.filter(finding => finding.rule === 'appointment-authority').map(finding => finding.line);
            expect(appointments, `appointment-authority: ${where('-', asOf)}`).toEqual(appointmentFindings(spec, assignmentLines, asOf));
            const report = buildReport(services.shared, findings, { toolVersion: 'test', generatedAt: '', repository: { git: false } });
            for (const role of ROLES) {
                const expected = oracle(spec, role, asOf);
                const entry = report.roles.find(candidate => candidate.role.id === role)!;
                const actual = new Map(entry.holders.map(holder => [holder.person.id, {
                    firstAppointed: holder.tenureSince, tenureUntil: expected.get(holder.person.id)?.tenureUntil, heldSince: holder.heldSince, heldUntil: holder.heldUntil
                }]));
                expect(entry.holders.length, where(role, asOf)).toBe(actual.size);
                expect(sorted(actual), where(role, asOf)).toEqual(sorted(expected));
                expect(entry.vacant, where(role, asOf)).toBe(expected.size === 0);
                for (const person of report.people) {
                    expect(person.roles.includes(role), `${person.id}: ${where(role, asOf)}`).toBe(expected.has(person.id));
                }
            }
        }
    }, 300_000);
});
