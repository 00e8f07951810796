/**
 * The query engine: who holds a role, who may perform a duty or appoint to a role, what happens
 * if someone leaves, and the timeline of a person or role, each on an explicit date and each
 * answer with its explanation and source locations. The CLI (`mandate query`), the policy tests
 * and the editor all call these functions; every date question is answered by the
 * WorkspaceModel, tenure.ts and delegation-status.ts, and what-if re-runs the real check engine.
 *
 * The public surface is stable: add fields and kinds, never rename or remove them.
 */
import type { IsoDate } from '../util/dates.js';

export { queryContext, type QueryContext } from './query-context.js';
export { QueryNameError, resolveName } from './names.js';
export { holdersOf } from './holders.js';
export { whoMayPerform } from './may-perform.js';
export { whoMayAppoint } from './may-appoint.js';
export { whatIf } from './what-if.js';
export { copiedWorkspace, ownWorkspace, type OwnWorkspace, type WhatIfWorkspace } from './what-if-workspace.js';
export { timelineOf } from './timeline.js';
export { renderQueryText, type RenderOptions } from './render-text.js';

/** Where a fact is declared. Lines and columns are 1-based; `file` is workspace-relative, `uri` absolute. */
export interface SourceLocation {
    readonly file: string;
    readonly line: number;
    readonly column: number;
    readonly uri: string;
}

/** The kinds of declaration a query names. */
export type NamedKind = 'role' | 'person' | 'responsibility' | 'authority' | 'appointing-body' | 'training';

/** A declaration as an answer names it: its name, title (or full name) and where it is declared. */
export interface NamedItem {
    readonly kind: NamedKind;
    readonly name: string;
    readonly title: string;
    readonly source: SourceLocation;
}

/**
 * One link of an explanation chain. Chains read from the answer back to what grounds it:
 * `assignment` (person holds role) ← `carries` (role's job description carries the duty), or
 * `delegation` ← `delegation` ← `carries`, or `top-management`, `appointing-body`, `authority`.
 */
export type ExplanationStepKind =
    | 'assignment'      // a person holds a role on the date (the assignment in force)
    | 'carries'         // a role's job description carries the duty (responsible, accountable, authorized)
    | 'delegation'      // a delegation in force on the date passes the duty on
    | 'top-management'  // the role is top management of the organization
    | 'appointing-body' // an appointing body outside the organization
    | 'authority';      // an authority that `may appoint` the role

export interface ExplanationStep {
    readonly kind: ExplanationStepKind;
    /** One plain sentence, e.g. `alice holds ciso since 2024-01-01 (assign alice to ciso)`. */
    readonly text: string;
    readonly source: SourceLocation;
    /** The period the fact covers, when it has one. */
    readonly since?: IsoDate;
    readonly until?: IsoDate;
}

/** Why an answer holds: its steps, first the one nearest the answer. */
export interface Explanation {
    readonly steps: readonly ExplanationStep[];
}

/**
 * Something an auditor should know that is not part of the answer: a delegation that expired or
 * has not started, a carrying role that is vacant, a delegation from a role that no longer holds
 * the duty, a recipient who has left.
 */
export interface QueryNote {
    readonly text: string;
    readonly source?: SourceLocation;
}

/** One holder of a role on the date, with the tenure behind it. */
export interface RoleHolder {
    readonly person: NamedItem;
    /** `acting` or `interim`, as the assignment says. */
    readonly capacity?: 'acting' | 'interim';
    /** Not staff on the date: a contractor, interim manager or outsourced officer (`external "Firm"`) engaged then; one employed before the engagement is staff until the change. */
    readonly external: boolean;
    readonly firm?: string;
    /** The term in force (this assignment). */
    readonly termSince?: IsoDate;
    readonly termUntil?: IsoDate;
    /** The tenure: first appointed (the first term's start) and its end across renewals. */
    readonly firstAppointed?: IsoDate;
    readonly tenureUntil?: IsoDate;
    /** The first day the person really held the role, when later than `firstAppointed` (they joined after it), and the last, when before `tenureUntil`. */
    readonly heldSince?: IsoDate;
    readonly heldUntil?: IsoDate;
    /** How many terms (the first appointment and its renewals) make up the tenure. */
    readonly terms: number;
    /** The person's last day with the organization, when declared. */
    readonly leaves?: IsoDate;
    readonly appointedBy?: string;
    readonly assignment: SourceLocation;
    readonly explanation: Explanation;
}

