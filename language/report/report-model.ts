/**
 * The audit report, as data. One model is built from the validated workspace and every output
 * format (Markdown, HTML, JSON, OSCAL) renders it; nothing in a renderer re-derives policy facts.
 * The JSON renderer writes this shape as it is: keep docs/report.schema.json in step and bump
 * REPORT_SCHEMA_VERSION on any change that is not a pure addition.
 */
import type { PolicyDiff } from '../diff/diff-model.js';
import type { RecordState } from '../workspace/announced-records.js';
import type { TrainingState } from '../workspace/training-status.js';

export const REPORT_SCHEMA_VERSION = '3.5.0';

/** Where a fact comes from: a workspace-relative file and a 1-based line. */
export interface SourceRef {
    readonly file: string;
    readonly line: number;
}

/** A declared thing, named as the policy names it. */
export interface NamedRef {
    readonly id: string;
    readonly title: string;
    readonly source: SourceRef;
}

export type { RequirementStatusValue, Clause53Status, RequirementRule, RequirementItem, RequirementStatus, Applicability, ControlOwnerEntry } from './report-model-requirements.js';
import type { Applicability, Clause53Status, ControlOwnerEntry, RequirementStatus } from './report-model-requirements.js';
export type { RecordedByEntry, RepositoryState, FileHash, Provenance, RecordHistoryState } from './report-model-provenance.js';
import type { Provenance, RecordedByEntry } from './report-model-provenance.js';
export type { MatrixCell, DutyEntry, ResponsibilityMatrix, DelegationStatus, DelegationEntry, GraphNode, GraphEdge, OrganizationGraph } from './report-model-structure.js';
export { handsOn } from './report-model-structure.js';
import type { DelegationEntry, OrganizationGraph, ResponsibilityMatrix } from './report-model-structure.js';

export interface Announcement {
    readonly date: string;
    readonly channel: string;
    readonly audience?: string;
    readonly evidence: readonly string[];
    /** Dated after the as-of date: recorded, but not made yet, so it counts for nothing in the report. */
    readonly upcoming?: true;
    /** Dated on a day the calendar does not have: it counts for nothing until corrected (date-invalid). */
    readonly invalidDate?: true;
    readonly source: SourceRef;
}

/** How a record's state on the as-of date (announced-records.ts, `recordStateOn`) is written in the model: nothing when it was made. */
export function recordMarks(state: RecordState): { upcoming?: true; invalidDate?: true } {
    return state === 'upcoming' ? { upcoming: true } : state === 'invalid-date' ? { invalidDate: true } : {};
}

/** Whether a record of the model counts on the as-of date: neither dated later nor on an impossible day. */
export function isMade(record: { readonly upcoming?: true; readonly invalidDate?: true }): boolean {
    return !record.upcoming && !record.invalidDate;
}

/** Announcements made by the as-of date, without those still to come or dated on an impossible day. */
export function madeAnnouncements(announcements: readonly Announcement[]): Announcement[] {
    return announcements.filter(isMade);
}

/** The person confirmed they accept the role and its responsibilities (PCI DSS 12.1.3, 12.4). */
export interface Acknowledgement {
    readonly date: string;
    readonly evidence: readonly string[];
    /** Recorded on an earlier term of the tenure: a renewal keeps the first acknowledgement (role-acknowledgement-missing). */
    readonly earlierTerm?: boolean;
    /** Dated after the as-of date: not made yet, so it does not count (role-acknowledgement-missing). */
    readonly upcoming?: true;
    /** Dated on a day the calendar does not have: it counts for nothing until corrected (date-invalid). */
    readonly invalidDate?: true;
    readonly source: SourceRef;
}

/**
 * How a tenure was first made known: its earliest announcement in any of its terms. A renewal
 * needs no announcement of its own; the original one covers the whole tenure.
 */
export interface FirstAnnouncement {
    readonly date: string;
    /**
     * What it is measured from: the start of the tenure, or for an acting or interim holder confirmed
     * in the role, of the confirmed appointment (which needs an announcement of its own). Absent when not dated.
     */
    readonly since?: string;
    /** Days from `since`; absent when it is not dated. */
    readonly days?: number;
    /** Later than the `announcement-late` limit after the tenure began. */
    readonly late: boolean;
    /** True when the announcement belongs to an earlier term of the tenure, not to this one. */
    readonly earlierTerm: boolean;
    readonly source: SourceRef;
}

/**
 * The first announcement made by the as-of date of the tenure's earlier terms in another capacity:
 * the organization was told of an acting or interim stand-in, which does not announce the holder's
 * confirmation in the role (assignment-not-communicated), so it never counts as this term's.
 */
