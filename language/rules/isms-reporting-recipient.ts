import type { Duty, Role } from '../generated/ast.js';
import { IssueCodes } from '../mandate-issue-codes.js';
import { ISMS_REPORTING } from '../standards/catalogue.js';
import type { WorkspaceModel } from '../workspace/workspace-model.js';
import type { WorkspaceFinding, WorkspaceRule } from './rule.js';

/** Whether `role`'s job description names one of `duties` in any of its lines (informed of, accountable for, …). */
function names(role: Role, duties: ReadonlySet<Duty>): boolean {
    return role.duties.some(link => link.duties.some(reference => reference.ref !== undefined && duties.has(reference.ref)));
}

/**
 * 5.3(b) is reporting on the ISMS's performance *to top management*. The policy shows the report
 * reaching it when a top-management role carries or is told of a duty that satisfies 5.3(b) (any RACI
 * line names it), or when a role that does the reporting reports to top management directly (or is
 * top management, or writes no reporting line at all). Otherwise every reporting line written leads
 * to someone else: the IT director, say. No top management, or no role carrying 5.3(b), is another rule's finding.
 */
export const ismsReportingRecipient: WorkspaceRule = {
    id: IssueCodes.IsmsReportingRecipient,
    scope: 'workspace',
    category: 'leadership',
    severity: 'warning',
    standards: [ISMS_REPORTING],
    summary: 'No top-management role is told of the ISMS performance reporting (5.3(b)), and no role that does it reports to top management.',
    fixable: false,
    findings(model) {
        const top = model.topManagement;
        const carrying = model.rolesCarrying(ISMS_REPORTING);
        if (top.length === 0 || carrying.length === 0) return [];
        const duties = new Set(carrying.flatMap(role => model.dutiesCarriedBy(role)).filter(duty => duty.requirements.includes(ISMS_REPORTING)));
        if (top.some(role => names(role, duties))) return [];
        const responsible = carrying.filter(role => role.duties.some(link => link.kind === 'responsible' && link.duties.some(reference => reference.ref && duties.has(reference.ref))));
        const reporters = responsible.length > 0 ? responsible : carrying;
        // Only a reporting line the policy writes can lead elsewhere: a role without `reports to` says nothing of where its report goes,
        // and one whose name did not link gets its linking error alone.
        if (reporters.some(role => model.isTopManagement(role) || role.reportsTo?.ref === undefined || model.isTopManagement(role.reportsTo.ref))) return [];
        return [finding(model, reporters[0], [...duties][0])];
    }
};

function finding(model: WorkspaceModel, reporter: Role, duty: Duty): WorkspaceFinding {
    const superior = reporter.reportsTo!.ref!;
    return {
        node: reporter,
        property: 'reportsTo',
        message: `'${reporter.name}' does the ISMS performance reporting (${ISMS_REPORTING}, '${duty.name}') but reports to '${superior.name}' (${model.locationOf(superior)}), which is not top management, and no top-management role `
            + `(${model.topManagementText}) is told of it: the policy does not show the report reaching top management, as 5.3(b) asks. `
            + `Add \`informed of ${duty.name}\` to a top-management role, or have '${reporter.name}' report to one.`,
        related: [{ node: superior, message: `'${superior.name}' is not top management` }]
    };
}
