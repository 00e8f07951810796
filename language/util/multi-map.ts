/** Appends `value` to the list under `key`, creating the list on first use: the one way indexes here group by key. */
export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
    const list = map.get(key);
    if (list) list.push(value); else map.set(key, [value]);
}

/**
 * Maps of lists merged in order, as document shares are (workspace/document-shares.ts): a map's own
 * list serves where no other map has the key, so the maps must never change afterwards.
 */
export function mergeLists<K, V>(maps: ReadonlyArray<ReadonlyMap<K, readonly V[]>>): ReadonlyMap<K, readonly V[]> {
    // One map is its own merge: a one-shot run works out one share of the whole workspace (sharesOf).
    if (maps.length === 1) return maps[0];
    const result = new Map<K, readonly V[]>();
    const copies = new Set<readonly V[]>();
    // forEach, not for…of: no [key, value] pair is made per entry of 20,000.
    const add = (values: readonly V[], key: K) => {
        const known = result.get(key);
        if (!known) result.set(key, values);
        else if (copies.has(known)) for (const value of values) (known as V[]).push(value); // no spread: a key may have 10,000 values
        else {
            const copy = [...known, ...values];
            copies.add(copy);
            result.set(key, copy);
        }
    };
    for (const map of maps) map.forEach(add);
    return result;
}

/** What an index read by key only offers: Map's `get`. */
export interface Lookup<K, V> {
    get(key: K): V | undefined;
}

/** A merged index read by key, which also knows the keys that have two values or more (a name declared twice). */
export interface GroupedLookup<K, V> extends Lookup<K, readonly V[]> {
    readonly repeated: ReadonlySet<K>;
}

/** `mergeLists` as a GroupedLookup, for a one-shot run: the repeated keys are found when first asked. */
export function mergedGroups<K, V>(maps: ReadonlyArray<ReadonlyMap<K, readonly V[]>>): GroupedLookup<K, V> {
    return groupedLookupOf(mergeLists(maps));
}

/** A merged map as a GroupedLookup: the repeated keys are found when first asked. */
export function groupedLookupOf<K, V>(merged: ReadonlyMap<K, readonly V[]>): GroupedLookup<K, V> {
    let repeated: Set<K> | undefined;
    return {
        get: key => merged.get(key),
        get repeated() {
            return repeated ??= repeatedKeys(merged);
        }
    };
}

function repeatedKeys<K, V>(map: ReadonlyMap<K, readonly V[]>): Set<K> {
    const repeated = new Set<K>();
    map.forEach((list, key) => {
        if (list.length > 1) repeated.add(key);
    });
    return repeated;
}

/**
 * `mergeLists` carried from one merge to the next, for an index that is only looked up: when few
 * maps changed since the last merge (a team file edited), only the keys of the changed maps are
 * merged again, in map order, so each list equals mergeLists'. The result is the last full merge
 * with the keys changed since laid over it, merged into a new full map once they are many: an
 * edit costs its own keys, not a copy of the 20,000 of the workspace.
 */
export class CarriedMerge<K, V> {
    private maps: ReadonlyArray<ReadonlyMap<K, readonly V[]>> = [];
    private result = new Layered<K, V>(new Map(), new Map(), undefined);

    merge(maps: ReadonlyArray<ReadonlyMap<K, readonly V[]>>): GroupedLookup<K, V> {
        const changed = changedIndexes(this.maps, maps);
        if (changed?.length === 0) return this.result;
        this.result = changed ? remerged(this.result, this.maps, maps, changed) : new Layered(mergeLists(maps), new Map(), undefined);
        this.maps = maps;
        return this.result;
    }
}

/**
 * A full merge and the keys changed since (null: taken out). Never changed once made: an older
 * snapshot may still read it. The repeated keys are found in the full merge when first asked, and
 * from then on kept up to date key by key as changes are laid over it.
 */
