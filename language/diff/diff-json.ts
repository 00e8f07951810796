/**
 * The key order of the diff's JSON (docs/diff-json.md), checked against the model by the same
 * `KeyOrder` type as the report's: `mandate diff --format json` and the report's `changes` key
 * write the same keys in the same order.
 */
import { ordered, type KeyOrder, type Order } from '../report/key-order.js';
import type { AppointmentRecord, AuthorityRecord, ConflictRecord, DelegationRecord, DiffPlace, FindingRecord, PersonRecord, PolicyDiff, RoleRecord } from './diff-model.js';

const SOURCE: KeyOrder<DiffPlace> = { file: true, line: true };
const FIELDS = { field: true, from: true, to: true } as const;

function changes<T>(record: KeyOrder<T>) {
    return { added: record, removed: record, changed: { from: record, to: record, changes: FIELDS } };
}

const APPOINTMENT: KeyOrder<AppointmentRecord> = { role: true, person: true, since: true, until: true, capacity: true, appointedBy: true, announcements: true, acknowledgements: true, evidence: true, source: SOURCE };
const ROLE: KeyOrder<RoleRecord> = { name: true, title: true, reportsTo: true, designations: true, jobDescription: true, source: SOURCE };
const PERSON: KeyOrder<PersonRecord> = { name: true, title: true, jobTitle: true, employment: true, engagement: true, source: SOURCE };
const AUTHORITY: KeyOrder<AuthorityRecord> = { name: true, title: true, mayAppoint: true, source: SOURCE };
const DELEGATION: KeyOrder<DelegationRecord> = { duty: true, from: true, to: true, since: true, until: true, status: true, source: SOURCE };
const CONFLICT: KeyOrder<ConflictRecord> = { left: true, right: true, reason: true, compensations: true, source: SOURCE };
const FINDING: KeyOrder<FindingRecord> = { rule: true, severity: true, message: true, justification: true, source: SOURCE };
const SIDE = { label: true, kind: true, commit: true, asOf: true } as const;

export const DIFF_KEY_ORDER: KeyOrder<PolicyDiff> = {
    schemaVersion: true,
    from: SIDE,
    to: SIDE,
    changed: true,
    summary: {
        roles: true, people: true, appointments: true, holders: true, duties: true, authorities: true, delegations: true, conflicts: true, exceptions: true, requirements: true,
        findingsIntroduced: true, findingsResolved: true, findingsChanged: true
    },
    roles: changes(ROLE),
    people: changes(PERSON),
    appointments: changes(APPOINTMENT),
    holders: { role: true, gained: true, lost: true },
    duties: { added: { role: true, kind: true, duty: true }, removed: { role: true, kind: true, duty: true } },
    authorities: changes(AUTHORITY),
    delegations: changes(DELEGATION),
    conflicts: changes(CONFLICT),
    exceptions: changes(FINDING),
    requirements: { id: true, title: true, from: true, to: true },
    findings: { introduced: FINDING, resolved: FINDING, changed: { from: FINDING, to: FINDING, changes: FIELDS } }
};

/** The diff as plain data in the documented key order, optional values left out. */
export function diffJsonValue(diff: PolicyDiff): unknown {
    return ordered(diff, DIFF_KEY_ORDER as Order);
}
