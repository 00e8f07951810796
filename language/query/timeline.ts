import type { TimelineAnswer } from './index.js';
import type { QueryContext } from './query-context.js';

/** Every dated event of the person or role called `name`, in date order. */
export function timelineOf(context: QueryContext, name: string): TimelineAnswer {
    void context; void name;
    throw new Error('not implemented yet');
}
