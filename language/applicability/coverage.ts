/**
 * How far the policy covers each requirement on a date, before any finding is considered: the
 * roles held that carry a duty satisfying it, the training programmes that satisfy it, and its
 * structural evidence. An item (5.3(a), 9.2.2, GV.RR-02) rolls up into its clause: covering an
 * item covers the clause in part; covering every applicable item, or the clause itself, in full.
 */
import type { Delegation, Role, Training } from '../generated/ast.js';
import type { Requirement } from '../standards/catalogue.js';
import type { IsoDate } from '../util/dates.js';
import type { WorkspaceModel } from '../workspace/workspace-model.js';
import { delegationsPassingOn } from './delegated-duties.js';
import { statementOfApplicability, type ExclusionEntry } from './statement-of-applicability.js';
import { structuralEvidenceOf, type StructuralEvidence } from './structural-evidence.js';

/** `excluded`: declared not applicable, itself or through its clause. */
export type CoverageLevel = 'full' | 'partial' | 'none' | 'excluded';

export interface Coverage {
    readonly requirement: Requirement;
    readonly level: CoverageLevel;
    /** What covers this ID itself, before its items roll up into it. */
    readonly direct: 'full' | 'partial' | 'none';
    /** The exclusion in force for it (its own or its clause's), when excluded. */
    readonly exclusion?: ExclusionEntry;
    /** Roles whose job description carries (responsible, accountable, authorized) a duty citing this ID itself. */
    readonly carriers: readonly Role[];
    /** The carriers someone holds on the as-of date. */
    readonly heldBy: readonly Role[];
    /**
     * When every carrier is vacant: the delegations in force that pass a duty citing this ID on to
     * someone there to act on it (delegated-duties.ts). Held so, it is covered in part: the role
     * that answers for it is vacant.
     */
    readonly delegations: readonly Delegation[];
    /** Training programmes that cite this ID itself. */
    readonly trainings: readonly Training[];
    /** What the policy shows for it, where Mandate knows a structural evidence for this ID. */
    readonly evidence?: StructuralEvidence;
    readonly children: readonly Coverage[];
}

export interface CoverageIndex {
    readonly asOf: IsoDate;
    of(requirement: Requirement): Coverage;
}

/** Training programmes by the requirement IDs they cite; one pass. */
function trainingsByRequirement(model: WorkspaceModel): Map<string, Training[]> {
    return model.cached('applicability:trainings', () => {
        const index = new Map<string, Training[]>();
        for (const training of model.trainings) {
            for (const id of new Set(training.requirements)) {
                const list = index.get(id);
                if (list) list.push(training); else index.set(id, [training]);
            }
        }
        return index;
    });
}

/** The coverage of every requirement on `asOf`, worked out on first request and kept for the snapshot. */
export function coverageOn(model: WorkspaceModel, asOf: IsoDate): CoverageIndex {
    return model.cached(`applicability:coverage@${asOf}`, () => {
        const catalogue = model.catalogue;
        const soa = statementOfApplicability(model);
        const trainings = trainingsByRequirement(model);
        const memo = new Map<string, Coverage>();
        const passedOn = delegationsPassingOn(model, asOf);
        const held = new Map<Role, boolean>();
        const isHeld = (role: Role) => {
            let value = held.get(role);
            if (value === undefined) held.set(role, value = model.hasDeclaredHolderOn(role, asOf));
            return value;
        };
        const of = (requirement: Requirement): Coverage => {
            const known = memo.get(requirement.id);
            if (known) return known;
            const carriers = model.rolesCarrying(requirement.id);
            const heldBy = carriers.filter(isHeld);
            const delegations = heldBy.length === 0 && carriers.length > 0 ? passedOn(requirement.id, carriers) : [];
            const own = trainings.get(requirement.id) ?? [];
            const proof = structuralEvidenceOf(model, asOf, requirement.id);
            const children = catalogue.children(requirement.id).map(of);
            const exclusion = soa.exclusionOf(requirement);
            const direct = heldBy.length > 0 || own.length > 0 || proof?.level === 'full' ? 'full'
                : proof?.level === 'partial' || delegations.length > 0 ? 'partial' : 'none';
            const coverage: Coverage = {
                requirement, carriers, heldBy, delegations, trainings: own, children, direct,
                level: exclusion ? 'excluded' : rollUp(direct, children),
                ...(exclusion ? { exclusion } : {}),
                ...(proof ? { evidence: proof } : {})
            };
            memo.set(requirement.id, coverage);
            return coverage;
        };
        return { asOf, of };
    });
}

/** A clause's own coverage combined with its applicable items'. */
function rollUp(direct: 'full' | 'partial' | 'none', children: readonly Coverage[]): CoverageLevel {
    if (direct === 'full') return 'full';
    const applicable = children.filter(child => child.level !== 'excluded');
    if (applicable.length === 0) return direct;
    if (applicable.every(child => child.level === 'full')) return 'full';
    return direct === 'partial' || applicable.some(child => child.level !== 'none') ? 'partial' : 'none';
}

/** A coverage and everything under it, breadth first. */
export function subtree(coverage: Coverage): Coverage[] {
    const all = [coverage];
    for (let index = 0; index < all.length; index++) all.push(...all[index].children);
    return all;
}

/** The top-level requirements (no parent) of the claimed frameworks, in catalogue order. */
export function assessedRequirements(model: WorkspaceModel): readonly Requirement[] {
    return model.cached('applicability:assessed', () => {
        const soa = statementOfApplicability(model);
        return soa.frameworks.flatMap(framework => model.catalogue.requirementsOf(framework.prefix).filter(requirement => requirement.parent === undefined));
    });
}
