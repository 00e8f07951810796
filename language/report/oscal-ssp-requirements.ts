/**
 * The system security plan's `control-implementation`: one implemented requirement per assessed
 * requirement of a claimed framework, its control owners as `responsible-roles`, and its status
 * as the `implementation-status` of the policy component that carries it.
 */
import { controlId, frameworkName, oscalToken, optionalArray, plural, prop, type Json, type OscalIds } from './oscal-common.js';
import { holderUuids } from './oscal-metadata.js';
import type { AuditReport, RequirementStatus } from './report-model.js';

/** A requirement as the plan states it: what the report says of it, nothing worked out again. */
export interface PlanRequirement {
    readonly id: string;
    readonly framework: string;
    readonly title: string;
    readonly status: 'met' | 'partly-met' | 'not-met' | 'not-applicable';
    readonly reasons: readonly string[];
    /** Why it does not apply, for a not-applicable requirement, as the statement of applicability says. */
    readonly justification?: string;
    /** The roles that own it on the as-of date: the control owners. */
    readonly owners: readonly string[];
    /** Indexes into the report's findings of the findings that lower its status. */
    readonly findings: readonly number[];
}

/** The requirements of the frameworks the policy claims; requirements of other frameworks are in no export. */
export function planRequirements(report: AuditReport): PlanRequirement[] {
    return report.summary.requirements.filter(requirement => requirement.claimed).map((requirement: RequirementStatus) => ({
        id: requirement.id, framework: requirement.framework, title: requirement.title, status: requirement.status,
        reasons: requirement.reasons, owners: requirement.heldBy, findings: requirement.findings
    }));
}

/**
 * OSCAL's implementation states for the four requirement states. OSCAL has no state for a
 * requirement nothing covers: `planned` would claim a plan the policy does not record, so a
 * not-met requirement gets the token `not-implemented`, which OSCAL's allowed values admit as
 * an other value (allow-other="yes" in 1.0.6 and 1.2.x), with remarks saying why.
 */
const IMPLEMENTATION_STATE: Record<PlanRequirement['status'], string> = {
    met: 'implemented', 'partly-met': 'partial', 'not-met': 'not-implemented', 'not-applicable': 'not-applicable'
};

const STATUS_WORDS: Record<PlanRequirement['status'], string> = {
    met: 'Met', 'partly-met': 'Partly met', 'not-met': 'Not met', 'not-applicable': 'Not applicable'
};

function implementationStatus(requirement: PlanRequirement): Json {
    const state = IMPLEMENTATION_STATE[requirement.status];
    if (requirement.status === 'not-applicable') {
        // OSCAL: "does not apply to this system as justified in the remarks".
        return { state, remarks: requirement.justification?.trim() ? requirement.justification.trim() : 'The statement of applicability gives no justification.' };
    }
    if (requirement.status === 'not-met') {
        return { state, remarks: 'Nothing in the policy covers this requirement on the as-of date, and the policy records no plan to implement it.' };
    }
    return { state };
}

/** One implemented requirement: its control owners, the policy component's statement and status, and the findings that lower it. */
function implementedRequirement(report: AuditReport, ids: OscalIds, policyComponent: string, requirement: PlanRequirement): Json {
    const lowering = requirement.findings.map(index => report.findings[index]).filter(finding => finding !== undefined);
    const reasons = requirement.reasons.join(' ');
    return {
        uuid: ids.uuid('ssp-implemented-requirement', requirement.id),
        'control-id': controlId(requirement.id),
        props: [prop('requirement-id', requirement.id), prop('status', requirement.status)],
        ...optionalArray('responsible-roles', requirement.status === 'not-applicable' ? [] : [...new Set(requirement.owners)].map(roleId => ({
            'role-id': oscalToken(roleId),
            ...optionalArray('party-uuids', holderUuids(report, ids, roleId))
        }))),
        'by-components': [{
            'component-uuid': policyComponent,
            uuid: ids.uuid('ssp-by-component', requirement.id),
            description: `${requirement.id}: ${requirement.title}.\n\n${STATUS_WORDS[requirement.status]} on ${report.asOf}.${reasons ? ` ${reasons}` : ''}`,
            'implementation-status': implementationStatus(requirement)
        }],
        ...(lowering.length > 0
            ? { remarks: lowering.map(finding => `- ${finding.rule} (${finding.severity}) at ${finding.source.file}:${finding.source.line}: ${finding.message}`).join('\n') }
            : {})
    };
}

/** What the plan's control implementation says of each claimed framework: its counts per state. */
function frameworkSummary(prefix: string, requirements: readonly PlanRequirement[]): string {
    const own = requirements.filter(requirement => requirement.framework === prefix);
    const count = (status: PlanRequirement['status']) => own.filter(requirement => requirement.status === status).length;
    return `${frameworkName(prefix)}: ${plural(own.length, 'requirement')}, ${count('met')} met, ${count('partly-met')} partly met, `
        + `${count('not-met')} not met, ${count('not-applicable')} not applicable.`;
}

/** The plan's `control-implementation`, or undefined when the policy claims no requirement at all. */
export function controlImplementation(report: AuditReport, ids: OscalIds, policyComponent: string, requirements: readonly PlanRequirement[]): Json | undefined {
    if (requirements.length === 0) return undefined;
    const frameworks = [...new Set(requirements.map(requirement => requirement.framework))];
    return {
        description: `How the organization's roles carry the requirements of the frameworks the policy claims, as of ${report.asOf}. `
            + `Each requirement names its control owners (the held roles that answer for it) as responsible roles, and its status as the `
            + `implementation status of the policy component. Requirements of frameworks the policy does not claim are left out.\n\n`
            + frameworks.map(prefix => `- ${frameworkSummary(prefix, requirements)}`).join('\n'),
        'implemented-requirements': requirements.map(requirement => implementedRequirement(report, ids, policyComponent, requirement))
    };
}
