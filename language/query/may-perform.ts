import type { IsoDate } from '../util/dates.js';
import type { MayPerformAnswer } from './index.js';
import type { QueryContext } from './query-context.js';

/** Who may perform the responsibility or use the authority called `dutyName` on `date`, and why. */
export function whoMayPerform(context: QueryContext, dutyName: string, date: IsoDate): MayPerformAnswer {
    void context; void dutyName; void date;
    throw new Error('not implemented yet');
}
