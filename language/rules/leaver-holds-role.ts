import type { Assignment, Delegation, Person } from '../generated/ast.js';
import { IssueCodes } from '../mandate-issue-codes.js';
import { departureOf, presenceOf, stayOf, type Dated, type Departure } from '../workspace/tenure.js';
import type { WorkspaceFinding, WorkspaceRule } from './rule.js';

/** Whether a period that ends on `until` (undefined: never) extends past `left`. */
function outlasts(until: string | undefined, left: string): boolean {
    return until === undefined || until > left;
}

/** The person's departure, when it lies before the as-of date. */
function leftBefore(person: Person, asOf: string): Departure | undefined {
    const departure = departureOf(person);
    return departure && departure.date < asOf ? departure : undefined;
}

/**
 * When the person of an assignment (or of a delegation to them) left, as leaver-holds-role reads it:
 * the end of the stay with the organization in which it took effect (tenure.ts, stayOf), when that
 * lies before the as-of date, with the start of the next stay when they came back; for one that took
 * effect in no stay, the person's departure. Leaving ends an appointment and a delegation; coming back renews neither.
 */
function leftDuring(person: Person, item: Dated, asOf: string): (Departure & { readonly back?: Departure }) | undefined {
    const stay = stayOf(item, person);
    if (!stay) return leftBefore(person, asOf);
    if (stay.until === undefined || stay.until >= asOf) return undefined;
    const kind = person.employedUntil === stay.until ? 'employed' : 'engaged';
    const next = presenceOf(person).find(other => other.since !== undefined && other.since > stay.until!);
    const back = next?.since === undefined ? undefined : { date: next.since, kind: person.employedSince === next.since ? 'employed' as const : 'engaged' as const };
    return { date: stay.until, kind, ...(back ? { back } : {}) };
}

/**
 * A person whose employment ended before the as-of date still holds a role or a delegation:
 * an assignment to them, or a delegation to them, without end date or ending after they left.
 * An assignment ends when its person leaves even if they come back later (rehired, or as a
 * contractor after a gap): it is reported on its own leaving date.
 */
export const leaverHoldsRole: WorkspaceRule = {
    id: IssueCodes.LeaverHoldsRole,
    scope: 'workspace',
    category: 'continuity',
    severity: 'error',
    standards: ['ISO27001:A.6.5', 'ISO27001:A.5.2'],
    summary: 'A person who has left the organization still holds a role or a delegation after their employment or engagement ended.',
    fixable: false,
    findings(model, context) {
        const asOf = context.settings.asOf();
        const findings: WorkspaceFinding[] = [];
        const ending = (item: Assignment | Delegation) => item.until ? `ends on ${item.until}` : 'has no end date';
        for (const person of model.persons) {
            // Only people with a dated end of employment or engagement can have left.
            if (person.employedUntil === undefined && person.engagedUntil === undefined) continue;
            for (const assignment of model.assignmentsOfPerson(person)) {
                const left = leftDuring(person, assignment, asOf);
                if (!left || !outlasts(assignment.until, left.date)) continue;
                const role = assignment.role?.$refText;
                // Made for after they left: ending it by the leaving date would end it before it starts (date-range-invalid).
                const afterLeaving = assignment.since !== undefined && assignment.since > left.date && !left.back;
                findings.push({
                    node: assignment,
                    property: assignment.until ? 'until' : 'person',
                    message: afterLeaving
                        ? `'${person.name}' left on ${left.date} (${left.kind} until), before this assignment to '${role}' starts on ${assignment.since}, so it gives the role to nobody. `
                            + `Remove it, or record their return (\`employed since <date>\` or, as an external, \`engaged since <date>\`) if they came back.`
                        : left.back
                        ? `'${person.name}' left on ${left.date} (${left.kind} until) and ${left.back.date <= asOf ? 'came back' : 'comes back'} on ${left.back.date} (${left.back.kind} since), but this assignment to '${role}' ${ending(assignment)}. `
                            + `Leaving ended it, so the role is vacant from the day after, and coming back does not renew it. End it by the leaving date (\`until ${left.date}\`) `
                            + `and record a new appointment from ${left.back.date} if they hold the role again.`
                        : `'${person.name}' left on ${left.date} (${left.kind} until), but this assignment to '${role}' ${ending(assignment)}, `
                            + `so the role is vacant from the day after. End it by the leaving date (\`until ${left.date}\`) and appoint a successor if the role is still needed.`
                });
            }
            for (const delegation of model.delegationsTo(person)) {
                const left = leftDuring(person, delegation, asOf);
                if (!left || !outlasts(delegation.until, left.date)) continue;
                const duty = delegation.duty?.$refText;
                findings.push({
                    node: delegation,
                    property: delegation.until ? 'until' : 'to',
                    message: left.back
                        ? `'${person.name}' left on ${left.date} (${left.kind} until) and ${left.back.date <= asOf ? 'came back' : 'comes back'} on ${left.back.date} (${left.back.kind} since), but this delegation of '${duty}' to them ${ending(delegation)}. `
                            + `Leaving ended it, and coming back does not renew it. End it by the leaving date (\`until ${left.date}\`) and delegate again from ${left.back.date} if the cover is still needed.`
                        : `'${person.name}' left on ${left.date} (${left.kind} until), but this delegation of '${duty}' to them ${ending(delegation)}, `
                            + `so a leaver can still act on it. End it by the leaving date (\`until ${left.date}\`) and delegate to someone still employed if the cover is still needed.`
                });
            }
        }
        return findings;
    }
};
