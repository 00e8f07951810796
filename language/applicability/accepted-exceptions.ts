/**
 * Accepted exceptions (findings a `// mandate-ignore <rule>: <justification>` accepts) lower no
 * status: they are the team's documented acceptance of a risk. But a requirement that is met only
 * because the finding that would lower it was accepted must never read as plainly met: clause 5.3
 * "met" while its assignment was never announced. So every result names the accepted findings that
 * would lower it if they were open, placed exactly as open findings are (rule-inputs.ts).
 */
import type { MandateSettings } from '../mandate-settings.js';
import { findRule } from '../rules/index.js';
import type { IsoDate } from '../util/dates.js';
import type { WorkspaceModel } from '../workspace/workspace-model.js';
import { subtree, type Coverage } from './coverage.js';
import { ruleInputs } from './rule-inputs.js';
import { contextOf, type Context, type FindingLike } from './status-context.js';

/**
 * The context of the accepted findings as if they were open. An accepted finding is reported as
 * a hint; its rule's configured severity says whether, open, it would be an error or a warning.
 */
export function acceptedContext(model: WorkspaceModel, asOf: IsoDate, settings: MandateSettings, accepted: readonly FindingLike[]): Context {
    const asOpen = accepted.map(finding => {
        const rule = findRule(finding.rule);
        const severity = rule ? settings.severityOf(rule) : 'off';
        // `withheld` is a syntax error's, which no suppression accepts. Without its message, a control-owner-missing
        // finding that would not lower anything (an information) is not placed on its requirement either.
        const lowers = severity === 'error' || severity === 'warning';
        return { rule: finding.rule, severity, uri: finding.uri, line: finding.line, column: finding.column, ...(lowers ? { message: finding.message } : {}) };
    });
    return contextOf(model, asOf, settings, asOpen);
}

/**
 * Indexes into the accepted findings of those that would lower the requirement (or its items) if
 * open, in order: those of the rules that evidence it and, for control-owner-missing, those about it,
 * as its open findings are gathered.
 */
export function acceptedLowering(coverage: Coverage, context: Context): number[] {
    if (coverage.level === 'excluded' || context.lowering.size === 0) return [];
    const nodes = subtree(coverage).filter(node => node.level !== 'excluded');
    // Only the findings count here: whether a duty rule with none would be listed as clean (carriesResponsibilityFor) is not asked again.
    const findingsOnly = { lowering: context.lowering, heldBack: context.heldBack, get onDuties() { return context.onDuties; }, dutiesJudged: () => false };
    // A rule switched off reports nothing, so every finding here is of a rule that runs, at its configured severity.
    const indexes = ruleInputs(nodes, findingsOnly).flatMap(input => input.findings);
    return [...new Set([...indexes, ...context.ownerFindings.get(coverage.requirement.id) ?? []])].sort((a, b) => a - b);
}
