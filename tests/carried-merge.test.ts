import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { groupedOnce } from '../language/util/grouped-once.js';
import { CarriedMerge, mergedGroups, mergeLists, noteDerivedMap, type GroupedLookup, type Lookup } from '../language/util/multi-map.js';
import { Random } from './random-edits.js';

// A carried merge (util/multi-map.ts) gives each key the list mergeLists gives it, whatever changed since the last merge.

/** A map of up to 5 keys out of `keys`: with many keys most lists are one map's own, with few most are merged. */
function randomMap(random: Random, serial: { next: number; keys: number }): Map<string, number[]> {
    const map = new Map<string, number[]>();
    for (let count = random.int(6); count > 0; count--) {
        const key = `k${random.int(serial.keys)}`;
        const list = map.get(key) ?? [];
        list.push(serial.next++);
        map.set(key, list);
    }
    return map;
}

/** Every key's list, looked up: the result is read by key only. */
function entries(map: Lookup<string, readonly number[]>, keys: number): Array<readonly number[] | undefined> {
    return Array.from({ length: keys }, (_, key) => map.get(`k${key}`));
}

/** The keys with two values or more, sorted: what `repeated` must hold. */
function repeatedIn(maps: ReadonlyArray<ReadonlyMap<string, readonly number[]>>): string[] {
    return [...mergeLists(maps)].filter(([, list]) => list.length > 1).map(([key]) => key).sort();
}

function sortedRepeated(result: GroupedLookup<string, number>): string[] {
    return [...result.repeated].sort();
}

describe('a merge of maps of lists carried from the last one', () => {
    it('equals mergeLists after each of many random changes to one, some or all maps', () => {
        for (const [seed, keys] of [[1, 12], [2, 12], [3, 400], [4, 400], [5, 60]]) {
            const random = new Random(seed);
            const serial = { next: 0, keys };
            const merge = new CarriedMerge<string, number>();
            let maps = Array.from({ length: 24 }, () => randomMap(random, serial));
            for (let step = 0; step < 200; step++) {
                const result = merge.merge(maps);
                expect(entries(result, keys), `seed ${seed}, step ${step}`).toEqual(entries(mergeLists(maps), keys));
                // Asked at some steps only: the set is kept up to date from the first time it is asked, and found afresh before.
                if (step > 20 && random.next() < 0.7) expect(sortedRepeated(result), `seed ${seed}, step ${step}`).toEqual(repeatedIn(maps));
                maps = [...maps];
                const roll = random.next();
                if (roll < 0.6) maps[random.int(maps.length)] = randomMap(random, serial);
                else if (roll < 0.75) for (let index = 0; index < maps.length; index++) maps[index] = randomMap(random, serial);
                else if (roll < 0.85) maps.splice(random.int(maps.length), 0, randomMap(random, serial));
                else if (roll < 0.95 && maps.length > 1) maps.splice(random.int(maps.length), 1);
            }
        }
    });

    it('hands back the same result while no map changed', () => {
        const merge = new CarriedMerge<string, number>();
        const maps = [new Map([['a', [1]]]), new Map([['a', [2]], ['b', [3]]])];
        const first = merge.merge(maps);
        expect(merge.merge([...maps])).toBe(first);
        expect(first.get('a')).toEqual([1, 2]);
    });

    it('knows the keys with two values or more, in one map or across maps, as a one-shot merge does', () => {
        const maps = [new Map([['a', [1]], ['b', [2, 3]]]), new Map([['a', [4]], ['c', [5]]])];
        const carried = new CarriedMerge<string, number>().merge(maps);
        expect(sortedRepeated(carried)).toEqual(['a', 'b']);
        expect(sortedRepeated(mergedGroups(maps))).toEqual(['a', 'b']);
    });

    it('drops a key from the repeated ones when an edit leaves it one value, and adds one that gains a second', () => {
        const merge = new CarriedMerge<string, number>();
        const maps = Array.from({ length: 16 }, (_, index) => new Map([[`own${index}`, [index]]]));
        maps[0] = new Map([['a', [100]], ['own0', [0]]]);
        maps[1] = new Map([['a', [101]], ['own1', [1]]]);
        expect(sortedRepeated(merge.merge(maps))).toEqual(['a']);
        const next = [...maps];
        next[1] = new Map([['own1', [1]]]);
        next[2] = new Map([['own2', [2, 3]]]);
        expect(sortedRepeated(merge.merge(next))).toEqual(['own2']);
    });
});

