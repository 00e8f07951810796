import type { Assignment, Delegation, Duty, Person, Role } from '../generated/ast.js';
import { overlapOf, type Period } from '../util/dates.js';
import { effectivePeriods } from './tenure.js';
import type { WorkspaceModel } from './workspace-model.js';

/**
 * Something a person holds for a period: a role they are assigned to, a duty one of those roles
 * carries (responsible, accountable or authorized), or a duty delegated to them or to one of
 * their roles, within the delegation window.
 */
export interface Holding extends Period {
    readonly item: Role | Duty;
    /**
     * The declaration that gives it: the assignment, or the delegation. For a delegation to a role,
     * whichever of the delegation and the person's assignment to that role started later.
     */
    readonly source: Assignment | Delegation;
    /** The role through which the person holds it; none for a delegation made to the person. */
    readonly via?: Role;
    /** The delegation, when the holding comes from one. */
    readonly delegation?: Delegation;
}

/** The later-starting of two declarations (an unknown start is the earliest); the first on a tie. */
function laterStart<T extends Period>(first: T, second: T): T {
    return (second.since ?? '') > (first.since ?? '') ? second : first;
}

/** Everything `person` holds, over all time, in declaration order: roles, their duties, then delegations. */
export function holdingsOf(model: WorkspaceModel, person: Person): Holding[] {
    const holdings: Holding[] = [];
    const assignments = model.assignmentsOfPerson(person);
    for (const assignment of assignments) {
        const role = assignment.role?.ref;
        if (!role) continue;
        // Only the days the person was with the organization count (tenure.ts).
        for (const period of effectivePeriods(assignment)) {
            holdings.push({ item: role, ...period, source: assignment, via: role });
            for (const duty of model.dutiesCarriedBy(role)) {
                holdings.push({ item: duty, ...period, source: assignment, via: role });
            }
        }
    }
    for (const delegation of model.delegationsTo(person)) {
        const duty = delegation.duty?.ref;
        if (duty) holdings.push({ item: duty, since: delegation.since, until: delegation.until, source: delegation, delegation });
    }
    for (const assignment of assignments) {
        const role = assignment.role?.ref;
        if (!role) continue;
        for (const delegation of model.delegationsTo(role)) {
            const duty = delegation.duty?.ref;
            if (!duty) continue;
            for (const period of effectivePeriods(assignment).flatMap(held => overlapOf(delegation, held) ?? [])) {
                holdings.push({ item: duty, ...period, source: laterStart<Assignment | Delegation>(delegation, assignment), via: role, delegation });
            }
        }
    }
    return holdings;
}
