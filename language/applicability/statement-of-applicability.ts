/**
 * The statement of applicability: which frameworks the organization claims, and which of their
 * requirements it declares not applicable, with why (ISO/IEC 27001 6.1.3(d)). Only a valid
 * exclusion takes effect; an invalid one is reported by `applicability-invalid` and the
 * requirement stays applicable, because an auditor would not accept it either.
 */
import type { Authority, Claim, Exclusion, Responsibility, Training } from '../generated/ast.js';
import { DEFAULT_CLAIMED_FRAMEWORK, type Requirement } from '../standards/catalogue.js';
import type { RequirementCatalogue } from '../standards/requirement-catalogue.js';
import { unknownRequirementHint } from '../standards/unknown-requirement.js';
import type { Lookup } from '../util/multi-map.js';
import type { Declarations } from '../workspace/declaration-index.js';
import type { WorkspaceModel } from '../workspace/workspace-model.js';
import type { RelatedPlace } from '../rules/rule.js';

/** A framework the assessment covers; `claim` is absent for the default (no `claims` declared). */
export interface ClaimedFramework {
    readonly prefix: string;
    readonly name: string;
    readonly claim?: Claim;
}

/** A valid `not applicable` entry: the requirement, its justification and where it is written. */
export interface ExclusionEntry {
    readonly requirement: Requirement;
    readonly justification: string;
    readonly claim: Claim;
    readonly exclusion: Exclusion;
    /** The requirement's index in `exclusion.requirements`. */
    readonly index: number;
}

/** Something wrong with the statement of applicability; `applicability-invalid` reports these. */
export interface ApplicabilityProblem {
    readonly node: Claim | Exclusion;
    readonly property?: 'framework' | 'requirements';
    readonly index?: number;
    readonly message: string;
    /** The requirement whose exclusion does not take effect (a clause every ISMS meets, or one the policy satisfies): its row says so. */
    readonly rejected?: string;
    /** The declaration the message names by its place (WorkspaceFinding.related). */
    readonly related?: readonly RelatedPlace[];
}

export interface StatementOfApplicability {
    /** True when the policy has at least one `claims` declaration. */
    readonly declared: boolean;
    /** The claimed frameworks in catalogue order; ISO27001 alone when nothing is declared. */
    readonly frameworks: readonly ClaimedFramework[];
    readonly problems: readonly ApplicabilityProblem[];
    isClaimed(prefix: string): boolean;
    /** The exclusion that makes a requirement not applicable: its own, or an enclosing clause's. */
    exclusionOf(requirement: Requirement): ExclusionEntry | undefined;
}

type Satisfier = Responsibility | Authority | Training;

const KIND: Record<Satisfier['$type'], string> = { Responsibility: 'responsibility', Authority: 'authority', Training: 'training' };

/** One document's satisfiers by requirement, kind by kind: a document share (document-shares.ts), worked out again only when the file changes. */
function satisfiersOfDocument(own: Declarations): ReadonlyArray<ReadonlyMap<string, readonly Satisfier[]>> {
    const { responsibilities, authorities, trainings } = own;
    return [responsibilities, authorities, trainings].map(declarations => {
        const index = new Map<string, Satisfier[]>();
        for (const declaration of declarations) {
            for (const id of new Set(declaration.requirements)) {
                const list = index.get(id);
                if (list) list.push(declaration); else index.set(id, [declaration]);
            }
        }
        return index;
    });
}

/** Every requirement with the declarations that cite it in `satisfies`: responsibilities, then authorities, then trainings, each in model order. */
function satisfiersByRequirement(model: WorkspaceModel): Lookup<string, readonly Satisfier[]> {
    return model.cached('applicability:satisfiers', () => {
        const shares = model.sharesOf(satisfiersOfDocument);
        return model.mergedForLookup('satisfiersByRequirement', [0, 1, 2].flatMap(kind => shares.map(share => share[kind])));
    });
}

/** The requirement and every item under it, breadth first. */
export function withDescendants(catalogue: RequirementCatalogue, requirement: Requirement): Requirement[] {
    const all: Requirement[] = [requirement];
    for (let index = 0; index < all.length; index++) all.push(...catalogue.children(all[index].id));
    return all;
}

/** ISO/IEC 27001 clauses 4 to 10 bind every ISMS; only Annex A controls can be excluded. */
function isMandatoryClause(requirement: Requirement): boolean {
    return requirement.framework === 'ISO27001' && !requirement.clause.startsWith('A.');
}

/** The statement of applicability of the workspace, once per snapshot. */
export function statementOfApplicability(model: WorkspaceModel): StatementOfApplicability {
    return model.cached('applicability:statement', () => build(model));
}

