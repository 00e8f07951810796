// The report's provenance names the configuration it was checked with: a rule switched off in
// mandate.config.json changes the report, so it changes the combined hash too.
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mandateWith, ROOT, SOURCE_DATE_EPOCH } from './cli-helpers.js';

let folder: string;
beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'mandate-report-configuration-'));
    await cp(path.join(ROOT, 'examples', 'findings', 'raci-accountable'), folder, { recursive: true });
});
afterAll(async () => { await rm(folder, { recursive: true, force: true }); });

function report(): { findings: unknown[]; provenance: { inputs: Array<{ file: string }>; configuration: Array<{ file: string; sha256: string }>; inputsSha256: string } } {
    const run = mandateWith(folder, { SOURCE_DATE_EPOCH }, 'report', '.', '--format', 'json', '--as-of', '2025-06-30');
    expect(run.stderr).toBe('');
    return JSON.parse(run.stdout);
}

describe('provenance and mandate.config.json', () => {
    it('hashes the configuration with the policy: the same policy checked with another configuration has another combined hash', async () => {
        const without = report();
        expect(without.provenance.configuration).toEqual([]);
        await writeFile(path.join(folder, 'mandate.config.json'), JSON.stringify({ rules: { 'raci-accountable': 'off' } }));
        const switchedOff = report();
        expect(switchedOff.findings.length).toBeLessThan(without.findings.length);
        expect(switchedOff.provenance.inputs).toEqual(without.provenance.inputs);
        expect(switchedOff.provenance.configuration).toEqual([{ file: 'mandate.config.json', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }]);
        expect(switchedOff.provenance.inputsSha256).not.toBe(without.provenance.inputsSha256);
        await writeFile(path.join(folder, 'mandate.config.json'), JSON.stringify({ rules: { 'raci-accountable': 'warning' } }));
        expect(report().provenance.inputsSha256).not.toBe(switchedOff.provenance.inputsSha256);
    });

    it('shows the configuration files under Provenance in Markdown', async () => {
        await writeFile(path.join(folder, 'mandate.config.json'), JSON.stringify({ rules: { 'raci-accountable': 'off' } }));
        const run = mandateWith(folder, { SOURCE_DATE_EPOCH }, 'report', '.', '--as-of', '2025-06-30');
        expect(run.stdout).toContain("- **Configuration files:** 1");
        expect(run.stdout).toMatch(/\| `mandate\.config\.json` \| `[0-9a-f]{64}` \|/);
        expect(run.stdout).toContain('with 1 configuration file (combined SHA-256');
    });
});
