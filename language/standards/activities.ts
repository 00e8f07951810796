/**
 * The built-in activity catalogue: kinds of work a responsibility or authority can declare with
 * `activity <id>`, and the pairs of activities one person should not combine, after the
 * examples of conflicting duties in ISO/IEC 27002:2022 control 5.3 (segregation of duties).
 * Titles and reasons are short paraphrases in our own words. The `sod-conflict` rule reads the
 * pairs; `activity-unknown` and completion read the activities.
 */
export interface Activity {
    /** Identifier as written in a policy after `activity`. */
    readonly id: string;
    readonly title: string;
}

/** Two activities one person should not combine, and why. */
export interface ActivityConflict {
    readonly left: string;
    readonly right: string;
    readonly reason: string;
}

export const ACTIVITIES: readonly Activity[] = [
    { id: 'request-access', title: 'Request access rights' },
    { id: 'approve-access', title: 'Approve access rights' },
    { id: 'implement-access', title: 'Grant or change access rights in the systems' },
    { id: 'develop-software', title: 'Develop or change software' },
    { id: 'deploy-production', title: 'Deploy software to production' },
    { id: 'design-controls', title: 'Design and implement security controls' },
    { id: 'audit-controls', title: 'Audit security controls' }
];

export const ACTIVITY_CONFLICTS: readonly ActivityConflict[] = [
    { left: 'request-access', right: 'approve-access', reason: 'whoever asks for access must not also be the one who says yes to it' },
    { left: 'approve-access', right: 'implement-access', reason: 'whoever approves access must not also set it up, or approvals can be skipped unseen' },
    { left: 'request-access', right: 'implement-access', reason: 'whoever asks for access must not also grant it to themselves' },
    { left: 'develop-software', right: 'deploy-production', reason: 'a change must not reach production without someone other than its author releasing it' },
    { left: 'design-controls', right: 'audit-controls', reason: 'an auditor must not assess controls they designed, or they check their own work' }
];

const byId = new Map(ACTIVITIES.map(activity => [activity.id, activity]));

const conflictIndex = new Map<string, Array<{ other: string; conflict: ActivityConflict }>>();
for (const conflict of ACTIVITY_CONFLICTS) {
    for (const [self, other] of [[conflict.left, conflict.right], [conflict.right, conflict.left]] as const) {
        const list = conflictIndex.get(self) ?? [];
        list.push({ other, conflict });
        conflictIndex.set(self, list);
    }
}

export function findActivity(id: string): Activity | undefined {
    return byId.get(id);
}

/** The activities that conflict with `id`, each with the pair that says why. */
export function conflictsOfActivity(id: string): ReadonlyArray<{ readonly other: string; readonly conflict: ActivityConflict }> {
    return conflictIndex.get(id) ?? [];
}