describe('a one-shot merge', () => {
    it('of one map is that map, not a copy: a one-shot run works out one share of the whole workspace', () => {
        const only = new Map([['a', [1, 2]], ['b', [3]]]);
        expect(mergeLists([only])).toBe(only);
        expect(sortedRepeated(mergedGroups([only]))).toEqual(['a']);
        // Two maps are merged, each list of a key in one map alone kept as it is.
        const merged = mergeLists([only, new Map([['b', [4]], ['c', [5]]])]);
        expect([...merged]).toEqual([['a', [1, 2]], ['b', [3, 4]], ['c', [5]]]);
        expect(merged.get('a')).toBe(only.get('a'));
    });

    it('merges again only the keys a derived map changed, and equals mergeLists', () => {
        for (const [seed, keys] of [[11, 12], [12, 400], [13, 60]]) {
            const random = new Random(seed);
            const serial = { next: 0, keys };
            const merge = new CarriedMerge<string, number>();
            // Two maps, as a workspace of an organization file and one large file has: a change to one is half of them.
            let maps = [randomMap(random, serial), new Map(Array.from({ length: keys }, (_, key) => [`k${key}`, [serial.next++]]))];
            let before = merge.merge(maps);
            const pending: string[] = [];
            for (let step = 0; step < 200; step++) {
                const changed = random.int(maps.length);
                const copy = new Map(maps[changed]);
                const touched = Array.from({ length: random.int(3) }, () => `k${random.int(keys)}`);
                for (const key of touched) {
                    if (random.chance(0.3)) copy.delete(key); else copy.set(key, [serial.next++]);
                }
                noteDerivedMap(copy, maps[changed], touched);
                maps = maps.map((map, index) => index === changed ? copy : map);
                // Now and then no merge is asked for (an edit undone reuses the findings before it): the next follows two derivations.
                if (random.chance(0.3)) {
                    pending.push(...touched);
                    continue;
                }
                touched.push(...pending.splice(0));
                const result = merge.merge(maps);
                expect(entries(result, keys), `seed ${seed}, step ${step}`).toEqual(entries(mergeLists(maps), keys));
                if (random.chance(0.5)) expect(sortedRepeated(result), `seed ${seed}, step ${step}`).toEqual(repeatedIn(maps));
                // Merged key by key, not again in full: the untouched keys keep the very lists of the last result.
                const untouched = `k${random.int(keys)}`;
                if (!touched.includes(untouched)) expect(result.get(untouched), `seed ${seed}, step ${step}`).toBe(before.get(untouched));
                before = result;
            }
        }
    });

    it('keeps no key a derived map took out alive (a replaced declaration\'s node, and its tree with it)', async () => {
        setFlagsFromString('--expose-gc');
        const collectGarbage = runInNewContext('gc') as () => void;
        const kept = { name: 'kept' };
        // Made and dropped in a function of its own: only the derived map's note could hold the old key.
        const { derived, old } = (() => {
            const replaced = { name: 'replaced' };
            const before = new Map<object, number[]>([[kept, [1]], [replaced, [2]]]);
            const after = new Map<object, number[]>([[kept, [1]]]);
            noteDerivedMap(after, before, [replaced]);
            return { derived: after, old: new WeakRef(replaced) };
        })();
        await new Promise(resolve => setTimeout(resolve, 0));
        collectGarbage();
        collectGarbage();
        expect(old.deref()).toBeUndefined();
        expect(derived.get(kept)).toEqual([1]);
    });
});

describe('values grouped once (a one-shot run)', () => {
    it('read as mergeLists reads the same maps: lists, key order, repeated keys', () => {
        const random = new Random(7);
        for (let round = 0; round < 50; round++) {
            const serial = { next: 0, keys: 1 + random.int(12) };
            const maps = Array.from({ length: 1 + random.int(8) }, () => randomMap(random, serial));
            const merged = mergeLists(maps);
            // Objects, as the declarations grouped are.
            const values = new Map<number, { value: number }>();
            const boxed = (value: number) => values.get(value) ?? values.set(value, { value }).get(value)!;
            const grouped = groupedOnce<string, { value: number }>(add => { for (const map of maps) map.forEach((list, key) => list.forEach(value => add(key, boxed(value)))); });
            const unboxed = [...grouped].map(([key, list]) => [key, list.map(box => box.value)]);
            expect(unboxed).toEqual([...merged]);
            expect([...grouped.repeated].sort()).toEqual(repeatedIn(maps));
            expect(grouped.size).toBe(merged.size);
            for (let key = 0; key <= serial.keys; key++) {
                expect(grouped.has(`k${key}`)).toBe(merged.has(`k${key}`));
                expect(grouped.get(`k${key}`)?.map(box => box.value)).toEqual(merged.get(`k${key}`));
            }
            const viaForEach: Array<[string, number[]]> = [];
            grouped.forEach((list, key) => viaForEach.push([key, list.map(box => box.value)]));
            expect(viaForEach).toEqual(unboxed);
            expect([...grouped.keys()]).toEqual([...merged.keys()]);
            expect([...grouped.values()].map(list => list.map(box => box.value))).toEqual([...merged.values()]);
        }
    });
});
