import { Authority, Responsibility, Role } from '../generated/ast.js';
import { sameDeclaration, type StatementChange } from './spliced-shares.js';
import { pushTo } from '../util/multi-map.js';
import { UniqueList } from '../util/unique-list.js';
import type { Declarations } from './declaration-index.js';
import type { Reads } from './document-sources.js';

/** RACI kinds that make a role carry a duty: consulted and informed roles do not carry it. */
export const CARRYING_KINDS: ReadonlySet<string> = new Set(['responsible', 'accountable', 'authorized']);

/**
 * One document's roles by the requirements their carried duties satisfy: each requirement once per
 * role, in the order its duties cite them; roles in declaration order. A document share
 * (document-shares.ts): an edit to one team's file redoes that file, where scanning the 8,000 roles
 * of a 100,000-line workspace took 12 ms of every edit.
 */
export const carriedRequirements = Object.assign(requirementsCarried, { spliced: splicedCarriers });

/**
 * The share of a spliced tree (spliced-shares.ts): the same, unless the statement is a role or a
 * duty (what the share reads) or declares another name; then it is worked out again.
 */
function splicedCarriers(share: ReadonlyMap<string, readonly Role[]>, change: StatementChange): ReadonlyMap<string, readonly Role[]> | undefined {
    return DUTY_READS.has(change.after.$type) || !sameDeclaration(change.before, change.after) ? undefined : share;
}

const DUTY_READS: ReadonlySet<string> = new Set([Role.$type, Responsibility.$type, Authority.$type]);

function requirementsCarried(own: Declarations, recorder: Reads): ReadonlyMap<string, readonly Role[]> {
    const byRequirement = new Map<string, Role[]>();
    for (const role of own.roles) {
        let seen: UniqueList<string> | undefined; // none for a role that cites nothing
        for (const link of role.duties) {
            if (!CARRYING_KINDS.has(link.kind)) continue;
            for (const reference of link.duties) {
                const duty = reference.ref;
                if (!duty) continue;
                recorder.read(duty);
                for (const requirement of duty.requirements) (seen ??= new UniqueList()).add(requirement);
            }
        }
        if (seen) for (const requirement of seen.items) pushTo(byRequirement, requirement, role);
    }
    return byRequirement;
}

/** The roles whose job description carries a duty that satisfies a requirement, in model order, for one workspace snapshot. */
export class RequirementCarriers {
    private readonly answered = new Map<string, Role[]>();

    /** `shares`: each document's carriedRequirements, in model order. */
    constructor(private readonly shares: ReadonlyArray<ReadonlyMap<string, readonly Role[]>>) {}

    of(requirementId: string): Role[] {
        let roles = this.answered.get(requirementId);
        if (!roles) {
            roles = [];
            for (const share of this.shares) {
                const own = share.get(requirementId);
                if (own) for (const role of own) roles.push(role);
            }
            this.answered.set(requirementId, roles);
        }
        return roles;
    }
}
