import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { exportSarif } from '../language/report/export-sarif.js';
import { FINGERPRINT_KEY, findingFingerprints } from '../language/report/sarif-fingerprints.js';
import { check } from './helpers.js';

const FOLDER = fileURLToPath(new URL('../examples/findings/duplicate-name', import.meta.url));
const ROOT = 'file:///ws';

type Result = { ruleId: string; message: { text: string }; locations: Array<{ physicalLocation: { region: { startLine: number } } }>; partialFingerprints: Record<string, string> };

/** The duplicate-name example, with `blank` empty lines added at the top of every file. */
async function resultsOf(blank: number): Promise<Result[]> {
    const files = Object.fromEntries(readdirSync(FOLDER).filter(name => name.endsWith('.mandate'))
        .map(name => [name, '\n'.repeat(blank) + readFileSync(path.join(FOLDER, name), 'utf8')]));
    return JSON.parse(exportSarif(await check(files), { toolVersion: '0.1.0', root: ROOT })).runs[0].results;
}

describe('SARIF fingerprints', () => {
    it('stay with each finding when lines move, although its region and the places its message names move', async () => {
        const before = await resultsOf(0);
        const after = await resultsOf(3);
        expect(before.length).toBeGreaterThanOrEqual(3);
        // The messages name the other declarations by line: the lines move, the fingerprints do not.
        expect(before.some(result => /\.mandate:\d+/.test(result.message.text))).toBe(true);
        expect(after.map(result => result.locations[0].physicalLocation.region.startLine))
            .toEqual(before.map(result => result.locations[0].physicalLocation.region.startLine + 3));
        expect(after.map(result => result.message.text)).not.toEqual(before.map(result => result.message.text));
        expect(after.map(result => result.partialFingerprints)).toEqual(before.map(result => result.partialFingerprints));
        const prints = before.map(result => result.partialFingerprints[FINGERPRINT_KEY]);
        expect(prints.every(print => /^[0-9a-f]{32}$/.test(print))).toBe(true);
        expect(new Set(prints).size).toBe(prints.length);
    });

    it('tell apart findings with the same rule, file and message by their order, and another message from the first', () => {
        const same = { rule: 'role-vacant', file: 'roles.mandate', message: "Nobody holds 'dpo' on 2025-06-30." };
        const [first, second, third] = findingFingerprints([same, same, { ...same, message: "Nobody holds 'ciso' on 2025-06-30." }]);
        expect(new Set([first, second, third]).size).toBe(3);
        expect(findingFingerprints([same])[0]).toBe(first);
        expect(findingFingerprints([{ ...same, file: 'other.mandate' }])[0]).not.toBe(first);
        expect(findingFingerprints([{ ...same, rule: 'ciso-vacant' }])[0]).not.toBe(first);
    });
});
