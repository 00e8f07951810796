// The CLI never loses or half-writes data and never leaves the folder it checks (issue 11): -o
// refuses every input of the run, output is written whole or not at all, --config and the other
// files read by a user-given path are regular files (never a hang on a FIFO), symbolic links out
// of the checked folder are skipped unless --follow-symlinks, and text output escapes control
// characters. The CLI runs bundled (out/cli/main.cjs; `npm run bundle` before this file alone).
import { execFileSync, spawnSync } from 'node:child_process';
import { chmod, link, readdir, readFile, readlink, stat, symlink, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeAtomically, type WriteSteps } from '../cli/safe-write.js';
import { CLI, SOURCE_DATE_EPOCH, temporaryWorkspaces, type Run } from './cli-helpers.js';

const AS_OF = '2025-06-30';
const workspace = temporaryWorkspaces('mandate-cli-safety-');

/** Like cli-helpers' `mandate`, with a time limit: a CLI that hangs on a FIFO fails the test instead of hanging it. */
function mandate(cwd: string, ...args: string[]): Run {
    const result = spawnSync(process.execPath, [CLI, ...args], {
        cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 60_000, env: { ...process.env, SOURCE_DATE_EPOCH }
    });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const POLICY = `organization acme "Acme Ltd" { top management board }
role board "Board of Directors"
role ciso "Chief Information Security Officer" {
    designated CISO
    reports to board
    job description "docs/ciso.md"
    responsible for isms-conformance, isms-reporting
    accountable for isms-conformance, isms-reporting
}
responsibility isms-conformance "Make the ISMS conform to ISO 27001" { satisfies ISO27001:5.3(a) }
responsibility isms-reporting "Report ISMS performance to top management" { satisfies ISO27001:5.3(b) every quarter }
person jane "Jane Doe"
assign jane to ciso since 2024-03-01 appointed by board {
    evidence "evidence/appointment.pdf"
    announced 2024-03-05 via intranet to all-staff
}
`;

const CATALOGUE = JSON.stringify({ frameworks: [{ prefix: 'ACME', name: 'Acme controls', requirements: [{ id: 'AC-01', title: 'Access is reviewed' }] }] });

/** Every file under `folder` with its content (links as `-> target`), to prove a refused or failed run changed nothing. */
async function snapshot(folder: string): Promise<Record<string, string>> {
    const result: Record<string, string> = {};
    for (const entry of await readdir(folder, { withFileTypes: true, recursive: true })) {
        const file = path.join(entry.parentPath, entry.name);
        const key = path.relative(folder, file);
        if (entry.isSymbolicLink()) result[key] = `-> ${await readlink(file)}`;
        else if (entry.isFile()) result[key] = await readFile(file, 'utf8');
        else result[key] = entry.isDirectory() ? '<folder>' : '<other>';
    }
    return result;
}

async function inputsWorkspace(): Promise<string> {
    const folder = await workspace({
        'policy/roles.mandate': POLICY,
        'policy/mandate.config.json': JSON.stringify({ catalogues: ['controls/acme.catalogue.json'] }),
        'policy/controls/acme.catalogue.json': CATALOGUE,
        'policy/docs/ciso.md': '# CISO job description\n',
        'policy/evidence/appointment.pdf': '%PDF-1.4 appointment letter\n',
        'team.json': '{}'
    });
    await symlink('roles.mandate', path.join(folder, 'policy', 'roles-link.md'));
    await symlink('docs/ciso.md', path.join(folder, 'policy', 'jd-link.txt'));
    await link(path.join(folder, 'policy', 'roles.mandate'), path.join(folder, 'policy', 'roles-hardlink.md'));
    return folder;
}

describe('report -o refuses to write over an input of the run', () => {
    it.each([
        ['a policy file', 'policy/roles.mandate', /policy\/roles\.mandate: refusing to write the report over a policy or configuration file/],
        ['a policy file reached through ..', 'policy/x/../roles.mandate', /refusing to write the report over a policy or configuration file/],
        ['a symbolic link to a policy file', 'policy/roles-link.md', /policy\/roles-link\.md: refusing to write the report over a policy or configuration file \(.*policy\/roles\.mandate\)/],
        ['a symbolic link to a job description', 'policy/jd-link.txt', /policy\/jd-link\.txt: refusing to write the report over an input file of this run \(.*policy\/docs\/ciso\.md\)/],
        ['a hard link to a policy file', 'policy/roles-hardlink.md', /policy\/roles-hardlink\.md: refusing to write the report over an input file of this run/],
        ['the configuration file', 'policy/mandate.config.json', /policy\/mandate\.config\.json: refusing to write the report over a policy or configuration file/],
        ['a catalogue file the configuration names', 'policy/controls/acme.catalogue.json', /policy\/controls\/acme\.catalogue\.json: refusing to write the report over an input file/],
        ['a job description the policy names', 'policy/docs/ciso.md', /policy\/docs\/ciso\.md: refusing to write the report over an input file/],
        ['an evidence file the policy names', 'policy/evidence/appointment.pdf', /policy\/evidence\/appointment\.pdf: refusing to write the report over an input file/],
        ['a new .mandate file, which would become policy', 'policy/new/report.MANDATE', /refusing to write the report over a policy or configuration file/],
        ['a configuration file name in another folder', 'elsewhere/mandate.config.json', /refusing to write the report over a policy or configuration file/]
    ])('refuses %s with exit 2, naming the path, and changes nothing', async (_what, target, message) => {
        const folder = await inputsWorkspace();
        const before = await snapshot(folder);
        const run = mandate(folder, 'report', 'policy', '--as-of', AS_OF, '-o', target);
        expect(run.code).toBe(2);
        expect(run.stdout).toBe('');
        expect(run.stderr).toMatch(message);
        expect(run.stderr.trim().split('\n')).toHaveLength(1);
        expect(await snapshot(folder)).toEqual(before);
    });

    it('refuses the file --config names, and writes beside the inputs when told to', async () => {
        const folder = await inputsWorkspace();
        const refused = mandate(folder, 'report', 'policy', '--as-of', AS_OF, '--config', 'team.json', '-o', 'team.json');
        expect(refused.code).toBe(2);
        expect(refused.stderr).toMatch(/^mandate: team\.json: refusing to write the report over an input file of this run; choose another file\n$/);
        expect(await readFile(path.join(folder, 'team.json'), 'utf8')).toBe('{}');
        const written = mandate(folder, 'report', 'policy', '--as-of', AS_OF, '-o', 'policy/report.md');
        expect(written).toMatchObject({ code: 0, stderr: 'mandate: wrote policy/report.md\n' });
        expect(await readFile(path.join(folder, 'policy', 'report.md'), 'utf8')).toContain('Acme Ltd');
    });
});

describe('output is written whole or not at all', () => {
    /** Real file system steps, one of them failing the way a full disk or a vanished folder does. */
    const failing = (step: 'create' | 'rename', code: string): WriteSteps => ({
        async createFile(file, content) {
            if (step === 'create') {
                await writeFile(file, content.slice(0, content.length / 2), { flag: 'wx' }); // half of it reached the disk
                throw Object.assign(new Error(`${code}: write failed`), { code });
            }
            await writeFile(file, content, { flag: 'wx' });
        },
        async rename() {
            throw Object.assign(new Error(`${code}: rename failed`), { code });
        }
    });

    it.each([
        ['the disk fills up while writing', 'create', 'ENOSPC', /cannot write the report: no space left on the device; the previous file is unchanged/],
        ['the folder vanishes before the rename', 'rename', 'ENOENT', /cannot write the report: the folder does not exist; the previous file is unchanged/],
        ['the rename fails for another reason', 'rename', 'EIO', /cannot write the report: input\/output error; the previous file is unchanged/]
    ] as const)('when %s, leaves the previous file untouched and no temporary or partial file', async (_what, step, code, message) => {
        const folder = await workspace({ 'report.md': 'the previous report\n' });
        await expect(writeAtomically(path.join(folder, 'report.md'), 'x'.repeat(10_000), 'the report', failing(step, code))).rejects.toThrow(message);
        expect(await readdir(folder)).toEqual(['report.md']);
        expect(await readFile(path.join(folder, 'report.md'), 'utf8')).toBe('the previous report\n');
    });

    it('leaves nothing when the output folder cannot exist (its parent is a file), with exit 2', async () => {
        const folder = await workspace({ 'policy/roles.mandate': POLICY, 'out': 'a file where a folder is wanted' });
        const run = mandate(folder, 'report', 'policy', '--as-of', AS_OF, '-o', 'out/report.md');
        expect(run.code).toBe(2);
        expect(run.stderr).toMatch(/^mandate: out\/report\.md: cannot write the report: a part of the path is a file, not a folder\n$/);
        expect((await readdir(folder)).sort()).toEqual(['out', 'policy']);
        expect(await readFile(path.join(folder, 'out'), 'utf8')).toBe('a file where a folder is wanted');
    });

    it('keeps the permissions of the report it replaces, so a restricted report stays restricted', async () => {
        const folder = await workspace({ 'policy/roles.mandate': POLICY, 'report.md': 'old' });
        await chmod(path.join(folder, 'report.md'), 0o600);
        expect(mandate(folder, 'report', 'policy', '--as-of', AS_OF, '-o', 'report.md').code).toBe(0);
        expect((await stat(path.join(folder, 'report.md'))).mode & 0o777).toBe(0o600);
        expect(await readFile(path.join(folder, 'report.md'), 'utf8')).toContain('Acme Ltd');
    });

    it('refuses to replace a FIFO or a device with a file', async () => {
        const folder = await workspace({ 'policy/roles.mandate': POLICY });
        execFileSync('mkfifo', [path.join(folder, 'pipe')]);
        const run = mandate(folder, 'report', 'policy', '--as-of', AS_OF, '-o', 'pipe');
        expect(run.code).toBe(2);
        expect(run.stderr).toMatch(/^mandate: pipe: is not a regular file; -o writes regular files only/);
        expect((await stat(path.join(folder, 'pipe'))).isFIFO()).toBe(true);
    });
});

describe('files read by a user-given path are regular files', () => {
    it.each([
        ['a FIFO', 'fifo', /^mandate: fifo: is a named pipe \(FIFO\), not a regular file; --config takes a JSON file\n$/],
        ['a folder', 'sub', /^mandate: sub: is a folder, not a regular file; --config takes a JSON file\n$/],
        ['a device', '/dev/zero', /^mandate: \/dev\/zero: is a device, not a regular file; --config takes a JSON file\n$/]
    ])('--config naming %s exits 2 at once with a clear message', async (_what, config, message) => {
        const folder = await workspace({ 'roles.mandate': POLICY, 'sub/keep.txt': '' });
        execFileSync('mkfifo', [path.join(folder, 'fifo')]);
        for (const command of ['check', 'report', 'catalogue']) {
            const run = mandate(folder, command, ...(command === 'catalogue' ? [] : ['--as-of', AS_OF]), '--config', config);
            expect(run.code, command).toBe(2);
            expect(run.stderr, command).toMatch(message);
        }
    });

    it('a mandate.config.json or a catalogue file that is a FIFO is a problem, not a hang', async () => {
        const folder = await workspace({ 'roles.mandate': POLICY });
        execFileSync('mkfifo', [path.join(folder, 'mandate.config.json')]);
        const config = mandate(folder, 'check', '--as-of', AS_OF);
        expect(config.code).toBe(2);
        expect(config.stderr).toMatch(/^mandate: mandate\.config\.json:1:1: Cannot read the configuration: is a named pipe \(FIFO\), not a regular file\n$/);

        const catalogue = await workspace({ 'roles.mandate': POLICY, 'mandate.config.json': JSON.stringify({ catalogues: ['acme.catalogue.json'] }) });
        execFileSync('mkfifo', [path.join(catalogue, 'acme.catalogue.json')]);
        const run = mandate(catalogue, 'check', '--as-of', AS_OF);
        expect(run.code).toBe(2);
        expect(run.stderr).toMatch(/^mandate: mandate\.config\.json:1:\d+: .*'acme\.catalogue\.json'.* named pipe \(FIFO\), not a/);
    });

    it('a policy path naming a FIFO says what it is', async () => {
        const folder = await workspace({ 'roles.mandate': POLICY });
        execFileSync('mkfifo', [path.join(folder, 'pipe.mandate')]);
        const run = mandate(folder, 'check', '--as-of', AS_OF, 'roles.mandate', 'pipe.mandate');
        expect(run).toMatchObject({ code: 2, stdout: '', stderr: 'mandate: pipe.mandate: is a named pipe (FIFO), not a file or folder\n' });
    });
});

describe('the file walk stays in the folder it checks', () => {
    const CANARY = 'CANARY-7f3a9c';
    const canaryPolicy = (name: string) => `person ${name} "${CANARY} ${name}"\n`;

    /** A checked folder with links out of it (to a folder, a policy file, a configuration) and links that stay inside. */
    async function linkedWorkspace(): Promise<{ folder: string; checked: string }> {
        const folder = await workspace({
            'checked/roles.mandate': POLICY,
            'checked/inner/extra.mandate': 'person bob "Bob Inside"\n',
            'outside/canary.mandate': canaryPolicy('canary_folder'),
            'outside/single.mandate': canaryPolicy('canary_file'),
            // Read, this configuration would stop the run: it names a catalogue file that does not exist.
            'outside/config.json': JSON.stringify({ catalogues: [`${CANARY}.json`] })
        });
        const checked = path.join(folder, 'checked');
        await symlink(path.join(folder, 'outside'), path.join(checked, 'shared'));
        await symlink('../outside/single.mandate', path.join(checked, 'alias.mandate'));
        await symlink(path.join(folder, 'outside', 'config.json'), path.join(checked, 'mandate.config.json'));
        await symlink('inner', path.join(checked, 'inner-link'));
        await symlink('inner/extra.mandate', path.join(checked, 'extra-link.mandate'));
        await symlink('.', path.join(checked, 'loop'));
        return { folder, checked };
    }

    const SKIPPED = [
        'mandate: skipped alias.mandate: a symbolic link to a file outside the checked folder; give --follow-symlinks to follow it',
        'mandate: skipped shared: a symbolic link to a folder outside the checked folder; give --follow-symlinks to follow it',
        'mandate: skipped mandate.config.json: a symbolic link to a file outside the checked folder; give --follow-symlinks to follow it'
    ];

    it.each([
        ['check', 'text'], ['check', 'json'], ['check', 'sarif'],
        ['report', 'md'], ['report', 'html'], ['report', 'json'], ['report', 'oscal'], ['report', 'oscal-ssp'],
        ['catalogue', 'json']
    ])('%s --format %s skips links out of the folder, one line each, and no canary content reaches the output', async (command, format) => {
        const { checked } = await linkedWorkspace();
        const run = mandate(checked, command, '--format', format, ...(command === 'catalogue' ? [] : ['--as-of', AS_OF]));
        expect(run.stderr.trim().split('\n').sort()).toEqual([...SKIPPED].sort());
        expect(run.code).toBe(0);
        expect(run.stdout.length).toBeGreaterThan(0);
        expect(run.stdout).not.toContain(CANARY);
        expect(run.stdout).not.toContain('canary_');
        if (command === 'check' && format === 'text') expect(run.stdout).toMatch(/ in 2 files\n$/); // roles.mandate and inner/extra.mandate, once
    });

    it('a link that stays inside is followed silently, and a path named on the command line is taken as given, even a link', async () => {
        const folder = await workspace({ 'checked/roles.mandate': POLICY, 'checked/sub/extra.mandate': 'person bob "Bob Inside"\n' });
        const checked = path.join(folder, 'checked');
        await symlink('sub', path.join(checked, 'sub-link'));
        await symlink('sub/extra.mandate', path.join(checked, 'extra-link.mandate'));
        await symlink(path.join(checked, 'sub'), path.join(folder, 'named'));
        const inside = mandate(checked, 'check', '--as-of', AS_OF);
        expect(inside).toMatchObject({ code: 0, stderr: '' });
        expect(inside.stdout).toMatch(/ in 2 files\n$/);
        // A path the user names is taken as given, even as a link.
        const named = mandate(checked, 'check', '--as-of', AS_OF, 'roles.mandate', path.join(folder, 'named'));
        expect(named).toMatchObject({ code: 0, stderr: '' });
        expect(named.stdout).toMatch(/ in 2 files\n$/);
    });

    it('--follow-symlinks follows links out of the folder and survives cycles', async () => {
        const { folder, checked } = await linkedWorkspace();
        await symlink(checked, path.join(folder, 'outside', 'back')); // outside → checked → outside → …
        const run = mandate(checked, 'check', '--as-of', AS_OF, '--follow-symlinks', '--format', 'json');
        // The followed configuration names a catalogue that does not exist: proof that it was read.
        expect(run.code).toBe(2);
        expect(run.stderr).toMatch(new RegExp(`${CANARY}\\.json' does not exist`));
        await writeFile(path.join(folder, 'outside', 'config.json'), '{}');
        const followed = mandate(checked, 'report', '--as-of', AS_OF, '--follow-symlinks', '--format', 'json');
        expect(followed.stderr).toBe('');
        expect(followed.code).toBe(0);
        expect(followed.stdout).toContain(`${CANARY} canary_folder`);
        expect(followed.stdout).toContain(`${CANARY} canary_file`);
    });
});

describe('text output escapes control characters from the policy', () => {
    const ESC = '\u001b';
    // An OSC 8 hyperlink ends with BEL here: a backslash would be an escape in a Mandate string.
    const HOSTILE = `${ESC}[31mRED${ESC}[0m ${ESC}]8;;https://evil.example/\u0007click${ESC}]8;;\u0007 \u009b2J \u0007bell \u202eevil\u202c \u2066iso\u2069`;
    // Every character a terminal acts on: C0 but line feed and tab, DEL, C1, bidi controls, line separators.
    const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

    const hostilePolicy = `${POLICY}framework EVIL "Evil ${HOSTILE}"\nrole ghost "Ghost ${HOSTILE}" { reports to board }\n`;

    it.each([['json'], ['oscal'], ['oscal-ssp'], ['md'], ['html']])('report --format %s to standard output holds no raw control character', async format => {
        const folder = await workspace({ 'roles.mandate': hostilePolicy });
        const run = mandate(folder, 'report', '--as-of', AS_OF, '--format', format);
        expect(run.code).toBe(0);
        expect(run.stdout).not.toMatch(RAW_CONTROL);
        // JSON is escaped losslessly: the title reads back as the policy wrote it.
        if (format === 'json') expect(run.stdout.includes('Ghost \\u001b[31mRED') && JSON.stringify(JSON.parse(run.stdout)).includes(`Ghost ${JSON.stringify(HOSTILE).slice(1, -1)}`)).toBe(true);
    });


    // The engine shows control characters in its messages as U+XXXX; a file name reaches every finding as it is.
    const HOSTILE_FILE = `roles${ESC}[31m${ESC}]8;;evil\u0007click${ESC}]8;;\u0007\u009b2J\u202eevil\u0085.mandate`;

    it.each([['text'], ['json']])('check --format %s prints findings of a hostile file name with visible escapes', async format => {
        const folder = await workspace({ [HOSTILE_FILE]: 'role ciso "CISO" { reports to nobody }\n' });
        const run = mandate(folder, 'check', '--as-of', AS_OF, '--format', format);
        expect(run.code).toBe(1);
        expect(run.stderr).toBe('');
        expect(run.stdout).not.toMatch(RAW_CONTROL);
        if (format === 'text') {
            expect(run.stdout).toContain('roles\\u001b[31m\\u001b]8;;evil\\u0007click\\u001b]8;;\\u0007\\u009b2J\\u202eevil\\u0085.mandate:1:');
        } else {
            // JSON is escaped losslessly: it reads back as the file's own name.
            expect(JSON.parse(run.stdout)[0].file).toBe(HOSTILE_FILE);
        }
    });

    it('catalogue listings, input problems and usage errors print escapes too', async () => {
        const folder = await workspace({ 'roles.mandate': hostilePolicy });
        const catalogue = mandate(folder, 'catalogue', '--framework', 'EVIL');
        expect(catalogue.code).toBe(0);
        expect(catalogue.stdout).not.toMatch(RAW_CONTROL);
        expect(catalogue.stdout).toContain('Evil \\u001b[31mRED\\u001b[0m');

        const missing = mandate(folder, 'check', '--as-of', AS_OF, `${ESC}[31mnope\u202e`);
        expect(missing.code).toBe(2);
        expect(missing.stderr).toBe('mandate: \\u001b[31mnope\\u202e: no such file or directory\n');

        const usage = mandate(folder, 'check', '--format', `${ESC}[2J\u202e`);
        expect(usage.code).toBe(2);
        expect(usage.stderr).not.toMatch(RAW_CONTROL);
        expect(usage.stderr).toContain('\\u001b[2J\\u202e');

        const framework = mandate(folder, 'catalogue', '--framework', `${ESC}[31mX`);
        expect(framework.code).toBe(2);
        expect(framework.stderr).toMatch(/^mandate: unknown framework '\\u001b\[31mX' for --framework/);
    });
});
