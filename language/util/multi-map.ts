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
