import type { IsoDate } from '../util/dates.js';
import type { WhatIfAnswer, WhatIfScenario } from './index.js';
import type { QueryContext } from './query-context.js';

/**
 * What changes on `date` if the person leaves (their last day is the day before) or the role is
 * vacated: a copy of the workspace with the person's presence, assignments and delegations (or the
 * role's assignments) ended the day before is checked by the real engine on `date`, and compared
 * with the workspace as it is, checked on the same date.
 */
export async function whatIf(context: QueryContext, scenario: WhatIfScenario, date: IsoDate): Promise<WhatIfAnswer> {
    void context; void scenario; void date;
    throw new Error('not implemented yet');
}
