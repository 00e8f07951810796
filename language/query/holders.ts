import type { Role } from '../generated/ast.js';
import type { IsoDate } from '../util/dates.js';
import { departureOf, heldDatesOn } from '../workspace/tenure.js';
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
            external: person.external,
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

/** Who holds the role called `roleName` on `date`, and since when. */
export function holdersOf(context: QueryContext, roleName: string, date: IsoDate): HoldersAnswer {
    const role = resolveName(context, roleName, ['role']) as Role;
    const holders = roleHolders(context, role, date);
    const notes: QueryNote[] = [];
    // An assignment whose person did not link keeps the role from being vacant, but names no one.
    const unnamed = context.model.holdersOn(role, date).filter(assignment => !assignment.person?.ref);
    for (const assignment of unnamed) {
        notes.push({ text: `an assignment to ${role.name} names '${refName(assignment.person, '<person>')}', who is not declared`, source: context.at(assignment) });
    }
    if (holders.length === 0 && unnamed.length === 0) {
        const tenures = context.model.tenuresOf(role);
        const before = tenures.filter(tenure => tenure.since !== undefined && tenure.since > date);
        if (tenures.length === 0) notes.push({ text: `${role.name} has never been assigned` });
        else if (before.length === tenures.length) notes.push({ text: `${role.name} is first assigned on ${before.map(tenure => tenure.since).sort()[0]}` });
    }
    return { query: 'holders', date, role: context.named(role), holders, vacant: holders.length === 0 && unnamed.length === 0, notes };
}