export interface HoldersAnswer {
    readonly query: 'holders';
    readonly date: IsoDate;
    readonly role: NamedItem;
    readonly holders: readonly RoleHolder[];
    readonly vacant: boolean;
    readonly notes: readonly QueryNote[];
}

/** A person who may perform a duty (or use an authority, or appoint), with every way they may. */
export interface EntitledParty {
    /** A person, or for may-appoint also an appointing body. */
    readonly party: NamedItem;
    /** One explanation per path, shortest first. */
    readonly explanations: readonly Explanation[];
}

/** What may-perform and may-appoint answer alike. */
export interface EntitlementAnswer {
    readonly date: IsoDate;
    readonly parties: readonly EntitledParty[];
    /** The roles entitled on the date (carrying or receiving the duty; or top management, authority, delegation), held or vacant. */
    readonly roles: readonly NamedItem[];
    readonly notes: readonly QueryNote[];
}

export interface MayPerformAnswer extends EntitlementAnswer {
    readonly query: 'may-perform';
    readonly duty: NamedItem;
}

export interface MayAppointAnswer extends EntitlementAnswer {
    readonly query: 'may-appoint';
    readonly role: NamedItem;
}

export type WhatIfScenario =
    | { readonly kind: 'leaves'; readonly person: string }
    | { readonly kind: 'vacate'; readonly role: string };

/** A finding as a what-if compares it: rule, severity, message and where. */
export interface QueryFinding {
    readonly rule: string;
    readonly severity: string;
    readonly message: string;
    readonly source: SourceLocation;
}

/** A requirement whose status the scenario changes. */
export interface StatusChange {
    readonly requirement: string;
    readonly title: string;
    readonly before: string;
    readonly after: string;
}

/** A role that loses a holder: vacant afterwards, or still held by others. */
export interface LostHolding {
    readonly role: NamedItem;
    readonly person: NamedItem;
    readonly assignment: SourceLocation;
    readonly vacantAfter: boolean;
}

export interface WhatIfAnswer {
    readonly query: 'what-if';
    /** The first day without the person (or the role's holders); both sides are checked on it. */
    readonly date: IsoDate;
    /** The day before `date`: the last day with the organization, or in the role, in the changed copy. */
    readonly lastDay: IsoDate;
    readonly scenario: WhatIfScenario;
    /** The person leaving, or the role vacated. */
    readonly subject: NamedItem;
    /** Every holding that ends, and whether its role is then vacant. */
    readonly lost: readonly LostHolding[];
    /** Roles held on the date before, vacant after. */
    readonly vacated: readonly NamedItem[];
    /** Duties (responsibilities and authorities) nobody may perform any more on the date. */
    readonly dutiesUncovered: readonly NamedItem[];
    /** Requirements whose status changes, 5.3 first, and clause 5.3 overall. */
    readonly requirements: readonly StatusChange[];
    readonly clause53: { readonly before: string; readonly after: string };
    /** Findings (open, not suppressed) the change brings, and those it resolves. */
    readonly findingsAppearing: readonly QueryFinding[];
    readonly findingsResolved: readonly QueryFinding[];
    /** Every open finding of the changed workspace on the date, for tests that state them all. */
    readonly findingsAfter: readonly QueryFinding[];
    /** Every assessed requirement's status in the changed workspace on the date. */
    readonly statusesAfter: readonly { readonly requirement: string; readonly status: string }[];
    readonly notes: readonly QueryNote[];
}

export type TimelineEventKind =
    | 'employed' | 'left' | 'engaged' | 'engagement-ended'
    | 'appointed' | 'renewed' | 'appointment-ended'
    | 'delegation-started' | 'delegation-ended'
    | 'announced' | 'acknowledged' | 'training-completed'
    | 'job-description-effective';

export interface TimelineEvent {
    readonly date: IsoDate;
    readonly kind: TimelineEventKind;
    readonly text: string;
    readonly source: SourceLocation;
}

export interface TimelineAnswer {
    readonly query: 'timeline';
    readonly subject: NamedItem;
    /** Every dated event, in date order (then file and line); undated facts are notes. */
    readonly events: readonly TimelineEvent[];
    readonly notes: readonly QueryNote[];
}

export type QueryAnswer = HoldersAnswer | MayPerformAnswer | MayAppointAnswer | WhatIfAnswer | TimelineAnswer;
