import type { IsoDate } from '../util/dates.js';
import type { MayAppointAnswer } from './index.js';
import type { QueryContext } from './query-context.js';

/** Who may appoint to the role called `roleName` on `date`, as the appointment-authority rule judges it, and why. */
export function whoMayAppoint(context: QueryContext, roleName: string, date: IsoDate): MayAppointAnswer {
    void context; void roleName; void date;
    throw new Error('not implemented yet');
}
