import type { Role } from '../generated/ast.js';
import type { IsoDate } from '../util/dates.js';
import { departureOf, heldDatesOn, isStaffOn } from '../workspace/tenure.js';
import type { HoldersAnswer, QueryNote, RoleHolder } from './index.js';
import { assignmentStep, explanation, refName } from './explain.js';
import { resolveName } from './names.js';
import type { QueryContext } from './query-context.js';

/** The holders of `role` on `date` (WorkspaceModel.holdersWithTenureOn), with their tenures. */
export function roleHolders(context: QueryContext, role: Role, date: IsoDate): RoleHolder[] {
    return context.model.holdersWithTenureOn(role, date).map(({ assignment, tenure }) => {
        const person = tenure.person;
        return {
            person: context.named(person),
            ...assignment.capacity ? { capacity: assignment.capacity as 'acting' | 'interim' } : {},
            // On the date asked: an employee who stayed on as a contractor is staff until the change.
            external: !isStaffOn(person, date),
            ...person.firm ? { firm: person.firm } : {},
            termSince: assignment.since, termUntil: assignment.until,
            firstAppointed: tenure.since, tenureUntil: tenure.until,
            ...heldDatesOn(tenure, date),
            terms: tenure.terms.length,
            leaves: departureOf(person)?.date,
            appointedBy: assignment.appointedBy?.$refText || undefined,
            assignment: context.at(assignment),
            explanation: explanation(assignmentStep(context, assignment))
        };
    });
}

/** A note for each assignment to `role` in force on `date` whose person is not declared: why the role has no holder to name. */
export function undeclaredHolderNotes(context: QueryContext, role: Role, date: IsoDate): QueryNote[] {
    return context.model.holdersOn(role, date).filter(assignment => !assignment.person?.ref).map(assignment => ({
        text: `an assignment to ${role.name} in force on ${date} names '${refName(assignment.person, '<person>')}', who is not declared, so nobody holds ${role.name} by it: `
            + 'declare the person or correct the name (`mandate check` reports it as a linking error, not as a vacancy)',
        source: context.at(assignment)
    }));
}

/** Who holds the role called `roleName` on `date`, and since when. */
export function holdersOf(context: QueryContext, roleName: string, date: IsoDate): HoldersAnswer {
    const role = resolveName(context, roleName, ['role']) as Role;
    const holders = roleHolders(context, role, date);
    // Vacant when nobody is named, even if an assignment naming an undeclared person is in force (a note says so).
    const vacant = holders.length === 0;
    const notes = undeclaredHolderNotes(context, role, date);
    if (vacant && notes.length === 0) {
        const tenures = context.model.tenuresOf(role);
        const before = tenures.filter(tenure => tenure.since !== undefined && tenure.since > date);
        const undeclared = context.model.assignmentsOf(role).length > 0;
        if (tenures.length === 0) notes.push({ text: `${role.name} has never been assigned${undeclared ? ' to a declared person' : ''}` });
        else if (before.length === tenures.length) notes.push({ text: `${role.name} is first assigned on ${before.map(tenure => tenure.since).sort()[0]}` });
    }
    return { query: 'holders', date, role: context.named(role), holders, vacant, notes };
}
