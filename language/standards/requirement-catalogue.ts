import { BUILT_IN_FRAMEWORKS, requirementsOf, type Framework, type FrameworkDefinition, type Requirement } from './catalogue.js';
import type { NistCsf11Reference } from './frameworks/nist-csf-1-1.js';
import { RequirementSuggestions, type LegacyRequirement, type RequirementSuggestion } from './requirement-suggestions.js';

/** A framework an organization defines itself, with where it was declared. */
export interface CustomFrameworkDefinition extends FrameworkDefinition {
    readonly origin: 'policy' | 'catalogue-file';
    /** For a catalogue file: its path relative to the workspace folder, for messages. */
    readonly source?: string;
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
    private suggester: RequirementSuggestions | undefined;

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

    /**
     * Up to three IDs of this catalogue that `id` is a close spelling of, in the same framework, best
     * first; none when nothing is close. Never another number: `A.5.24` is not offered `A.5.2`.
     */
    suggest(id: string): readonly RequirementSuggestion[] {
        return this.suggestions.suggest(id);
    }

    /** The one ID that `id` clearly spells (case, punctuation, leading zeros), which a quick fix may put in its place. */
    intendedSpelling(id: string): Requirement | undefined {
        return this.suggestions.intendedSpelling(id);
    }

    /** An ISO/IEC 27001:2013 Annex A number (`ISO27001:A.16.1.1`) with the 2022 control(s) it became. */
    legacy(id: string): LegacyRequirement | undefined {
        return this.suggestions.legacy(id);
    }

    /** A NIST CSF 1.1 category or subcategory (`NIST-CSF:PR.AC-4`) that CSF 2.0 has under no ID of its number. */
    legacyNistCsf(id: string): NistCsf11Reference | undefined {
        return this.suggestions.legacyNistCsf(id);
    }

    /**
     * The framework that a prefix which is none of this catalogue's plausibly names: its spelling
     * (`nist-csf`), a shortened name (`NIST`, `PCI`), a misspelling (`HIPPA`); never another version
     * (`NIS` is not NIS2). The same reading as for requirement IDs, for `claims` and anywhere a prefix stands alone.
     */
    closeFramework(prefix: string): Framework | undefined {
        return this.suggestions.framework(prefix);
    }

    // Built on first use: most workspaces never cite an unknown ID.
    private get suggestions(): RequirementSuggestions {
        this.suggester ??= new RequirementSuggestions(this);
        return this.suggester;
    }
}

/** The built-in catalogue alone, for code that runs without a workspace (rule metadata, docs). */
export const BUILT_IN_CATALOGUE = new RequirementCatalogue();
