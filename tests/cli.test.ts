// End-to-end tests of the bundled CLI (out/cli/main.cjs, built by `pretest`), run as a child process
// in throwaway folders. Every run that can depend on dates passes --as-of; none reads the real clock.
import { spawn } from 'node:child_process';
import { readFile, symlink } from 'node:fs/promises';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, mandate, ROOT, temporaryWorkspaces, type Run } from './cli-helpers.js';

const AS_OF = '2025-06-30';

const ORGANIZATION = `// Acme's information-security roles.
organization acme "Acme Ltd" {
    top management board
}
role board "Board of Directors"
`;
const ROLES = `
role ciso "Chief Information Security Officer" {
    designated CISO
    reports to board
    responsible for isms-conformance, isms-reporting
    accountable for isms-conformance, isms-reporting
}
responsibility isms-conformance "Make the ISMS conform to ISO 27001" {
    satisfies ISO27001:5.3(a)
}
responsibility isms-reporting "Report ISMS performance to top management" {
    satisfies ISO27001:5.3(b)
    every quarter
}
person jane "Jane Doe"
`;
const ANNOUNCED = `
assign jane to ciso since 2024-03-01 appointed by board {
    announced 2024-03-05 via intranet to all-staff
}
`;
const UNANNOUNCED = `
assign jane to ciso since 2024-03-01 appointed by board
`;
const CLEAN = ORGANIZATION + ROLES + ANNOUNCED;

const workspace = temporaryWorkspaces('mandate-cli-');

const FINDING_LINE = /^(.+):(\d+):(\d+) {2}(error|warning|info|hint) {2}([a-z][a-z-]*) {2}(\S.*)$/;

/** Splits text output into finding lines and the summary line, checking every line's shape. */
function parseText(stdout: string): { findings: string[]; summary: string } {
    expect(stdout.endsWith('\n')).toBe(true);
    const lines = stdout.slice(0, -1).split('\n');
    const summary = lines.pop()!;
    for (const line of lines) expect(line).toMatch(FINDING_LINE);
    return { findings: lines, summary };
}

function summaryFor(findings: string[], files: number): string {
    const count = (severity: string) => findings.filter(line => FINDING_LINE.exec(line)![4] === severity).length;
    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
    return `${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}, `
        + `${plural(count('info') + count('hint'), 'note')} in ${plural(files, 'file')}`;
}

/** Exit code 2, nothing on stdout, and exactly one line on stderr with no stack trace. */
function expectUsageProblem(run: Run, message: RegExp): void {
    expect(run.code, run.stderr).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(run.stderr.endsWith('\n')).toBe(true);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^(mandate:|error:) /);
    expect(run.stderr).toMatch(message);
}

