import { FRAMEWORKS } from '../standards/catalogue.js';
import { mediaType, policyDocuments, relativeHref } from './oscal-resources.js';
import type { Appointment, AuditReport, RepositoryState, RequirementStatus, RoleHolders } from './report-model.js';
import { uuidv5 } from './uuid-v5.js';

/** The OSCAL version the export conforms to; NIST's schema for it is in shared/schemas. */
export const OSCAL_VERSION = '1.0.6';
/** The namespace of Mandate's own `props` (OSCAL reserves names without a namespace for its own). */
export const MANDATE_OSCAL_NS = 'urn:mandate:oscal';

type Json = Record<string, unknown>;

const TOKEN = /^[\p{L}_][\p{L}\p{N}._-]*$/u;

/**
 * An OSCAL token (an XML NCName: a letter or `_`, then letters, digits, `.`, `-`, `_`). Policy
 * names already are tokens, so for them this is the identity; anything else has each other
 * character replaced by `_`, and gets a leading `_` when it does not start with a letter.
 */
export function oscalToken(text: string): string {
    if (TOKEN.test(text)) return text;
    const replaced = text.replace(/[^\p{L}\p{N}._-]/gu, '_');
    return /^[\p{L}_]/u.test(replaced) ? replaced : `_${replaced}`;
}

/**
 * The OSCAL control-id of a catalogue requirement: lower case, the framework prefix, `-`, then the
 * clause with each parenthesised part as a `.`-separated part: ISO27001:5.3(b) → iso27001-5.3.b,
 * ISO27001:A.5.2 → iso27001-a.5.2, NIST-CSF:GV.RR-01 → nist-csf-gv.rr-01, HIPAA:164.308(a)(2) → hipaa-164.308.a.2.
 */
export function controlId(requirementId: string): string {
    const colon = requirementId.indexOf(':');
    const framework = requirementId.slice(0, colon);
    const clause = requirementId.slice(colon + 1).replace(/\(([^)]*)\)/g, '.$1');
    return oscalToken(`${framework}-${clause}`.toLowerCase());
}

/** OSCAL's plain strings may not be empty or start or end with whitespace, and are one line. */
function oscalString(text: string | undefined, fallback: string): string {
    const cleaned = (text ?? '').replace(/\s+/g, ' ').trim();
    return cleaned === '' ? fallback : cleaned;
}

function prop(name: string, value: string): Json {
    return { name, ns: MANDATE_OSCAL_NS, value: oscalString(value, '-') };
}

const EMAIL = /^[^\s@]+@[^\s@]+$/;

function frameworkName(prefix: string): string {
    return FRAMEWORKS.find(framework => framework.prefix === prefix)?.name ?? prefix;
}

/** The RACI kinds as the policy language writes them. */
const KIND_WORDS: Record<string, string> = {
    responsible: 'responsible for', accountable: 'accountable for', consulted: 'consulted on', informed: 'informed of', authorized: 'authorized to'
};

/** The job description, one Markdown list item per line: `- responsible for: Report ISMS performance (every quarter)`. */
function jobDescriptionText(entry: RoleHolders): string {
    const lines = entry.duties.map(line => `- ${KIND_WORDS[line.kind] ?? line.kind}: ${line.duty.title}${line.cadence ? ` (${line.cadence})` : ''}`);
    return lines.length > 0 ? lines.join('\n') : `${entry.role.title}: no duties are assigned in the policy.`;
}

