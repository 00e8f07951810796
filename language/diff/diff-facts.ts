/**
 * The facts of one side of a diff, keyed by identity so that the two sides can be matched record
 * by record whatever the files' line numbers. Holders come from the WorkspaceModel (never from the
 * assignments' dates directly), requirement status from the applicability engine, findings and
 * exceptions from the same build as `mandate check`.
 */
import type { AstNode } from 'langium';
import type { Announcement, Role } from '../generated/ast.js';
import { URI } from 'langium';
import { requirementStatuses, type ApplicabilityStatus } from '../applicability/index.js';
import type { Finding } from '../engine/check-sources.js';
import type { MandateSharedServices } from '../mandate-module.js';
import { findRule } from '../rules/index.js';
import { delegationStatus } from '../workspace/delegation-status.js';
import { jobDescriptionOn } from '../workspace/job-descriptions.js';
import { documentUriOf } from '../workspace/workspace-model.js';
import { compareStrings } from '../util/compare.js';
import type { AppointmentRecord, AuthorityRecord, ConflictRecord, DelegationRecord, DiffPlace, FindingRecord, PersonRecord, RoleRecord } from './diff-model.js';

/** One side's build: the services of a `checkSources` run, its findings and its workspace folder (a URI string). */
export interface DiffBuild {
    readonly shared: MandateSharedServices;
    readonly findings: readonly Finding[];
    readonly root: string;
}

export interface SideFacts {
    readonly asOf: string;
    readonly roles: Map<string, RoleRecord>;
    readonly persons: Map<string, PersonRecord>;
    readonly appointments: Map<string, AppointmentRecord>;
    /** Role name → the names of the people holding it on the as-of date. */
    readonly holders: Map<string, Set<string>>;
    /** Role name → `kind duty` of each line of its job description. */
    readonly duties: Map<string, Set<string>>;
    readonly authorities: Map<string, AuthorityRecord>;
    readonly delegations: Map<string, DelegationRecord>;
    readonly conflicts: Map<string, ConflictRecord>;
    readonly exceptions: Map<string, FindingRecord>;
    readonly findings: Map<string, FindingRecord>;
    readonly requirements: Map<string, { readonly title: string; readonly status: ApplicabilityStatus }>;
    /** The people the side declares, by ID: a redacted report of the changes pseudonymises those who are gone too. */
    readonly people: Map<string, { readonly title: string; readonly email?: string }>;
}

/** A path relative to the side's folder, with `/` separators, so both sides name a file alike. */
function relativeTo(rootPath: string, uri: string): string {
    const path = URI.parse(uri).path;
    const prefix = rootPath.endsWith('/') ? rootPath : `${rootPath}/`;
    return path.startsWith(prefix) ? path.slice(prefix.length) : path;
}

/** Adds `value` under `key`, or under `key #2`, `#3`, … when two records share an identity. */
/**
 * A message as findings are matched: without the `file:line` places it names (`… (people.mandate:8)`),
 * which move when nothing changed; without the side's as-of date, which `--from-as-of` sets apart
 * (`Nobody holds the CISO role 'ciso' on 2024-06-01`: the same vacancy on both sides); and without
 * the display names messages give after an ID (`idle ("Idle Person")`, rules/describe.ts): a new
 * name is a change of the person (the people group), not a new finding.
 */
