import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatCount } from '../language/util/format-count.js';
import { check } from './helpers.js';

/** Counts in messages (language/util/format-count.ts): written as `toLocaleString('en-US')` writes them, without loading ICU. */
describe('counts in messages', () => {
    afterEach(() => vi.restoreAllMocks());

    it('group thousands with commas, as en-US does', () => {
        const values = [0, 7, 12, 999, 1000, 1001, 12_345, 100_000, 999_999, 1_000_000, 12_345_678, 2 ** 31, Number.MAX_SAFE_INTEGER, -5, -1234, -1_000_000];
        for (const value of values) expect(formatCount(value), String(value)).toBe(value.toLocaleString('en-US'));
    });

    it('write a whole number of a fractional count, as a count has none', () => {
        expect(formatCount(1234.9)).toBe('1,234');
    });

    it('are written without ICU in the messages a file full of unreadable text gets', async () => {
        // The first toLocaleString of a language server loaded ICU's number formatting: 5 MB more resident
        // for the rest of its life, after 10,000 random edits had typed such text once (docs/benchmarks.md).
        const toLocaleString = vi.spyOn(Number.prototype, 'toLocaleString');
        const localeCompare = vi.spyOn(String.prototype, 'localeCompare');
        const run = '%'.repeat(1500);
        const lines = Array.from({ length: 1200 }, (_, index) => `§§ ${index} ¤¤ unreadable`).join('\n');
        const findings = await check({ 'run.mandate': `role ciso "CISO"\n${run}\n`, 'garbage.mandate': `${lines}\n` });
        const messages = findings.map(finding => finding.message);
        expect(messages.some(message => message.includes('(1,500 characters in a row)')), messages.join('\n')).toBe(true);
        expect(messages.some(message => /^This does not look like a Mandate policy: 1,200 of 1,200 lines/.test(message)), messages.join('\n')).toBe(true);
        expect(toLocaleString).not.toHaveBeenCalled();
        expect(localeCompare).not.toHaveBeenCalled();
    });
});
