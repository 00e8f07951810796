import type { LangiumDocument } from 'langium';
import { tallyOf } from './reference-tally.js';

/** Whether the two share a key (a set's values are its keys). */
function intersects(a: ReadonlySet<string> | ReadonlyMap<string, unknown>, b: ReadonlySet<string> | ReadonlyMap<string, unknown>): boolean {
    const [small, large] = a.size <= b.size ? [a, b] : [b, a];
    for (const value of small.keys()) if (large.has(value)) return true;
    return false;
}

/**
 * Whether an export change may resolve one of the document's references differently: it has an
 * unresolved reference, one written with a name that appeared or disappeared (a duplicate can take
 * over a name), or one into a document whose exports changed.
 */
export function mayResolveDifferently(document: LangiumDocument, changedNames: ReadonlySet<string>, changedUris: ReadonlySet<string>): boolean {
    // Worked out once per linking of the document (reference-tally.ts), so the documents one edit
    // relinks are not read reference by reference when the next edit asks.
    const tally = tallyOf(document);
    return tally.unresolved > 0 || intersects(changedNames, tally.names) || intersects(changedUris, tally.described);
}