function matchedText(message: string, asOf: string): string {
    return message.replace(/[^\s()'"`]+\.mandate:\d+(?::\d+)?/g, '…').replace(/ \("[^"]*"\)/g, ' ("…")').split(asOf).join('<as-of>');
}

function addUnique<T>(map: Map<string, T>, key: string, value: T): void {
    let unique = key;
    for (let n = 2; map.has(unique); n++) unique = `${key} #${n}`;
    map.set(unique, value);
}

/**
 * Rules whose findings depend on the git history of the checked folder (when each record was
 * first committed): a revision read out of git has no history of its own, so comparing them would
 * report every such finding as introduced. Both sides leave them out.
 */
const HISTORY_RULES = new Set(['record-late']);

const ref = (reference: { $refText?: string } | undefined): string => reference?.$refText ?? '';

/** A period as the diff shows it: `since A`, `until B`, `A to B`; undefined when neither end is written. */
function periodText(since: string | undefined, until: string | undefined): string | undefined {
    return since && until ? `${since} to ${until}` : since ? `since ${since}` : until ? `until ${until}` : undefined;
}

/** What a role is designated as (RoleRecord.designations), when anything. */
function designationsOf(role: Role): { designations?: string[] } {
    const designations = [
        ...(role.ciso ? ['designated CISO'] : []), ...(role.ismsOwner ? ['designated ISMS owner'] : []),
        ...(role.internalAuditor ? ['designated internal auditor'] : []), ...(role.key ? ['key role'] : []), ...(role.singleHolder ? ['single holder'] : [])
    ];
    return designations.length > 0 ? { designations } : {};
}

/** An announcement as the diff compares it: its date, channel and audience as written. */
function announcementText(announcement: Announcement): string {
    const { audience } = announcement;
    return [announcement.date ?? '', `via ${announcement.channel ?? ''}`, ...(audience ? [`to ${audience}`] : [])].join(' ');
}

export function sideFacts(build: DiffBuild): SideFacts {
    const settings = build.shared.mandate.Settings;
    const model = build.shared.mandate.WorkspaceModel.get();
    const asOf = settings.asOf();
    const rootPath = URI.parse(build.root).path;
    const place = (node: AstNode): DiffPlace => ({
        file: relativeTo(rootPath, documentUriOf(node)), line: (node.$cstNode?.range.start.line ?? 0) + 1
    });

    const roles = new Map<string, RoleRecord>();
    const holders = new Map<string, Set<string>>();
    const duties = new Map<string, Set<string>>();
    for (const role of model.roles) {
        if (roles.has(role.name)) continue; // a duplicate name is its own finding; the first declaration speaks
        const reportsTo = ref(role.reportsTo);
        const inForce = jobDescriptionOn(role, asOf);
        roles.set(role.name, {
            name: role.name, title: role.title, ...(reportsTo ? { reportsTo } : {}), ...designationsOf(role),
            ...(inForce?.path ? { jobDescription: inForce.version ? `${inForce.path} version ${inForce.version}` : inForce.path } : {}), source: place(role)
        });
        holders.set(role.name, new Set(model.holdersOn(role, asOf).map(assignment => ref(assignment.person))));
        duties.set(role.name, new Set(role.duties.flatMap(link => link.duties.map(duty => `${link.kind} ${ref(duty)}`))));
    }

    const appointments = new Map<string, AppointmentRecord>();
    for (const assignment of model.assignments) {
        const record: AppointmentRecord = {
            role: ref(assignment.role), person: ref(assignment.person), since: assignment.since, until: assignment.until,
            capacity: assignment.capacity, appointedBy: assignment.appointedBy ? ref(assignment.appointedBy) : undefined,
            ...(assignment.announcements.length > 0 ? { announcements: assignment.announcements.map(announcementText) } : {}),
            ...(assignment.acknowledgements.length > 0 ? { acknowledgements: assignment.acknowledgements.map(acknowledgement => acknowledgement.date ?? '') } : {}),
            ...(assignment.evidence.length > 0 ? { evidence: [...assignment.evidence] } : {}), source: place(assignment)
        };
        addUnique(appointments, `${record.role}\u0000${record.person}\u0000${record.since ?? ''}`, record);
    }

    const persons = new Map<string, PersonRecord>();
    for (const person of model.persons) {
        if (persons.has(person.name)) continue; // a duplicate name is its own finding
        const employment = periodText(person.employedSince, person.employedUntil);
        const engaged = periodText(person.engagedSince, person.engagedUntil);
        const engagement = person.external || person.firm || engaged ? [person.firm ?? 'external', engaged].filter(Boolean).join(', ') : undefined;
        persons.set(person.name, {
            name: person.name, title: person.title ?? person.name, ...(person.jobTitle ? { jobTitle: person.jobTitle } : {}),
            ...(employment ? { employment } : {}), ...(engagement ? { engagement } : {}), source: place(person)
        });
    }

    const authorities = new Map<string, AuthorityRecord>();
    for (const authority of model.authorities) {
        if (authorities.has(authority.name)) continue; // a duplicate name is its own finding
        const named = authority.appoints.map(reference => ref(reference)).sort(compareStrings);
        const mayAppoint = authority.appointsAnyRole ? 'any role' : named.length > 0 ? named.join(', ') : undefined;
        authorities.set(authority.name, { name: authority.name, title: authority.title, ...(mayAppoint ? { mayAppoint } : {}), source: place(authority) });
    }

    const delegations = new Map<string, DelegationRecord>();
    for (const delegation of model.delegations) {
        const record: DelegationRecord = {
            duty: ref(delegation.duty), from: ref(delegation.from), to: ref(delegation.to), since: delegation.since, until: delegation.until,
            status: delegationStatus(delegation, asOf), source: place(delegation)
        };
        addUnique(delegations, `${record.duty}\u0000${record.from}\u0000${record.to}\u0000${record.since ?? ''}`, record);
    }

    const conflicts = new Map<string, ConflictRecord>();
    for (const conflict of model.conflicts) {
        // `conflict between a and b` is the same conflict as `conflict between b and a`.
        const [left, right] = [ref(conflict.left), ref(conflict.right)].sort();
        addUnique(conflicts, `${left}\u0000${right}`, { left, right, reason: conflict.reason, compensations: [...conflict.compensations], source: place(conflict) });
    }

    const exceptions = new Map<string, FindingRecord>();
    const findings = new Map<string, FindingRecord>();
    for (const finding of build.findings) {
        if (HISTORY_RULES.has(finding.rule)) continue;
        const file = relativeTo(rootPath, finding.uri);
        // An accepted exception is shown to the editor as a hint; the diff gives the severity it was accepted at.
        const rule = finding.suppressed ? findRule(finding.rule) : undefined;
        const severity = rule && settings.severityOf(rule) !== 'off' ? settings.severityOf(rule) : finding.severity;
        const record: FindingRecord = {
            rule: finding.rule, severity, message: finding.message,
            justification: finding.suppressed?.justification, source: { file, line: finding.line }
        };
        // Matched by rule and message, without the places and the date a message names: a line inserted above a
        // finding, its record moved to another file, or the other side read on another date does not make it new.
        addUnique(finding.suppressed ? exceptions : findings, `${finding.rule}\u0000${matchedText(finding.message, asOf)}`, record);
    }

    const open = build.findings.filter(finding => !finding.suppressed && !HISTORY_RULES.has(finding.rule));
    const requirements = new Map(requirementStatuses(model, asOf, settings, open)
        .map(result => [result.requirement.id, { title: result.requirement.title, status: result.status }] as const));

    const people = new Map(model.persons.map(person => [person.name, { title: person.title ?? person.name, ...person.email ? { email: person.email } : {} }] as const));
    return { asOf, roles, persons, appointments, holders, duties, authorities, delegations, conflicts, exceptions, findings, requirements, people };
}
