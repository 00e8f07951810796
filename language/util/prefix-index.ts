/**
 * Declarations sorted by their lower-case name, to find those whose name starts with what is
 * typed by binary search: completion after `assign p-7-1` in a workspace of 10,000 people reads
 * the few names that start with it instead of all of them. Kept up to date by patching, so an
 * edit to one file costs that file's names, not a sort of the workspace.
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

export class PrefixIndex {
    private constructor(private readonly entries: readonly Entry[]) {}

    /** The index of every declaration of `byUri` (each document's in the order it declares them). */
    static of(byUri: ReadonlyMap<string, readonly AstNodeDescription[]>): PrefixIndex {
        return new PrefixIndex(entriesOf(byUri, byUri.keys()).sort(byKey));
    }

    /** The same index after the declarations of `changed` documents became those `byUri` holds for them now. */
    patched(byUri: ReadonlyMap<string, readonly AstNodeDescription[]>, changed: ReadonlySet<string>): PrefixIndex {
        const added = entriesOf(byUri, changed).sort(byKey);
        const merged: Entry[] = [];
        let next = 0;
        for (const entry of this.entries) {
            if (changed.has(entry.uri)) continue;
            while (next < added.length && byKey(added[next], entry) < 0) merged.push(added[next++]);
            merged.push(entry);
        }
        while (next < added.length) merged.push(added[next++]);
        return new PrefixIndex(merged);
    }

    /** The declarations whose lower-case name starts with `lowerCasePrefix`, in scope order (by document URI, then position). */
    startingWith(lowerCasePrefix: string): AstNodeDescription[] {
        let low = 0;
        let high = this.entries.length;
        while (low < high) {
            const middle = (low + high) >> 1;
            if (this.entries[middle].key < lowerCasePrefix) low = middle + 1; else high = middle;
        }
        const found: Entry[] = [];
        for (let index = low; index < this.entries.length && this.entries[index].key.startsWith(lowerCasePrefix); index++) found.push(this.entries[index]);
        return found.sort((a, b) => compareStrings(a.uri, b.uri) || a.position - b.position).map(entry => entry.description);
    }
}