export interface EarlierCapacityAnnouncement {
    readonly date: string;
    /** The capacity of the term it announced (`acting` or `interim`); absent for an appointment in no such capacity. */
    readonly capacity?: 'acting' | 'interim';
    readonly source: SourceRef;
}

/** One person's holding of one role on the as-of date: the term in force, within its tenure. */
export interface Appointment {
    readonly person: NamedRef;
    readonly role: NamedRef;
    /** `acting` or `interim` when the assignment says so; such a holder holds the role all the same. */
    readonly capacity?: 'acting' | 'interim';
    /** The current term. */
    readonly since?: string;
    readonly until?: string;
    /**
     * When the person's tenure in the role began: the start of the first of its consecutive or
     * overlapping terms. Equal to `since` unless this term is a renewal.
     */
    readonly tenureSince?: string;
    /** The first day the person really held the role, when later than the tenure's start: they joined after it (tenure.ts, heldDatesOn). */
    readonly heldSince?: string;
    /** The last day they hold it, when earlier than the tenure's end: they leave before it. */
    readonly heldUntil?: string;
    /** True when this term renews an earlier one of the same tenure (not a new appointment). */
    readonly renewal: boolean;
    /**
     * For a renewal, the capacity the tenure began in when it was acting or interim and the current
     * term's is not the same: an acting CISO confirmed in the role, not the same appointment renewed.
     */
    readonly tenureCapacity?: 'acting' | 'interim';
    readonly appointedBy?: NamedRef;
    /**
     * Indexes into `findings` of the open appointment-authority findings on this term's `appointed by`:
     * the party named could not make the appointment on that date (no authority, or the appointee
     * appointed themselves). Absent when there are none.
     */
    readonly appointedByFindings?: readonly number[];
    /** Indexes into `findings` of the open ciso-announcement-audience findings on the announcements of its tenure: made known to a part of the organization only (question 3 is then at most partly). */
    readonly audienceFindings?: readonly number[];
    readonly evidence: readonly string[];
    readonly announcements: readonly Announcement[];
    /** The tenure's first announcement; absent when no term of the tenure was announced. */
    readonly firstAnnouncement?: FirstAnnouncement;
    /** How an earlier term of the tenure in another capacity was first announced; absent when there is none or it was not announced. */
    readonly earlierCapacityAnnouncement?: EarlierCapacityAnnouncement;
    readonly acknowledgements: readonly Acknowledgement[];
    /** The commit that first recorded this assignment; absent when the git history was not read. */
    readonly recordedBy?: RecordedByEntry;
    readonly source: SourceRef;
}

/** `late`: answered, but the appointment was made known later than the policy allows (Q3 only). */
export type Answer = 'yes' | 'late' | 'partly' | 'no';

export interface AuditorQuestion {
    readonly question: string;
    readonly answer: Answer;
    /** One or two sentences an auditor can read out. */
    readonly summary: string;
}

export interface DutyLine {
    readonly duty: NamedRef;
    /** responsible, accountable, consulted, informed or authorized */
    readonly kind: string;
    readonly requirements: readonly string[];
    readonly cadence?: string;
    /** The job-description line that carries the duty. */
    readonly source: SourceRef;
}

export interface AuditorAnswers {
    /** 1. Who is responsible for information security? */
    readonly responsible: AuditorQuestion & {
        readonly ciso: readonly RoleHolders[];
        readonly conformance: readonly RoleHolders[];
        readonly reporting: readonly RoleHolders[];
    };
    /** 2. When did they get the role? */
    readonly appointed: AuditorQuestion & { readonly appointments: readonly Appointment[] };
    /** 3. How was the position made known to the organization? */
    readonly communicated: AuditorQuestion & {
        readonly appointments: readonly Appointment[];
        /** The `announcement-late` limit in days; absent when that rule is switched off. */
        readonly maxDays?: number;
    };
    /** 4. Does the CISO's job description include reporting on ISMS performance? */
    readonly cisoReporting: AuditorQuestion & {
        readonly role?: NamedRef;
        readonly reportingDuties: readonly DutyLine[];
        readonly jobDescription?: string;
        readonly jobDescriptionVersion?: string;
        readonly jobDescriptionEffective?: string;
    };
}

