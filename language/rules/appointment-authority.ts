import { isAppointingBody, isPerson, isRole, type Appointer, type Assignment, type Authority, type Duty, type Party, type Role } from '../generated/ast.js';
import { IssueCodes } from '../mandate-issue-codes.js';
import { periodCovers, type IsoDate } from '../util/dates.js';
import { reachesPersonOn } from '../workspace/tenure.js';
import type { WorkspaceModel } from '../workspace/workspace-model.js';
import { carries, receivedOn } from './delegation-support.js';
import type { WorkspaceFinding, WorkspaceRule } from './rule.js';

/** Whether `duty` is an authority that `may appoint` `role` (by name, or `any role`). */
export function isAppointingAuthorityFor(duty: Duty, role: Role): duty is Authority {
    return duty.$type === 'Authority' && (duty.appointsAnyRole || duty.appoints.some(reference => reference.ref === role));
}

/**
 * Whether `party` holds `duty` on `date`: its job description carries it, or a delegation of it in
 * force then comes from a party that holds it. A role hands on only what it holds, so a chain that
 * breaks (a link ended, or a delegator that never held the duty: delegation-escalation) passes
 * nothing on, as the queries' chains (query/may-perform.ts, dutyGrounds) say.
 */
function holdsDutyOn(model: WorkspaceModel, party: Party, duty: Duty, date: IsoDate, seen = new Set<Party>()): boolean {
    if (isRole(party) && carries(model, party, duty)) return true;
    if (seen.has(party)) return false; // a delegation cycle adds nothing
    seen.add(party);
    return receivedOn(model, party, duty, date).some(delegation => delegation.from?.ref !== undefined && holdsDutyOn(model, delegation.from.ref, duty, date, seen));
}

/**
 * Whether `party` holds, on `date`, a delegation of an authority to appoint to `role` from a party that
 * holds it then; a person only while with the organization in the stay it took effect in (leaving ends it).
 */
function hasDelegatedAuthority(model: WorkspaceModel, party: Party, role: Role, date: IsoDate): boolean {
    return model.delegationsTo(party).some(delegation => {
        const [duty, from] = [delegation.duty?.ref, delegation.from?.ref];
        return duty !== undefined && from !== undefined && isAppointingAuthorityFor(duty, role)
            && periodCovers(date, delegation.since, delegation.until) && (!isPerson(party) || reachesPersonOn(delegation, party, date))
            && holdsDutyOn(model, from, duty, date);
    });
}

function roleMayAppoint(model: WorkspaceModel, appointer: Role, role: Role, date: IsoDate): boolean {
    return model.isTopManagement(appointer)
        || model.carriesSomeDuty(appointer, isAppointingAuthorityFor, role)
        || hasDelegatedAuthority(model, appointer, role, date);
}

/**
 * Top management, a holder of (possibly delegated) authority to appoint to `role` on `date`, or an
 * appointing body outside the organization: it appoints top management and the roles it names.
 */
export function mayAppoint(model: WorkspaceModel, appointer: Appointer, role: Role, date: IsoDate): boolean {
    if (isAppointingBody(appointer)) {
        return model.isTopManagement(role) || appointer.appoints.some(reference => reference.ref === role);
    }
    if (isRole(appointer)) {
        return roleMayAppoint(model, appointer, role, date);
    }
    return isPerson(appointer) && (
        model.rolesOfPersonOn(appointer, date).some(held => roleMayAppoint(model, held, role, date))
        || hasDelegatedAuthority(model, appointer, role, date));
}

/**
 * Whether the appointee appointed themselves: in person, to any role (a director named as appointing
 * herself to the board would hold top management's authority by her own word); or through a role
 * they hold on that date by another assignment (top management only when they alone hold an office
 * of it that day: its decisions are otherwise collective),
 * to a key role (the CISO, the ISMS owner, the internal auditor, a role marked `key role`: those an
 * auditor asks who appointed). The authority may be real, but such an appointment needs someone
 * else to make it; an HR director enrolling themselves in the staff role is routine and left alone.
 */
