/**
 * Counts reads of what can change while no policy text does: the as-of date (today's, when none
 * is set) and the disk (paths a policy names). The validator replays a node check's findings on
 * the next validation only when the check read none of these (mandate-check-replay.ts), so a new
 * as-of date re-runs only the checks that asked for the date.
 */
let reads = 0;

export function noteVolatileRead(): void {
    reads++;
}

export function volatileReadCount(): number {
    return reads;
}
