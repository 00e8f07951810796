/**
 * The audit report as an OSCAL system security plan (JSON). It shares the component definition's
 * identifiers (oscal-common.ts) and metadata (oscal-metadata.ts): the same role ids, party UUIDs,
 * control-ids and document resources, so a GRC tool can join the two documents.
 */
import { documentKey, escapedMarkup, frameworkName, metadataProps, oscalIds, OSCAL_VERSION, oscalString, optionalArray, plural, prop, type Json, type OscalIds } from './oscal-common.js';
import { documentResources, frameworkResource, metadataParties, metadataResponsibleParties, metadataRoles } from './oscal-metadata.js';
import { controlImplementation } from './oscal-ssp-requirements.js';
import { systemCharacteristics, systemComponents, systemName, systemUsers } from './oscal-ssp-system.js';
import type { AuditReport } from './report-model.js';

/** Raised when the policy gives the plan nothing to state; callers show the message as it is. */
export class OscalSspError extends Error {}

/**
 * The plan's baseline as a back-matter resource. `import-profile` must point at the profile or
 * catalogue the system is assessed against, but none of the frameworks Mandate knows is published
 * as an OSCAL profile that could be reached offline, and several may be claimed at once. So the
 * href is `#` + this resource: the claimed frameworks (each a resource of its own) less the
 * exclusions of the statement of applicability. Its UUID depends only on the organization, so
 * the href is stable across plans.
 */
function baselineResource(report: AuditReport, ids: OscalIds, frameworks: readonly string[]): Json {
    const excluded = report.summary.requirements.filter(requirement => requirement.status === 'not-applicable').length;
    const names = frameworks.map(prefix => frameworkName(report, prefix)).join(', ');
    const organization = report.organization ? oscalString(report.organization.title, report.organization.id) : 'The organization';
    return {
        uuid: ids.uuid('profile', 'statement-of-applicability'),
        title: `${organization}: statement of applicability`,
        description: `The baseline of this plan: the requirements of ${names} that the policy claims, `
            + `less ${plural(excluded, 'requirement')} the statement of applicability declares not applicable, each with its justification `
            + `(ISO/IEC 27001:2022 6.1.3(d)). No OSCAL profile of these frameworks is published, so the baseline is described here `
            + `and each framework is a back-matter resource of its own; control-ids are derived from the requirement IDs (docs/report-json.md).`,
        props: frameworks.map(prefix => prop('framework', prefix))
    };
}

/** Why there is no plan: OSCAL needs at least one implemented requirement. */
function nothingClaimed(report: AuditReport): string {
    const claimed = report.summary.applicability.frameworks.map(framework =>
        `${framework.prefix} (${framework.name}${framework.source ? `, ${framework.source.file}:${framework.source.line}` : ''})`);
    const what = claimed.length > 0
        ? `The policy claims ${claimed.join(', ')}, which ${claimed.length === 1 ? 'has' : 'have'} no requirements`
        : 'The policy claims no framework the catalogue knows';
    return `${what}, so a system security plan has nothing to state. `
        + 'Declare the framework\'s requirements, or claim a framework whose requirements the catalogue lists (for example `claims ISO27001`).';
}

/**
 * The system security plan: the people and the organization as parties, the roles and who holds
 * them, one user class per role with the authorities it may exercise, and per requirement of a
 * claimed framework its control owners and status. Every UUID is a deterministic v5 UUID, so the
 * same policy gives the same bytes; only the plan's own UUID and version follow the policy version.
 */
export function exportOscalSsp(report: AuditReport): string {
    const ids = oscalIds(report);
    const implementation = controlImplementation(report, ids, ids.uuid('component', 'policy'));
    if (!implementation) throw new OscalSspError(nothingClaimed(report));
    // The statement of applicability's frameworks: those the policy claims (ISO/IEC 27001 by default).
    const frameworks = report.summary.applicability.frameworks.map(framework => framework.prefix);
    const resources = [
        baselineResource(report, ids, frameworks),
        ...frameworks.map(prefix => frameworkResource(report, ids, prefix)),
        ...documentResources(report, ids)
    ];
    const plan = {
        uuid: ids.uuid('system-security-plan', documentKey(report)),
        metadata: {
            title: `${systemName(report)}: system security plan for information-security roles and responsibilities`,
            'last-modified': report.provenance.generatedAt,
            version: report.provenance.inputsSha256,
            'oscal-version': OSCAL_VERSION,
            props: metadataProps(report),
            ...optionalArray('roles', metadataRoles(report, ids)),
            ...optionalArray('parties', metadataParties(report, ids)),
            ...optionalArray('responsible-parties', metadataResponsibleParties(report, ids))
        },
        'import-profile': {
            href: `#${ids.uuid('profile', 'statement-of-applicability')}`,
            remarks: `The claimed frameworks (${frameworks.join(', ')}) less the statement of applicability's exclusions; see the back-matter resource.`
        },
        'system-characteristics': systemCharacteristics(report, ids),
        'system-implementation': {
            users: systemUsers(report, ids),
            components: systemComponents(report, ids)
        },
        'control-implementation': implementation,
        'back-matter': { resources }
    };
    return JSON.stringify(escapedMarkup({ 'system-security-plan': plan }), null, 2) + '\n';
}
