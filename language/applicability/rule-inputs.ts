/**
 * Which findings a requirement's rules bring to it: every finding of the rules whose `standards`
 * cite it or an item, and the duty rules' findings on the duties that satisfy it (duty-findings.ts).
 * One function for the open findings, which lower a status, and for the accepted exceptions, which
 * would lower it if open (accepted-exceptions.ts): the two must never disagree about what counts.
 */
import { RULES } from '../rules/index.js';
import type { MandateRule } from '../rules/rule.js';
import type { Coverage } from './coverage.js';
import { dutyRuleInputs } from './duty-findings.js';
import type { Context } from './status-context.js';

let rulesIndex: Map<string, MandateRule[]> | undefined;

/** Rules by the requirement IDs they cite; built on first use (the registry is static). */
export function rulesCiting(id: string): readonly MandateRule[] {
    if (!rulesIndex) {
        rulesIndex = new Map();
        for (const rule of RULES) for (const standard of rule.standards) rulesIndex.set(standard, [...rulesIndex.get(standard) ?? [], rule]);
    }
    return rulesIndex.get(id) ?? [];
}

/** A rule that judges a requirement, with its findings (indexes into the context's findings) and the syntax errors holding them back. */
export interface RuleInput {
    readonly rule: string;
    readonly findings: readonly number[];
    readonly held: readonly number[];
}

/** The rules that judge `nodes` (a requirement and its applicable items), each with its findings there. */
export function ruleInputs(nodes: readonly Coverage[], context: Pick<Context, 'lowering' | 'heldBack' | 'onDuties' | 'dutiesJudged'>): RuleInput[] {
    const cited = [...new Set(nodes.flatMap(node => rulesCiting(node.requirement.id)))];
    return [
        ...cited.map(rule => ({ rule: rule.id, findings: context.lowering.get(rule.id) ?? [], held: context.heldBack.get(rule.id) ?? [] })),
        // A duty rule also judges it through the duties that satisfy it, with the findings on those duties only.
        ...dutyRuleInputs(nodes.map(node => node.requirement.id), context, new Set(cited.map(rule => rule.id)))
    ];
}