describe('mandate check: results and exit codes', () => {
    it('exits 0 with an empty report on a clean workspace', async () => {
        const cwd = await workspace({ 'policy.mandate': CLEAN });
        const run = mandate(cwd, 'check', '--as-of', AS_OF);
        expect(run).toEqual({ code: 0, stdout: '0 errors, 0 warnings, 0 notes in 1 file\n', stderr: '' });
    });

    it('exits 1 and prints `file:line:col  severity  rule-id  message` lines and a summary when there are errors', async () => {
        const cwd = await workspace({ 'policy.mandate': ORGANIZATION });
        const run = mandate(cwd, 'check', '--as-of', AS_OF);
        expect(run.code).toBe(1);
        expect(run.stderr).toBe('');
        const { findings, summary } = parseText(run.stdout);
        // The finding sits on the organization's name: line 2, column 14, both 1-based.
        expect(findings).toContainEqual(expect.stringMatching(/^policy\.mandate:2:14 {2}error {2}ciso-missing {2}No role is designated as the CISO\b/));
        expect(summary).toBe(summaryFor(findings, 1));
        expect(summary).toMatch(/^[1-9]\d* errors?, 0 warnings, 0 notes in 1 file$/);
    });

    it('exits 0 when there are only warnings, and counts them in the summary', async () => {
        const cwd = await workspace({ 'policy.mandate': ORGANIZATION + ROLES + UNANNOUNCED });
        const run = mandate(cwd, 'check', '--as-of', AS_OF);
        expect(run.code).toBe(0);
        const { findings, summary } = parseText(run.stdout);
        expect(findings).toEqual([expect.stringMatching(/^policy\.mandate:\d+:\d+ {2}warning {2}assignment-not-communicated {2}/)]);
        expect(summary).toBe('0 errors, 1 warning, 0 notes in 1 file');
    });

    it('fails at the level --fail-level names: warnings and notes too, or no finding at all; an accepted exception never fails it', async () => {
        const warned = await workspace({ 'policy.mandate': ORGANIZATION + ROLES + UNANNOUNCED });
        const at = (cwd: string, level?: string) => mandate(cwd, 'check', '--as-of', AS_OF, ...(level ? ['--fail-level', level] : [])).code;
        expect([at(warned), at(warned, 'error'), at(warned, 'warning'), at(warned, 'note'), at(warned, 'none')]).toEqual([0, 0, 1, 1, 0]);
        const broken = await workspace({ 'policy.mandate': ORGANIZATION });
        const none = mandate(broken, 'check', '--as-of', AS_OF, '--fail-level', 'none');
        expect(none.code).toBe(0);
        expect(parseText(none.stdout).findings).toContainEqual(expect.stringMatching(/ {2}error {2}ciso-missing {2}/)); // still printed
        expect(at(broken, 'warning')).toBe(1);
        // Accepted, the warning is counted as an exception, which fails no level.
        const accepted = await workspace({ 'policy.mandate': ORGANIZATION + ROLES + `
// mandate-ignore assignment-not-communicated: announced at the 2024 all-hands, minutes pending
assign jane to ciso since 2024-03-01 appointed by board
` });
        const run = mandate(accepted, 'check', '--as-of', AS_OF, '--fail-level', 'note');
        expect(run).toEqual({ code: 0, stdout: '0 errors, 0 warnings, 0 notes in 1 file; 1 accepted exception (mandate-ignore)\n', stderr: '' });
    });

    it('reports a parse error as a finding at its line, with exit 1 and no crash', async () => {
        const cwd = await workspace({ 'policy.mandate': `${ORGANIZATION}role ciso {\n` });
        const run = mandate(cwd, 'check', '--as-of', AS_OF);
        expect(run.code).toBe(1);
        expect(run.stderr).toBe('');
        const { findings } = parseText(run.stdout);
        // `role ciso {` is line 6; the title string is missing where the `{` stands, column 11.
        expect(findings).toContainEqual(expect.stringMatching(/^policy\.mandate:6:11 {2}error {2}parsing-error {2}\S/));
    });

    it('keeps one finding per line and stderr free of stack traces on badly broken input', async () => {
        // A parser message listing the expected keywords, and an `assign` with no names at all.
        const broken = `${ORGANIZATION}responsibility r "R" { every fortnight }\nassign\n`;
        const cwd = await workspace({ 'policy.mandate': broken });
        const run = mandate(cwd, 'check', '--as-of', AS_OF);
        expect(run.code).toBe(1);
        const { findings, summary } = parseText(run.stdout);
        expect(findings).toContainEqual(expect.stringMatching(/^policy\.mandate:6:30 {2}error {2}parsing-error {2}Expected `day`.*but found `fortnight`\./));
        expect(summary).toBe(summaryFor(findings, 1));
        expect(run.stderr).not.toMatch(/^\s+at /m);
        expect(run.stderr.split('\n').filter(Boolean).length).toBeLessThanOrEqual(1);
    });

    it('uses the as-of date: an assignment starting after it leaves the CISO role vacant', async () => {
        const cwd = await workspace({ 'policy.mandate': CLEAN });
        const early = mandate(cwd, 'check', '--as-of', '2024-01-01');
        expect(early.code).toBe(1);
        expect(early.stdout).toMatch(/ {2}error {2}ciso-vacant {2}Nobody holds the CISO role 'ciso' on 2024-01-01\./);
        // The announcement had not been made yet; the appointment's start is planned, not a typo: no date-in-future on it.
        expect(early.stdout.split('\n').filter(line => line.includes('date-in-future')).map(line => line.split('  ')[3].slice(0, 10))).toEqual(['2024-03-05']);
    });
});

