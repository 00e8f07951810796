/**
 * Who must take which training on a date, and where they stand, checked against an oracle written
 * from the definition alone (issue 8; README, "Who holds a role on a date"): `audience everyone`
 * is the staff employed on the date (an external only while a declared employment covers it); the
 * holders of a role train for the programmes it requires and those that name it in their audience;
 * the latest completion on or before the date is current until its cadence runs out; a newcomer's
 * first completion is due, not missing, inside the programme's grace period, counted from joining,
 * from taking the role (the start of that tenure), or without `of` from whichever came first.
 * Random small policies are checked once and asked on every date that matters.
 *
 * More cases, another seed: MANDATE_TRAINING_CASES=2000 MANDATE_TRAINING_SEED=7 npx vitest run tests/training-oracle.test.ts
 */
import { describe, expect, it } from 'vitest';
import { checkSources } from '../language/engine/check-sources.js';
import { trainingStatus } from '../language/workspace/training-status.js';
import {
    assignmentLine, covers, daysAround, holdingsOn, isoOf, nextCase, personLines, presentOn, randomDays, randomPeople, type AssignmentSpec, type Days, type PersonSpec
} from './oracle-policies.js';
import { Random } from './random-edits.js';

const CASES = Number(process.env.MANDATE_TRAINING_CASES) || 120;
const SEED = Number(process.env.MANDATE_TRAINING_SEED) || 1;

const ROLES = ['r1', 'r2'];

interface TrainingSpec {
    readonly name: string;
    readonly everyone: boolean;
    /** Roles named in its audience. */
    readonly audience: readonly string[];
    /** Days from a completion to its due date; absent without a cadence. */
    readonly cadence?: { readonly days: number; readonly text: string };
    readonly grace?: { readonly days: number; readonly from?: 'joining' | 'appointment' };
}

interface CompletionSpec {
    readonly training: string;
    readonly person: string;
    readonly day: number;
}

interface PolicySpec {
    readonly people: PersonSpec[];
    readonly assignments: AssignmentSpec[];
    readonly trainings: TrainingSpec[];
    /** The programmes each role requires (`requires training`). */
    readonly requires: ReadonlyMap<string, readonly string[]>;
    readonly completions: CompletionSpec[];
}

function generate(random: () => number): PolicySpec {
    const days = randomDays(random);
    const people = randomPeople(random, days);
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
    const count = (most: number) => 1 + Math.floor(random() * most);
    const trainings: TrainingSpec[] = ['t1', 't2'].map((name, index) => {
        const cadence = random() < 0.25 ? undefined : random() < 0.5 ? count(400) : 7 * count(60);
        const grace = random() < 0.3 ? undefined : { days: count(120), ...random() < 0.3 ? {} : { from: pick(['joining', 'appointment'] as const) } };
        const everyone = index === 0 && random() < 0.8;
        return {
            name, everyone, audience: everyone ? [] : ROLES.filter(() => random() < 0.3),
            cadence: cadence === undefined ? undefined : { days: cadence, text: cadence % 7 === 0 && random() < 0.5 ? `every ${cadence / 7} weeks` : `every ${cadence} days` },
            grace
        };
    });
    const requires = new Map(ROLES.map(role => [role, ['t1', 't2'].filter(() => random() < 0.3)]));
    const assignments: AssignmentSpec[] = Array.from({ length: Math.floor(random() * 7) }, () => ({ person: pick(people).name, role: pick(ROLES), period: days.period() }));
    const completions: CompletionSpec[] = Array.from({ length: Math.floor(random() * 7) }, () => ({ training: pick(['t1', 't2']), person: pick(people).name, day: days.day() }));
    return { people, assignments, trainings, requires, completions };
}

function policyText(spec: PolicySpec): string {
    const lines = ['organization acme "Acme" {', '    top management board', '}', 'role board "Board"'];
    for (const role of ROLES) {
        const required = spec.requires.get(role)!;
        lines.push(`role ${role} "Role ${role}"${required.length > 0 ? ` { requires training ${required.join(', ')} }` : ''}`);
    }
    for (const training of spec.trainings) {
        const audience = training.everyone ? ['    audience everyone'] : training.audience.length > 0 ? [`    audience ${training.audience.join(', ')}`] : [];
        const grace = training.grace ? [`    within ${training.grace.days} days${training.grace.from ? ` of ${training.grace.from}` : ''}`] : [];
        lines.push(`training ${training.name} "Training ${training.name}" {`, ...audience, ...training.cadence ? [`    ${training.cadence.text}`] : [], ...grace, '}');
    }
    for (const person of spec.people) lines.push(...personLines(person));
    lines.push(...spec.assignments.map(assignmentLine));
    for (const { training, person, day } of spec.completions) lines.push(`completed ${training} by ${person} on ${isoOf(day)}`);
    return lines.join('\n') + '\n';
}

