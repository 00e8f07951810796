import { describe, expect, it } from 'vitest';
import { CarriedMerge, mergeLists } from '../language/util/multi-map.js';
import { Random } from './random-edits.js';

/** A carried merge (util/multi-map.ts) gives each key the list mergeLists gives it, whatever changed since the last merge. */
function randomMap(random: Random, serial: { next: number }): Map<string, number[]> {
    const map = new Map<string, number[]>();
    for (let count = random.int(6); count > 0; count--) {
        const key = `k${random.int(12)}`;
        const list = map.get(key) ?? [];
        list.push(serial.next++);
        map.set(key, list);
    }
    return map;
}

function entries(map: ReadonlyMap<string, readonly number[]>): Array<[string, readonly number[]]> {
    return [...map].sort(([a], [b]) => a.localeCompare(b));
}

describe('a merge of maps of lists carried from the last one', () => {
    it('equals mergeLists after each of many random changes to one, some or all maps', () => {
        for (const seed of [1, 2, 3, 4, 5]) {
            const random = new Random(seed);
            const serial = { next: 0 };
            const merge = new CarriedMerge<string, number>();
            let maps = Array.from({ length: 24 }, () => randomMap(random, serial));
            for (let step = 0; step < 200; step++) {
                const result = merge.merge(maps);
                expect(entries(result), `seed ${seed}, step ${step}`).toEqual(entries(mergeLists(maps)));
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