function plural(count: number, word: string): string {
    return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/**
 * The audit report as an OSCAL component definition (JSON): the policy's roles, people and
 * current appointments in the metadata, one `policy` component whose control implementations
 * state each catalogue requirement's status, and the named documents as back matter. Every UUID
 * is a v5 UUID of a name scoped by the organization, so exporting the same policy twice gives the
 * same bytes and an edited policy diffs line by line; only the document's own UUID (and version)
 * follow the policy version, as OSCAL asks of a changed document.
 */
export function exportOscal(report: AuditReport): string {
    const scope = report.organization?.id ?? '';
    const uuid = (kind: string, key: string) => uuidv5(`${scope}/${kind}/${key}`);
    const personUuid = (id: string) => uuid('party', id);
    const documents = policyDocuments(report);
    const documentUuid = (text: string) => uuid('resource', text);
    const holdersOf = (roleId: string) => [...new Set(report.roles.find(entry => entry.role.id === roleId)?.holders.map(holder => personUuid(holder.person.id)) ?? [])];
    const organization = report.organization;
    const organizationUuid = organization ? uuid('organization', organization.id) : undefined;

    const roles = report.roles.map(entry => ({
        id: oscalToken(entry.role.id),
        title: entry.role.title,
        description: jobDescriptionText(entry),
        ...optionalArray('props', [
            ...(entry.ciso ? [prop('designated-ciso', 'true')] : []),
            ...(organization?.topManagement.some(role => role.id === entry.role.id) ? [prop('top-management', 'true')] : []),
            ...(entry.reportsTo ? [prop('reports-to', oscalToken(entry.reportsTo))] : []),
            ...(entry.vacant ? [prop('vacant', 'true')] : []),
            // The job description in force on the as-of date.
            ...(entry.jobDescriptionVersion?.trim() ? [prop('job-description-version', entry.jobDescriptionVersion)] : []),
            ...(entry.jobDescriptionEffective ? [prop('job-description-effective', entry.jobDescriptionEffective)] : [])
        ]),
        ...optionalArray('links', entry.jobDescription
            ? [{ href: `#${documentUuid(entry.jobDescription)}`, rel: 'reference', text: 'Job description' }] : [])
    }));

    // External people belong to their firm, not to the organization; each firm is a party of its own.
    const firms = [...new Set(report.people.flatMap(person => person.external && person.firm?.trim() ? [oscalString(person.firm, '-')] : []))];
    const firmUuid = (firm: string) => uuid('firm', firm);
    const parties = [
        ...(organization && organizationUuid ? [{ uuid: organizationUuid, type: 'organization', name: oscalString(organization.title, organization.id), 'short-name': organization.id }] : []),
        ...firms.map(firm => ({ uuid: firmUuid(firm), type: 'organization', name: firm })),
        ...report.people.map(person => ({
            uuid: personUuid(person.id),
            type: 'person',
            name: oscalString(person.title, person.id),
            ...optionalArray('props', [
                ...(person.jobTitle?.trim() ? [prop('job-title', person.jobTitle)] : []),
                ...(person.external ? [prop('external', 'true')] : []),
                ...(person.employedSince ? [prop('employed-since', person.employedSince)] : []),
                ...(person.employedUntil ? [prop('employed-until', person.employedUntil)] : []),
                ...(person.engagedSince ? [prop('engaged-since', person.engagedSince)] : []),
                ...(person.engagedUntil ? [prop('engaged-until', person.engagedUntil)] : [])
            ]),
            ...optionalArray('email-addresses', person.email && EMAIL.test(person.email.trim()) ? [person.email.trim()] : []),
            ...optionalArray('member-of-organizations', person.external
                ? (person.firm?.trim() ? [firmUuid(oscalString(person.firm, '-'))] : [])
                : organizationUuid ? [organizationUuid] : [])
        }))
    ];

    const responsibleParties = report.roles.filter(entry => !entry.vacant).map(entry => {
        const evidence = [...new Set(entry.holders.flatMap(holder => [
            ...holder.evidence, ...holder.announcements.flatMap(announcement => announcement.evidence),
            ...holder.acknowledgements.flatMap(acknowledgement => acknowledgement.evidence)
        ]))];
        return {
            'role-id': oscalToken(entry.role.id),
            'party-uuids': holdersOf(entry.role.id),
            ...optionalArray('links', evidence.map(text => ({ href: `#${documentUuid(text)}`, rel: 'evidence' }))),
            remarks: entry.holders.map(holderRemark).join('\n')
        };
    });

    const implemented = (requirement: RequirementStatus) => {
        const lowering = requirement.findings.map(index => report.findings[index]).filter(finding => finding !== undefined);
        return {
            uuid: uuid('implemented-requirement', requirement.id),
            'control-id': controlId(requirement.id),
            description: `${requirement.id}: ${requirement.title}.\n\nStatus: ${requirement.status}. ${requirement.reasons.join(' ')}`.trim(),
            props: [prop('requirement-id', requirement.id), prop('status', requirement.status)],
            ...optionalArray('responsible-roles', requirement.heldBy.map(roleId => ({
                'role-id': oscalToken(roleId),
                ...optionalArray('party-uuids', holdersOf(roleId))
            }))),
            ...(lowering.length > 0
                ? { remarks: lowering.map(finding => `- ${finding.rule} (${finding.severity}) at ${finding.source.file}:${finding.source.line}: ${finding.message}`).join('\n') }
                : {})
        };
    };

    const frameworks = [...new Set(report.summary.requirements.map(requirement => requirement.framework))];
    const frameworkUuid = (prefix: string) => uuid('framework', prefix);
    const controlImplementations = frameworks.map(prefix => {
        const requirements = report.summary.requirements.filter(requirement => requirement.framework === prefix);
        const count = (status: string) => requirements.filter(requirement => requirement.status === status).length;
        return {
            uuid: uuid('control-implementation', prefix),
            source: `#${frameworkUuid(prefix)}`,
            description: `How the policy's roles carry the ${frameworkName(prefix)} requirements of Mandate's catalogue on ${report.asOf}: `
                + `${count('met')} met, ${count('partly-met')} partly met, ${count('not-met')} not met.`,
            'implemented-requirements': requirements.map(implemented)
        };
    });

    const organizationName = organization ? `${organization.title}: ` : '';
    const component = {
        uuid: uuid('component', 'policy'),
        type: 'policy',
        title: `${organizationName}information-security roles and responsibilities`,
        description: `The information-security roles, appointments, announcements and delegations declared in the Mandate policy, as of ${report.asOf}. `
            + `ISO/IEC 27001 clause 5.3 is ${report.summary.clause53}; the check found ${plural(report.summary.errors, 'error')} and ${plural(report.summary.warnings, 'warning')}.`,
        purpose: 'Assign and communicate the responsibilities and authorities for roles relevant to information security (ISO/IEC 27001:2022, clause 5.3).',
        props: [prop('as-of', report.asOf), prop('clause-5.3-status', report.summary.clause53), prop('errors', String(report.summary.errors)), prop('warnings', String(report.summary.warnings))],
        ...optionalArray('responsible-roles', report.roles.map(entry => ({ 'role-id': oscalToken(entry.role.id) }))),
        ...optionalArray('control-implementations', controlImplementations)
    };

    const hashes = new Map(report.provenance.documents.map(document => [document.file, document.sha256]));
    const resources = [
        ...frameworks.map(prefix => ({
            uuid: frameworkUuid(prefix),
            title: frameworkName(prefix),
            description: `The ${frameworkName(prefix)} requirements of Mandate's built-in catalogue, paraphrased; control-ids are derived from Mandate's requirement IDs (docs/report-json.md).`,
            props: [prop('framework', prefix)]
        })),
        ...documents.map(document => ({
            uuid: documentUuid(document.text),
            title: document.path ?? document.text,
            description: document.uses.join(' '),
            ...optionalArray('rlinks', document.path ? [{
                href: relativeHref(document.path), ...optionalValue('media-type', mediaType(document.path)),
                ...optionalArray('hashes', hashes.has(document.path) ? [{ algorithm: 'SHA-256', value: hashes.get(document.path) }] : [])
            }] : [])
        }))
    ];

    const definition = {
        uuid: uuid('component-definition', report.provenance.inputsSha256),
        metadata: {
            title: `${organizationName}information-security roles and responsibilities (ISO/IEC 27001 clause 5.3)`,
            'last-modified': report.provenance.generatedAt,
            version: report.provenance.inputsSha256,
            'oscal-version': OSCAL_VERSION,
            props: [
                prop('generator', `${report.provenance.tool} ${report.provenance.toolVersion}`), prop('as-of', report.asOf),
                ...repositoryProps(report.provenance.repository)
            ],
            ...optionalArray('roles', roles),
            ...optionalArray('parties', parties),
            ...optionalArray('responsible-parties', responsibleParties)
        },
        components: [component],
        ...(resources.length > 0 ? { 'back-matter': { resources } } : {})
    };
    return JSON.stringify({ 'component-definition': definition }, null, 2) + '\n';
}

/**
 * One line per holder: the term in force, the tenure it continues, the capacity, who appointed
 * them, how the tenure was announced and whether the person acknowledged the role.
 */
function holderRemark(holder: Appointment): string {
    const tenure = holder.renewal ? ` (a renewal; tenure since ${holder.tenureSince ?? 'an undated start'})` : '';
    const first = holder.firstAnnouncement;
    const late = first?.late ? ` (late: ${first.days} days after the tenure began)` : '';
    const announced = !first ? 'never announced'
        : holder.announcements.length === 0 ? `no announcement of its own, covered by the tenure's first announcement on ${first.date}${late}`
            : `${plural(holder.announcements.length, 'announcement')}, first announced ${first.date}${late}`;
    const acknowledged = holder.acknowledgements.length > 0 ? `, acknowledged ${holder.acknowledgements.map(entry => entry.date).join(', ')}` : '';
    return `- ${holder.person.title}${holder.capacity ? ` (${holder.capacity})` : ''}${holder.since ? ` since ${holder.since}` : ''}${tenure}`
        + `${holder.until ? ` until ${holder.until}` : ''}${holder.appointedBy ? `, appointed by ${holder.appointedBy.title}` : ''}`
        + `, ${announced}${acknowledged} (${holder.source.file}:${holder.source.line})`;
}

/** The git commit the report was made from, and whether the folder had uncommitted changes; `none` without git. */
function repositoryProps(repository: RepositoryState): Json[] {
    if (!repository.git || !repository.commit) return [prop('git-commit', 'none')];
    return [prop('git-commit', repository.commit), prop('git-dirty', repository.dirty === undefined ? 'unknown' : String(repository.dirty))];
}

/** OSCAL arrays must not be empty: the key is left out instead. */
function optionalArray(key: string, items: readonly unknown[]): Json {
    return items.length > 0 ? { [key]: items } : {};
}

function optionalValue(key: string, value: string | undefined): Json {
    return value === undefined ? {} : { [key]: value };
}
