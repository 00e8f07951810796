import { describe, expect, it } from 'vitest';
import { seededRandom } from '../bench/random-edits.js';
import { closestMatch, editDistance } from '../language/util/did-you-mean.js';

/** Levenshtein distance, the textbook way: the reference the fast one is checked against. */
function reference(a: string, b: string): number {
    const table = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
    for (let i = 1; i <= a.length; i++) {
        for (let j = 1; j <= b.length; j++) {
            table[i][j] = Math.min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        }
    }
    return table[a.length][b.length];
}

const word = (random: () => number, max: number) => Array.from({ length: Math.floor(random() * max) }, () => 'abcde-7'[Math.floor(random() * 7)]).join('');

describe('did you mean', () => {
    it('measures the edit distance of any two texts, short or long, as the textbook table does', () => {
        const random = seededRandom(3);
        for (let i = 0; i < 2000; i++) {
            const [a, b] = [word(random, i % 50 === 0 ? 200 : 12), word(random, i % 70 === 0 ? 150 : 12)];
            expect(editDistance(a, b), `${a} / ${b}`).toBe(reference(a, b));
        }
    });

    it('suggests the nearest candidate within the tolerance, the earlier one on a tie, and nothing far off', () => {
        expect(closestMatch('cisoo', ['board', 'ciso', 'cso'])).toBe('ciso');
        expect(closestMatch('lead-7', ['lead-70', 'lead-8', 'lead-x7'])).toBe('lead-70');
        expect(closestMatch('ISO27001:5.3b', ['ISO27001:5.3(a)', 'ISO27001:5.3(b)'])).toBe('ISO27001:5.3(b)');
        expect(closestMatch('treasurer', ['board', 'ciso'])).toBeUndefined();
    });

    it('answers a question asked again of the same list from memory, and each list on its own', () => {
        const names = ['jane-doe', 'john-doe'];
        expect(closestMatch('jane-do', names)).toBe('jane-doe');
        expect(closestMatch('jane-do', names)).toBe('jane-doe');
        expect(closestMatch('jane-do', ['janet-doe', 'jane-dot'])).toBe('jane-dot');
        expect(closestMatch('jane-do', ['board'])).toBeUndefined();
    });
});
