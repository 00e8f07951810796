import { describe, expect, it } from 'vitest';
import { addCadence, daysBetween, isValidIsoDate } from '../language/util/dates.js';
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

    it('remember an undefined answer too, rather than computing it each time', () => {
        const asked: string[] = [];
        const nothing = remembered(text => { asked.push(text); return undefined; }, 10);
        expect([nothing('a'), nothing('a'), nothing('b'), nothing('a')]).toEqual([undefined, undefined, undefined, undefined]);
        expect(asked).toEqual(['a', 'b']);
    });

    it('serve due dates and day counts, the same answer however often and in whatever order asked', () => {
        const cases: Array<[string, number, string, string]> = [
            ['2024-01-31', 1, 'month', '2024-02-29'], ['2023-01-31', 1, 'months', '2023-02-28'], ['2024-02-29', 1, 'year', '2025-02-28'],
            ['2025-06-30', 2, 'weeks', '2025-07-14'], ['2025-06-30', -1, 'day', '2025-06-29'], ['0050-03-01', 1, 'quarter', '0050-06-01'],
            ['2025-01-01', 100_000_000, 'days', '9999-12-31'], ['2025-01-01', Number.NaN, 'days', '9999-12-31']
        ];
        for (let round = 0; round < 2; round++) {
            for (const [date, count, unit, due] of round === 0 ? cases : [...cases].reverse()) expect(addCadence(date, count, unit), `${date} + ${count} ${unit}`).toBe(due);
        }
        expect([daysBetween('2024-02-28', '2024-03-01'), daysBetween('2025-03-01', '2024-03-01'), daysBetween('2024-02-28', '2024-03-01')]).toEqual([2, -365, 2]);
    });

    it('serve the calendar check, asked again and again', () => {
        expect(['2024-02-29', '2023-02-29', '2024-02-29', '2025-13-01', '2025-06-30'].map(isValidIsoDate)).toEqual([true, false, true, false, true]);
    });

    it('check the calendar digit by digit as the calendar itself says, for every day of four centuries and malformed texts', () => {
        // The check reads digits instead of matching a pattern (dates.ts): the calendar (Date, proleptic Gregorian) is the reference.
        const inCalendar = (year: number, month: number, day: number) => {
            const date = new Date(0);
            date.setUTCFullYear(year, month - 1, day);
            return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
        };
        const pad = (value: number, width: number) => String(value).padStart(width, '0');
        let checked = 0;
        for (const year of [0, 4, 100, 1600, 1700, 1900, 1999, 2000, 2023, 2024, 2100, 2400, 9999]) {
            for (let month = 0; month <= 13; month++) {
                for (let day = 0; day <= 32; day++) {
                    const text = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
                    expect(isValidIsoDate(text), text).toBe(month >= 1 && month <= 12 && day >= 1 && inCalendar(year, month, day));
                    checked++;
                }
            }
        }
        expect(checked).toBe(13 * 14 * 33);
        // A node parsed in part lacks the date its type promises (tests/fuzz.test.ts found `announced 20250630`).
        expect(isValidIsoDate(undefined as unknown as string)).toBe(false);
        for (const text of ['', '2024-1-01', '2024-01-1', '2024/01/01', '2024-01-01 ', ' 2024-01-01', '2024-0a-01', '202４-01-01', '+2024-01-01', '2024-01-0-', '-024-01-01', '2024-01-01\n']) {
            expect(isValidIsoDate(text), JSON.stringify(text)).toBe(false);
        }
    });
});
