/**
 * The parts of an OSCAL document that describe the policy rather than one model: metadata roles,
 * parties and responsible parties, and the back-matter resources for frameworks and documents.
 * The component definition and the system security plan both use them unchanged.
 */
import { frameworkName, isBuiltInFramework, oscalString, oscalToken, optionalArray, optionalValue, plural, prop, type Json, type OscalIds } from './oscal-common.js';
import { mediaType, policyDocuments, relativeHref } from './oscal-resources.js';
import { notAnnouncedText } from './announcement-text.js';
import { renewalText } from './tenure-text.js';
import { isMade, madeAnnouncements, type Appointment, type AuditReport, type RoleHolders } from './report-model.js';

/**
 * An address OSCAL's `email-addresses` accepts (its schema's `format: email`, as JSON Schema
 * validators check it): a mistyped one (`a@acme..example`, `a@acme.example,`) would make the whole
 * export invalid, so it is left out, as one that is not an address at all is.
 */
const EMAIL = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i;

/** The RACI kinds as the policy language writes them. */
const KIND_WORDS: Record<string, string> = {
    responsible: 'responsible for', accountable: 'accountable for', consulted: 'consulted on', informed: 'informed of', authorized: 'authorized to'
};

/** The job description, one Markdown list item per line: `- responsible for: Report ISMS performance (every quarter)`. */
export function jobDescriptionText(entry: RoleHolders): string {
    const lines = entry.duties.map(line => `- ${KIND_WORDS[line.kind] ?? line.kind}: ${line.duty.title}${line.cadence ? ` (${line.cadence})` : ''}`);
    return lines.length > 0 ? lines.join('\n') : `${entry.role.title}: no duties are assigned in the policy.`;
}

/**
 * The first declaration of each name. A name declared twice is a duplicate-name error; the
 * export still gives each role id and party UUID once, as OSCAL requires.
 */
export function firstOfEachId<T>(items: readonly T[], id: (item: T) => string): T[] {
    const seen = new Set<string>();
    return items.filter(item => {
        if (seen.has(id(item))) return false;
        seen.add(id(item));
        return true;
    });
}

/** The roles, each name once (see firstOfEachId). */
export function uniqueRoles(report: AuditReport): RoleHolders[] {
    return firstOfEachId(report.roles, entry => entry.role.id);
}

/** The party UUIDs of the people who hold the role on the as-of date, each once. */
export function holderUuids(report: AuditReport, ids: OscalIds, roleId: string): string[] {
    return [...new Set(report.roles.find(entry => entry.role.id === roleId)?.holders.map(holder => ids.person(holder.person.id)) ?? [])];
}

/** `metadata.roles`: every role, with its job description, designations and the job-description document. */
export function metadataRoles(report: AuditReport, ids: OscalIds): Json[] {
    const organization = report.organization;
    return uniqueRoles(report).map(entry => ({
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
            ...(entry.jobDescriptionEffective ? [prop('job-description-effective', entry.jobDescriptionEffective)] : []),
            ...(entry.jobDescriptionMissing && entry.jobDescription ? [prop('job-description-missing', 'true')] : [])
        ]),
        ...optionalArray('links', entry.jobDescription && !entry.jobDescriptionMissing
            ? [{ href: `#${ids.document(entry.jobDescription)}`, rel: 'reference', text: 'Job description' }] : []),
        ...(entry.jobDescriptionMissing && entry.jobDescription ? { remarks: missingJobDescriptionRemark(entry, entry.jobDescription) } : {})
    }));
}

/**
 * A job description in force whose file is not in the workspace is no evidence: a GRC tool takes
 * every back-matter resource a role links to for a document it can open. The role says instead,
 * as the Markdown report's "file not found in the workspace" does, that it cannot be produced.
 */
function missingJobDescriptionRemark(entry: RoleHolders, path: string): string {
    const where = entry.jobDescriptionSource ? ` (${entry.jobDescriptionSource.file}:${entry.jobDescriptionSource.line})` : '';
    return `The job description in force, ${path}${where}: file not found in the workspace, so it cannot be produced (evidence-missing).`;
}

/** `metadata.parties`: the organization, each external person's firm, then every person. */
export function metadataParties(report: AuditReport, ids: OscalIds): Json[] {
    const organization = report.organization;
    // External people belong to their firm, not to the organization; each firm is a party of its own.
    const firms = [...new Set(report.people.flatMap(person => person.external && person.firm?.trim() ? [oscalString(person.firm, '-')] : []))];
    return [
        ...(organization && ids.organization ? [{ uuid: ids.organization, type: 'organization', name: oscalString(organization.title, organization.id), 'short-name': organization.id }] : []),
        ...firms.map(firm => ({ uuid: ids.firm(firm), type: 'organization', name: firm })),
        ...firstOfEachId(report.people, person => person.id).map(person => ({
            uuid: ids.person(person.id),
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
                ? (person.firm?.trim() ? [ids.firm(oscalString(person.firm, '-'))] : [])
                : ids.organization ? [ids.organization] : [])
        }))
    ];
}

