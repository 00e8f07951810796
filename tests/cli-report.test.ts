// The bundled CLI's `report` command and SARIF output, run as a child process on the examples.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { link, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = path.join(ROOT, 'out', 'cli', 'main.cjs');
const ACME = path.join(ROOT, 'examples', 'acme');
const FIXED_EPOCH = { SOURCE_DATE_EPOCH: '1782864000' }; // 2026-07-01T00:00:00Z

function mandate(cwd: string, args: string[], env: Record<string, string> = {}) {
    const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

let out: string;
beforeAll(async () => { out = await mkdtemp(path.join(tmpdir(), 'mandate-report-')); });
afterAll(async () => { await rm(out, { recursive: true, force: true }); });

describe('mandate report', () => {
    it.each(['md', 'html', 'json', 'oscal', 'oscal-ssp'])('writes the %s report to standard output and exits 0', format => {
        const run = mandate(ROOT, ['report', 'examples/acme', '--format', format, '--as-of', '2025-06-30'], FIXED_EPOCH);
        expect(run.code).toBe(0);
        expect(run.stderr).toBe('');
        expect(run.stdout.length).toBeGreaterThan(1000);
        if (format === 'json' || format.startsWith('oscal')) expect(() => JSON.parse(run.stdout)).not.toThrow();
    });

    it('writes the OSCAL system security plan to -o atomically: the previous file is replaced whole and no temporary file is left', async () => {
        const folder = path.join(out, 'ssp');
        const file = path.join(folder, 'acme.oscal-ssp.json');
        await mkdir(folder, { recursive: true });
        await writeFile(file, 'the previous plan');
        // A reader that opened the previous file (here: a hard link to it) keeps it whole: the new plan is a new file renamed over it.
        await link(file, path.join(folder, 'reader'));
        const run = mandate(ROOT, ['report', ACME, '--format', 'oscal-ssp', '-o', file, '--as-of', '2025-06-30'], FIXED_EPOCH);
        expect(run.code).toBe(0);
        expect(run.stderr).toBe(`mandate: wrote ${file}\n`);
        expect(Object.keys(JSON.parse(await readFile(file, 'utf8')))).toEqual(['system-security-plan']);
        expect(await readFile(path.join(folder, 'reader'), 'utf8')).toBe('the previous plan');
        expect((await readdir(folder)).sort()).toEqual(['acme.oscal-ssp.json', 'reader']);
        // The same inputs give the same bytes.
        const stdout = mandate(ROOT, ['report', ACME, '--format', 'oscal-ssp', '--as-of', '2025-06-30'], FIXED_EPOCH).stdout;
        expect(await readFile(file, 'utf8')).toBe(stdout);
    });

    it('leaves no temporary file when the report cannot be written', async () => {
        const folder = path.join(out, 'blocked');
        await mkdir(folder, { recursive: true });
        await writeFile(path.join(folder, 'not-a-folder'), 'a file where the report wants a folder');
        const run = mandate(ROOT, ['report', ACME, '--format', 'oscal-ssp', '-o', path.join(folder, 'not-a-folder', 'acme.json'), '--as-of', '2025-06-30']);
        expect(run.code).toBe(2);
        expect(run.stderr).toMatch(/cannot write the report/);
        expect((await readdir(folder)).sort()).toEqual(['not-a-folder']);
    });

    it('refuses a system security plan for a policy whose claims have no requirements, naming the claim', async () => {
        const folder = path.join(out, 'no-requirements');
        await mkdir(folder, { recursive: true });
        await writeFile(path.join(folder, 'policy.mandate'), 'organization acme "Acme Ltd"\nframework ACME "Acme controls"\nclaims ACME\n');
        const run = mandate(ROOT, ['report', folder, '--format', 'oscal-ssp', '--as-of', '2025-06-30']);
        expect(run.code).toBe(2);
        expect(run.stdout).toBe('');
        expect(run.stderr).toMatch(/^mandate: The policy claims ACME \(Acme controls, policy\.mandate:3\), which has no requirements/);
        expect(run.stderr.trim().split('\n')).toHaveLength(1);
    });

    it('writes to -o, creating folders, and links sources relative to the report', async () => {
        const file = path.join(out, 'nested', 'acme.md');
        const run = mandate(ROOT, ['report', ACME, '-o', file, '--as-of', '2025-06-30'], FIXED_EPOCH);
        expect(run.code).toBe(0);
        expect(run.stderr).toContain('wrote');
        const text = await readFile(file, 'utf8');
        const base = path.relative(path.dirname(file), ACME).split(path.sep).join('/');
        expect(text).toContain(`](${base}/roles.mandate#L`);
    });

    it('is byte-identical for the same inputs, as-of date and SOURCE_DATE_EPOCH', () => {
        const args = ['report', 'examples/acme', '--format', 'html', '--as-of', '2025-06-30'];
        expect(mandate(ROOT, args, FIXED_EPOCH).stdout).toBe(mandate(ROOT, args, FIXED_EPOCH).stdout);
    });

    it('draws the HTML graph in a worker thread with the same bytes as in the main thread (MANDATE_THREADS=1)', () => {
        const args = ['report', 'examples/acme', '--format', 'html', '--as-of', '2025-06-30'];
        const threaded = mandate(ROOT, args, { ...FIXED_EPOCH, MANDATE_THREADS: '2' });
        expect(threaded.code).toBe(0);
        expect(threaded.stdout).toContain('<svg');
        expect(threaded).toEqual(mandate(ROOT, args, { ...FIXED_EPOCH, MANDATE_THREADS: '1' }));
    });

    it('writes a report even when the policy has errors', () => {
        const run = mandate(ROOT, ['report', 'examples/findings/ciso-missing', '--format', 'json', '--as-of', '2025-06-30'], FIXED_EPOCH);
        expect(run.code).toBe(0);
        expect(JSON.parse(run.stdout).findings.map((finding: { rule: string }) => finding.rule)).toContain('ciso-missing');
    });

    it.each([
        [['report', 'examples/acme', '--format', 'pdf'], /argument 'pdf' is invalid/],
        [['report', 'no-such-folder'], /no-such-folder: no such file or directory/],
        [['report', 'examples/acme', '-o', '.'], /is a directory/]
    ])('exits 2 with one line for %j', (args, message) => {
        const run = mandate(ROOT, args as string[]);
        expect(run.code).toBe(2);
        expect(run.stderr).toMatch(message);
        expect(run.stderr.trim().split('\n')).toHaveLength(1);
    });

    it('refuses an -o that ends with a slash, a folder still to be made, instead of writing a file of that name', () => {
        const folder = mkdtempSync(path.join(tmpdir(), 'mandate-out-'));
        try {
            const run = mandate(ROOT, ['report', 'examples/acme', '--as-of', '2025-06-30', '-o', path.join(folder, 'sub') + '/']);
            expect(run.code).toBe(2);
            expect(run.stderr).toMatch(/sub\/: names a folder; give a file name for -o/);
            expect(existsSync(path.join(folder, 'sub'))).toBe(false);
        } finally {
            rmSync(folder, { recursive: true, force: true });
        }
    });

    it('rejects a malformed SOURCE_DATE_EPOCH with exit 2', () => {
        const run = mandate(ROOT, ['report', 'examples/acme'], { SOURCE_DATE_EPOCH: 'last tuesday' });
        expect(run.code).toBe(2);
        expect(run.stderr).toMatch(/SOURCE_DATE_EPOCH/);
    });
});

describe('mandate check --format sarif', () => {
    it('reports findings with paths relative to the working directory', () => {
        const run = mandate(ROOT, ['check', 'examples/findings/assignment-date-missing', '--format', 'sarif', '--as-of', '2025-06-30']);
        expect(run.code).toBe(1);
        const sarif = JSON.parse(run.stdout);
        const result = sarif.runs[0].results[0];
        expect(result.ruleId).toBe('assignment-date-missing');
        expect(result.locations[0].physicalLocation.artifactLocation.uri).toMatch(/^examples\/findings\/assignment-date-missing\/.+\.mandate$/);
    });

    it('adds helpUri links when a docs base is given', () => {
        const run = mandate(ROOT, ['check', 'examples/acme', '--format', 'sarif', '--docs-base-uri', 'https://docs.example/rules/', '--as-of', '2025-06-30']);
        expect(run.code).toBe(0);
        const rule = JSON.parse(run.stdout).runs[0].tool.driver.rules[0];
        expect(rule.helpUri).toBe(`https://docs.example/rules/${rule.id}.md`);
    });
});
