/**
 * The report's view of the applicability engine (language/applicability/): the status of each
 * top-level requirement of the claimed frameworks, the statement of applicability, and the
 * control-owner register, as plain data with workspace-relative sources.
 */
import { controlOwners, DUTY_RULES, dutyFindings, requirementStatuses, statementOfApplicability, type FindingLike, type RequirementResult } from '../applicability/index.js';
import type { MandateSettings } from '../mandate-settings.js';
import type { WorkspaceModel } from '../workspace/workspace-model.js';
import { findRule } from '../rules/index.js';
import type { Applicability, ControlOwnerEntry, RequirementStatus } from './report-model.js';
import type { ReportSources } from './report-sources.js';

function statusEntry(
    result: RequirementResult, owners: ReadonlyMap<string, readonly string[]>, sources: ReportSources, accepted: (rule: string, result: RequirementResult) => boolean
): RequirementStatus {
    const { requirement, exclusion } = result;
    // Met with an accepted exception is met, but not silently: the row names the rules whose exceptions it rests on.
    const excepted = result.rules.filter(({ rule, state }) => state === 'clean' && accepted(rule, result)).map(({ rule }) => rule);
    return {
        id: requirement.id, framework: requirement.framework, title: requirement.title,
        status: result.status,
        reasons: excepted.length > 0
            ? [...result.reasons, `Accepted exceptions of ${excepted.join(', ')} would lower it; the findings section gives their justifications.`]
            : result.reasons,
        ...(exclusion ? { justification: exclusion.justification, justificationSource: sources.of(exclusion.exclusion) } : {}),
        heldBy: result.heldBy.map(role => role.name),
        owners: owners.get(requirement.id) ?? [],
        evidence: result.evidence.map(fact => fact.text),
        rules: result.rules.map(({ rule, state, missing }) => ({ rule, state: excepted.includes(rule) ? 'accepted' as const : state, ...(missing ? { missing } : {}) })),
        items: result.items.map(item => ({ id: item.requirement.id, title: item.requirement.title, status: item.status })),
        findings: result.findings
    };
}

/**
 * Every top-level requirement of the claimed frameworks with its status on `asOf`. `findings` are
 * the build's open findings, in the order of the report's; the statuses index into them.
 * `accepted`: the findings accepted as exceptions.
 */
export function reportRequirements(
    model: WorkspaceModel, settings: MandateSettings, sources: ReportSources, findings: readonly FindingLike[], asOf: string,
    accepted: readonly FindingLike[] = []
): RequirementStatus[] {
    const owners = new Map(controlOwners(model, asOf).map(entry => [entry.requirement.id, entry.owners.map(owner => owner.role.name)]));
    // Errors and warnings only, as lower a status when open (requirement-status.ts).
    const acceptedRules = new Set(accepted.filter(exception => isLowering(exception.rule, settings)).map(exception => exception.rule));
    // An accepted finding of a duty rule stands on one duty: it would lower the requirements that duty satisfies, and those its rule cites.
    // (An accepted finding is a hint; its rule's configured severity says whether it would lower anything.)
    const onDuties = dutyFindings(model, accepted, exception => isLowering(exception.rule, settings)).open;
    const wouldLower = (rule: string, result: RequirementResult) => {
        if (!acceptedRules.has(rule)) return false;
        const ids = [result.requirement.id, ...result.items.map(item => item.requirement.id)];
        return !DUTY_RULES.includes(rule) || ids.some(id => findRule(rule)?.standards.includes(id) || onDuties.get(id)?.has(rule));
    };
    return requirementStatuses(model, asOf, settings, findings).map(result => statusEntry(result, owners, sources, wouldLower));
}

/** Whether a finding of the rule, open, would lower a requirement: it reports an error or a warning. */
function isLowering(ruleId: string, settings: MandateSettings): boolean {
    const rule = findRule(ruleId);
    const severity = rule ? settings.severityOf(rule) : 'off';
    return severity === 'error' || severity === 'warning';
}

/** The frameworks assessed, and whether the policy declared them itself. */
export function reportApplicability(model: WorkspaceModel, sources: ReportSources): Applicability {
    const soa = statementOfApplicability(model);
    return {
        declared: soa.declared,
        frameworks: soa.frameworks.map(({ prefix, name, claim }) => ({ prefix, name, ...(claim ? { source: sources.of(claim) } : {}) }))
    };
}

/** The control-owner register: requirement → accountable role → holder → since, one line per holder. */
export function reportControlOwners(model: WorkspaceModel, sources: ReportSources, asOf: string): ControlOwnerEntry[] {
    // Each row written out field by field, in the order the exports list them: spreads of a shared
    // base and of optional fields cost more than the rest of the register at 7,500 roles.
    const rows: ControlOwnerEntry[] = [];
    for (const { requirement, owners, vacantOwners, structural } of controlOwners(model, asOf)) {
        const { id, framework, title } = requirement;
        const before = rows.length;
        for (const owner of owners) {
            const role = sources.named(owner.role);
            for (const { assignment, tenure } of owner.holders) {
                // An absent start or capacity is undefined, which no export writes.
                rows.push({
                    requirement: id, framework, title, structural, role, holder: sources.named(tenure.person), since: tenure.since || undefined,
                    capacity: (assignment.capacity || undefined) as 'acting' | 'interim' | undefined, vacant: false, duties: owner.duties.map(duty => duty.name)
                });
            }
        }
        for (const owner of vacantOwners) {
            rows.push({ requirement: id, framework, title, structural, role: sources.named(owner.role), vacant: true, duties: owner.duties.map(duty => duty.name) });
        }
        if (rows.length === before) rows.push({ requirement: id, framework, title, structural, vacant: false, duties: [] });
    }
    return rows;
}
