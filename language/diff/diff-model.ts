/**
 * The semantic diff of two policy workspaces: what changed in roles, appointments, duties,
 * delegations, conflicts, exceptions, requirement status and findings, with records matched by
 * identity (a role, a person and a start date), not by line. `mandate diff` renders it as
 * Markdown, JSON and text, and `mandate report --since` puts it in the report. The keys of the
 * JSON form are documented in docs/diff-json.md and never renamed within a major version.
 */
import type { ApplicabilityStatus } from '../applicability/index.js';

/** The version of the JSON form; the major number changes for anything that is not a pure addition. */
export const DIFF_SCHEMA_VERSION = '1.1.0';

/** Where a record is written: a path relative to its side's policy folder, and a 1-based line. */
export interface DiffPlace {
    readonly file: string;
    readonly line: number;
}

/** One side of the comparison, as the reader named it. */
export interface DiffSide {
    /** What the reader gave: `v2025-audit`, `HEAD`, `working tree`, or a folder. */
    readonly label: string;
    readonly kind: 'revision' | 'working-tree' | 'folder';
    /** The full commit id, for a revision. */
    readonly commit?: string;
    /** The date the side's holders, statuses and findings are computed on. */
    readonly asOf: string;
}

export interface AppointmentRecord {
    readonly role: string;
    readonly person: string;
    readonly since?: string;
    readonly until?: string;
    readonly capacity?: string;
    readonly appointedBy?: string;
    /** How it was made known: `DATE via CHANNEL to AUDIENCE` for each announcement, in the order written. */
    readonly announcements?: readonly string[];
    /** The dates the person acknowledged the role, in the order written. */
    readonly acknowledgements?: readonly string[];
    /** The evidence of the appointment, as written. */
    readonly evidence?: readonly string[];
    readonly source: DiffPlace;
}

export interface DelegationRecord {
    readonly duty: string;
    readonly from: string;
    readonly to: string;
    readonly since?: string;
    readonly until?: string;
    /** Its window on the side's as-of date. */
    readonly status: 'active' | 'expired' | 'future';
    readonly source: DiffPlace;
}

export interface ConflictRecord {
    readonly left: string;
    readonly right: string;
    readonly reason?: string;
    readonly compensations: readonly string[];
    readonly source: DiffPlace;
}

/** A finding, open or accepted as an exception (`justification`). */
export interface FindingRecord {
    readonly rule: string;
    readonly severity: string;
    readonly message: string;
    readonly justification?: string;
    readonly source: DiffPlace;
}

/** One field of a record that differs, with its value on each side (absent = not written). */
export interface FieldChange {
    readonly field: string;
    readonly from?: string;
    readonly to?: string;
}

/** A record on both sides whose other fields differ; `from` and `to` are the whole record on each side. */
export interface Changed<T> {
    readonly from: T;
    readonly to: T;
    readonly changes: readonly FieldChange[];
}

export interface Changes<T> {
    readonly added: readonly T[];
    readonly removed: readonly T[];
    readonly changed: readonly Changed<T>[];
}

export interface HolderChange {
    readonly role: string;
    readonly gained: readonly string[];
    readonly lost: readonly string[];
}

export interface DutyChange {
    readonly role: string;
    /** `responsible`, `accountable`, `consulted`, `informed` or `authorized`. */
    readonly kind: string;
    readonly duty: string;
}

export interface RoleRecord {
    readonly name: string;
    readonly title: string;
    /** The role it reports to. */
    readonly reportsTo?: string;
    /** What the role is designated as, in this order: `designated CISO`, `designated ISMS owner`, `designated internal auditor`, `key role`, `single holder`. Absent when none. */
    readonly designations?: readonly string[];
    /** The job description in force on the side's as-of date: its path, and `version V` when written. */
    readonly jobDescription?: string;
    readonly source: DiffPlace;
}

/** A person: who they are to the organization, and when. */
export interface PersonRecord {
    readonly name: string;
    readonly title: string;
    readonly jobTitle?: string;
    /** `since A`, `until B` or `A to B` (last day), as the employment is written; absent when it is not. */
    readonly employment?: string;
    /** An external's engagement: the firm, and its period as the employment's. */
    readonly engagement?: string;
    readonly source: DiffPlace;
}

/** An authority: which roles it may appoint to. */
export interface AuthorityRecord {
    readonly name: string;
    readonly title: string;
    /** `any role`, or the roles it names, in name order. */
    readonly mayAppoint?: string;
    readonly source: DiffPlace;
}

export interface RequirementChange {
    readonly id: string;
    readonly title: string;
    /** Absent when the requirement is assessed on one side only (a framework claimed or dropped). */
    readonly from?: ApplicabilityStatus;
    readonly to?: ApplicabilityStatus;
}

export interface DiffSummary {
    readonly roles: number;
    readonly people: number;
    readonly appointments: number;
    readonly holders: number;
    readonly duties: number;
    readonly authorities: number;
    readonly delegations: number;
    readonly conflicts: number;
    readonly exceptions: number;
    readonly requirements: number;
    readonly findingsIntroduced: number;
    readonly findingsResolved: number;
    /** Open on both sides at another severity (the rule's severity changed in mandate.config.json). */
    readonly findingsChanged: number;
}

export interface PolicyDiff {
    readonly schemaVersion: string;
    readonly from: DiffSide;
    readonly to: DiffSide;
    /** Whether anything at all differs. */
    readonly changed: boolean;
    /** How many entries each group has. */
    readonly summary: DiffSummary;
    readonly roles: Changes<RoleRecord>;
    /** Joiners, leavers, new names and end dates: what makes holders change. */
    readonly people: Changes<PersonRecord>;
    readonly appointments: Changes<AppointmentRecord>;
    readonly holders: readonly HolderChange[];
    readonly duties: { readonly added: readonly DutyChange[]; readonly removed: readonly DutyChange[] };
    readonly authorities: Changes<AuthorityRecord>;
    readonly delegations: Changes<DelegationRecord>;
    readonly conflicts: Changes<ConflictRecord>;
    readonly exceptions: Changes<FindingRecord>;
    readonly requirements: readonly RequirementChange[];
    readonly findings: { readonly introduced: readonly FindingRecord[]; readonly resolved: readonly FindingRecord[]; readonly changed: readonly Changed<FindingRecord>[] };
}
