import type { Assignment, Cadence, Person, Training, TrainingCompletion } from '../generated/ast.js';
import { addCadence, cadenceUnit, type IsoDate } from '../util/dates.js';
import { joinedOn } from './tenure.js';
import type { WorkspaceModel } from './workspace-model.js';

/**
 * Where one person stands with one programme on the as-of date. `due`: not completed yet (or a
 * completion lapsed before the obligation began), but still inside the programme's grace period
 * for newcomers, so it is neither missing nor overdue.
 */
export type TrainingState = 'current' | 'due' | 'overdue' | 'missing';

/** One person who must take one programme on the as-of date, and whether they are current. */
export interface TrainingObligation {
    readonly training: Training;
    readonly person: Person;
    /** Assignments in force on the as-of date whose role requires the programme or is in its audience, in declaration order. */
    readonly assignments: readonly Assignment[];
    /** True when the person is in the audience because it is `everyone` (staff employed on the as-of date). */
    readonly everyone: boolean;
    /** The person's latest completion on or before the as-of date. */
    readonly lastCompletion?: TrainingCompletion;
    readonly lastCompleted?: IsoDate;
    /**
     * The last completion plus the programme's cadence; for a first completion inside the grace
     * period, the end of that period. Absent otherwise.
     */
    readonly dueBy?: IsoDate;
    /**
     * Missing: never completed by the as-of date and past any grace period; due: not completed but
     * inside the grace period; overdue: the as-of date is after `dueBy`; current otherwise.
     */
    readonly state: TrainingState;
}

/** What one person must take of one programme: why, and their latest completion of it on or before the as-of date. */
export interface ObligationFacts {
    readonly training: Training;
    readonly person: Person;
    readonly assignments: readonly Assignment[];
    readonly everyone: boolean;
    readonly lastCompletion?: TrainingCompletion;
}

/** The due date of a programme after a completion on a date, per programme; one per computation of obligations. */
export type DueDates = (training: Training, completed: IsoDate) => IsoDate | undefined;

/**
 * Due dates remembered per programme and date (a workspace's completions fall on a few hundred
 * dates); none without a cadence. A cadence without its unit (`every` while typing) is a syntax
 * error, not a cadence.
 */
export function dueDates(): DueDates {
    const known = new Map<Training, Map<IsoDate, IsoDate | undefined>>();
    return (training, completed) => {
        let byDate = known.get(training);
        if (!byDate) known.set(training, byDate = new Map());
        if (byDate.has(completed)) return byDate.get(completed);
        const cadence = training.cadence;
        const unit = cadenceUnit(cadence?.unit);
        const due = cadence && unit ? addCadence(completed, cadence.count ?? 1, unit) : undefined;
        byDate.set(completed, due);
        return due;
    };
}

/** Whether the person is current, due, overdue or missing with the programme on `asOf`. */
export function obligationOf(facts: ObligationFacts, model: WorkspaceModel, asOf: IsoDate, due: DueDates): TrainingObligation {
    const { training, person, assignments, everyone, lastCompletion } = facts;
    const lastCompleted = lastCompletion?.date;
    if (!lastCompleted) {
        const graceEnd = graceEndOf(training, model, person, assignments, everyone);
        const inGrace = graceEnd !== undefined && asOf <= graceEnd;
        return { training, person, assignments, everyone, dueBy: inGrace ? graceEnd : undefined, state: inGrace ? 'due' : 'missing' };
    }
    const dueBy = due(training, lastCompleted);
    if (dueBy && dueBy < asOf) {
        // A completion that lapsed before the obligation began (a newcomer to the role, or someone rejoining) leaves them
        // inside the grace every newcomer gets: due, not seventeen months overdue in a role held for ten days.
        const graceEnd = graceEndOf(training, model, person, assignments, everyone);
        if (graceEnd !== undefined && asOf <= graceEnd) return { training, person, assignments, everyone, lastCompletion, lastCompleted, dueBy: graceEnd, state: 'due' };
    }
    const state: TrainingState = dueBy && dueBy < asOf ? 'overdue' : 'current';
    return { training, person, assignments, everyone, lastCompletion, lastCompleted, dueBy, state };
}

/** The earliest of some dates; undefined when any is unknown (an unknown start is the earliest of all). */
function earliest(dates: ReadonlyArray<IsoDate | undefined>): IsoDate | undefined {
    return dates.includes(undefined) ? undefined : [...dates as IsoDate[]].sort()[0];
}

/**
 * The last day of a newcomer's grace period for a first completion, counted from joining, from
 * taking a role that needs the programme (the start of that tenure), or, without `of`, from when
 * the obligation began: the earliest of joining (for the audience everyone) and taking such a role.
 * Undefined without a grace period, or when that start is not known.
 */
function graceEndOf(
    training: Training, model: WorkspaceModel, person: Person, assignments: readonly Assignment[], everyone: boolean
): IsoDate | undefined {
    const grace = training.grace;
    if (!grace || grace.days === undefined) return undefined;
    const joined = joinedOn(person);
    const appointed = assignments.length > 0 ? earliest(assignments.map(assignment => model.tenureOf(assignment)?.since)) : undefined;
    const reasons = [...(everyone ? [joined] : []), ...(assignments.length > 0 ? [appointed] : [])];
    const start = grace.from === 'joining' ? joined : grace.from === 'appointment' ? appointed : earliest(reasons);
    return start === undefined ? undefined : addCadence(start, grace.days, 'day');
}

/** A cadence as the policy writes it: `every year`, `every 3 years`; undefined without one, or without its unit. */
export function cadenceText(cadence: Pick<Cadence, 'count' | 'unit'> | undefined): string | undefined {
    if (!cadence || !cadenceUnit(cadence.unit)) return undefined;
    return `every ${cadence.count !== undefined ? `${cadence.count} ` : ''}${cadence.unit}`;
}

/** Why a person must take a programme: the roles they hold that need it, or the audience `everyone`. */
export function obligationReason(obligation: TrainingObligation): string {
    const roles = [...new Set(obligation.assignments.flatMap(assignment => assignment.role?.ref ? [assignment.role.ref.name] : []))];
    if (roles.length === 0) return 'its audience is everyone';
    return `${roles.length === 1 ? 'role' : 'roles'} ${roles.map(name => `'${name}'`).join(', ')} ${roles.length === 1 ? 'needs' : 'need'} it`;
}
