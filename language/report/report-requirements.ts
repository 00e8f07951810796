/**
 * The report's view of the applicability engine (language/applicability/): the status of each
 * top-level requirement of the claimed frameworks, the statement of applicability, and the
 * control-owner register, as plain data with workspace-relative sources.
 */
import { controlOwners, requirementStatuses, statementOfApplicability, type FindingLike, type RequirementResult } from '../applicability/index.js';
import type { MandateSettings } from '../mandate-settings.js';
import { formatCount } from '../util/format-count.js';
import type { WorkspaceModel } from '../workspace/workspace-model.js';
import type { Applicability, ControlOwnerEntry, RequirementStatus } from './report-model.js';
import type { ReportSources } from './report-sources.js';

function statusEntry(
    result: RequirementResult, owners: ReadonlyMap<string, readonly string[]>, sources: ReportSources, accepted: readonly FindingLike[]
): RequirementStatus {
    const { requirement, exclusion } = result;
    // Met with an accepted exception is met, but never silently: the row counts the exceptions it rests on and names their rules.
    const excepted = new Set(result.accepted.map(index => accepted[index].rule));
    return {
        id: requirement.id, framework: requirement.framework, title: requirement.title,
        status: result.status,
        reasons: result.accepted.length > 0 ? [...result.reasons, acceptedReason(result, accepted)] : result.reasons,
        ...(exclusion ? { justification: exclusion.justification, justificationSource: sources.of(exclusion.exclusion) } : {}),
        heldBy: result.heldBy.map(role => role.name),
        owners: owners.get(requirement.id) ?? [],
        evidence: result.evidence.map(fact => fact.text),
        rules: result.rules.map(({ rule, state, missing }) => ({ rule, state: state === 'clean' && excepted.has(rule) ? 'accepted' as const : state, ...(missing ? { missing } : {}) })),
        items: result.items.map(item => ({
            id: item.requirement.id, title: item.requirement.title, status: item.status, ...(item.accepted.length > 0 ? { acceptedExceptions: item.accepted } : {})
        })),
        findings: result.findings,
        ...(result.accepted.length > 0 ? { acceptedExceptions: result.accepted } : {})
    };
}

/** `An accepted exception of assignment-not-communicated would lower it if open, so it is met only with that exception; …`. */
function acceptedReason(result: RequirementResult, accepted: readonly FindingLike[]): string {
    const count = result.accepted.length;
    const byRule = new Map<string, number>();
    for (const index of result.accepted) byRule.set(accepted[index].rule, (byRule.get(accepted[index].rule) ?? 0) + 1);
    const named = [...byRule].map(([rule, times]) => (times === 1 ? rule : `${rule} (${times})`)).join(', ');
    const which = count === 1 ? 'that exception' : 'those exceptions';
    return `${count === 1 ? 'An accepted exception' : `${formatCount(count)} accepted exceptions`} of ${named} would lower it if open`
        + `${result.status === 'met' ? `, so it is met only with ${which}` : ''}; the accepted exceptions give ${count === 1 ? 'its justification' : 'their justifications'}.`;
}

/**
 * Every top-level requirement of the claimed frameworks with its status on `asOf`. `findings` are
 * the build's open findings, in the order of the report's; the statuses index into them.
 * `accepted`: the findings accepted as exceptions, in the order of the report's `acceptedExceptions`.
 */
export function reportRequirements(
    model: WorkspaceModel, settings: MandateSettings, sources: ReportSources, findings: readonly FindingLike[], asOf: string,
    accepted: readonly FindingLike[] = []
): RequirementStatus[] {
    const owners = new Map(controlOwners(model, asOf).map(entry => [entry.requirement.id, entry.owners.map(owner => owner.role.name)]));
    return requirementStatuses(model, asOf, settings, findings, accepted).map(result => statusEntry(result, owners, sources, accepted));
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
