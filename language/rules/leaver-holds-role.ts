import type { Assignment, Delegation, Person } from '../generated/ast.js';
import { IssueCodes } from '../mandate-issue-codes.js';
import { departureOf, type Departure } from '../workspace/tenure.js';
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
 * A person whose employment ended before the as-of date still holds a role or a delegation:
 * an assignment to them, or a delegation to them, without end date or ending after they left.
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
            const departure = leftBefore(person, asOf);
            if (!departure) continue;
            const left = departure.date;
            const why = `${departure.kind} until`;
            for (const assignment of model.assignmentsOfPerson(person)) {
                if (!outlasts(assignment.until, left)) continue;
                findings.push({
                    node: assignment,
                    property: assignment.until ? 'until' : 'person',
                    message: `'${person.name}' left on ${left} (${why}), but this assignment to '${assignment.role?.$refText}' ${ending(assignment)}, `
                        + `so the role is vacant from the day after. End it by the leaving date (\`until ${left}\`) and appoint a successor if the role is still needed.`
                });
            }
            for (const delegation of model.delegationsTo(person)) {
                if (!outlasts(delegation.until, left)) continue;
                findings.push({
                    node: delegation,
                    property: delegation.until ? 'until' : 'to',
                    message: `'${person.name}' left on ${left} (${why}), but this delegation of '${delegation.duty?.$refText}' to them ${ending(delegation)}, `
                        + `so a leaver can still act on it. End it by the leaving date (\`until ${left}\`) and delegate to someone still employed if the cover is still needed.`
                });
            }
        }
        return findings;
    }
};
