import { FRAMEWORKS, REQUIREMENTS, type Framework, type Requirement } from './catalogue.js';
import { closestMatch } from '../util/did-you-mean.js';

const byId = new Map(REQUIREMENTS.map(requirement => [requirement.id, requirement]));
const frameworksByPrefix = new Map(FRAMEWORKS.map(framework => [framework.prefix, framework]));

export function findRequirement(id: string): Requirement | undefined {
    return byId.get(id);
}

export function frameworkOf(requirement: Requirement): Framework {
    // Every catalogue entry names a declared framework; the catalogue test guards this.
    return frameworksByPrefix.get(requirement.framework)!;
}

export function allRequirements(): readonly Requirement[] {
    return REQUIREMENTS;
}

/** The catalogue ID the author most likely meant, or undefined when nothing is close. */
export function suggestRequirement(id: string): Requirement | undefined {
    const match = closestMatch(id, REQUIREMENTS.map(requirement => requirement.id));
    return match === undefined ? undefined : byId.get(match);
}
