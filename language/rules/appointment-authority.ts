import { isPerson, isRole, type Authority, type Duty, type Party, type Role } from '../generated/ast.js';
import { IssueCodes } from '../mandate-issue-codes.js';
import { periodCovers, type IsoDate } from '../util/dates.js';
import type { WorkspaceModel } from '../workspace/workspace-model.js';
import type { NodeRule } from './rule.js';

function isAppointingAuthorityFor(duty: Duty, role: Role): duty is Authority {
    return duty.$type === 'Authority' && (duty.appointsAnyRole || duty.appoints.some(reference => reference.ref === role));
}

/** Whether `party` holds, on `date`, a delegation of an authority to appoint to `role`. */
function hasDelegatedAuthority(model: WorkspaceModel, party: Party, role: Role, date: IsoDate): boolean {
    return model.delegationsTo(party).some(delegation => {
        const duty = delegation.duty?.ref;
        return duty !== undefined && isAppointingAuthorityFor(duty, role) && periodCovers(date, delegation.since, delegation.until);
    });
}

function roleMayAppoint(model: WorkspaceModel, appointer: Role, role: Role, date: IsoDate): boolean {
    return appointer === model.topManagement
        || model.dutiesCarriedBy(appointer).some(duty => isAppointingAuthorityFor(duty, role))
        || hasDelegatedAuthority(model, appointer, role, date);
}

/** Top management, or a holder of (possibly delegated) authority to appoint to `role`, on `date`. */
export function mayAppoint(model: WorkspaceModel, appointer: Party, role: Role, date: IsoDate): boolean {
    if (isRole(appointer)) {
        return roleMayAppoint(model, appointer, role, date);
    }
    return isPerson(appointer) && (
        model.rolesOfPersonOn(appointer, date).some(held => roleMayAppoint(model, held, role, date))
        || hasDelegatedAuthority(model, appointer, role, date));
}

export const appointmentAuthority: NodeRule = {
    id: IssueCodes.AppointmentAuthority,
    scope: 'node',
    category: 'appointment',
    severity: 'warning',
    standards: ['ISO27001:5.3(a)', 'ISO27001:5.1', 'SOC2:CC1.3'],
    summary: 'The appointing party is not recorded, or is neither top management nor holds authority to appoint to the role, directly or by delegation.',
    fixable: false,
    checks: (context, report) => ({
        Assignment: (assignment, accept) => {
            const role = assignment.role?.ref;
            if (!role) return; // unresolved: the linker already reports it
            const model = context.workspace();
            const topManagement = model.topManagement?.name ?? '<top management>';
            if (!assignment.appointedBy) {
                report(accept, { node: assignment, property: 'role' },
                    `The assignment to '${role.name}' does not say who made it. Add \`appointed by ${topManagement}\`, `
                    + 'or by a holder of authority to appoint to this role.');
                return;
            }
            const appointer = assignment.appointedBy.ref;
            if (!appointer) return;
            const date = assignment.since ?? context.settings.asOf();
            if (mayAppoint(model, appointer, role, date)) return;
            report(accept, { node: assignment, property: 'appointedBy' },
                `'${appointer.name}' had no authority to appoint to '${role.name}' on ${date}: it is not top management `
                + `(${topManagement}) and holds no authority that \`may appoint ${role.name}\`, directly or by delegation. `
                + 'Record the appointment by top management, or grant or delegate that authority.');
        }
    })
};
