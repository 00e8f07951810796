import type { Framework, Requirement } from './catalogue.js';
import { BUILT_IN_CATALOGUE } from './requirement-catalogue.js';

/** Built-in lookups for code without a workspace; editor features use the workspace's catalogue. */
export function findRequirement(id: string): Requirement | undefined {
    return BUILT_IN_CATALOGUE.find(id);
}

export function frameworkOf(requirement: Requirement): Framework {
    return BUILT_IN_CATALOGUE.frameworkOf(requirement);
}

export function allRequirements(): readonly Requirement[] {
    return BUILT_IN_CATALOGUE.requirements;
}

/** Close spellings of `id` in the built-in catalogue, best first (see RequirementCatalogue.suggest). */
export function suggestRequirements(id: string): readonly Requirement[] {
    return BUILT_IN_CATALOGUE.suggest(id).map(suggestion => suggestion.requirement);
}
