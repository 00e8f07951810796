import { isReference, type AstNode, type AstReflection, type LangiumDocument, type Reference, type ReferenceInfo } from 'langium';
import { isAssignment, isModel } from './generated/ast.js';
import type { MandateServices } from './mandate-module.js';
import type { RuleMetadata } from './rules/rule.js';
import { closestMatch } from './util/did-you-mean.js';
import { forEachNamed } from './workspace/declaration-index.js';
import type { WorkspaceModelProvider } from './workspace/workspace-model-provider.js';
import type { WorkspaceModel } from './workspace/workspace-model.js';

/** Declarations that only say something once every name in them resolves, with the names they need. */
const RELATIONSHIPS: Record<string, readonly string[]> = {
    Assignment: ['person', 'role'],
    Delegation: ['duty', 'from', 'to'],
    TrainingCompletion: ['training', 'person'],
    Conflict: ['left', 'right']
};

/**
 * Which rules' findings follow from a reference of this kind that failed to link. `named`: on the
 * declarations the broken declaration names, or probably meant (the linker's suggestion): an
 * assignment of `jane` to `cisoo` makes `jane` look roleless and `ciso` look vacant. `anywhere`:
 * on any declaration, because the broken name hides a fact every finding of that rule needs
 * (with `top management bord`, nobody can tell who may appoint).
 */
const DERIVED: Record<string, { readonly named: readonly string[]; readonly anywhere?: readonly string[] }> = {
    'Assignment': {
        named: ['ciso-vacant', 'role-vacant', 'deputy-missing', 'person-without-role', 'key-person-concentration', 'training-missing', 'training-overdue', 'raci-accountable'],
        anywhere: ['isms-conformance-unassigned', 'isms-reporting-unassigned']
    },
    // A delegation that does not link may be the one that hands a 5.3 duty on (requirement-coverage.ts).
    'Delegation': {
        named: ['person-without-role', 'raci-accountable', 'unused-responsibility', 'accountability-delegated'],
        anywhere: ['isms-conformance-unassigned', 'isms-reporting-unassigned']
    },
    'TrainingCompletion': { named: ['training-missing', 'training-overdue'] },
    'DutyLink.duties': { named: ['raci-accountable', 'unused-responsibility', 'ciso-reporting-missing'], anywhere: ['isms-conformance-unassigned', 'isms-reporting-unassigned'] },
    'Organization.topManagement': { named: [], anywhere: ['appointment-authority'] },
    'Authority.appoints': { named: ['appointment-authority'] },
    'AppointingBody.appoints': { named: ['appointment-authority'] },
    'Role.deputy': { named: ['deputy-missing'] }
};

/** Rules that judge the text itself; a failed link elsewhere never explains their findings. */
const TEXT_CATEGORIES: ReadonlySet<string> = new Set(['well-formedness', 'suppression']);

interface Failures {
    /** The properties, per node, that hold a reference that failed to link. */
    readonly spots: ReadonlyMap<AstNode, ReadonlySet<string>>;
    /** Relationship declarations with a name that did not resolve, or none at all. */
    readonly incomplete: ReadonlySet<AstNode>;
    /** Rule ID → declarations on which that rule's findings are derived. */
    readonly named: ReadonlyMap<string, ReadonlySet<AstNode>>;
    readonly anywhere: ReadonlySet<string>;
    /** Duty → the roles whose job description names it. */
    readonly carriers: ReadonlyMap<AstNode, readonly AstNode[]>;
}

/**
 * A reference that failed to link gets one finding: the linking error. Findings that only exist
 * because the name did not resolve (the role looks vacant, the person roleless, the assignment
 * unannounced "to '?'") are derived, and the validator leaves them out until the name is fixed.
 */
export class LinkFailures {
    private readonly models: WorkspaceModelProvider;
    private readonly reflection: AstReflection;

    constructor(services: MandateServices) {
        this.models = services.shared.mandate.WorkspaceModel;
        this.reflection = services.shared.AstReflection;
    }

    /** True when the finding of `rule` on `target` follows from a name that failed to link. */
    isDerived(rule: RuleMetadata | undefined, target: { node: AstNode; property?: string }): boolean {
        const failures = this.models.get().cached('link-failures', () => this.compute(this.models.get()));
        if (target.property !== undefined && failures.spots.get(target.node)?.has(target.property)) return true;
        if (!rule || TEXT_CATEGORIES.has(rule.category)) return false;
        const declaration = topLevel(target.node);
        if (failures.incomplete.has(declaration)) return true;
        if (failures.anywhere.has(rule.id)) return true;
        const implicated = failures.named.get(rule.id);
        return implicated !== undefined && subjects(declaration, failures).some(subject => implicated.has(subject));
    }

