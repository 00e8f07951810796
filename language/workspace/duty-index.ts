/**
 * Who carries, delegates and appoints through each duty, indexed once per workspace snapshot: a
 * query (who may perform a duty, who may appoint to a role) then reads the few roles and
 * delegations involved instead of scanning every role's job description and every delegation,
 * which a test run of hundreds of such questions would otherwise do each time.
 */
import type { Authority, Delegation, Duty, Role } from '../generated/ast.js';
import type { WorkspaceModel } from './workspace-model.js';
import { pushTo } from '../util/multi-map.js';

/** Roles whose job description carries `duty` (WorkspaceModel.dutiesCarriedBy), each once, in declaration order. */
export function carriersOf(model: WorkspaceModel, duty: Duty): readonly Role[] {
    const index = model.cached('carriers-by-duty', () => {
        const carriers = new Map<Duty, Role[]>();
        for (const role of model.roles) {
            const duties = model.dutiesCarriedBy(role);
            // A duty listed twice (responsible and accountable) still makes one carrier.
            for (let i = 0; i < duties.length; i++) if (duties.indexOf(duties[i]) === i) pushTo(carriers, duties[i], role);
        }
        return carriers;
    });
    return index.get(duty) ?? [];
}

/** Delegations of `duty`, in declaration order. */
export function delegationsOf(model: WorkspaceModel, duty: Duty): readonly Delegation[] {
    const index = model.cached('delegations-by-duty', () => {
        const byDuty = new Map<Duty, Delegation[]>();
        for (const delegation of model.delegations) {
            const delegated = delegation.duty?.ref;
            if (delegated) pushTo(byDuty, delegated, delegation);
        }
        return byDuty;
    });
    return index.get(duty) ?? [];
}

/** Authorities that `may appoint` `role`, naming it or any role, in declaration order. */
export function authoritiesAppointing(model: WorkspaceModel, role: Role): readonly Authority[] {
    const index = model.cached('authorities-by-appointee', () => {
        const named = new Map<Role, Authority[]>();
        for (const authority of model.authorities) {
            if (authority.appointsAnyRole) continue;
            const roles = authority.appoints.flatMap(reference => reference.ref ? [reference.ref] : []);
            for (let i = 0; i < roles.length; i++) if (roles.indexOf(roles[i]) === i) pushTo(named, roles[i], authority);
        }
        return { named, any: model.authorities.filter(authority => authority.appointsAnyRole) };
    });
    const named = index.named.get(role);
    if (!named) return index.any;
    if (index.any.length === 0) return named;
    return inDeclarationOrder(model, [...index.any, ...named], model.authorities);
}

/** `items`, a subset of `all`, in the order of `all`. */
function inDeclarationOrder<T extends object>(model: WorkspaceModel, items: readonly T[], all: readonly T[]): T[] {
    const ordinal = model.cached('declaration-ordinals', () => new Map<readonly object[], Map<object, number>>());
    let positions = ordinal.get(all);
    if (!positions) {
        positions = new Map(all.map((item, index) => [item, index]));
        ordinal.set(all, positions);
    }
    const at = positions;
    return [...items].sort((a, b) => at.get(a)! - at.get(b)!);
}
