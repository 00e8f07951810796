/**
 * The directory drift rules through the bundled CLI (out/cli/main.cjs; `npm run bundle` before
 * this file alone): findings with the record's place, and every problem with the export or its
 * configuration an exit 2 naming the file, line and column, with nothing checked or written.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { mandate, temporaryWorkspaces } from './cli-helpers.js';

const EXAMPLE = fileURLToPath(new URL('../examples/findings/directory-leaver-holds-role/', import.meta.url));
const POLICY = readFileSync(path.join(EXAMPLE, 'policy.mandate'), 'utf8');
const EXPORT = readFileSync(path.join(EXAMPLE, 'hr/people.csv'), 'utf8');
const CONFIG = '{\n  "directory": { "source": "hr/people.csv" }\n}\n';
const workspace = temporaryWorkspaces('mandate-directory-');

describe('mandate check with a directory', () => {
    it('reports drift on the policy line, naming the record, and exits 1 on an error', async () => {
        const folder = await workspace({ 'policy.mandate': POLICY, 'mandate.config.json': CONFIG, 'hr/people.csv': EXPORT });
        const run = mandate(folder, 'check', '--as-of', '2025-06-30', '--format', 'json');
        expect(run.code).toBe(1);
        const findings = (JSON.parse(run.stdout) as Array<{ rule: string; line: number; message: string }>).filter(finding => finding.rule.startsWith('directory-'));
        expect(findings.map(finding => [finding.rule, finding.line])).toEqual([['directory-leaver-holds-role', 54]]);
        expect(findings[0].message).toContain('hr/people.csv:4 ("Sofia Alvarez", 1002)');
    });

    it.each([
        ['a broken CSV export', { 'hr/people.csv': `${EXPORT}1003,"Liam Foster\n` }, /^mandate: hr\/people\.csv:5:6: this quoted field is never closed/],
        ['broken SCIM JSON', { 'mandate.config.json': '{ "directory": { "source": "hr/users.json" } }', 'hr/users.json': '{ "Resources": [ {' }, /^mandate: hr\/users\.json:1:\d+: /],
        ['a missing export', { 'hr/people.csv': undefined }, /^mandate: mandate\.config\.json:2:28: The directory 'hr\/people\.csv' does not exist in the workspace folder/],
        ['an export outside the folder', { 'mandate.config.json': '{ "directory": { "source": "../people.csv" } }' }, /^mandate: mandate\.config\.json:1:28: '\.\.\/people\.csv' is outside the workspace folder/],
        ['an unknown directory setting', { 'mandate.config.json': '{ "directory": { "source": "hr/people.csv", "sheet": 1 } }' }, /^mandate: mandate\.config\.json:1:45: Unknown directory setting 'sheet'/],
        ['a title mapped to nothing', { 'mandate.config.json': '{ "directory": { "source": "hr/people.csv", "titles": { "CISO": [] } } }' }, /^mandate: mandate\.config\.json:1:\d+: Map the job title 'CISO' to a role ID/]
    ] as const)('exits 2 on %s, naming the file, line and column, and prints no findings', async (_name, files, message) => {
        const all: Record<string, string> = { 'policy.mandate': POLICY, 'mandate.config.json': CONFIG, 'hr/people.csv': EXPORT };
        for (const [name, text] of Object.entries(files)) {
            if (text === undefined) delete all[name];
            else all[name] = text;
        }
        const folder = await workspace(all);
        const run = mandate(folder, 'check', '--as-of', '2025-06-30');
        expect(run.code).toBe(2);
        expect(run.stdout).toBe('');
        expect(run.stderr).toMatch(message);
        expect(run.stderr).not.toMatch(/undefined|NaN|\[object Object\]|at .*\.cjs/);
    });

    it('exits 2 on an export that is not UTF-8, naming where it stops being UTF-8, instead of matching misread names', async () => {
        const latin1 = Buffer.from(`${EXPORT}1009,J\xe9r\xf4me Brun,jerome@acme.example,Engineer,2021-01-01,,Active\n`, 'latin1');
        const folder = await workspace({ 'policy.mandate': POLICY, 'mandate.config.json': CONFIG, 'hr/people.csv': latin1 });
        const run = mandate(folder, 'check', '--as-of', '2025-06-30');
        expect(run.code).toBe(2);
        expect(run.stdout).toBe('');
        expect(run.stderr).toMatch(/^mandate: hr\/people\.csv:\d+:7: not valid UTF-8 from here on/);
    });

    it('never writes a report over the directory export', async () => {
        const folder = await workspace({ 'policy.mandate': POLICY, 'mandate.config.json': CONFIG, 'hr/people.csv': EXPORT });
        const run = mandate(folder, 'report', '--as-of', '2025-06-30', '-o', 'hr/people.csv');
        expect(run.code).toBe(2);
        expect(readFileSync(path.join(folder, 'hr/people.csv'), 'utf8')).toBe(EXPORT);
    });
});
