/**
 * The system security plan's description of the system: its characteristics, its components and
 * its users. The "system" is the organization's information security management system as far as
 * the policy declares it: roles, people, appointments, authorities and delegations. Whatever the
 * policy does not say (a security categorization, the operating state of the organization's IT,
 * the ISMS scope) is marked as not stated, never guessed.
 */
import { findActivity } from '../standards/activities.js';
import { oscalString, oscalToken, optionalArray, plural, prop, type Json, type OscalIds } from './oscal-common.js';
import { uniqueRoles } from './oscal-metadata.js';
import type { AuditReport, DutyEntry, RoleHolders } from './report-model.js';

/** The system's full name, from the organization's title when the policy declares one. */
export function systemName(report: AuditReport): string {
    const organization = report.organization;
    return organization
        ? `${oscalString(organization.title, organization.id)} information security management system`
        : 'Information security management system (the policy declares no organization)';
}

function heldCount(report: AuditReport): string {
    const roles = uniqueRoles(report);
    const held = roles.filter(entry => !entry.vacant).length;
    return `${held} of ${plural(roles.length, 'role')} ${held === 1 ? 'is' : 'are'} held`;
}

/** `system-characteristics`: what the policy says of the system, and which of OSCAL's fields it leaves unstated. */
export function systemCharacteristics(report: AuditReport, ids: OscalIds): Json {
    const organization = report.organization;
    const files = report.provenance.inputs.length;
    return {
        // A v5 UUID of the organization's name, so the system keeps its identifier across plans.
        'system-ids': [{ 'identifier-type': 'https://ietf.org/rfc/rfc4122', id: ids.uuid('system', 'isms') }],
        'system-name': systemName(report),
        ...(organization ? { 'system-name-short': `${organization.id} ISMS` } : {}),
        description: `${organization?.description?.trim() ? `${organization.description.trim()}\n\n` : ''}`
            + `The information-security roles, responsibilities and authorities of ${organization ? oscalString(organization.title, organization.id) : 'the organization'}, `
            + `who holds them and how the appointments were made and made known, as declared in the Mandate policy `
            + `(${plural(files, 'policy file')}) and checked as of ${report.asOf}. This plan describes the management system's people and roles `
            + `(ISO/IEC 27001:2022 clause 5.3); the policy does not describe the organization's information systems.`,
        props: [prop('as-of', report.asOf)],
        // OSCAL 1.0.6's metaschema asks for a sensitivity level but allows any value; the policy
        // records no security categorization (FIPS 199 or other), so none is claimed.
        'security-sensitivity-level': 'not-categorized',
        'system-information': {
            'information-types': [{
                uuid: ids.uuid('information-type', 'roles-and-appointments'),
                title: 'Information-security roles, responsibilities and appointments',
                description: 'The records the policy keeps: roles and their job descriptions, responsibilities and authorities, '
                    + 'the people who hold the roles (names, e-mail addresses, job titles, employment or engagement dates), '
                    + 'appointments, announcements, acknowledgements, delegations and training completions. '
                    + 'The policy does not categorize the confidentiality, integrity or availability impact of this information, '
                    + 'nor list the other information types the organization processes, so no impact levels are given.'
            }]
        },
        status: {
            // The policy shows who holds which role on a date, not whether the organization's systems
            // are in production, so OSCAL's `operational` cannot be justified from it.
            state: 'other',
            remarks: `Not stated in the policy, which records roles and appointments, not the operating state of the organization's systems. `
                + `On ${report.asOf}, ${heldCount(report)}.`
        },
        'authorization-boundary': {
            description: 'Not stated in the policy: the scope of the information security management system (ISO/IEC 27001:2022 clause 4.3) '
                + 'is not part of it. This plan covers the roles, people, appointments, authorities and delegations the policy declares, '
                + 'and the documents it names (back matter).'
        },
        remarks: 'Fields the policy does not state are marked as such: security-sensitivity-level is "not-categorized", '
            + 'no security-impact-level and no information-type impact levels are given, status is "other" and the authorization boundary is described as not stated.'
    };
}

/** `system-implementation.components`: the system itself and the policy, with the same UUID as the component definition's policy component. */
export function systemComponents(report: AuditReport, ids: OscalIds): Json[] {
    const organization = report.organization;
    const organizationName = organization ? `${oscalString(organization.title, organization.id)}: ` : '';
    const held = report.roles.some(entry => !entry.vacant);
    return [{
        uuid: ids.uuid('component', 'this-system'),
        type: 'this-system',
        title: systemName(report),
        description: 'The management system as a whole, as the policy declares it.',
        status: { state: 'other', remarks: `Not stated in the policy. On ${report.asOf}, ${heldCount(report)}.` }
    }, {
        uuid: ids.uuid('component', 'policy'),
        type: 'policy',
        title: `${organizationName}information-security roles and responsibilities`,
        description: `The information-security roles, appointments, announcements and delegations declared in the Mandate policy, as of ${report.asOf}. `
            + `The check found ${plural(report.summary.errors, 'error')} and ${plural(report.summary.warnings, 'warning')}.`,
        purpose: 'Assign and communicate the responsibilities and authorities for roles relevant to information security (ISO/IEC 27001:2022, clause 5.3).',
        props: [prop('as-of', report.asOf), prop('errors', String(report.summary.errors)), prop('warnings', String(report.summary.warnings))],
        // In operation when appointments under it are in force on the as-of date.
        status: held
            ? { state: 'operational', remarks: `Appointments under the policy are in force: on ${report.asOf}, ${heldCount(report)}.` }
            : { state: 'other', remarks: `No appointment under the policy is in force on ${report.asOf}: ${heldCount(report)}.` },
        ...optionalArray('responsible-roles', uniqueRoles(report).map(entry => ({ 'role-id': oscalToken(entry.role.id) })))
    }];
}

