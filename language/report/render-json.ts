import type {
    Acknowledgement, Announcement, Appointment, AuditReport, ControlOwnerEntry, DutyLine, FileHash, FirstAnnouncement, NamedRef, PersonEntry, ReportFinding,
    RecordedByEntry, RequirementStatus, RoleHolders, SourceRef
} from './report-model.js';
import { DIFF_KEY_ORDER } from '../diff/diff-json.js';
import { ordered, type KeyOrder, type Order } from './key-order.js';

const SOURCE: KeyOrder<SourceRef> = { file: true, line: true };
const NAMED: KeyOrder<NamedRef> = { id: true, title: true, source: SOURCE };

const ANNOUNCEMENT: KeyOrder<Announcement> = { date: true, channel: true, audience: true, evidence: true, upcoming: true, invalidDate: true, source: SOURCE };

const FIRST_ANNOUNCEMENT: KeyOrder<FirstAnnouncement> = { date: true, since: true, days: true, late: true, earlierTerm: true, source: SOURCE };
const ACKNOWLEDGEMENT: KeyOrder<Acknowledgement> = { date: true, evidence: true, earlierTerm: true, upcoming: true, invalidDate: true, source: SOURCE };

const RECORDED_BY: KeyOrder<RecordedByEntry> = {
    status: true, commit: true, shortCommit: true, author: true, email: true, date: true, trailers: { key: true, value: true }, daysAfterStart: true, late: true
};

const APPOINTMENT: KeyOrder<Appointment> = {
    person: NAMED, role: NAMED, capacity: true, since: true, until: true, tenureSince: true, heldSince: true, heldUntil: true, renewal: true, tenureCapacity: true, appointedBy: NAMED,
    appointedByFindings: true, audienceFindings: true, evidence: true, announcements: ANNOUNCEMENT, firstAnnouncement: FIRST_ANNOUNCEMENT,
    earlierCapacityAnnouncement: { date: true, capacity: true, source: SOURCE }, acknowledgements: ACKNOWLEDGEMENT, recordedBy: RECORDED_BY, source: SOURCE
};

const DUTY_LINE: KeyOrder<DutyLine> = { duty: NAMED, kind: true, requirements: true, cadence: true, source: SOURCE };

const ROLE_HOLDERS: KeyOrder<RoleHolders> = {
    role: NAMED, ciso: true, reportsTo: true, cisoSource: SOURCE, jobDescription: true, jobDescriptionVersion: true, jobDescriptionEffective: true,
    jobDescriptionFile: true, jobDescriptionMissing: true, jobDescriptionSource: SOURCE, holders: APPOINTMENT,
    upcoming: { person: NAMED, capacity: true, since: true, heldFrom: true, until: true, appointedBy: NAMED, source: SOURCE }, vacant: true, duties: DUTY_LINE
};

const REQUIREMENT: KeyOrder<RequirementStatus> = {
    id: true, framework: true, title: true, status: true, reasons: true, justification: true, justificationSource: SOURCE,
    heldBy: true, owners: true, evidence: true, rules: { rule: true, state: true, missing: true }, items: { id: true, title: true, status: true, acceptedExceptions: true }, findings: true,
    acceptedExceptions: true
};

const CONTROL_OWNER: KeyOrder<ControlOwnerEntry> = {
    requirement: true, framework: true, title: true, role: NAMED, holder: NAMED, since: true, capacity: true, vacant: true, duties: true, structural: true
};

const PERSON: KeyOrder<PersonEntry> = {
    id: true, title: true, source: SOURCE, email: true, jobTitle: true, employedSince: true, employedUntil: true,
    external: true, firm: true, engagedSince: true, engagedUntil: true, present: true, employed: true, roles: true
};

const FILE_HASH: KeyOrder<FileHash> = { file: true, sha256: true };

const FINDING: KeyOrder<ReportFinding> = { rule: true, severity: true, message: true, source: SOURCE, column: true, withheld: true };

const QUESTION = { question: true, answer: true, summary: true } as const;

/** Every key of the report, in the order the JSON writes them: the model's order, `schemaVersion` first. */
export const REPORT_KEY_ORDER: KeyOrder<AuditReport> = {
    schemaVersion: true,
    organization: { id: true, title: true, source: SOURCE, description: true, topManagement: NAMED },
    asOf: true,
    summary: {
        errors: true, warnings: true, infos: true, clause53: true, clause53AcceptedExceptions: true,
        applicability: { declared: true, frameworks: { prefix: true, name: true, source: SOURCE } },
        requirements: REQUIREMENT
    },
    questions: {
        responsible: { ...QUESTION, ciso: ROLE_HOLDERS, conformance: ROLE_HOLDERS, reporting: ROLE_HOLDERS },
        appointed: { ...QUESTION, appointments: APPOINTMENT },
        communicated: { ...QUESTION, appointments: APPOINTMENT, maxDays: true },
        cisoReporting: {
            ...QUESTION, role: NAMED, reportingDuties: DUTY_LINE, jobDescription: true, jobDescriptionVersion: true, jobDescriptionEffective: true
        }
    },
    roles: ROLE_HOLDERS,
    people: PERSON,
    matrix: {
        roles: NAMED,
        duties: { id: true, title: true, source: SOURCE, kind: true, requirements: true, description: true, activity: true, appoints: true, appointsAnyRole: true },
        cells: { role: true, duty: true, letters: true }
    },
    controlOwners: CONTROL_OWNER,
    delegations: { duty: NAMED, from: NAMED, to: NAMED, since: true, until: true, status: true, recipientAbsent: true, recipientLapsed: true, recipientVacant: true, recipientPassesOn: true, delegatorLacksDuty: true, delegatorVacant: true, invalidRange: true, evidence: true, source: SOURCE },
    graph: {
        nodes: { id: true, label: true, kind: true, ciso: true, vacant: true },
        edges: { from: true, to: true, kind: true, label: true }
    },
    training: {
        programme: NAMED, cadence: true, audience: true,
        people: { person: NAMED, lastCompleted: true, dueBy: true, state: true }
    },
    findings: FINDING,
    acceptedExceptions: { rule: true, message: true, justification: true, source: SOURCE, column: true },
    provenance: {
        tool: true, toolVersion: true, asOf: true, generatedAt: true,
        inputs: FILE_HASH,
        configuration: FILE_HASH,
        inputsSha256: true,
        repository: { git: true, commit: true, dirty: true },
        documents: FILE_HASH,
        recordHistory: { status: true, shallow: true },
        redacted: true
    },
    changes: DIFF_KEY_ORDER
};

/**
 * The audit report as versioned JSON (docs/report-json.md, docs/report.schema.json): two-space
 * indent, a trailing newline, keys in the model's order, optional values left out rather than
 * written as null. The same report always gives the same bytes.
 */
export function renderJson(report: AuditReport): string {
    return JSON.stringify(ordered(report, REPORT_KEY_ORDER as Order), null, 2) + '\n';
}
