import type { Duty, Role } from '../generated/ast.js';
import { pushTo } from '../util/multi-map.js';

/** RACI kinds that make a role carry a duty: consulted and informed roles do not carry it. */
export const CARRYING_KINDS: ReadonlySet<string> = new Set(['responsible', 'accountable', 'authorized']);

/** How many requirements are answered by a scan each before all are indexed. */
const SCANNED_REQUIREMENTS = 8;

/**
 * The roles whose job description carries a duty that satisfies a requirement, in model order,
 * for one workspace snapshot. The status bar asks about two requirements after each edit, a
 * report about every one: a few are answered by a scan each, which allocates nothing per role
 * (indexing 8,000 roles took 20 ms of every edit); past them, one pass indexes every requirement.
 */
export class RequirementCarriers {
    private index: Map<string, Role[]> | undefined;
    private readonly scanned = new Map<string, Role[]>();

    /** `dutiesCarriedBy`: the snapshot's own (WorkspaceModel.dutiesCarriedBy), remembered per role. */
    constructor(private readonly roles: readonly Role[], private readonly dutiesCarriedBy: (role: Role) => readonly Duty[]) {}

    of(requirementId: string): Role[] {
        if (this.index) return this.index.get(requirementId) ?? [];
        let roles = this.scanned.get(requirementId);
        if (roles) return roles;
        if (this.scanned.size >= SCANNED_REQUIREMENTS) {
            this.index = this.indexAll();
            return this.index.get(requirementId) ?? [];
        }
        roles = this.roles.filter(role => carries(role, requirementId));
        this.scanned.set(requirementId, roles);
        return roles;
    }

    private indexAll(): Map<string, Role[]> {
        const carriers = new Map<string, Role[]>();
        for (const role of this.roles) {
            // Each requirement once per role, in the order its duties cite them; no set for a role that cites none.
            let seen: Set<string> | undefined;
            for (const duty of this.dutiesCarriedBy(role)) {
                for (const requirement of duty.requirements) {
                    seen ??= new Set();
                    if (seen.has(requirement)) continue;
                    seen.add(requirement);
                    pushTo(carriers, requirement, role);
                }
            }
        }
        return carriers;
    }
}

/** Whether a duty `role` carries satisfies `requirementId`: what dutiesCarriedBy lists, without the list. */
function carries(role: Role, requirementId: string): boolean {
    for (const link of role.duties) {
        if (!CARRYING_KINDS.has(link.kind)) continue;
        for (const reference of link.duties) if (reference.ref?.requirements.includes(requirementId)) return true;
    }
    return false;
}
