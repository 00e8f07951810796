import type { Delegation } from '../generated/ast.js';
import type { IsoDate } from '../util/dates.js';

/** Where a delegation stands on a date: not started yet, in its window, or past its end. */
export type DelegationWindowStatus = 'active' | 'expired' | 'future';

/**
 * The one reading of a delegation's window on a date, for the report, the graph and the editor's
 * code lens alike. Both bounds are inclusive; a missing bound is open.
 */
export function delegationStatusOn(asOf: IsoDate, since: IsoDate | undefined, until: IsoDate | undefined): DelegationWindowStatus {
    if (since && since > asOf) return 'future';
    if (until && until < asOf) return 'expired';
    return 'active';
}

/** `delegationStatusOn` for a delegation as declared. */
export function delegationStatus(delegation: Pick<Delegation, 'since' | 'until'>, asOf: IsoDate): DelegationWindowStatus {
    return delegationStatusOn(asOf, delegation.since, delegation.until);
}