    private compute(model: WorkspaceModel): Failures {
        const spots = new Map<AstNode, Set<string>>();
        const incomplete = new Set<AstNode>();
        const named = new Map<string, Set<AstNode>>();
        const anywhere = new Set<string>();
        // A rename breaks many references with the same name at once: one suggestion per name and type.
        const suggestions = new Map<string, AstNode | undefined>();
        const suggest = (name: string, type: string): AstNode | undefined => {
            const key = `${type}:${name}`;
            if (!suggestions.has(key)) suggestions.set(key, this.suggestion(model, name, type));
            return suggestions.get(key);
        };
        const implicate = (rules: readonly string[], node: AstNode | undefined): void => {
            if (!node) return;
            for (const rule of rules) {
                const set = named.get(rule) ?? new Set<AstNode>();
                set.add(node);
                named.set(rule, set);
            }
        };
        // Relationships whose required names are missing or unresolved (all top-level declarations).
        for (const nodes of [model.assignments, model.delegations, model.completions, model.conflicts]) {
            for (const node of nodes as AstNode[]) {
                const values = node as unknown as Record<string, unknown>;
                if (RELATIONSHIPS[node.$type].some(property => values[property] === undefined || (values[property] as Reference).error !== undefined)) {
                    incomplete.add(node);
                }
            }
        }
        // Every reference that failed to link is in its document's references, with where it is:
        // no need to walk every node of the workspace.
        for (const document of model.documents) {
            for (const info of failedReferences(document)) {
                const node = info.container;
                const required = RELATIONSHIPS[node.$type];
                const values = node as unknown as Record<string, unknown>;
                spots.set(node, (spots.get(node) ?? new Set<string>()).add(info.property));
                // A relationship's optional names (`appointed by`) decide nothing about who holds what.
                const derived = DERIVED[`${node.$type}.${info.property}`] ?? (required?.includes(info.property) ? DERIVED[node.$type] : undefined);
                if (!derived) continue;
                for (const rule of derived.anywhere ?? []) anywhere.add(rule);
                implicate(derived.named, suggest(info.reference.$refText, this.reflection.getReferenceType(info)));
                if (required) {
                    // The names the broken declaration does resolve: `jane` in `assign jane to cisoo`.
                    for (const property of required) implicate(derived.named, (values[property] as Reference | undefined)?.ref);
                } else {
                    implicate(derived.named, topLevel(node));
                }
            }
        }
        const carriers = new Map<AstNode, AstNode[]>();
        for (const role of model.roles) {
            for (const duty of role.duties.flatMap(link => link.duties.map(reference => reference.ref))) {
                if (!duty) continue;
                const roles = carriers.get(duty);
                if (roles) roles.push(role); else carriers.set(duty, [role]);
            }
        }
        return { spots, incomplete, named, anywhere, carriers };
    }

    /**
     * The declaration the author probably meant, as the linker suggests it: `ciso` for `cisoo`. The
     * names are offered in model order (files by URI, declarations in file order), the order in which
     * the linker offers them too: of two names as close, the first wins, and the workspace's map of
     * names lists them in another order after an edit renamed one (the random edits of
     * tests/incremental-property.test.ts, seed 505, step 354).
     */
    private suggestion(model: WorkspaceModel, refText: string, type: string): AstNode | undefined {
        const candidates = model.cached(`declared-names:${type}`, () => {
            const names = new Set<string>();
            for (const root of model.roots) forEachNamed(root, (name, node) => { if (this.reflection.isInstance(node, type)) names.add(name); });
            return [...names];
        });
        const name = closestMatch(refText, candidates);
        return name === undefined ? undefined : model.declarationsByName.get(name)?.find(node => this.reflection.isInstance(node, type));
    }
}

/**
 * A document's references that failed to link. Remembered per list of linked references: the
 * linker starts a new list when it unlinks a document and appends as it links, so a list of the
 * same length holds the same references, and an edit elsewhere rescans nothing here.
 */
const failedByDocument = new WeakMap<readonly Reference[], { readonly length: number; readonly failed: readonly ReferenceInfo[] }>();

function failedReferences(document: LangiumDocument): readonly ReferenceInfo[] {
    const references = document.references as Reference[];
    const known = failedByDocument.get(references);
    if (known && known.length === references.length) return known.failed;
    const failed: ReferenceInfo[] = [];
    for (const reference of references) {
        const info = reference.error?.info;
        if (info && isReference(info.reference)) failed.push(info);
    }
    failedByDocument.set(references, { length: references.length, failed });
    return failed;
}

/** The declaration a node belongs to: the child of the file's model. */
function topLevel(node: AstNode): AstNode {
    let current = node;
    while (current.$container && !isModel(current.$container)) current = current.$container;
    return current;
}

/**
 * What a finding on `declaration` is about: the declaration; for an assignment also its role and
 * person; for a duty also the roles that carry it (its owner "is held by nobody" when the
 * assignment to that role did not link).
 */
function subjects(declaration: AstNode, failures: Failures): AstNode[] {
    if (isAssignment(declaration)) {
        return [declaration, declaration.role?.ref, declaration.person?.ref].filter((node): node is NonNullable<typeof node> => node !== undefined);
    }
    return [declaration, ...(failures.carriers.get(declaration) ?? [])];
}
