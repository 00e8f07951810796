import { describe, expect, it } from 'vitest';
import { isValidIsoDate } from '../language/util/dates.js';
import { remembered } from '../language/util/remembered.js';

describe('remembered answers', () => {
    it('computes each text once, and starts again past the limit', () => {
        const asked: string[] = [];
        const length = remembered(text => { asked.push(text); return text.length; }, 2);
        expect([length('a'), length('bb'), length('a'), length('bb')]).toEqual([1, 2, 1, 2]);
        expect(asked).toEqual(['a', 'bb']);
        expect(length('ccc')).toBe(3); // the third text: the memory starts again with it
        expect(length('a')).toBe(1);
        expect(asked).toEqual(['a', 'bb', 'ccc', 'a']);
    });

    it('serve the calendar check, asked again and again', () => {
        expect(['2024-02-29', '2023-02-29', '2024-02-29', '2025-13-01', '2025-06-30'].map(isValidIsoDate)).toEqual([true, false, true, false, true]);
    });
});
