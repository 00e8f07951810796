import {
    acceptedExceptionLines, acceptedExceptionsProps, controlId, documentKey, escapedMarkup, frameworkName, metadataProps, oscalIds, oscalToken, OSCAL_VERSION,
    optionalArray, plural, prop, statusCountsText, statusWords, type Json
} from './oscal-common.js';
import { documentResources, frameworkResource, holderUuids, metadataParties, metadataResponsibleParties, metadataRoles, uniqueRoles } from './oscal-metadata.js';
import type { AuditReport, RequirementStatus } from './report-model.js';

/** Why clause-5.3-status may differ from the implemented requirement of 5.3, which rolls its two items up (one covered is partly met). */
const CLAUSE_53_REMARKS = 'The worse of items 5.3(a) and 5.3(b), as the report\'s headline. The implemented requirement of clause 5.3 rolls both items up: with one of them covered it is partly met.';

/** `met with 1 accepted exception (assignment-not-communicated)`: the headline in words, never a plain "met" that rests on exceptions. */
function clause53Words(report: AuditReport): string {
    const indexes = report.summary.clause53AcceptedExceptions ?? [];
    if (report.summary.clause53 !== 'met' || indexes.length === 0) return report.summary.clause53;
    const rules = [...new Set(indexes.map(index => report.acceptedExceptions[index]?.rule).filter(rule => rule !== undefined))];
    return `${statusWords('met', indexes.length)} (${rules.join(', ')})`;
}

/** The accepted exceptions that would lower 5.3(a) or 5.3(b) if open: their count, with each named in the remarks. */
function clause53AcceptedProps(report: AuditReport): Json[] {
    const indexes = report.summary.clause53AcceptedExceptions ?? [];
    if (indexes.length === 0) return [];
    return [{ ...prop('clause-5.3-accepted-exceptions', String(indexes.length)), remarks: acceptedExceptionLines(report, indexes).join('\n') }];
}

// Kept here for the callers that import them from the component-definition exporter.
export { controlId, MANDATE_OSCAL_NS, OSCAL_VERSION, oscalToken } from './oscal-common.js';

/**
 * The audit report as an OSCAL component definition (JSON): the policy's roles, people and
 * current appointments in the metadata, one `policy` component whose control implementations
 * state each catalogue requirement's status, and the named documents as back matter. Every UUID
 * is a v5 UUID of a name scoped by the organization, so exporting the same policy twice gives the
 * same bytes and an edited policy diffs line by line; only the document's own UUID (and version)
 * follow the policy version, as OSCAL asks of a changed document.
 */
export function exportOscal(report: AuditReport): string {
    const ids = oscalIds(report);
    const { uuid } = ids;
    const organization = report.organization;

    const implemented = (requirement: RequirementStatus) => {
        const lowering = requirement.findings.map(index => report.findings[index]).filter(finding => finding !== undefined);
        const remarks = [
            ...lowering.map(finding => `- ${finding.rule} (${finding.severity}) at ${finding.source.file}:${finding.source.line}: ${finding.message}`),
            ...acceptedExceptionLines(report, requirement.acceptedExceptions)
        ];
        return {
            uuid: uuid('implemented-requirement', requirement.id),
            'control-id': controlId(requirement.id),
            description: `${requirement.id}: ${requirement.title}.\n\nStatus: ${statusWords(requirement.status, requirement.acceptedExceptions?.length ?? 0)}. ${requirement.reasons.join(' ')}`.trim(),
            props: [
                prop('requirement-id', requirement.id), prop('status', requirement.status), ...acceptedExceptionsProps(requirement),
                ...[...new Set(requirement.owners)].map(roleId => prop('control-owner', oscalToken(roleId)))
            ],
            ...optionalArray('responsible-roles', [...new Set(requirement.heldBy)].map(roleId => ({
                'role-id': oscalToken(roleId),
                ...optionalArray('party-uuids', holderUuids(report, ids, roleId))
            }))),
            // A not-applicable requirement carries the statement of applicability's justification, with where it is written.
            ...(requirement.status === 'not-applicable'
                ? { remarks: `Not applicable: ${requirement.justification ?? ''}${requirement.justificationSource ? ` (${requirement.justificationSource.file}:${requirement.justificationSource.line})` : ''}` }
                : remarks.length > 0 ? { remarks: remarks.join('\n') } : {})
        };
    };

    // Only the claimed frameworks: requirements of other frameworks are in no export.
    const frameworks = report.summary.applicability.frameworks.map(framework => framework.prefix)
        .filter(prefix => report.summary.requirements.some(requirement => requirement.framework === prefix));
    const controlImplementations = frameworks.map(prefix => {
        const requirements = report.summary.requirements.filter(requirement => requirement.framework === prefix);
        return {
            uuid: uuid('control-implementation', prefix),
            source: `#${ids.framework(prefix)}`,
            description: `How the policy's roles carry the ${frameworkName(report, prefix)} requirements of Mandate's catalogue on ${report.asOf}: `
                + `${statusCountsText(requirements)}.`,
            'implemented-requirements': requirements.map(implemented)
        };
    });

    const organizationName = organization ? `${organization.title}: ` : '';
    const component = {
        uuid: uuid('component', 'policy'),
        type: 'policy',
        title: `${organizationName}information-security roles and responsibilities`,
        description: `The information-security roles, appointments, announcements and delegations declared in the Mandate policy, as of ${report.asOf}. `
            + `ISO/IEC 27001 clause 5.3 is ${clause53Words(report)}; the check found ${plural(report.summary.errors, 'error')} and ${plural(report.summary.warnings, 'warning')}.`,
        purpose: 'Assign and communicate the responsibilities and authorities for roles relevant to information security (ISO/IEC 27001:2022, clause 5.3).',
        props: [
            prop('as-of', report.asOf), { ...prop('clause-5.3-status', report.summary.clause53), remarks: CLAUSE_53_REMARKS }, ...clause53AcceptedProps(report),
            prop('errors', String(report.summary.errors)), prop('warnings', String(report.summary.warnings))
        ],
        ...optionalArray('responsible-roles', uniqueRoles(report).map(entry => ({ 'role-id': oscalToken(entry.role.id) }))),
        ...optionalArray('control-implementations', controlImplementations)
    };

    const resources = [...frameworks.map(prefix => frameworkResource(report, ids, prefix)), ...documentResources(report, ids)];

    const definition = {
        uuid: uuid('component-definition', documentKey(report)),
        metadata: {
            title: `${organizationName}information-security roles and responsibilities (ISO/IEC 27001 clause 5.3)`,
            'last-modified': report.provenance.generatedAt,
            version: report.provenance.inputsSha256,
            'oscal-version': OSCAL_VERSION,
            props: metadataProps(report),
            ...optionalArray('roles', metadataRoles(report, ids)),
            ...optionalArray('parties', metadataParties(report, ids)),
            ...optionalArray('responsible-parties', metadataResponsibleParties(report, ids))
        },
        components: [component],
        ...(resources.length > 0 ? { 'back-matter': { resources } } : {})
    };
    return JSON.stringify(escapedMarkup({ 'component-definition': definition }), null, 2) + '\n';
}
