import type { Appointment } from './report-model.js';

/**
 * How a holder's current term continues their tenure, for every format: `a renewal` of the same
 * appointment, or `no longer acting` for an acting or interim holder confirmed in the role.
 */
export function renewalText(holder: Appointment): string {
    if (!holder.tenureCapacity) return 'a renewal';
    return holder.capacity ? `as ${holder.capacity}, after ${holder.tenureCapacity}` : `no longer ${holder.tenureCapacity}`;
}
