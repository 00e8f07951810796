/**
 * Control owners: for each applicable requirement of a claimed framework, the roles that answer
 * for it. A role owns a requirement when it is `accountable for` a duty that satisfies the
 * requirement or one of its items (for an authority nobody is accountable for, the roles
 * `authorized to` it), and it owns it on a date when someone holds it then. This is the register
 * auditors ask for under A.5.2 and the statement of applicability.
 */
import type { Duty, Role } from '../generated/ast.js';
import type { Requirement } from '../standards/catalogue.js';
import type { IsoDate } from '../util/dates.js';
import type { Holder } from '../workspace/tenure.js';
import type { WorkspaceModel } from '../workspace/workspace-model.js';
import { assessedRequirements, coverageOn, subtree } from './coverage.js';

/** One role that answers for a requirement, with the duties that make it so and who holds it. */
export interface ControlOwner {
    /** The top-level requirement owned. */
    readonly requirement: Requirement;
    readonly role: Role;
    /** The duties through which the role owns it, in the catalogue order of the IDs they satisfy. */
    readonly duties: readonly Duty[];
    /** The IDs those duties satisfy: the requirement itself and/or items of it. */
    readonly items: readonly Requirement[];
    /** Holders on the as-of date, with their tenures (`tenure.since`); empty when the role is vacant. */
    readonly holders: readonly Holder[];
}

export interface RequirementOwners {
    readonly requirement: Requirement;
    /** Owners someone holds on the as-of date. */
    readonly owners: readonly ControlOwner[];
    /** Roles accountable for it that nobody holds on the as-of date: not owners, but worth naming. */
    readonly vacantOwners: readonly ControlOwner[];
    /** True when the policy itself evidences it (or one of its applicable items), even in part. */
    readonly structural: boolean;
}

/** What control-owner-missing reports: no role held on the as-of date owns it, and the policy does not evidence it itself. */
export function isOwnerless(entry: RequirementOwners): boolean {
    return entry.owners.length === 0 && !entry.structural;
}

interface Answerable {
    readonly role: Role;
    readonly duty: Duty;
}

/**
 * Who answers for each requirement ID: one pass over every job description. Accountable roles
 * first; an authority with no accountable role is answered for by the roles authorized to it.
 */
function answerableByRequirement(model: WorkspaceModel): Map<string, Answerable[]> {
    return model.cached('applicability:answerable', () => {
        const accountable = new Map<Duty, Role[]>();
        const authorized = new Map<Duty, Role[]>();
        for (const role of model.roles) {
            for (const link of role.duties) {
                const table = link.kind === 'accountable' ? accountable : link.kind === 'authorized' ? authorized : undefined;
                if (!table) continue;
                for (const duty of link.duties.flatMap(reference => reference.ref ? [reference.ref] : [])) {
                    const roles = table.get(duty) ?? [];
                    if (!roles.includes(role)) roles.push(role);
                    table.set(duty, roles);
                }
            }
        }
        const index = new Map<string, Answerable[]>();
        for (const duty of [...model.responsibilities, ...model.authorities]) {
            const roles = accountable.get(duty) ?? (duty.$type === 'Authority' ? authorized.get(duty) : undefined) ?? [];
            for (const id of new Set(duty.requirements)) {
                for (const role of roles) {
                    const list = index.get(id);
                    if (list) list.push({ role, duty }); else index.set(id, [{ role, duty }]);
                }
            }
        }
        return index;
    });
}

/** The owners of one requirement (top-level or item) on `asOf`, held or vacant, in role declaration order. */
export function ownersOf(model: WorkspaceModel, asOf: IsoDate, requirement: Requirement): { owners: ControlOwner[]; vacantOwners: ControlOwner[] } {
    const answerable = answerableByRequirement(model);
    const byRole = new Map<Role, { duties: Duty[]; items: Requirement[] }>();
    // Excluded items are out of scope: a duty citing them (an error of its own) owns nothing.
    for (const coverage of subtree(coverageOn(model, asOf).of(requirement)).filter(entry => entry.level !== 'excluded')) {
        for (const { role, duty } of answerable.get(coverage.requirement.id) ?? []) {
            const entry = byRole.get(role) ?? { duties: [], items: [] };
            if (!entry.duties.includes(duty)) entry.duties.push(duty);
            if (!entry.items.includes(coverage.requirement)) entry.items.push(coverage.requirement);
            byRole.set(role, entry);
        }
    }
    const owners: ControlOwner[] = [];
    const vacantOwners: ControlOwner[] = [];
    // In role declaration order, without scanning every role per requirement.
    const order = model.cached('applicability:role-order', () => new Map(model.roles.map((role, index) => [role, index])));
    for (const [role, { duties, items }] of [...byRole].sort(([a], [b]) => (order.get(a) ?? 0) - (order.get(b) ?? 0))) {
        const holders = model.holdersWithTenureOn(role, asOf);
        (holders.length > 0 ? owners : vacantOwners).push({ requirement, role, duties, items, holders });
    }
    return { owners, vacantOwners };
}

/**
 * The control-owner register on `asOf`: every applicable top-level requirement of a claimed
 * framework, with its owners. Once per workspace snapshot and date.
 */
export function controlOwners(model: WorkspaceModel, asOf: IsoDate): readonly RequirementOwners[] {
    return model.cached(`applicability:control-owners@${asOf}`, () => {
        const coverage = coverageOn(model, asOf);
        return assessedRequirements(model).flatMap(requirement => {
            const entry = coverage.of(requirement);
            if (entry.level === 'excluded') return [];
            const structural = subtree(entry).some(item => item.level !== 'excluded' && item.evidence !== undefined && item.evidence.level !== 'none');
            return [{ requirement, ...ownersOf(model, asOf, requirement), structural }];
        });
    });
}
