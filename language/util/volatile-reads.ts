/**
 * Counts reads a node check's findings depend on besides its own document's syntax (see
 * mandate-check-replay.ts):
 * - volatile reads, of what can change while no policy text does and nothing says so: the disk
 *   (paths a policy names). A check that made one always runs again.
 * - as-of reads, of the date the findings are for (today's, when none is set). A check that made
 *   one runs again on another date, and is replayed on the same one.
 * - workspace reads, of what other documents say (the workspace model, e.g. whether a finding
 *   only follows from a name that failed to link). A check that made one runs again once any
 *   document's syntax tree has changed.
 * A check that made none is replayed on every validation of the same tree.
 */
let volatileReads = 0;
let asOfReads = 0;
let workspaceReads = 0;

export function noteVolatileRead(): void {
    volatileReads++;
}

export function volatileReadCount(): number {
    return volatileReads;
}

export function noteAsOfRead(): void {
    asOfReads++;
}

export function asOfReadCount(): number {
    return asOfReads;
}

export function noteWorkspaceRead(): void {
    workspaceReads++;
}

export function workspaceReadCount(): number {
    return workspaceReads;
}
