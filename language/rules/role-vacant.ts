import type { Role } from '../generated/ast.js';
import { IssueCodes } from '../mandate-issue-codes.js';
import type { IsoDate } from '../util/dates.js';
import { effectivePeriods } from '../workspace/tenure.js';
import type { WorkspaceModel } from '../workspace/workspace-model.js';
import type { WorkspaceFinding, WorkspaceRule } from './rule.js';

/**
 * ` It was last held on D, by P.` when someone held the role before `asOf`, else ''. Held as tenure
 * counts it: the holding of someone who left ends on their last day, whatever their assignment says.
 */
export function vacancyHistory(model: WorkspaceModel, role: Role, asOf: IsoDate): string {
    let last: { readonly day: IsoDate; readonly person: string } | undefined;
    for (const assignment of model.assignmentsOf(role)) {
        for (const period of effectivePeriods(assignment)) {
            if (period.until === undefined || period.until >= asOf || (last && last.day >= period.until)) continue;
            last = { day: period.until, person: assignment.person?.ref?.name ?? assignment.person?.$refText ?? '?' };
        }
    }
    return last ? ` It was last held on ${last.day}, by ${last.person}.` : '';
}

/**
 * The first day after `asOf` on which an assignment recorded for `role` gives it, and to whom: an
 * appointment decided ahead, or one whose person joins later than it starts. Undefined when none does.
 */
export function nextHolding(model: WorkspaceModel, role: Role, asOf: IsoDate): { readonly day: IsoDate; readonly person: string } | undefined {
    let next: { readonly day: IsoDate; readonly person: string } | undefined;
    for (const assignment of model.assignmentsOf(role)) {
        for (const period of effectivePeriods(assignment)) {
            if (period.since === undefined || period.since <= asOf || (next && next.day <= period.since)) continue;
            next = { day: period.since, person: assignment.person?.ref?.name ?? assignment.person?.$refText ?? '?' };
        }
    }
    return next;
}

/**
 * The ` appointed by …` of a suggested assignment to `role`: for a top-management role, a body outside
 * the organization (which appoints top management), else another top-management role, never the
 * empty role itself; for any other role, top management.
 */
function appointedByFor(model: WorkspaceModel, role: Role): string {
    if (!model.isTopManagement(role)) return model.appointedByHint;
    const appointer = model.appointingBodies[0] ?? model.topManagement.find(other => other !== role);
    return appointer ? ` appointed by ${appointer.name}` : '';
}

/** What to do about a vacancy: record the holder; or, when one is recorded to take the role later, cover the days until then. */
export function vacancyAdvice(model: WorkspaceModel, role: Role, asOf: IsoDate): string {
    const next = nextHolding(model, role, asOf);
    const by = appointedByFor(model, role);
    if (next) {
        const again = vacancyHistory(model, role, asOf) ? 'held again' : 'first held';
        // An interim holder fills the role; a delegation of its duties would not (the role stays vacant, and delegation-window says so).
        return `It is ${again} from ${next.day}, by ${next.person}. Until then, record who holds it as interim: `
            + `\`assign <person> to ${role.name} as interim since <date> until <date>${by}\`.`;
    }
    return `Record the current holder with \`assign <person> to ${role.name} since <date>${by}\``;
}

/**
 * A key role (other than the CISO, which ciso-vacant covers) has nobody in it on the as-of date; and a
 * top-management role the policy records holders of, all gone by then: nobody there assigns the roles
 * or receives the ISMS report. A top-management role nobody was ever recorded in (a board the policy
 * names without its members) is not judged.
 */
export const roleVacant: WorkspaceRule = {
    id: IssueCodes.RoleVacant,
    scope: 'workspace',
    readsPresence: 'through holdings',
    category: 'continuity',
    severity: 'warning',
    standards: ['ISO27001:A.5.2', 'NIST-CSF:GV.RR-02', 'SOC2:CC1.3'],
    summary: 'A role marked `key role`, other than the CISO, or a top-management role whose recorded holders have all gone, has no holder on the as-of date.',
    fixable: false,
    findings(model, context) {
        const asOf = context.settings.asOf();
        const findings: WorkspaceFinding[] = [];
        for (const role of model.roles) {
            // Judged once someone held it: a board whose only recorded member starts later has lost nobody.
            const topManagement = !role.key && model.isTopManagement(role) && vacancyHistory(model, role, asOf) !== '';
            if ((!role.key && !topManagement) || role.ciso || model.isHeldOn(role, asOf)) continue;
            findings.push({
                node: role,
                property: 'name',
                message: `Nobody holds the ${topManagement ? 'top-management' : 'key'} role '${role.name}' on ${asOf}.${vacancyHistory(model, role, asOf)} `
                    + (topManagement ? 'Top management assigns the information-security roles and receives the report on ISMS performance (ISO/IEC 27001 5.3). ' : '')
                    + (nextHolding(model, role, asOf) ? vacancyAdvice(model, role, asOf)
                        : `${vacancyAdvice(model, role, asOf)} (or by a holder of authority to appoint to it), or an interim holder until the post is filled.`)
            });
        }
        return findings;
    }
};