class Layered<K, V> implements GroupedLookup<K, V> {
    constructor(
        readonly base: ReadonlyMap<K, readonly V[]>, readonly changes: ReadonlyMap<K, readonly V[] | null>,
        private repeatedKeys: ReadonlySet<K> | undefined
    ) {}

    get repeated(): ReadonlySet<K> {
        // Only in the first of a line of layers: a later one is made with its predecessor's set, updated.
        return this.repeatedKeys ??= repeatedOf(this);
    }

    /** The repeated keys as far as they are known, for the next layer: undefined until asked. */
    get knownRepeated(): ReadonlySet<K> | undefined {
        return this.repeatedKeys;
    }

    get(key: K): readonly V[] | undefined {
        const change = this.changes.get(key);
        return change === undefined ? this.base.get(key) : change ?? undefined;
    }

    /** The same lists, with the changes merged into a new full map. */
    flattened(): Layered<K, V> {
        const base = new Map(this.base);
        this.changes.forEach((list, key) => {
            if (list) base.set(key, list); else base.delete(key);
        });
        return new Layered(base, new Map(), this.repeatedKeys);
    }
}

function repeatedOf<K, V>(layered: Layered<K, V>): Set<K> {
    const repeated = repeatedKeys(layered.base);
    layered.changes.forEach((list, key) => {
        if (list && list.length > 1) repeated.add(key); else repeated.delete(key);
    });
    return repeated;
}

/** Whether a merge of `maps` maps of which `changed` are other objects since the last merge is done again in full. */
export function mergedAgainInFull(changed: number, maps: number): boolean {
    return changed * 8 > maps;
}

/** The positions whose map is another object; undefined when the lists differ in length or more than an eighth changed. */
function changedIndexes<T>(before: readonly T[], now: readonly T[]): number[] | undefined {
    if (before.length !== now.length) return undefined;
    const changed: number[] = [];
    for (let index = 0; index < now.length; index++) {
        if (before[index] === now[index]) continue;
        changed.push(index);
        if (mergedAgainInFull(changed.length, now.length)) return undefined;
    }
    return changed;
}

function remerged<K, V>(result: Layered<K, V>, before: ReadonlyArray<ReadonlyMap<K, readonly V[]>>,
    maps: ReadonlyArray<ReadonlyMap<K, readonly V[]>>, changed: readonly number[]): Layered<K, V> {
    const changes = new Map(result.changes);
    // Kept up to date only once someone asked for it: a copy of the few repeated keys, not a scan of all.
    const known = result.knownRepeated;
    const repeated = known && new Set(known);
    const next = new Layered(result.base, changes, repeated);
    const set = (key: K, list: readonly V[] | undefined) => {
        // A key back to its list in the full merge needs no change laid over it.
        if (result.base.get(key) === list) changes.delete(key); else changes.set(key, list ?? null);
        if (repeated && list && list.length > 1) repeated.add(key); else repeated?.delete(key);
    };
    // A key of one map alone (most: a team file's own people and roles) has that map's list itself,
    // so it is taken out or put in as it is; the others are merged again from every map.
    const keys = new Set<K>();
    for (const index of changed) {
        before[index].forEach((list, key) => {
            if (next.get(key) === list) set(key, undefined); else keys.add(key);
        });
    }
    for (const index of changed) {
        maps[index].forEach((list, key) => {
            if (next.get(key) === undefined && !keys.has(key)) set(key, list); else keys.add(key);
        });
    }
    for (const key of keys) {
        const lists: Array<readonly V[]> = [];
        for (const map of maps) {
            const list = map.get(key);
            if (list) lists.push(list);
        }
        set(key, lists.length === 0 ? undefined : lists.length === 1 ? lists[0] : lists.flat());
    }
    // Past a quarter of the full merge, a lookup would mostly read changes: merge them in.
    return changes.size * 4 > result.base.size ? next.flattened() : next;
}
