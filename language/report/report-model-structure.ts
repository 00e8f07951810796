/** Who does what in the audit report, as data: the responsibility matrix, the delegations and the organization graph; see report-model.ts. */
import type { NamedRef, SourceRef } from './report-model.js';

export interface MatrixCell {
    readonly role: string;
    readonly duty: string;
    /** RACI letters, plus "Auth" for an authority the role is authorized to use. */
    readonly letters: readonly string[];
}

/** A responsibility or authority as the policy declares it. */
export interface DutyEntry extends NamedRef {
    readonly kind: 'responsibility' | 'authority';
    readonly requirements: readonly string[];
    readonly description?: string;
    /** The ISO 27002 activity it performs, by its id in the activity catalogue. */
    readonly activity?: string;
    /** Authorities only: the roles it may appoint to, as written. */
    readonly appoints?: readonly string[];
    /** Authorities only: it may appoint to any role. */
    readonly appointsAnyRole?: boolean;
}

export interface ResponsibilityMatrix {
    readonly roles: readonly NamedRef[];
    readonly duties: readonly DutyEntry[];
    readonly cells: readonly MatrixCell[];
}

export type DelegationStatus = 'active' | 'expired' | 'future';

export interface DelegationEntry {
    readonly duty: NamedRef;
    readonly from: NamedRef;
    readonly to: NamedRef;
    readonly since?: string;
    readonly until?: string;
    readonly status: DelegationStatus;
    /** Present (true) when it is delegated to a person who is not with the organization on the as-of date: in its window, it hands on nothing. */
    readonly recipientAbsent?: boolean;
    /** The recipient left after the delegation took effect and is back on the as-of date: leaving ended it. */
    readonly recipientLapsed?: boolean;
    /** Present (true) when it is delegated to a role nobody holds on the as-of date: in its window, it hands on nothing either. */
    readonly recipientVacant?: boolean;
    /** Present (true) with recipientVacant when the vacant role delegates the duty onward by a delegation that hands it on: the chain goes on through it. */
    readonly recipientPassesOn?: boolean;
    /**
     * Present (true) when, in its window, the delegating role does not hold the duty on the as-of date: its job
     * description does not carry it and no delegation of it to the role is in force (its own has ended, say), so it hands on nothing.
     */
    readonly delegatorLacksDuty?: boolean;
    /**
     * Present (true) when, in its window, the delegating role is held by nobody on the as-of date: the
     * delegation still counts (it is the role's act, and outlives whoever signed it), as the queries
     * say, and delegation-window reports it.
     */
    readonly delegatorVacant?: boolean;
    /**
     * Present (true) when its window ends before it starts (date-range-invalid): it is in force on no
     * day, so `status` (expired or future, by its start) says nothing about when it applies.
     */
    readonly invalidRange?: boolean;
    readonly evidence: readonly string[];
    readonly source: SourceRef;
}

/** Whether a delegation in its window hands its duty on to someone on the as-of date: not to a person who is gone or a role nobody holds, nor from a party that no longer holds the duty. */
export function handsOn(entry: DelegationEntry): boolean {
    return entry.status === 'active' && !entry.recipientAbsent && !entry.recipientLapsed && !entry.recipientVacant && !entry.delegatorLacksDuty;
}

export interface GraphNode {
    readonly id: string;
    readonly label: string;
    readonly kind: 'role' | 'person';
    readonly ciso: boolean;
    readonly vacant: boolean;
}

export interface GraphEdge {
    readonly from: string;
    readonly to: string;
    /** reports-to: role to its superior; holds: person to role; delegation: delegator to delegate. */
    readonly kind: 'reports-to' | 'holds' | 'delegation';
    /** delegation: the duty delegated; holds: `acting` or `interim` when the holder is one. */
    readonly label?: string;
}

export interface OrganizationGraph {
    readonly nodes: readonly GraphNode[];
    readonly edges: readonly GraphEdge[];
}
