import { closestMatch } from '../util/did-you-mean.js';
import { BUILT_IN_FRAMEWORKS, requirementsOf, type Framework, type FrameworkDefinition, type Requirement } from './catalogue.js';

/** A framework an organization defines itself, with where it was declared. */
export interface CustomFrameworkDefinition extends FrameworkDefinition {
    readonly origin: 'policy' | 'catalogue-file';
}

/**
 * The requirements a workspace can cite: the built-in frameworks plus the organization's own
 * (declared with `framework` in the policy, or in a catalogue file named in mandate.config.json).
 * One index per workspace snapshot; every lookup is a map access.
 */
export class RequirementCatalogue {
    readonly frameworks: readonly Framework[];
    readonly requirements: readonly Requirement[];
    private readonly byId = new Map<string, Requirement>();
    private readonly byPrefix = new Map<string, Framework>();
    private readonly byFramework = new Map<string, Requirement[]>();
    private readonly childrenOf = new Map<string, Requirement[]>();

    constructor(custom: readonly CustomFrameworkDefinition[] = []) {
        const frameworks: Framework[] = [];
        const requirements: Requirement[] = [];
        const definitions: ReadonlyArray<FrameworkDefinition & { readonly origin?: Framework['origin'] }> = [...BUILT_IN_FRAMEWORKS, ...custom];
        for (const definition of definitions) {
            // A prefix is defined once: a custom framework cannot redefine a built-in one (another rule says so).
            if (this.byPrefix.has(definition.prefix)) continue;
            const { prefix, name, origin } = definition;
            const framework: Framework = origin ? { prefix, name, origin } : { prefix, name };
            this.byPrefix.set(framework.prefix, framework);
            frameworks.push(framework);
            const own: Requirement[] = [];
            for (const requirement of requirementsOf(definition)) {
                if (this.byId.has(requirement.id)) continue;
                this.byId.set(requirement.id, requirement);
                own.push(requirement);
            }
            this.byFramework.set(framework.prefix, own);
            requirements.push(...own);
        }
        for (const requirement of requirements) {
            if (requirement.parent === undefined) continue;
            const siblings = this.childrenOf.get(requirement.parent);
            if (siblings) siblings.push(requirement); else this.childrenOf.set(requirement.parent, [requirement]);
        }
        this.frameworks = frameworks;
        this.requirements = requirements;
    }

    find(id: string): Requirement | undefined {
        return this.byId.get(id);
    }

    framework(prefix: string): Framework | undefined {
        return this.byPrefix.get(prefix);
    }

    /** The framework of a requirement in this catalogue. */
    frameworkOf(requirement: Requirement): Framework {
        return this.byPrefix.get(requirement.framework) ?? { prefix: requirement.framework, name: requirement.framework };
    }

    requirementsOf(prefix: string): readonly Requirement[] {
        return this.byFramework.get(prefix) ?? [];
    }

    /** The items of a clause: `ISO27001:5.3(a)` and `(b)` for `ISO27001:5.3`. */
    children(id: string): readonly Requirement[] {
        return this.childrenOf.get(id) ?? [];
    }

    /** The catalogue ID the author most likely meant, or undefined when nothing is close. */
    suggest(id: string): Requirement | undefined {
        const match = closestMatch(id, this.requirements.map(requirement => requirement.id));
        return match === undefined ? undefined : this.byId.get(match);
    }
}

/** The built-in catalogue alone, for code that runs without a workspace (rule metadata, docs). */
export const BUILT_IN_CATALOGUE = new RequirementCatalogue();