export interface RoleHolders {
    readonly role: NamedRef;
    readonly ciso: boolean;
    readonly reportsTo?: string;
    /** Where the role is designated CISO, when it is. */
    readonly cisoSource?: SourceRef;
    /** The job-description document in force on the as-of date, as written in the policy. */
    readonly jobDescription?: string;
    /** The version and effective date of that job description, when the policy gives them. */
    readonly jobDescriptionVersion?: string;
    readonly jobDescriptionEffective?: string;
    /** The same document as a workspace-relative path, only when it lies inside the workspace. */
    readonly jobDescriptionFile?: string;
    /** Present (true) when that path names no file in the workspace (evidence-missing): the document in force cannot be produced, so it is not linked. */
    readonly jobDescriptionMissing?: boolean;
    /** The `job description "…"` line. */
    readonly jobDescriptionSource?: SourceRef;
    /** The holders on the as-of date, one appointment per person (their term in force). */
    readonly holders: readonly Appointment[];
    /** Appointments recorded to start after the as-of date, by start date: a successor already decided. Absent when none is. */
    readonly upcoming?: readonly UpcomingAppointment[];
    readonly vacant: boolean;
    readonly duties: readonly DutyLine[];
}

/** An appointment recorded to start after the as-of date: it makes nobody a holder yet. */
export interface UpcomingAppointment {
    readonly person: NamedRef;
    readonly capacity?: 'acting' | 'interim';
    readonly since: string;
    /** When the appointment is in force already but its person joins later: the day they join, and it gives the role. */
    readonly heldFrom?: string;
    readonly until?: string;
    readonly appointedBy?: NamedRef;
    readonly source: SourceRef;
}

/** One person's state for one programme; the training rules use the same computation. */
export type { TrainingState };

export interface TrainingEntry {
    readonly programme: NamedRef;
    readonly cadence?: string;
    readonly audience: string;
    readonly people: ReadonlyArray<{ readonly person: NamedRef; readonly lastCompleted?: string; readonly dueBy?: string; readonly state: TrainingState }>;
}

export interface PersonEntry extends NamedRef {
    readonly email?: string;
    readonly jobTitle?: string;
    readonly employedSince?: string;
    readonly employedUntil?: string;
    /** Not employed by the organization: a contractor, interim manager, outsourced officer or auditor. */
    readonly external: boolean;
    /** The firm an external person comes from. */
    readonly firm?: string;
    readonly engagedSince?: string;
    readonly engagedUntil?: string;
    /** Employed or engaged on the as-of date. */
    readonly present: boolean;
    /**
     * Employed by the organization on the as-of date (staff, the audience `everyone`): an external
     * who was employed before their engagement is staff until the change (tenure.ts, `isStaffOn`).
     */
    readonly employed: boolean;
    /** Ids of the roles the person holds on the as-of date. */
    readonly roles: readonly string[];
}

export interface ReportFinding {
    readonly rule: string;
    readonly severity: 'error' | 'warning' | 'info' | 'hint';
    readonly message: string;
    readonly source: SourceRef;
    readonly column: number;
    /** Of a syntax error: the rules whose findings on the declaration it leaves unfinished wait until it reads (Finding.withheld). */
    readonly withheld?: readonly string[];
}

/** A finding the team accepted with `// mandate-ignore <rule>: <justification>`: audit evidence of an accepted risk. */
export interface AcceptedException {
    readonly rule: string;
    readonly message: string;
    readonly justification: string;
    readonly source: SourceRef;
    readonly column: number;
}

export interface AuditReport {
    readonly schemaVersion: string;
    readonly organization?: NamedRef & { readonly description?: string; readonly topManagement: readonly NamedRef[] };
    readonly asOf: string;
    readonly summary: {
        readonly errors: number;
        readonly warnings: number;
        readonly infos: number;
        /** Overall clause 5.3 status: the worse of 5.3(a) and 5.3(b), whichever frameworks are claimed. */
        readonly clause53: Clause53Status;
        /**
         * Indexes into `acceptedExceptions` of those that would lower 5.3(a) or 5.3(b) if they were open; absent when none
         * would. A headline "met" that rests on them is shown as met with those exceptions, never plainly met.
         */
        readonly clause53AcceptedExceptions?: readonly number[];
        readonly applicability: Applicability;
        /** Top-level requirements of the claimed frameworks only, in catalogue order. */
        readonly requirements: readonly RequirementStatus[];
    };
    readonly questions: AuditorAnswers;
    readonly roles: readonly RoleHolders[];
    readonly people: readonly PersonEntry[];
    readonly matrix: ResponsibilityMatrix;
    /** The control-owner register of the applicable requirements. */
    readonly controlOwners: readonly ControlOwnerEntry[];
    readonly delegations: readonly DelegationEntry[];
    readonly graph: OrganizationGraph;
    readonly training: readonly TrainingEntry[];
    readonly findings: readonly ReportFinding[];
    readonly acceptedExceptions: readonly AcceptedException[];
    readonly provenance: Provenance;
    /**
     * Changes in the audit period (`report --since REV`): the semantic diff from REV to this
     * workspace, both read on the report's as-of date. Absent without --since.
     */
    readonly changes?: PolicyDiff;
}
