/**
 * What identifies a record across the history of a policy: not its file or line, which a
 * reformat or a move changes, but what it says. An assignment is its person, role and start
 * date; an announcement is that plus its own date and channel; a delegation is its duty, its two
 * parties and its start date. The same key is computed on today's files (linked or not: only the
 * names as written are read) and on every past version of them, so "first recorded" means "the
 * first commit whose files held a record with this key".
 */
import type { Announcement, Assignment, Delegation, Model } from '../generated/ast.js';

export type RecordKind = 'assignment' | 'announcement' | 'delegation';

export interface PolicyRecord {
    readonly kind: RecordKind;
    readonly key: string;
    /** The date the record claims: the start of an assignment or delegation, the day of an announcement. */
    readonly claimed?: string;
    readonly node: Assignment | Announcement | Delegation;
}

const SEPARATOR = '\u0000';
const name = (reference: { $refText?: string } | undefined): string => reference?.$refText ?? '';

export function assignmentKey(assignment: Assignment): string {
    return ['assign', name(assignment.person), name(assignment.role), assignment.since ?? ''].join(SEPARATOR);
}

export function announcementKey(assignment: Assignment, announcement: Announcement): string {
    return [assignmentKey(assignment), 'announced', announcement.date ?? '', announcement.channel ?? ''].join(SEPARATOR);
}

export function delegationKey(delegation: Delegation): string {
    return ['delegate', name(delegation.duty), name(delegation.from), name(delegation.to), delegation.since ?? ''].join(SEPARATOR);
}

/** The key of any record node, for callers that hold the node (the rule, the report). */
export function recordKeyOf(node: Assignment | Announcement | Delegation): string {
    switch (node.$type) {
        case 'Assignment': return assignmentKey(node);
        case 'Delegation': return delegationKey(node);
        default: return announcementKey(node.$container, node);
    }
}

/** Every assignment, announcement and delegation of one file, in file order. */
export function recordsOf(model: Model): PolicyRecord[] {
    const records: PolicyRecord[] = [];
    for (const declaration of model.declarations ?? []) {
        if (declaration.$type === 'Assignment') {
            records.push({ kind: 'assignment', key: assignmentKey(declaration), claimed: declaration.since, node: declaration });
            for (const announcement of declaration.announcements ?? []) {
                records.push({ kind: 'announcement', key: announcementKey(declaration, announcement), claimed: announcement.date, node: announcement });
            }
        } else if (declaration.$type === 'Delegation') {
            records.push({ kind: 'delegation', key: delegationKey(declaration), claimed: declaration.since, node: declaration });
        }
    }
    return records;
}
