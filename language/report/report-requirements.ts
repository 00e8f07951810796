/**
 * The report's view of the applicability engine (language/applicability/): the status of each
 * top-level requirement of the claimed frameworks, the statement of applicability, and the
 * control-owner register, as plain data with workspace-relative sources.
 */
import { controlOwners, requirementStatuses, statementOfApplicability, type RequirementResult } from '../applicability/index.js';
import type { MandateSettings } from '../mandate-settings.js';
import type { WorkspaceModel } from '../workspace/workspace-model.js';
import type { Applicability, ControlOwnerEntry, ReportFinding, RequirementStatus } from './report-model.js';
import type { ReportSources } from './report-sources.js';

function statusEntry(result: RequirementResult, owners: ReadonlyMap<string, readonly string[]>, sources: ReportSources): RequirementStatus {
    const { requirement, exclusion } = result;
    return {
        id: requirement.id, framework: requirement.framework, title: requirement.title,
        status: result.status,
        reasons: result.reasons,
        ...(exclusion ? { justification: exclusion.justification, justificationSource: sources.of(exclusion.exclusion) } : {}),
        heldBy: result.heldBy.map(role => role.name),
        owners: owners.get(requirement.id) ?? [],
        evidence: result.evidence.map(fact => fact.text),
        rules: result.rules.map(({ rule, state, missing }) => ({ rule, state, ...(missing ? { missing } : {}) })),
        items: result.items.map(item => ({ id: item.requirement.id, title: item.requirement.title, status: item.status })),
        findings: result.findings
    };
}

/**
 * Every top-level requirement of the claimed frameworks with its status on `asOf`. `findings` are
 * the report's open findings; the statuses index into them.
 */
export function reportRequirements(
    model: WorkspaceModel, settings: MandateSettings, sources: ReportSources, findings: readonly ReportFinding[], asOf: string
): RequirementStatus[] {
    const owners = new Map(controlOwners(model, asOf).map(entry => [entry.requirement.id, entry.owners.map(owner => owner.role.name)]));
    return requirementStatuses(model, asOf, settings, findings).map(result => statusEntry(result, owners, sources));
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
    return controlOwners(model, asOf).flatMap(({ requirement, owners, vacantOwners, structural }) => {
        const base = { requirement: requirement.id, framework: requirement.framework, title: requirement.title, structural };
        const held = owners.flatMap(owner => owner.holders.map(({ assignment, tenure }) => ({
            ...base, role: sources.named(owner.role), holder: sources.named(tenure.person),
            ...(tenure.since ? { since: tenure.since } : {}),
            ...(assignment.capacity ? { capacity: assignment.capacity as 'acting' | 'interim' } : {}),
            vacant: false, duties: owner.duties.map(duty => duty.name)
        })));
        const vacant = vacantOwners.map(owner => ({ ...base, role: sources.named(owner.role), vacant: true, duties: owner.duties.map(duty => duty.name) }));
        const rows: ControlOwnerEntry[] = [...held, ...vacant];
        return rows.length > 0 ? rows : [{ ...base, vacant: false, duties: [] }];
    });
}
