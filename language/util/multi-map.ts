import { copyMap } from './copy-map.js';

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
function groupedLookupOf<K, V>(merged: ReadonlyMap<K, readonly V[]>): GroupedLookup<K, V> {
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
    /** How many merges were done in full, of every map: for tests that prove an edit merges its own keys only. */
    mergedInFull = 0;

    merge(maps: ReadonlyArray<ReadonlyMap<K, readonly V[]>>): GroupedLookup<K, V> {
        const derived = derivedKeys(this.maps, maps);
        if (derived) {
            this.result = remergedKeys(this.result, maps, derived);
            this.maps = maps;
            return this.result;
        }
        const changed = changedIndexes(this.maps, maps);
        if (changed?.length === 0) return this.result;
        if (!changed) this.mergedInFull++;
        this.result = changed ? remerged(this.result, this.maps, maps, changed) : new Layered(mergeLists(maps), new Map(), undefined);
        this.maps = maps;
        return this.result;
    }
}

/**
 * A map a derived map was copied from, directly or through others, and the keys whose lists may
 * differ from it. A key that is an object (a syntax node) is held weakly: the replaced declaration's
 * node would keep its tree alive; once collected it is a key of no map, and has nothing to merge again.
 */
interface Derivation {
    readonly from: WeakRef<ReadonlyMap<unknown, unknown>>;
    readonly keys: ReadonlySet<unknown>;
}

function heldKey(key: unknown): unknown {
    return typeof key === 'object' && key !== null ? new WeakRef(key) : key;
}

function keyOf(held: unknown): unknown {
    return held instanceof WeakRef ? held.deref() : held;
}

/** Of each derived map, the maps it follows from, the nearest first. */
const derivations = new WeakMap<ReadonlyMap<unknown, unknown>, readonly Derivation[]>();

/** Maps a derived map is known to follow from: an edit and its undo read without a merge in between are two. */
const MAX_DERIVATIONS = 4;

/**
 * Notes that `map` is a copy of `from` whose lists differ under `keys` only, and in no other: a
 * carried merge then merges those keys again, not the map's 30,000 (a statement of a file of 10,000
 * people parsed alone: workspace/spliced-declarations.ts). It follows from the maps `from` follows
 * from too, so a merge made before both still finds it. The maps before are held weakly: they hold
 * the replaced declaration, and through it the tree before and its text. Neither map may change afterwards.
 */
export function noteDerivedMap<K, V>(map: ReadonlyMap<K, readonly V[]>, from: ReadonlyMap<K, readonly V[]>, keys: readonly K[]): void {
    const own = new Set<unknown>(keys.map(heldKey));
    const chain: Derivation[] = [{ from: new WeakRef(from), keys: own }];
    for (const earlier of (derivations.get(from) ?? []).slice(0, MAX_DERIVATIONS - 1)) chain.push({ from: earlier.from, keys: new Set([...earlier.keys, ...own]) });
    derivations.set(map, chain);
}

/** The keys whose lists may differ, when every map that is another object than before follows from the one before it (noteDerivedMap). */
function derivedKeys<K, V>(before: ReadonlyArray<ReadonlyMap<K, readonly V[]>>, now: ReadonlyArray<ReadonlyMap<K, readonly V[]>>): Set<K> | undefined {
    if (before.length !== now.length) return undefined;
    let keys: Set<K> | undefined;
    for (let index = 0; index < now.length; index++) {
        if (before[index] === now[index]) continue;
        const derivation = derivations.get(now[index])?.find(candidate => candidate.from.deref() === before[index]);
        if (!derivation) return undefined;
        keys ??= new Set();
        for (const held of derivation.keys) {
            const key = keyOf(held);
            if (key !== undefined) keys.add(key as K);
        }
    }
    return keys;
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
        const base = copyMap(this.base);
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
    const layer = new NextLayer(result);
    const { next, set } = layer;
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
    mergeKeysAgain(keys, maps, set);
    return layer.done();
}

/** `remerged` when the keys that may have changed are known (derivedKeys): only those are merged again. */
function remergedKeys<K, V>(result: Layered<K, V>, maps: ReadonlyArray<ReadonlyMap<K, readonly V[]>>, keys: ReadonlySet<K>): Layered<K, V> {
    if (keys.size === 0) return result;
    const layer = new NextLayer(result);
    mergeKeysAgain(keys, maps, layer.set);
    return layer.done();
}

/** The layer after `result`, as its keys are set one by one. */
class NextLayer<K, V> {
    private readonly changes: Map<K, readonly V[] | null>;
    private readonly repeated: Set<K> | undefined;
    readonly next: Layered<K, V>;

    constructor(private readonly result: Layered<K, V>) {
        this.changes = new Map(result.changes);
        // Kept up to date only once someone asked for it: a copy of the few repeated keys, not a scan of all.
        const known = result.knownRepeated;
        this.repeated = known && new Set(known);
        this.next = new Layered(result.base, this.changes, this.repeated);
    }

    readonly set = (key: K, list: readonly V[] | undefined): void => {
        // A key back to its list in the full merge needs no change laid over it.
        if (this.result.base.get(key) === list) this.changes.delete(key); else this.changes.set(key, list ?? null);
        if (this.repeated && list && list.length > 1) this.repeated.add(key); else this.repeated?.delete(key);
    };

    /** The new layer; past a quarter of the full merge, a lookup would mostly read changes: they are merged in. */
    done(): Layered<K, V> {
        return this.changes.size * 4 > this.result.base.size ? this.next.flattened() : this.next;
    }
}

/** Sets each of `keys` to the lists of every map under it, merged in map order (undefined when none has it). */
function mergeKeysAgain<K, V>(keys: Iterable<K>, maps: ReadonlyArray<ReadonlyMap<K, readonly V[]>>, set: (key: K, list: readonly V[] | undefined) => void): void {
    for (const key of keys) {
        const lists: Array<readonly V[]> = [];
        for (const map of maps) {
            const list = map.get(key);
            if (list) lists.push(list);
        }
        set(key, lists.length === 0 ? undefined : lists.length === 1 ? lists[0] : lists.flat());
    }
}
