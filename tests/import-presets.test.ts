import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PRESETS, readCsvDirectory } from '../language/import/index.js';

// The import's manual, which the README links: docs/import.md.
const manual = readFileSync(new URL('../docs/import.md', import.meta.url), 'utf8');

describe('every import preset', () => {
    for (const [name, preset] of Object.entries(PRESETS)) {
        it(`${name}: has a fixture detected as it and read cleanly, and a row in docs/import.md`, () => {
            const file = new URL(`./fixtures/import/${name}.csv`, import.meta.url);
            expect(existsSync(file)).toBe(true);
            const result = readCsvDirectory(readFileSync(file, 'utf8'), `${name}.csv`);
            expect(result.problems).toEqual([]);
            expect(result.description).toBe(`CSV (${preset.label} preset, detected)`);
            expect(result.records.length).toBeGreaterThanOrEqual(4);
            expect(manual).toContain(`| \`${name}\` | ${preset.label}`);
        });
    }
});
