/** Appends `value` to the list under `key`, creating the list on first use: the one way indexes here group by key. */
export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
    const list = map.get(key);
    if (list) list.push(value); else map.set(key, [value]);
}

/**
 * Maps of lists merged in order, as document shares are (workspace/document-shares.ts): a map's own
 * list serves where no other map has the key, so the maps must never change afterwards.
 */
export function mergeLists<K, V>(maps: ReadonlyArray<ReadonlyMap<K, readonly V[]>>): Map<K, readonly V[]> {
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

/**
 * `mergeLists` carried from one merge to the next, for an index that is only looked up: when few
 * maps changed since the last merge (a team file edited), its result is copied and only the keys
 * of the changed maps are merged again, in map order, so each list equals mergeLists'. The keys
 * are not in mergeLists' order: nothing may iterate the result.
 */
export class CarriedMerge<K, V> {
    private maps: ReadonlyArray<ReadonlyMap<K, readonly V[]>> = [];
    private result: ReadonlyMap<K, readonly V[]> = new Map();

    merge(maps: ReadonlyArray<ReadonlyMap<K, readonly V[]>>): ReadonlyMap<K, readonly V[]> {
        const changed = changedIndexes(this.maps, maps);
        if (changed?.length === 0) return this.result;
        this.result = changed ? remerged(this.result, this.maps, maps, changed) : mergeLists(maps);
        this.maps = maps;
        return this.result;
    }
}

/** The positions whose map is another object; undefined when the lists differ in length or more than an eighth changed. */
function changedIndexes<T>(before: readonly T[], now: readonly T[]): number[] | undefined {
    if (before.length !== now.length) return undefined;
    const changed: number[] = [];
    for (let index = 0; index < now.length; index++) {
        if (before[index] === now[index]) continue;
        changed.push(index);
        if (changed.length * 8 > now.length) return undefined;
    }
    return changed;
}

function remerged<K, V>(result: ReadonlyMap<K, readonly V[]>, before: ReadonlyArray<ReadonlyMap<K, readonly V[]>>,
    maps: ReadonlyArray<ReadonlyMap<K, readonly V[]>>, changed: readonly number[]): Map<K, readonly V[]> {
    const copy = new Map(result);
    const keys = new Set<K>();
    const note = (_: unknown, key: K) => keys.add(key);
    for (const index of changed) {
        before[index].forEach(note);
        maps[index].forEach(note);
    }
    for (const key of keys) {
        const lists: Array<readonly V[]> = [];
        for (const map of maps) {
            const list = map.get(key);
            if (list) lists.push(list);
        }
        if (lists.length === 0) copy.delete(key);
        else copy.set(key, lists.length === 1 ? lists[0] : lists.flat());
    }
    return copy;
}