describe('mandate check --format json', () => {
    const KEYS = ['file', 'line', 'column', 'endLine', 'endColumn', 'severity', 'rule', 'message'];

    it('prints an array of findings with exactly the documented keys and 1-based positions', async () => {
        const cwd = await workspace({ 'policy.mandate': ORGANIZATION });
        const run = mandate(cwd, 'check', '--format', 'json', '--as-of', AS_OF);
        expect(run.code).toBe(1);
        expect(run.stderr).toBe('');
        const findings = JSON.parse(run.stdout) as Array<Record<string, unknown>>;
        expect(Array.isArray(findings)).toBe(true);
        for (const finding of findings) expect(Object.keys(finding)).toEqual(KEYS);
        // `organization acme` on line 2: the name `acme` spans columns 14 to 18 (end exclusive).
        expect(findings.find(finding => finding.rule === 'ciso-missing')).toEqual({
            file: 'policy.mandate', line: 2, column: 14, endLine: 2, endColumn: 18,
            severity: 'error', rule: 'ciso-missing', message: expect.stringContaining('No role is designated as the CISO')
        });
    });

    it('prints an empty array and exits 0 on a clean workspace', async () => {
        const cwd = await workspace({ 'policy.mandate': CLEAN });
        expect(mandate(cwd, 'check', '--format=json', '--as-of', AS_OF)).toEqual({ code: 0, stdout: '[]\n', stderr: '' });
    });

    it('delivers long output through a pipe in full', async () => {
        // Two linking errors per line (nothing derived from them), well over the 64 KiB a pipe buffers.
        const assignments = Array.from({ length: 600 }, (_, index) => `assign p${index} to r${index}`).join('\n');
        const cwd = await workspace({ 'policy.mandate': `${ORGANIZATION}${assignments}\n` });
        const run = mandate(cwd, 'check', '--format', 'json', '--as-of', AS_OF);
        expect(run.stdout.length).toBeGreaterThan(256 * 1024);
        expect(JSON.parse(run.stdout).length).toBeGreaterThan(300);
        expect(run.code).toBe(1);
    });
});