function selfAppointment(model: WorkspaceModel, assignment: Assignment, appointer: Appointer, date: IsoDate): string | undefined {
    const person = assignment.person?.ref;
    const role = assignment.role?.ref;
    if (!person || !role) return undefined;
    const key = role.ciso || role.ismsOwner || role.internalAuditor || role.key;
    const holders = key && isRole(appointer) && appointer !== role ? model.holdersOn(appointer, date) : [];
    const holdsIt = holders.some(other => other !== assignment && other.person?.ref === person);
    // Top management decides collectively, unless the appointee alone holds an office of it that day: a role marked `single holder`,
    // or one of several top-management roles (a CEO beside the board). A sole listed member of the one body may have colleagues unlisted.
    const office = isRole(appointer) && (appointer.singleHolder || model.topManagement.length > 1);
    const alone = holdsIt && office && holders.every(other => other.person?.ref === person);
    const through = appointer === person ? undefined
        : holdsIt && (!model.isTopManagement(appointer as Role) || alone) ? appointer as Role : null;
    if (through === null) return undefined;
    const by = through ? `'${through.name}', a role '${person.name}' holds${alone && model.isTopManagement(through) ? ' alone' : ''} on ${date}` : `'${person.name}'`;
    return `'${person.name}' is appointed to '${role.name}' by ${by}: an appointment made by the appointee. `
        + 'Record the appointment by top management, or by another holder of authority to appoint to this role.';
}

export const appointmentAuthority: WorkspaceRule = {
    id: IssueCodes.AppointmentAuthority,
    scope: 'workspace',
    readsPresence: 'through holdings',
    category: 'appointment',
    severity: 'warning',
    standards: ['ISO27001:5.3(a)', 'ISO27001:5.1', 'SOC2:CC1.3'],
    summary: 'The appointing party is not recorded, or is neither top management nor holds authority to appoint to the role, directly or by delegation.',
    fixable: false,
    findings(model, context) {
        const findings: WorkspaceFinding[] = [];
        const topManagement = model.topManagementText;
        for (const assignment of model.assignments) {
            const role = assignment.role?.ref;
            if (!role) continue; // unresolved: the linker already reports it
            if (!assignment.appointedBy) {
                const who = model.isTopManagement(role)
                    ? 'Top management is appointed from outside: declare the body '
                        + '(`appointing body shareholders "General meeting of shareholders"`) and add `appointed by` it.'
                    : model.appointedByHint
                        ? `Add \`${model.appointedByHint.trim()}\`, or by a holder of authority to appoint to this role.`
                        : 'Add `appointed by` naming top management or a holder of authority to appoint to this role.';
                findings.push({ node: assignment, property: 'role', message: `The assignment to '${role.name}' does not say who made it. ${who}` });
                continue;
            }
            const appointer = assignment.appointedBy.ref;
            if (!appointer) continue;
            const date = assignment.since ?? context.settings.asOf();
            if (mayAppoint(model, appointer, role, date)) {
                const self = selfAppointment(model, assignment, appointer, date);
                if (self) findings.push({ node: assignment, property: 'appointedBy', message: self });
                continue;
            }
            // Never a placeholder for top management: without one declared, say so (top-management-missing reports it).
            const declared = model.topManagement.length > 0;
            findings.push({
                node: assignment,
                property: 'appointedBy',
                message: isAppointingBody(appointer)
                    ? `The appointing body '${appointer.name}' appoints top management${declared ? ` (${topManagement})` : ''} and the roles it names, not '${role.name}'. `
                        + `Add \`may appoint ${role.name}\` to '${appointer.name}' if it does, or record who in the organization made the appointment.`
                    : `'${appointer.name}' had no authority to appoint to '${role.name}' on ${date}: `
                        + (declared ? `it is not top management (${topManagement})` : 'the organization declares no top management')
                        + ` and '${appointer.name}' holds no authority that \`may appoint ${role.name}\`, directly or by delegation. `
                        + 'Record the appointment by top management, or grant or delegate that authority.'
            });
        }
        return findings;
    }
};
