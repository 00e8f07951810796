/** The audit report's requirement statuses and control owners, as data; see report-model.ts. */
import type { NamedRef, SourceRef } from './report-model.js';

export type RequirementStatusValue = 'met' | 'partly-met' | 'not-met' | 'not-applicable';

/** Clause 5.3 overall, which cannot be declared not applicable. */
export type Clause53Status = 'met' | 'partly-met' | 'not-met';

/**
 * A rule that evidences a requirement, and how it stands: clean, with open findings, switched
 * off, or not run because what it reads besides the policy (a directory export, the git history) is missing.
 */
export interface RequirementRule {
    readonly rule: string;
    /** `accepted`: no open error or warning, but findings of it accepted as exceptions (`// mandate-ignore`) would lower the requirement. */
    readonly state: 'clean' | 'accepted' | 'findings' | 'off' | 'not-run';
    /** Why it did not run. */
    readonly missing?: string;
}

/** An item of a requirement (5.3(a) of 5.3, GV.RR-02 of GV), with its own status. */
export interface RequirementItem {
    readonly id: string;
    readonly title: string;
    readonly status: RequirementStatusValue;
    /** Indexes into `acceptedExceptions` of those that would lower it if they were open; absent when none would. */
    readonly acceptedExceptions?: readonly number[];
}

/** A top-level requirement of a claimed framework, as the statement of applicability and the policy leave it. */
export interface RequirementStatus {
    readonly id: string;
    readonly framework: string;
    readonly title: string;
    readonly status: RequirementStatusValue;
    /** Why the status is what it is, in plain words. */
    readonly reasons: readonly string[];
    /** Why it does not apply, when the statement of applicability excludes it. */
    readonly justification?: string;
    /** The `not applicable` line that excludes it. */
    readonly justificationSource?: SourceRef;
    /** Roles held on the as-of date whose job description carries it or one of its items. */
    readonly heldBy: readonly string[];
    /** Its control owners: roles held on the as-of date that are accountable for a duty satisfying it or an item. */
    readonly owners: readonly string[];
    /** What the policy itself shows for it (structural evidence), one sentence per fact. */
    readonly evidence: readonly string[];
    /** The rules that evidence it: their `standards` cite it or one of its items. */
    readonly rules: readonly RequirementRule[];
    /** Every item under it, depth first. */
    readonly items: readonly RequirementItem[];
    /** Indexes into `findings` of the findings that lower the status. */
    readonly findings: readonly number[];
    /**
     * Indexes into `acceptedExceptions` of those that would lower the status if they were open;
     * absent when none would. A status that rests on them is shown as "met with N accepted exceptions", never plainly met.
     */
    readonly acceptedExceptions?: readonly number[];
}

/** The statement of applicability: the frameworks assessed, and whether the policy declares them. */
export interface Applicability {
    /** False when the policy has no `claims`: ISO/IEC 27001 is then assessed by default. */
    readonly declared: boolean;
    readonly frameworks: ReadonlyArray<{ readonly prefix: string; readonly name: string; readonly source?: SourceRef }>;
}

/**
 * One line of the control-owner register: requirement → accountable role → holder → since. A
 * requirement with several owners or holders has several lines; one without any has one line
 * without a role.
 */
export interface ControlOwnerEntry {
    readonly requirement: string;
    readonly framework: string;
    readonly title: string;
    readonly role?: NamedRef;
    /** Absent when the role is vacant. */
    readonly holder?: NamedRef;
    /** When the holder's tenure in the role began. */
    readonly since?: string;
    readonly capacity?: 'acting' | 'interim';
    /** The role is accountable for it, but nobody holds the role on the as-of date. */
    readonly vacant: boolean;
    /** The duties through which the role owns it. */
    readonly duties: readonly string[];
    /** The policy itself evidences the requirement (structural evidence). */
    readonly structural: boolean;
}
