import type { Reference } from 'langium';
import { pushTo } from '../util/multi-map.js';

/**
 * A large document's linked references by the name they are written with, carried from list to
 * list as its statements are spliced (spliced-links.ts): a keystroke that leaves every name as it
 * was moves only the references to the replaced declaration, found here instead of by a pass over
 * the 130,000 references of a file of 10,000 people (~10 ms a keystroke). A reference's text never
 * changes, so the buckets need no more than the references that came and went.
 */
const byList = new WeakMap<readonly Reference[], Map<string, Reference[]>>();

/** How many lists were indexed from scratch, for the tests that prove the index is carried. */
export const referencesByNameCounts = { built: 0 };

/** The references of `list` by their text: carried from the list it was made from, else made now (one pass). */
export function referencesByName(list: readonly Reference[]): ReadonlyMap<string, readonly Reference[]> {
    let index = byList.get(list);
    if (!index) {
        referencesByNameCounts.built++;
        index = new Map();
        for (const reference of list) pushTo(index, reference.$refText, reference);
        byList.set(list, index);
    }
    return index;
}

/**
 * Hands the index of `before`, if it has one, to `after`: the same references but `removed`, and
 * `added`. `before` is left without one (it is a list linking replaced).
 */
export function carryReferencesByName(before: readonly Reference[], after: readonly Reference[], removed: readonly Reference[], added: readonly Reference[]): void {
    const index = byList.get(before);
    if (!index || before === after) return;
    byList.delete(before);
    for (const reference of removed) {
        const bucket = index.get(reference.$refText);
        const at = bucket ? bucket.lastIndexOf(reference) : -1;
        // Not listed: the index does not describe `before`; the next reader makes one.
        if (at < 0) return;
        bucket![at] = bucket![bucket!.length - 1];
        bucket!.pop();
        if (bucket!.length === 0) index.delete(reference.$refText);
    }
    for (const reference of added) pushTo(index, reference.$refText, reference);
    byList.set(after, index);
}
