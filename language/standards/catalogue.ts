/**
 * The built-in standards catalogue: the requirements a responsibility, authority or training can
 * claim to satisfy, one module per framework under frameworks/. Titles are short paraphrases in
 * our own words; the standards' text is deliberately not reproduced.
 */
import { DORA } from './frameworks/dora.js';
import { HIPAA } from './frameworks/hipaa.js';
import { ISO27001 } from './frameworks/iso27001.js';
import { NIS2 } from './frameworks/nis2.js';
import { NIST_CSF } from './frameworks/nist-csf.js';
import { PCI_DSS } from './frameworks/pci-dss.js';
import { SOC2 } from './frameworks/soc2.js';
import type { FrameworkDefinition } from './frameworks/types.js';

export type { FrameworkDefinition, RequirementDefinition } from './frameworks/types.js';

export interface Framework {
    /** Prefix used in policy files, before the colon: `ISO27001:5.3(b)`. */
    readonly prefix: string;
    readonly name: string;
    /** Where a framework the organization declared itself comes from; undefined for built-in ones. */
    readonly origin?: 'policy' | 'catalogue-file';
}

export interface Requirement {
    /** Identifier as written in a policy, e.g. `ISO27001:5.3(b)`. */
    readonly id: string;
    readonly framework: string;
    /** Clause or control number within the framework, e.g. `5.3(b)`. */
    readonly clause: string;
    readonly title: string;
    /** The full ID of the clause this one is an item of (`ISO27001:5.3` for `ISO27001:5.3(b)`). */
    readonly parent?: string;
}

/** The built-in frameworks, in the order listings show them. */
export const BUILT_IN_FRAMEWORKS: readonly FrameworkDefinition[] = [ISO27001, NIST_CSF, SOC2, PCI_DSS, HIPAA, NIS2, DORA];

/** A framework definition's requirements with full IDs. */
export function requirementsOf(definition: FrameworkDefinition): Requirement[] {
    const prefix = definition.prefix;
    return definition.requirements.map(entry => ({
        id: `${prefix}:${entry.clause}`, framework: prefix, clause: entry.clause, title: entry.title,
        ...(entry.parent !== undefined ? { parent: `${prefix}:${entry.parent}` } : {})
    }));
}

export const FRAMEWORKS: readonly Framework[] = BUILT_IN_FRAMEWORKS.map(({ prefix, name }) => ({ prefix, name }));
export const REQUIREMENTS: readonly Requirement[] = BUILT_IN_FRAMEWORKS.flatMap(requirementsOf);

/** The framework Mandate assesses when the policy claims none: clause 5.3 is what it is about. */
export const DEFAULT_CLAIMED_FRAMEWORK = 'ISO27001';

/** The two assignments clause 5.3 requires; the checks refer to them by these names. */
export const ISMS_CONFORMANCE = 'ISO27001:5.3(a)';
export const ISMS_REPORTING = 'ISO27001:5.3(b)';