/**
 * `system-implementation.users`: one user class per role, with the role as its `role-ids` and the
 * authorities it may exercise on the as-of date as `authorized-privileges`: those its job
 * description grants (`authorized to`) and those delegated to it and in force.
 */
export function systemUsers(report: AuditReport, ids: OscalIds): Json[] {
    const duties = new Map(report.matrix.duties.filter(duty => duty.kind === 'authority').map(duty => [duty.id, duty]));
    const employed = new Map(report.people.map(person => [person.id, person.employed]));
    // OSCAL needs at least one user; a policy without roles gets one user class that says so.
    if (report.roles.length === 0) {
        return [{ uuid: ids.uuid('user', '(no roles)'), title: 'No roles', description: 'The policy declares no role, so no user class can be derived from it.' }];
    }
    return uniqueRoles(report).map(entry => {
        const granted = entry.duties.filter(line => line.kind === 'authorized').map(line => {
            // Who else exercises it now: the delegations of it in force from this role, to a role or a person.
            const onward = report.delegations
                .filter(delegation => delegation.status === 'active' && delegation.from.id === entry.role.id && delegation.duty.id === line.duty.id)
                .map(delegation => ` Delegated to ${delegation.to.title}${delegation.since ? ` since ${delegation.since}` : ''}`
                    + `${delegation.until ? ` until ${delegation.until}` : ''} (${delegation.source.file}:${delegation.source.line}).`);
            const authority = duties.get(line.duty.id);
            return {
                title: line.duty.title,
                description: `${authority?.description?.trim() ? `${authority.description.trim()} ` : ''}`
                    + `Granted by the job description of ${entry.role.title} (${line.source.file}:${line.source.line})`
                    + `${line.requirements.length > 0 ? `; satisfies ${line.requirements.join(', ')}` : ''}.${onward.join('')}`,
                'functions-performed': functionsPerformed(report, line.duty.title, authority)
            };
        });
        const delegated = report.delegations
            // From a role that does not hold the authority that day, a delegation grants nothing.
            .filter(delegation => delegation.status === 'active' && !delegation.delegatorLacksDuty && delegation.to.id === entry.role.id && duties.has(delegation.duty.id))
            .map(delegation => ({
                title: delegation.duty.title,
                description: `Delegated by ${delegation.from.title}${delegation.since ? ` since ${delegation.since}` : ''}`
                    + `${delegation.until ? ` until ${delegation.until}` : ''} (${delegation.source.file}:${delegation.source.line}).`,
                'functions-performed': functionsPerformed(report, delegation.duty.title, duties.get(delegation.duty.id))
            }));
        return {
            uuid: ids.uuid('user', entry.role.id),
            title: entry.role.title,
            description: userDescription(entry, report.asOf),
            ...optionalArray('props', userType(entry, employed)),
            'role-ids': [oscalToken(entry.role.id)],
            ...optionalArray('authorized-privileges', [...granted, ...delegated])
        };
    });
}

/**
 * What a user class does with an authority: the appointments it may make, the activity it
 * performs (by the activity catalogue's title), or else what the authority is called.
 */
function functionsPerformed(report: AuditReport, title: string, authority: DutyEntry | undefined): string[] {
    const roleTitle = (id: string) => report.roles.find(entry => entry.role.id === id)?.role.title ?? id;
    const functions = [
        ...(authority?.appointsAnyRole ? ['Appoint people to any role'] : (authority?.appoints ?? []).map(id => `Appoint people to the role ${roleTitle(id)}`)),
        ...(authority?.activity ? [findActivity(authority.activity)?.title ?? authority.activity] : [])
    ];
    return functions.length > 0 ? [...new Set(functions)] : [title];
}

function userDescription(entry: RoleHolders, asOf: string): string {
    if (entry.vacant) return `The holders of ${entry.role.title}: nobody holds the role on ${asOf}.`;
    const holders = entry.holders.map(holder => `${holder.person.title}${holder.capacity ? ` (${holder.capacity})` : ''}${holder.since ? ` since ${holder.since}` : ''}`);
    return `The holders of ${entry.role.title}: on ${asOf}, ${holders.join(', ')}.`;
}

/**
 * OSCAL's user `type`: internal when every holder is staff on the as-of date, external when none is
 * (externals, and an employee who stayed on as a contractor only after the change); left out otherwise.
 * `employed`: whether each person is staff on the as-of date, by ID.
 */
function userType(entry: RoleHolders, employed: ReadonlyMap<string, boolean>): Json[] {
    const staff = entry.holders.map(holder => employed.get(holder.person.id));
    if (staff.length === 0 || staff.includes(undefined)) return [];
    // OSCAL's own prop (no namespace): internal or external to the organization that owns the system.
    if (staff.every(value => value === true)) return [{ name: 'type', value: 'internal' }];
    return staff.every(value => value === false) ? [{ name: 'type', value: 'external' }] : [];
}
