/**
 * Declarations sorted by their lower-case name, to find those whose name starts with what is
 * typed by binary search: completion after `assign p-7-1` in a workspace of 10,000 people reads
 * the few names that start with it instead of all of them. An edit to one file costs that file's
 * names: its entries go to a small sorted overlay that is searched beside the large sorted base,
 * and the base is merged with the overlay only once the overlay has grown (merging 50,000 entries
 * after every keystroke cost the first completion of each edit a few milliseconds).
 */
import type { AstNodeDescription } from 'langium';
import { compareStrings } from './compare.js';

interface Entry {
    /** The name in lower case: the sort key. */
    readonly key: string;
    readonly description: AstNodeDescription;
    readonly uri: string;
    /** Its place among its document's declarations. */
    readonly position: number;
}

const byKey = (a: Entry, b: Entry) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/**
 * Whether `changed` entries of an index of `total` are enough that bringing it up to date costs
 * about what building it anew does: past 256 entries, or an eighth of the index if more.
 */
export function rebuildIsCheaper(changed: number, total: number): boolean {
    return changed > Math.max(256, total >> 3);
}

function entriesOf(byUri: ReadonlyMap<string, readonly AstNodeDescription[]>, uris: Iterable<string>): Entry[] {
    const entries: Entry[] = [];
    for (const uri of uris) {
        const descriptions = byUri.get(uri) ?? [];
        for (let position = 0; position < descriptions.length; position++) {
            const description = descriptions[position];
            entries.push({ key: description.name.toLowerCase(), description, uri, position });
        }
    }
    return entries;
}

/** Two lists sorted by key, merged; `skip` drops entries of the first. */
function merged(first: readonly Entry[], second: readonly Entry[], skip: (entry: Entry) => boolean = () => false): Entry[] {
    const result: Entry[] = [];
    let next = 0;
    for (const entry of first) {
        if (skip(entry)) continue;
        while (next < second.length && byKey(second[next], entry) < 0) result.push(second[next++]);
        result.push(entry);
    }
    while (next < second.length) result.push(second[next++]);
    return result;
}

/** The entries of sorted `entries` whose key starts with `lowerCasePrefix`, found by binary search. */
function startingWithIn(entries: readonly Entry[], lowerCasePrefix: string, found: Entry[], skip?: ReadonlySet<string>): void {
    let low = 0;
    let high = entries.length;
    while (low < high) {
        const middle = (low + high) >> 1;
        if (entries[middle].key < lowerCasePrefix) low = middle + 1; else high = middle;
    }
    for (let index = low; index < entries.length && entries[index].key.startsWith(lowerCasePrefix); index++) {
        if (!skip?.has(entries[index].uri)) found.push(entries[index]);
    }
}

export class PrefixIndex {
    private constructor(
        private readonly base: readonly Entry[],
        /** Documents whose entries in `base` are out of date: `overlay` holds what they declare now. */
        private readonly replaced: ReadonlySet<string>,
        private readonly overlay: readonly Entry[]
    ) {}

    /** The index of every declaration of `byUri` (each document's in the order it declares them). */
    static of(byUri: ReadonlyMap<string, readonly AstNodeDescription[]>): PrefixIndex {
        return new PrefixIndex(entriesOf(byUri, byUri.keys()).sort(byKey), new Set(), []);
    }

    /** The same index after the declarations of `changed` documents became those `byUri` holds for them now. */
    patched(byUri: ReadonlyMap<string, readonly AstNodeDescription[]>, changed: ReadonlySet<string>): PrefixIndex {
        const overlay = merged(this.overlay, entriesOf(byUri, changed).sort(byKey), entry => changed.has(entry.uri));
        const replaced = new Set([...this.replaced, ...changed]);
        if (!this.outgrownBy(overlay.length)) return new PrefixIndex(this.base, replaced, overlay);
        return new PrefixIndex(merged(this.base, overlay, entry => replaced.has(entry.uri)), new Set(), []);
    }

    /** Whether an overlay of `entries` would be merged into the base: past that, patching costs what building anew does. */
    outgrownBy(entries: number): boolean {
        return rebuildIsCheaper(entries, this.base.length);
    }

    /** The declarations whose lower-case name starts with `lowerCasePrefix`, in scope order (by document URI, then position). */
    startingWith(lowerCasePrefix: string): AstNodeDescription[] {
        const found: Entry[] = [];
        startingWithIn(this.base, lowerCasePrefix, found, this.replaced.size > 0 ? this.replaced : undefined);
        startingWithIn(this.overlay, lowerCasePrefix, found);
        return found.sort((a, b) => compareStrings(a.uri, b.uri) || a.position - b.position).map(entry => entry.description);
    }
}