/** Staff on `day`: employed then. Everyone the generator engages is external; the others are staff while with the organization. */
function staffOn(person: PersonSpec, day: number): boolean {
    return person.engaged ? person.employed !== undefined && covers(person.employed, day) : presentOn(person, day);
}

/** The earliest of some days; unknown when any is (an unknown start is the earliest of all). */
function earliest(days: ReadonlyArray<number | undefined>): number | undefined {
    return days.includes(undefined) ? undefined : Math.min(...days as number[]);
}

/** Every obligation on `day`, as `training:person:state:dueBy`, by the definition. */
function obligations(spec: PolicySpec, day: number): string[] {
    const result: string[] = [];
    for (const training of spec.trainings) {
        for (const person of spec.people) {
            const everyone = training.everyone && staffOn(person, day);
            // The assignments that hold, on the day, a role that needs the programme.
            const needing = spec.assignments.filter(assignment => assignment.person === person.name
                && (spec.requires.get(assignment.role)!.includes(training.name) || training.audience.includes(assignment.role))
                && holdingsOn([person], [assignment], assignment.role, day).has(person.name));
            if (!everyone && needing.length === 0) continue;
            const completed = spec.completions.filter(completion => completion.training === training.name && completion.person === person.name && completion.day <= day);
            const last = completed.length > 0 ? Math.max(...completed.map(completion => completion.day)) : undefined;
            const graceEnd = graceEndOf(spec, training, person, needing, everyone, day);
            const inGrace = graceEnd !== undefined && day <= graceEnd;
            const dueBy = last !== undefined && training.cadence ? last + training.cadence.days : undefined;
            const state = last === undefined ? (inGrace ? 'due' : 'missing')
                : dueBy !== undefined && dueBy < day ? (inGrace ? 'due' : 'overdue') : 'current';
            const shownDue = state === 'due' ? graceEnd : state === 'missing' ? undefined : dueBy;
            result.push(`${training.name}:${person.name}:${state}:${shownDue === undefined ? '-' : isoOf(shownDue)}`);
        }
    }
    return result.sort();
}

/** The last day of the grace: from joining (the first day with the organization), from taking a role that needs it (the start of the tenure held on `day`), or the earlier of those that apply. */
function graceEndOf(spec: PolicySpec, training: TrainingSpec, person: PersonSpec, needing: readonly AssignmentSpec[], everyone: boolean, day: number): number | undefined {
    if (!training.grace) return undefined;
    const starts = [person.employed, person.engaged].filter((period): period is Days => period !== undefined).map(period => period.since);
    const joined = starts.length === 0 ? undefined : earliest(starts);
    const tenureStart = (assignment: AssignmentSpec) => holdingsOn([person], spec.assignments, assignment.role, day).get(person.name)?.tenure.since;
    const appointed = needing.length > 0 ? earliest(needing.map(tenureStart)) : undefined;
    const start = training.grace.from === 'joining' ? joined : training.grace.from === 'appointment' ? appointed
        : earliest([...everyone ? [joined] : [], ...needing.length > 0 ? [appointed] : []]);
    return start === undefined ? undefined : start + training.grace.days;
}

describe('who must train, and where they stand, against the definition', () => {
    it(`${CASES} random policies (seed ${SEED}): every obligation and its state on every date that matters agree with the oracle`, async () => {
        const seeded = new Random(SEED);
        const random = () => seeded.next();
        for (let index = 0; index < CASES; index++) {
            await nextCase();
            const spec = generate(random);
            const text = policyText(spec);
            const named = daysAround([...spec.assignments.map(assignment => assignment.period), ...spec.people.flatMap(person => [person.employed, person.engaged].filter((period): period is Days => period !== undefined))])
                .concat(spec.completions.map(completion => completion.day));
            const days = [...new Set(named)].sort((a, b) => a - b);
            const { services } = await checkSources([{ uri: 'file:///ws/policy.mandate', text }], { asOf: isoOf(days[0] ?? 100) });
            const model = services.shared.mandate.WorkspaceModel.get();
            for (const day of days) {
                const actual = trainingStatus(model, isoOf(day)).flatMap(status => status.obligations.map(obligation =>
                    `${status.training.name}:${obligation.person.name}:${obligation.state}:${obligation.dueBy ?? '-'}`)).sort();
                expect(actual, `case ${index} on ${isoOf(day)}:\n${text}`).toEqual(obligations(spec, day));
            }
        }
    }, 300_000);
});
