import type { GroupedLookup } from './multi-map.js';

/**
 * The values `visit` adds, grouped by key in the order added: for a one-shot run, where nothing is
 * merged again. A key's one value (nearly every key's) is kept as it is and its list made when
 * asked: a list per key was 700,000 arrays at 1M lines (the names, and the look-alike keys of names
 * and titles), alive for the whole run.
 */
export function groupedOnce<K, V extends object>(visit: (add: (key: K, value: V) => void) => void): GroupedOnce<K, V> {
    const grouped = new GroupedOnce<K, V>();
    visit((key, value) => grouped.add(key, value));
    return grouped;
}

/** Values grouped by key (`groupedOnce`), read as a map of lists and as a GroupedLookup. */
export class GroupedOnce<K, V extends object> implements GroupedLookup<K, V>, ReadonlyMap<K, readonly V[]> {
    private readonly byKey = new Map<K, V | V[]>();
    private readonly twice = new Set<K>();

    add(key: K, value: V): void {
        const known = this.byKey.get(key);
        if (known === undefined) this.byKey.set(key, value);
        else if (this.twice.has(key)) (known as V[]).push(value);
        else {
            this.byKey.set(key, [known as V, value]);
            this.twice.add(key);
        }
    }

    get repeated(): ReadonlySet<K> {
        return this.twice;
    }

    get size(): number {
        return this.byKey.size;
    }

    has(key: K): boolean {
        return this.byKey.has(key);
    }

    get(key: K): readonly V[] | undefined {
        const known = this.byKey.get(key);
        return known === undefined ? undefined : this.listOf(key, known);
    }

    forEach(callback: (list: readonly V[], key: K, map: ReadonlyMap<K, readonly V[]>) => void, thisArg?: unknown): void {
        this.byKey.forEach((known, key) => callback.call(thisArg, this.listOf(key, known), key, this));
    }

    *entries(): MapIterator<[K, readonly V[]]> {
        for (const [key, known] of this.byKey) yield [key, this.listOf(key, known)];
        return undefined;
    }

    keys(): MapIterator<K> {
        return this.byKey.keys();
    }

    *values(): MapIterator<readonly V[]> {
        for (const [key, known] of this.byKey) yield this.listOf(key, known);
        return undefined;
    }

    [Symbol.iterator](): MapIterator<[K, readonly V[]]> {
        return this.entries();
    }

    private listOf(key: K, known: V | V[]): readonly V[] {
        return this.twice.has(key) ? known as V[] : [known as V];
    }
}