function build(model: WorkspaceModel): StatementOfApplicability {
    const catalogue = model.catalogue;
    const problems: ApplicabilityProblem[] = [];
    const claims = new Map<string, Claim>();
    for (const claim of model.claims) {
        const prefix = claim.framework;
        if (!prefix) continue; // a syntax error; the parser reports it
        if (!catalogue.framework(prefix)) {
            // Read as a requirement ID's prefix is: NIST is NIST-CSF, never NIS2 (another version is not a spelling).
            const suggestion = catalogue.closeFramework(prefix)?.prefix;
            problems.push({
                node: claim, property: 'framework',
                message: `'${prefix}' is not a framework in the catalogue. `
                    + (suggestion ? `Did you mean ${suggestion}?` : `Claim one of ${catalogue.frameworks.map(framework => framework.prefix).join(', ')}, `
                        + `or declare your own with \`framework ${prefix} "<name>" { … }\`.`)
            });
            continue;
        }
        const first = claims.get(prefix);
        if (first) {
            problems.push({
                node: claim, property: 'framework',
                message: `${prefix} is already claimed at ${model.locationOf(first)}. Claim each framework once, with all its exclusions in that one declaration.`,
                related: [{ node: first, message: `${prefix} is claimed here first` }]
            });
            continue;
        }
        claims.set(prefix, claim);
    }
    const declared = model.claims.length > 0;
    const frameworks: ClaimedFramework[] = declared
        ? catalogue.frameworks.flatMap(framework => {
            const claim = claims.get(framework.prefix);
            return claim ? [{ prefix: framework.prefix, name: framework.name, claim }] : [];
        })
        : catalogue.frameworks.filter(framework => framework.prefix === DEFAULT_CLAIMED_FRAMEWORK).map(({ prefix, name }) => ({ prefix, name }));
    const claimed = new Set(frameworks.map(framework => framework.prefix));

    const exclusions = new Map<string, ExclusionEntry>();
    for (const claim of model.claims) {
        // Exclusions under an invalid or repeated claim are still checked, so every mistake shows at once.
        const prefix = claim.framework;
        const valid = claims.get(prefix) === claim;
        for (const exclusion of claim.exclusions) {
            const justification = exclusion.justification?.trim();
            if (!justification) {
                const ids = exclusion.requirements.join(', ');
                problems.push({
                    node: exclusion,
                    message: `The exclusion of ${ids || 'these requirements'} gives no justification, so it does not take effect. `
                        + 'A statement of applicability says why each excluded requirement does not apply (ISO/IEC 27001 6.1.3(d)): '
                        + `write it after the IDs, e.g. \`not applicable ${exclusion.requirements[0] ?? '<id>'} "<why it does not apply>"\`.`
                });
            }
            exclusion.requirements.forEach((id, index) => {
                const at = { node: exclusion, property: 'requirements' as const, index };
                const requirement = catalogue.find(id);
                if (!requirement) {
                    // The same help as requirement-unknown: a 2013 Annex A number names its 2022 control(s).
                    problems.push({ ...at, message: `'${id}' is not a requirement in the standards catalogue, so it cannot be declared not applicable.`
                        + unknownRequirementHint(catalogue, id, 'not applicable') });
                    return;
                }
                if (catalogue.framework(prefix) && requirement.framework !== prefix) {
                    problems.push({ ...at, message: `${id} belongs to ${requirement.framework}, not to ${prefix}: `
                        + (claimed.has(requirement.framework)
                            ? `declare it not applicable under \`claims ${requirement.framework}\`.`
                            : `${requirement.framework} is not claimed, so its requirements need no exclusion.`) });
                    return;
                }
                if (isMandatoryClause(requirement)) {
                    problems.push({ ...at, rejected: requirement.id, message: `${id} is a clause of ISO/IEC 27001 (clauses 4 to 10), which every ISMS must meet: `
                        + 'only Annex A controls can be declared not applicable.' });
                    return;
                }
                // Merged only when an exclusion asks: a policy without one (most) need not index every `satisfies` after each edit.
                const satisfiers = satisfiersByRequirement(model);
                const satisfied = withDescendants(catalogue, requirement)
                    .flatMap(entry => (satisfiers.get(entry.id) ?? []).map(declaration => ({ entry, declaration })));
                if (satisfied.length > 0) {
                    const { entry, declaration } = satisfied[0];
                    const what = entry.id === requirement.id ? 'it' : `${entry.id}, an item of it`;
                    const more = satisfied.length > 1 ? ` (and ${satisfied.length - 1} more)` : '';
                    problems.push({ ...at, rejected: requirement.id, message: `${id} is declared not applicable, but ${KIND[declaration.$type]} '${declaration.name}' `
                        + `(${model.locationOf(declaration)}) satisfies ${what}${more}. Remove the exclusion if the control applies, or the \`satisfies\` if it does not.`,
                        related: [{ node: declaration, message: `'${declaration.name}' satisfies ${entry.id} here` }] });
                    return;
                }
                const earlier = exclusions.get(requirement.id);
                if (earlier) {
                    problems.push({ ...at, message: `${id} is already declared not applicable at ${model.locationOf(earlier.exclusion)}. Keep one exclusion with its justification.`,
                        related: [{ node: earlier.exclusion, message: `${id} is declared not applicable here first` }] });
                    return;
                }
                if (valid && justification) exclusions.set(requirement.id, { requirement, justification, claim, exclusion, index });
            });
        }
    }

    return {
        declared, frameworks, problems,
        isClaimed: prefix => claimed.has(prefix),
        exclusionOf(requirement) {
            // An excluded clause takes its items with it.
            for (let current: Requirement | undefined = requirement; current; current = current.parent ? catalogue.find(current.parent) : undefined) {
                const entry = exclusions.get(current.id);
                if (entry) return entry;
            }
            return undefined;
        }
    };
}