/** `metadata.responsible-parties`: each held role → its holders, with the appointment evidence and one remark line per holder. */
export function metadataResponsibleParties(report: AuditReport, ids: OscalIds): Json[] {
    return uniqueRoles(report).filter(entry => !entry.vacant).map(entry => {
        const evidence = [...new Set(entry.holders.flatMap(holder => [
            ...holder.evidence, ...holder.announcements.flatMap(announcement => announcement.evidence),
            ...holder.acknowledgements.flatMap(acknowledgement => acknowledgement.evidence)
        ]))];
        return {
            'role-id': oscalToken(entry.role.id),
            'party-uuids': holderUuids(report, ids, entry.role.id),
            ...optionalArray('links', evidence.map(text => ({ href: `#${ids.document(text)}`, rel: 'evidence' }))),
            remarks: entry.holders.map(holderRemark).join('\n')
        };
    });
}

/**
 * One line per holder: the term in force, the tenure it continues, the capacity, who appointed
 * them, how the tenure was announced and whether the person acknowledged the role.
 */
export function holderRemark(holder: Appointment): string {
    const tenure = holder.renewal ? ` (${renewalText(holder)}; tenure since ${holder.tenureSince ?? 'an undated start'})` : '';
    const first = holder.firstAnnouncement;
    const late = first?.late ? ` (late: ${first.days} days after the tenure began)` : '';
    const made = madeAnnouncements(holder.announcements).length;
    const upcoming = holder.announcements.filter(entry => entry.upcoming).length;
    const impossible = holder.announcements.filter(entry => entry.invalidDate).length;
    const later = (upcoming > 0 ? ` (${plural(upcoming, 'announcement')} dated after the as-of date, not made yet)` : '')
        + (impossible > 0 ? ` (${plural(impossible, 'announcement')} dated on a day the calendar does not have, which counts for nothing until corrected)` : '');
    const announced = (!first ? notAnnouncedText(holder)
        : made === 0 ? `no announcement of its own, covered by the tenure's first announcement on ${first.date}${late}`
            : `${plural(made, 'announcement')}, first announced ${first.date}${late}`) + later;
    const acknowledgements = holder.acknowledgements.filter(isMade);
    const acknowledged = acknowledgements.length > 0 ? `, acknowledged ${acknowledgements.map(entry => entry.date).join(', ')}` : '';
    const held = `${holder.heldSince ? ` (held from ${holder.heldSince}, when they joined)` : ''}${holder.heldUntil ? ` (held until ${holder.heldUntil}, when they leave)` : ''}`;
    return `- ${holder.person.title}${holder.capacity ? ` (${holder.capacity})` : ''}${holder.since ? ` since ${holder.since}` : ''}${tenure}${held}`
        + `${holder.until ? ` until ${holder.until}` : ''}${holder.appointedBy ? `, appointed by ${holder.appointedBy.title}` : ''}`
        + `, ${announced}${acknowledged}${recordedByRemark(holder)} (${holder.source.file}:${holder.source.line})`;
}

/** `, first recorded in commit abc1234 by Jane Doe on 2024-03-04 (Approved-by: …)`, when the git history was read. */
function recordedByRemark(holder: Appointment): string {
    const entry = holder.recordedBy;
    if (entry?.status !== 'recorded') return entry ? `, ${entry.status === 'shallow-clone' ? 'recorded-by unknown (shallow clone)' : 'not yet committed'}` : '';
    const trailers = (entry.trailers ?? []).map(trailer => `${trailer.key}: ${trailer.value}`).join('; ');
    return `, first recorded in commit ${entry.shortCommit} by ${entry.author} on ${(entry.date ?? '').slice(0, 10)}${trailers ? ` (${trailers})` : ''}`;
}

/** A back-matter resource naming one framework: of Mandate's built-in catalogue, or the organization's own. */
export function frameworkResource(report: AuditReport, ids: OscalIds, prefix: string): Json {
    const name = frameworkName(report, prefix);
    return {
        uuid: ids.framework(prefix),
        title: name,
        description: isBuiltInFramework(prefix)
            ? `The ${name} requirements of Mandate's built-in catalogue, paraphrased; control-ids are derived from Mandate's requirement IDs (docs/report-json.md).`
            : `${name}: the organization's own framework, declared in the policy or a catalogue file; control-ids are derived from its requirement IDs (docs/report-json.md).`,
        props: [prop('framework', prefix)]
    };
}

/**
 * A back-matter resource per job description and evidence document: a workspace file as a
 * relative link with its media type and SHA-256, a reference ("Board minutes …") by title only.
 * Only a file the report hashed is linked: one the path resolver found to be a regular file inside
 * the workspace (workspace/policy-path.ts), never a missing file, a special file or a symbolic
 * link that leads out of the workspace, which a tool following the link would read.
 */
export function documentResources(report: AuditReport, ids: OscalIds): Json[] {
    const hashes = new Map(report.provenance.documents.map(document => [document.file, document.sha256]));
    return policyDocuments(report).map(document => {
        const sha256 = document.path === undefined ? undefined : hashes.get(document.path);
        return {
            uuid: ids.document(document.text),
            title: document.path ?? document.text,
            description: document.missing
                ? `${document.uses.join(' ')} The file is not found in the workspace, so it cannot be produced (evidence-missing).`
                : document.uses.join(' '),
            ...optionalArray('props', document.missing ? [prop('missing', 'true')] : []),
            ...optionalArray('rlinks', document.path !== undefined && sha256 !== undefined ? [{
                href: relativeHref(document.path), ...optionalValue('media-type', mediaType(document.path)),
                hashes: [{ algorithm: 'SHA-256', value: sha256 }]
            }] : [])
        };
    });
}
