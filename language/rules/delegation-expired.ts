import { isPerson, isRole, type Appointer, type Assignment, type Authority, type Delegation, type Duty, type Party, type Role } from '../generated/ast.js';
import { IssueCodes } from '../mandate-issue-codes.js';
import { compareStrings } from '../util/compare.js';
import { periodCovers, type IsoDate } from '../util/dates.js';
import type { WorkspaceModel } from '../workspace/workspace-model.js';
import { mayAppoint } from './appointment-authority.js';
import { carries, receivedOn, startOf } from './delegation-support.js';
import type { WorkspaceFinding, WorkspaceRule } from './rule.js';

function appointsTo(duty: Duty | undefined, role: Role): duty is Authority {
    return duty?.$type === 'Authority' && ((duty as Authority).appointsAnyRole || (duty as Authority).appoints.some(reference => reference.ref === role));
}

/** The latest-ending of `delegations`, the one a reliance is attributed to. */
function latest(delegations: readonly Delegation[]): Delegation | undefined {
    return [...delegations].sort((a, b) => compareStrings(b.until ?? '', a.until ?? ''))[0];
}

/**
 * An assignment made after a delegation of appointing authority ended, by a party that would
 * have had the authority only through that delegation: the appointer is the recipient, or a
 * person who held the recipient role on the start date, and has no other authority on it.
 */
function appointmentReliance(model: WorkspaceModel, assignment: Assignment, appointer: Appointer, role: Role, endedRecipients: ReadonlySet<Party>): Delegation | undefined {
    const start = assignment.since;
    if (!start) return undefined;
    const recipients = isPerson(appointer) ? [appointer, ...model.rolesOfPersonOn(appointer, start)] : isRole(appointer) ? [appointer] : [];
    if (!recipients.some(party => endedRecipients.has(party))) return undefined;
    if (mayAppoint(model, appointer, role, start)) return undefined;
    const ended = recipients.flatMap(party => model.delegationsTo(party)).filter(delegation =>
        appointsTo(delegation.duty?.ref, role) && delegation.until !== undefined && delegation.until < start
        && (delegation.since === undefined || delegation.since <= delegation.until));
    return latest(ended);
}

/**
 * A delegation in force on the as-of date that passes on a duty its delegating role held only
 * through a delegation that was in force when it started and has ended since.
 */
function chainReliance(model: WorkspaceModel, delegation: Delegation, asOf: IsoDate): Delegation | undefined {
    const duty = delegation.duty?.ref;
    const from = delegation.from?.ref;
    if (!duty || !from || !periodCovers(asOf, delegation.since, delegation.until)) return undefined;
    if (carries(model, from, duty) || receivedOn(model, from, duty, asOf, delegation).length > 0) return undefined;
    const start = startOf(delegation, asOf);
    return latest(receivedOn(model, from, duty, start, delegation).filter(source => source.until !== undefined && source.until < asOf));
}

/**
 * A delegation that ended before the as-of date while something still relies on it: an
 * appointment made after it ended on its authority, or a delegation chained from it that is
 * still in force. Reported once per ended delegation, listing what relies on it.
 */
export const delegationExpired: WorkspaceRule = {
    id: IssueCodes.DelegationExpired,
    scope: 'workspace',
    readsPresence: 'through holdings',
    category: 'delegation',
    severity: 'warning',
    standards: ['ISO27001:A.5.2', 'NIST-CSF:GV.RR-02'],
    summary: 'A delegation has ended, but an appointment made after it ended, or a delegation chained from it, still relies on it.',
    fixable: false,
    findings(model, context) {
        const asOf = context.settings.asOf();
        const reliances = new Map<Delegation, Array<{ kind: 'appointment' | 'delegation'; text: string }>>();
        // The text is made only for a source that has ended: most appointments rely on none.
        const relyOn = (source: Delegation | undefined, kind: 'appointment' | 'delegation', text: () => string) => {
            if (!source || !source.until || source.until >= asOf) return;
            const list = reliances.get(source) ?? [];
            list.push({ kind, text: text() });
            reliances.set(source, list);
        };
        // Only what a delegation that ended before the as-of date was given to can be relied on after it ended.
        const endedRecipients = new Set<Party>();
        for (const delegation of model.delegations) {
            const to = delegation.to?.ref;
            if (to && delegation.until !== undefined && delegation.until < asOf) endedRecipients.add(to);
        }
        // Messages name every party, so a declaration with a name that did not link is left to the linker.
        for (const assignment of endedRecipients.size === 0 ? [] : model.assignments) {
            const appointer = assignment.appointedBy?.ref;
            // Nearly every appointment is by a role that received no delegation that has ended: nothing to rely on.
            if (!appointer || (isRole(appointer) && !endedRecipients.has(appointer))) continue;
            const person = assignment.person?.ref, role = assignment.role?.ref;
            if (!person || !role) continue;
            relyOn(appointmentReliance(model, assignment, appointer, role, endedRecipients), 'appointment',
                () => `the assignment of '${person.name}' to '${role.name}' since ${assignment.since}, appointed by '${appointer.name}'`);
        }
        for (const delegation of model.delegations) {
            const [duty, from, to] = [delegation.duty?.ref, delegation.from?.ref, delegation.to?.ref];
            if (!duty || !from || !to) continue;
            relyOn(chainReliance(model, delegation, asOf), 'delegation',
                () => `the delegation of '${duty.name}' from '${from.name}' to '${to.name}', still in force on ${asOf}`);
        }
        const findings: WorkspaceFinding[] = [];
        for (const delegation of model.delegations) {
            const dependants = reliances.get(delegation);
            if (!dependants) continue;
            const fixes = [
                ...dependants.some(dependant => dependant.kind === 'appointment') ? ['have the appointment confirmed by a holder of the authority'] : [],
                ...dependants.some(dependant => dependant.kind === 'delegation') ? ['end the delegation chained from it, or have it given by a role that carries the duty'] : []
            ];
            findings.push({
                node: delegation,
                property: 'until',
                message: `This delegation of '${delegation.duty?.ref?.name}' to '${delegation.to?.ref?.name}' ended on ${delegation.until}, `
                    + `but ${dependants.map(dependant => dependant.text).join('; and ')} ${dependants.length === 1 ? 'relies' : 'rely'} on it. `
                    + `If the delegation was extended, record its new \`until\`; otherwise ${fixes.join(', and ')}.`
            });
        }
        return findings;
    }
};
