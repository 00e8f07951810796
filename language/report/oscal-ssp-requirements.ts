/**
 * The system security plan's `control-implementation`: one implemented requirement per top-level
 * requirement of a claimed framework (the report lists no others), its control owners as
 * `responsible-roles`, and its status as the `implementation-status` of the policy component.
 */
import {
    acceptedExceptionLines, acceptedExceptionsProps, controlId, frameworkName, oscalToken, optionalArray, plural, prop, statusCountsText, statusWords, type Json, type OscalIds
} from './oscal-common.js';
import { holderUuids } from './oscal-metadata.js';
import type { AuditReport, RequirementStatus, RequirementStatusValue } from './report-model.js';

/**
 * OSCAL's implementation states for the four requirement states. OSCAL has no state for a
 * requirement nothing covers: `planned` would claim a plan the policy does not record, so a
 * not-met requirement gets the token `not-implemented`, which OSCAL's allowed values admit as
 * an other value (allow-other="yes" in 1.0.6 and 1.2.x), with remarks saying why.
 */
const IMPLEMENTATION_STATE: Record<RequirementStatusValue, string> = {
    met: 'implemented', 'partly-met': 'partial', 'not-met': 'not-implemented', 'not-applicable': 'not-applicable'
};

const STATUS_WORDS: Record<RequirementStatusValue, string> = {
    met: 'Met', 'partly-met': 'Partly met', 'not-met': 'Not met', 'not-applicable': 'Not applicable'
};

function implementationStatus(report: AuditReport, requirement: RequirementStatus): Json {
    const state = IMPLEMENTATION_STATE[requirement.status];
    if (requirement.status === 'not-applicable') {
        // OSCAL: "does not apply to this system as justified in the remarks"; the justification is the statement of applicability's.
        const where = requirement.justificationSource ? ` (${requirement.justificationSource.file}:${requirement.justificationSource.line})` : '';
        return { state, remarks: `${requirement.justification?.trim() || 'The statement of applicability gives no justification.'}${where}` };
    }
    if (requirement.status === 'not-met') {
        return { state, remarks: 'Nothing in the policy covers this requirement on the as-of date, and the policy records no plan to implement it.' };
    }
    const accepted = requirement.acceptedExceptions?.length ?? 0;
    if (requirement.status === 'met' && accepted > 0) {
        // Implemented, as the team accepted the risk; a GRC tool that reads only the state still finds the caveat beside it.
        return { state, remarks: `Implemented only with ${plural(accepted, 'accepted exception')}:\n${acceptedExceptionLines(report, requirement.acceptedExceptions).join('\n')}` };
    }
    return { state };
}

/** The by-component statement: the status and its reasons (which name what the policy itself shows), the rules that check it, and its items. */
function statement(report: AuditReport, requirement: RequirementStatus): string {
    const paragraphs = [
        `${requirement.id}: ${requirement.title}.`,
        `${requirement.status === 'met' ? capitalized(statusWords('met', requirement.acceptedExceptions?.length ?? 0)) : STATUS_WORDS[requirement.status]} on ${report.asOf}.${requirement.reasons.length > 0 ? ` ${requirement.reasons.join(' ')}` : ''}`
    ];
    if (requirement.rules.length > 0) paragraphs.push(`Rules that check it: ${requirement.rules.map(rule => `${rule.rule} (${rule.state})`).join(', ')}.`);
    if (requirement.items.length > 0) {
        paragraphs.push(`Items:\n${requirement.items.map(item => `- ${item.id} ${item.title}: ${statusWords(STATUS_WORDS[item.status].toLowerCase(), item.acceptedExceptions?.length ?? 0)}`).join('\n')}`);
    }
    return paragraphs.join('\n\n');
}

const capitalized = (words: string) => words.charAt(0).toUpperCase() + words.slice(1);

/** Accountable roles nobody holds on the as-of date: named in the remarks, never as responsible roles. */
function vacantOwners(report: AuditReport, requirement: RequirementStatus): string[] {
    const titles = report.controlOwners
        .filter(entry => entry.requirement === requirement.id && entry.vacant && entry.role)
        .map(entry => entry.role!.title);
    return [...new Set(titles)];
}

/** One implemented requirement: its control owners, the policy component's statement and status, and the findings that lower it. */
function implementedRequirement(report: AuditReport, ids: OscalIds, policyComponent: string, requirement: RequirementStatus): Json {
    const lowering = requirement.findings.map(index => report.findings[index]).filter(finding => finding !== undefined);
    const vacant = requirement.status === 'not-applicable' ? [] : vacantOwners(report, requirement);
    const remarks = [
        ...lowering.map(finding => `- ${finding.rule} (${finding.severity}) at ${finding.source.file}:${finding.source.line}: ${finding.message}`),
        ...(vacant.length > 0 ? [`- Accountable but vacant on ${report.asOf}: ${vacant.join(', ')}.`] : []),
        ...acceptedExceptionLines(report, requirement.acceptedExceptions)
    ];
    return {
        uuid: ids.uuid('ssp-implemented-requirement', requirement.id),
        'control-id': controlId(requirement.id),
        props: [prop('requirement-id', requirement.id), prop('status', requirement.status), ...acceptedExceptionsProps(requirement)],
        // The control owners: held roles accountable for a duty that satisfies it, with their holders.
        ...optionalArray('responsible-roles', requirement.status === 'not-applicable' ? [] : [...new Set(requirement.owners)].map(roleId => ({
            'role-id': oscalToken(roleId),
            ...optionalArray('party-uuids', holderUuids(report, ids, roleId))
        }))),
        'by-components': [{
            'component-uuid': policyComponent,
            uuid: ids.uuid('ssp-by-component', requirement.id),
            description: statement(report, requirement),
            'implementation-status': implementationStatus(report, requirement)
        }],
        ...(remarks.length > 0 ? { remarks: remarks.join('\n') } : {})
    };
}

/** What the plan's control implementation says of each claimed framework: its counts per state. */
function frameworkSummary(report: AuditReport, prefix: string): string {
    const own = report.summary.requirements.filter(requirement => requirement.framework === prefix);
    return `${frameworkName(report, prefix)}: ${plural(own.length, 'requirement')}, ${statusCountsText(own)}.`;
}

/** The frameworks the plan states requirements of, in the report's order. */
export function planFrameworks(report: AuditReport): string[] {
    return [...new Set(report.summary.requirements.map(requirement => requirement.framework))];
}

/** The plan's `control-implementation`, or undefined when the policy claims no requirement at all. */
export function controlImplementation(report: AuditReport, ids: OscalIds, policyComponent: string): Json | undefined {
    if (report.summary.requirements.length === 0) return undefined;
    return {
        description: `How the organization's roles carry the requirements of the frameworks the policy claims, as of ${report.asOf}. `
            + `Each requirement names its control owners (held roles accountable for a duty that satisfies it) as responsible roles, `
            + `and its status as the implementation status of the policy component. Requirements of frameworks the policy does not claim are left out.\n\n`
            + planFrameworks(report).map(prefix => `- ${frameworkSummary(report, prefix)}`).join('\n'),
        'implemented-requirements': report.summary.requirements.map(requirement => implementedRequirement(report, ids, policyComponent, requirement))
    };
}
