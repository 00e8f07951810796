import type { Assignment, Cadence, Person, Role, Training, TrainingCompletion } from '../generated/ast.js';
import { compareStrings } from '../util/compare.js';
import { addCadence, cadenceUnit, type IsoDate } from '../util/dates.js';
import { assignmentHoldsOn, isPresentOn, isStaff, joinedOn } from './tenure.js';
import type { WorkspaceModel } from './workspace-model.js';

/**
 * Where one person stands with one programme on the as-of date. `due`: not completed yet, but
 * still inside the programme's grace period for newcomers, so it is not missing.
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

/** A programme and everybody who must take it on the as-of date, ordered by person name. */
export interface TrainingStatus {
    readonly training: Training;
    readonly obligations: readonly TrainingObligation[];
}

/**
 * Who must take each training programme on `asOf` and whether they are current: the programme's
 * audience (everyone employed on that date, or the holders of the roles it names) plus the holders
 * of roles that `require training` it. The audit report and the training rules both read this, once
 * per workspace snapshot and as-of date.
 */
export function trainingStatus(model: WorkspaceModel, asOf: IsoDate): readonly TrainingStatus[] {
    return model.cached(`training-status@${asOf}`, () => {
        const latest = latestCompletions(model, asOf);
        return model.trainings.map(training => {
            const completions = latest.get(training);
            const dueAfter = dueDates(training);
            const obligations = audienceOf(training, model, asOf).map(({ person, assignments, everyone }): TrainingObligation => {
                const lastCompletion = completions?.get(person);
                const lastCompleted = lastCompletion?.date;
                if (!lastCompleted) {
                    const graceEnd = graceEndOf(training, model, person, assignments, everyone);
                    const due = graceEnd !== undefined && asOf <= graceEnd;
                    return { training, person, assignments, everyone, dueBy: due ? graceEnd : undefined, state: due ? 'due' : 'missing' };
                }
                const dueBy = dueAfter?.(lastCompleted);
                const state: TrainingState = dueBy && dueBy < asOf ? 'overdue' : 'current';
                return { training, person, assignments, everyone, lastCompletion, lastCompleted, dueBy, state };
            });
            return { training, obligations };
        });
    });
}

/**
 * The programme's due date after a completion on a date, remembered per date for the programme
 * (a workspace's completions fall on a few hundred dates); none without a cadence. A cadence
 * without its unit (`every` while typing) is a syntax error, not a cadence.
 */
function dueDates(training: Training): ((completed: IsoDate) => IsoDate) | undefined {
    const cadence = training.cadence;
    const unit = cadenceUnit(cadence?.unit);
    if (!cadence || !unit) return undefined;
    const count = cadence.count ?? 1;
    const known = new Map<IsoDate, IsoDate>();
    return completed => {
        let due = known.get(completed);
        if (due === undefined) known.set(completed, due = addCadence(completed, count, unit));
        return due;
    };
}

/** Every obligation of every programme on `asOf`, programme by programme. */
export function trainingObligations(model: WorkspaceModel, asOf: IsoDate): readonly TrainingObligation[] {
    return model.cached(`training-obligations@${asOf}`, () => trainingStatus(model, asOf).flatMap(status => status.obligations));
}

/** Each person's latest completion of each programme on or before `asOf`; the first recorded wins a tie. */
function latestCompletions(model: WorkspaceModel, asOf: IsoDate): Map<Training, Map<Person, TrainingCompletion>> {
    const latest = new Map<Training, Map<Person, TrainingCompletion>>();
    for (const completion of model.completions) {
        const training = completion.training?.ref;
        const person = completion.person?.ref;
        if (!training || !person || !completion.date || completion.date > asOf) continue;
        let byPerson = latest.get(training);
        if (!byPerson) latest.set(training, byPerson = new Map<Person, TrainingCompletion>());
        const previous = byPerson.get(person);
        if (!previous || completion.date > previous.date) byPerson.set(person, completion);
    }
    return latest;
}

interface Member {
    readonly person: Person;
    assignments: readonly Assignment[];
    everyone: boolean;
}

/** The assignments of a member of `audience everyone` who holds no role that needs the programme: one list for all of them. */
const NO_ASSIGNMENTS: readonly Assignment[] = Object.freeze([]);

/** Who must take a programme on `asOf`: its audience, plus holders of roles that require it; ordered by name. */
function audienceOf(training: Training, model: WorkspaceModel, asOf: IsoDate): Member[] {
    const members = new Map<Person, Member>();
    if (training.everyone) {
        // Everyone means the organization's staff on that date; externals train for the roles they hold.
        for (const person of model.persons) {
            if (isStaff(person) && isPresentOn(person, asOf) && !members.has(person)) members.set(person, { person, assignments: NO_ASSIGNMENTS, everyone: true });
        }
    }
    for (const role of rolesNeeding(model).get(training) ?? []) {
        for (const assignment of model.assignmentsOf(role)) {
            const person = assignment.person?.ref;
            if (!person || !assignmentHoldsOn(assignment, asOf)) continue;
            const entry = members.get(person);
            if (!entry) members.set(person, { person, assignments: [assignment], everyone: false });
            else if (entry.assignments === NO_ASSIGNMENTS) entry.assignments = [assignment];
            else (entry.assignments as Assignment[]).push(assignment);
        }
    }
    return [...members.values()].sort((a, b) => compareStrings(a.person.name, b.person.name));
}

/**
 * Each programme → the roles whose holders must take it: the role requires it, or the programme
 * names the role in its audience. In model order, built once per snapshot: asking every role
 * about every programme is O(trainings × roles).
 */
function rolesNeeding(model: WorkspaceModel): ReadonlyMap<Training, readonly Role[]> {
    return model.cached('roles-needing-training', () => {
        const named = new Map<Role, Training[]>();
        for (const training of model.trainings) {
            for (const reference of training.audience) {
                const role = reference.ref;
                if (!role) continue;
                const trainings = named.get(role);
                if (trainings) trainings.push(training); else named.set(role, [training]);
            }
        }
        const needing = new Map<Training, Role[]>();
        for (const role of model.roles) {
            const trainings = new Set<Training>();
            for (const reference of role.trainings) if (reference.ref) trainings.add(reference.ref);
            for (const training of named.get(role) ?? []) trainings.add(training);
            for (const training of trainings) {
                const roles = needing.get(training);
                if (roles) roles.push(role); else needing.set(training, [role]);
            }
        }
        return needing;
    });
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
