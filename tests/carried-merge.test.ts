import { describe, expect, it } from 'vitest';
import { CarriedMerge, mergeLists, type Lookup } from '../language/util/multi-map.js';
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
});