describe('mandate check: finding files', () => {
    it('checks the current folder when no path is given, recursing into subfolders', async () => {
        const cwd = await workspace({
            'organization.mandate': ORGANIZATION,
            'isms/roles.mandate': ROLES,
            'isms/people/assignments.mandate': ANNOUNCED,
            'isms/README.md': 'not policy',
            'node_modules/some-package/broken.mandate': 'role {'
        });
        expect(mandate(cwd, 'check', '--as-of', AS_OF)).toEqual({ code: 0, stdout: '0 errors, 0 warnings, 0 notes in 3 files\n', stderr: '' });
        // The same files without the nested ones: the CISO is missing.
        const run = mandate(cwd, 'check', '--as-of', AS_OF, 'organization.mandate');
        expect(run.code).toBe(1);
        expect(parseText(run.stdout).summary).toMatch(/ in 1 file$/);
    });

    it('checks exactly the files named on the command line, and shows their paths as given', async () => {
        const cwd = await workspace({
            'a/organization.mandate': ORGANIZATION,
            'a/roles.mandate': ROLES + UNANNOUNCED,
            'b/other.mandate': 'role {'
        });
        const run = mandate(cwd, 'check', '--as-of', AS_OF, 'a/organization.mandate', 'a/roles.mandate');
        expect(run.code).toBe(0);
        const { findings, summary } = parseText(run.stdout);
        expect(findings).toEqual([expect.stringMatching(/^a\/roles\.mandate:\d+:\d+ {2}warning {2}assignment-not-communicated {2}/)]);
        expect(summary).toBe('0 errors, 1 warning, 0 notes in 2 files');
    });

    it('follows symbolic links to files and folders (out of the folder with --follow-symlinks), counting each file once and surviving loops', async () => {
        const shared = await workspace({ 'roles.mandate': ROLES });
        const cwd = await workspace({ 'organization.mandate': ORGANIZATION, 'assignments.mandate': ANNOUNCED });
        await symlink(shared, path.join(cwd, 'shared'));
        await symlink('organization.mandate', path.join(cwd, 'alias.mandate'));
        await symlink('.', path.join(cwd, 'loop'));
        const run = mandate(cwd, 'check', '--as-of', AS_OF, '--follow-symlinks');
        expect(run).toEqual({ code: 0, stdout: '0 errors, 0 warnings, 0 notes in 3 files\n', stderr: '' });
    });

    it('accepts a UTF-8 byte order mark without shifting positions', async () => {
        const bom = Buffer.from([0xef, 0xbb, 0xbf]);
        const clean = await workspace({ 'policy.mandate': Buffer.concat([bom, Buffer.from(CLEAN)]) });
        expect(mandate(clean, 'check', '--as-of', AS_OF).code).toBe(0);
        const broken = await workspace({ 'policy.mandate': Buffer.concat([bom, Buffer.from(ORGANIZATION.replace(/^.*\n/, ''))]) });
        const run = mandate(broken, 'check', '--format', 'json', '--as-of', AS_OF);
        expect(JSON.parse(run.stdout)).toContainEqual(expect.objectContaining({ rule: 'ciso-missing', line: 1, column: 14 }));
    });
});

describe('mandate: usage and input problems exit 2 with one line on stderr', () => {
    it('rejects a path that does not exist', async () => {
        const cwd = await workspace({ 'policy.mandate': CLEAN });
        expectUsageProblem(mandate(cwd, 'check', '--as-of', AS_OF, 'policy.mandate', 'nope'), /^mandate: nope: no such file or directory$/m);
    });

    it('rejects a named file that is not a .mandate file, in every command that reads policy, with a usage message', async () => {
        const cwd = await workspace({ 'policy.mandate': CLEAN, 'notes.txt': 'role ciso "CISO"' });
        const message = /^mandate: notes\.txt: not a policy file: policy files end in \.mandate$/m;
        const dated = ['--as-of', AS_OF];
        for (const args of [['check', ...dated], ['report', ...dated], ['test', ...dated], ['fmt'], ['query', 'holders', 'ciso', ...dated], ['catalogue']]) {
            const run = mandate(cwd, ...args, 'notes.txt');
            expectUsageProblem(run, message);
            expect(run.stderr).not.toContain('internal error');
        }
    });

    it('says a --config file that is missing or a broken link is so, as it says of a policy path', async () => {
        const cwd = await workspace({ 'policy.mandate': CLEAN });
        expectUsageProblem(mandate(cwd, 'check', '--as-of', AS_OF, '--config', 'nope.json'), /^mandate: nope\.json: no such file or directory$/m);
        await symlink('nowhere.json', path.join(cwd, 'broken.json'));
        expectUsageProblem(mandate(cwd, 'check', '--as-of', AS_OF, '--config', 'broken.json'), /^mandate: broken\.json: cannot read: broken symbolic link to 'nowhere\.json'$/m);
    });

    it('rejects a folder without .mandate files', async () => {
        const cwd = await workspace({ 'notes.txt': 'role ciso "CISO"' });
        expectUsageProblem(mandate(cwd, 'check', '--as-of', AS_OF), /^mandate: no \.mandate files found in \.$/m);
        const empty = await workspace();
        expectUsageProblem(mandate(empty, 'check', '--as-of', AS_OF), /no \.mandate files found/);
    });

    it('rejects an unreadable .mandate file: a dangling symbolic link, found or named', async () => {
        const cwd = await workspace({ 'policy.mandate': CLEAN });
        await symlink('nowhere', path.join(cwd, 'broken.mandate'));
        const message = /^mandate: broken\.mandate: cannot read: broken symbolic link to 'nowhere'$/m;
        expectUsageProblem(mandate(cwd, 'check', '--as-of', AS_OF), message);
        expectUsageProblem(mandate(cwd, 'check', '--as-of', AS_OF, 'broken.mandate'), message);
    });

    it('ignores an editor lock link and other dangling links that are not policy', async () => {
        const cwd = await workspace({ 'policy.mandate': CLEAN });
        await symlink('root@host.1234:1700000000', path.join(cwd, '.#policy.mandate'));
        await symlink('nowhere', path.join(cwd, 'stale-link'));
        expect(mandate(cwd, 'check', '--as-of', AS_OF).code).toBe(0);
    });

    it('rejects a file that is not UTF-8', async () => {
        const cwd = await workspace({
            'policy.mandate': CLEAN,
            'sub/latin1.mandate': Buffer.from([0x72, 0x6f, 0x6c, 0x65, 0x20, 0xff, 0xfe, 0x00, 0x41])
        });
        expectUsageProblem(mandate(cwd, 'check', '--as-of', AS_OF), /^mandate: sub\/latin1\.mandate: not valid UTF-8/m);
    });

    it.each([
        ['an impossible date', ['check', '--as-of', '2025-02-30'], /'2025-02-30' is not a valid date/],
        ['a word for a date', ['check', '--as-of', 'tomorrow'], /'tomorrow' is not a valid date/],
        ['a missing date', ['check', '--as-of'], /--as-of/],
        ['an unknown format', ['check', '--format', 'xml'], /argument 'xml' is invalid/],
        ['an unknown command', ['frobnicate'], /unknown command 'frobnicate'/],
        ['an unknown option', ['check', '--frobnicate'], /unknown option '--frobnicate'/],
        ['no command at all', [], /missing command/]
    ])('rejects %s', async (_name, args, message) => {
        const cwd = await workspace({ 'policy.mandate': CLEAN });
        expectUsageProblem(mandate(cwd, ...args), message);
    });
});

describe('mandate: help, version and closed pipes', () => {
    it('prints help and exits 0', async () => {
        const cwd = await workspace();
        const run = mandate(cwd, '--help');
        expect(run.code).toBe(0);
        expect(run.stdout).toMatch(/^Usage: mandate /);
        const check = mandate(cwd, 'check', '--help');
        expect(check.code).toBe(0);
        expect(check.stdout).toMatch(/--as-of <date>/);
        expect(check.stdout).toMatch(/--format <format>/);
    });

    it('prints the package version', async () => {
        const { version } = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
        const run = mandate(await workspace(), '--version');
        expect(run).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
    });

    it('stops quietly when its reader goes away (`mandate check | head -1`)', async () => {
        // Two linking errors per line (nothing derived from them), well over the 64 KiB a pipe buffers.
        const assignments = Array.from({ length: 600 }, (_, index) => `assign p${index} to r${index}`).join('\n');
        const cwd = await workspace({ 'policy.mandate': `${ORGANIZATION}${assignments}\n` });
        const child = spawn(process.execPath, [CLI, 'check', '--as-of', AS_OF], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
        child.stdout.destroy();
        let stderr = '';
        child.stderr.on('data', chunk => { stderr += chunk; });
        const code = await new Promise(resolve => child.on('close', resolve));
        expect(stderr).toBe('');
        expect(code).toBe(1);
    });
});
