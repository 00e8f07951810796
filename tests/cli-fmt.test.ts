// `mandate fmt` (issue 12): --check lists what is not formatted and exits 1, --write rewrites atomically,
// without a flag one file is printed; a file that does not parse is never touched and exits 2; symbolic
// links and read-only files are handled as the other commands handle them. The CLI runs bundled
// (out/cli/main.cjs; `npm run bundle` before this file alone).
import { chmod, lstat, readFile, readlink, stat, symlink } from 'node:fs/promises';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mandate, ROOT, temporaryWorkspaces } from './cli-helpers.js';

const workspace = temporaryWorkspaces('mandate-cli-fmt-');

const MESSY = 'role  ciso "CISO" {designated CISO\n  reports to board }\nrole board "Board"';
const TIDY = 'role ciso "CISO" {\n    designated CISO\n    reports to board\n}\n\nrole board "Board"\n';
const BROKEN = 'role ciso "CISO" {\n    designated CISO\n';

describe('mandate fmt', () => {
    it('finds every example formatted (the CI check: mandate fmt --check examples)', () => {
        const run = mandate(ROOT, 'fmt', '--check', 'examples');
        expect(run.stderr).toBe('');
        expect(run.stdout).toBe('');
        expect(run.code).toBe(0);
    });

    it('--check lists the files that would change, exits 1 and changes nothing', async () => {
        const folder = await workspace({ 'a.mandate': MESSY, 'b.mandate': TIDY, 'sub/c.mandate': MESSY });
        const run = mandate(folder, 'fmt', '--check');
        expect(run.code).toBe(1);
        expect(run.stdout).toBe(['a.mandate', path.join('sub', 'c.mandate'), ''].join('\n'));
        expect(await readFile(path.join(folder, 'a.mandate'), 'utf8')).toBe(MESSY);
        expect(mandate(folder, 'fmt', '--check', 'b.mandate').code).toBe(0);
    });

    it('--write rewrites the files that would change, lists them, and keeps their permissions', async () => {
        const folder = await workspace({ 'a.mandate': MESSY, 'b.mandate': TIDY });
        await chmod(path.join(folder, 'a.mandate'), 0o640);
        const run = mandate(folder, 'fmt', '--write', '.');
        expect(run.code).toBe(0);
        expect(run.stdout).toBe('a.mandate\n');
        expect(await readFile(path.join(folder, 'a.mandate'), 'utf8')).toBe(TIDY);
        expect((await stat(path.join(folder, 'a.mandate'))).mode & 0o777).toBe(0o640);
        expect(mandate(folder, 'fmt', '--check').code).toBe(0);
    });

    it('--write keeps a byte order mark and CRLF line endings', async () => {
        const folder = await workspace({ 'a.mandate': Buffer.from(`\uFEFF${MESSY.replaceAll('\n', '\r\n')}`, 'utf8') });
        expect(mandate(folder, 'fmt', '--write').code).toBe(0);
        expect(await readFile(path.join(folder, 'a.mandate'), 'utf8')).toBe(`\uFEFF${TIDY.replaceAll('\n', '\r\n')}`);
    });

    it('without a flag prints one file formatted and leaves it alone; a folder needs --check or --write', async () => {
        const folder = await workspace({ 'a.mandate': MESSY });
        const run = mandate(folder, 'fmt', 'a.mandate');
        expect(run).toMatchObject({ code: 0, stdout: TIDY, stderr: '' });
        expect(await readFile(path.join(folder, 'a.mandate'), 'utf8')).toBe(MESSY);
        const folderRun = mandate(folder, 'fmt', '.');
        expect(folderRun.code).toBe(2);
        expect(folderRun.stderr).toContain('give --check or --write');
        expect(mandate(folder, 'fmt', '--check', '--write').code).toBe(2);
    });

    it('never formats a file that does not parse: names it with line and column, formats the others, exits 2', async () => {
        const folder = await workspace({ 'a.mandate': MESSY, 'broken.mandate': BROKEN });
        const run = mandate(folder, 'fmt', '--write');
        expect(run.code).toBe(2);
        expect(run.stderr).toMatch(/^mandate: broken\.mandate:2:20: not formatted: The role `ciso` is not closed/m);
        expect(run.stdout).toBe('a.mandate\n');
        expect(await readFile(path.join(folder, 'broken.mandate'), 'utf8')).toBe(BROKEN);
        expect(await readFile(path.join(folder, 'a.mandate'), 'utf8')).toBe(TIDY);
        const check = mandate(folder, 'fmt', '--check');
        expect(check.code).toBe(2);
        const print = mandate(folder, 'fmt', 'broken.mandate');
        expect(print).toMatchObject({ code: 2, stdout: '' });
    });

    it('a file that is not UTF-8 or a path that does not exist is an input error (exit 2)', async () => {
        const folder = await workspace({ 'latin1.mandate': Buffer.from([0x72, 0x6f, 0x6c, 0x65, 0x20, 0xe9]) });
        const run = mandate(folder, 'fmt', '--check');
        expect(run.code).toBe(2);
        expect(run.stderr).toContain('latin1.mandate: not valid UTF-8');
        expect(mandate(folder, 'fmt', '--check', 'missing.mandate').code).toBe(2);
    });

    it('leaves a read-only file as it is and says so (exit 2)', async () => {
        const folder = await workspace({ 'locked.mandate': MESSY, 'open.mandate': MESSY });
        await chmod(path.join(folder, 'locked.mandate'), 0o444);
        const run = mandate(folder, 'fmt', '--write');
        expect(run.code).toBe(2);
        expect(run.stderr).toContain('locked.mandate: not formatted: the file is read-only; it is unchanged');
        expect(await readFile(path.join(folder, 'locked.mandate'), 'utf8')).toBe(MESSY);
        expect(await readFile(path.join(folder, 'open.mandate'), 'utf8')).toBe(TIDY);
    });

    it('writes through a symbolic link inside the folder, which stays a link', async () => {
        const folder = await workspace({ 'policy/real.mandate': MESSY });
        await symlink('real.mandate', path.join(folder, 'policy', 'alias.mandate'));
        const run = mandate(folder, 'fmt', '--write', 'policy/alias.mandate');
        expect(run.code).toBe(0);
        expect((await lstat(path.join(folder, 'policy', 'alias.mandate'))).isSymbolicLink()).toBe(true);
        expect(await readlink(path.join(folder, 'policy', 'alias.mandate'))).toBe('real.mandate');
        expect(await readFile(path.join(folder, 'policy', 'real.mandate'), 'utf8')).toBe(TIDY);
    });

    it('skips a symbolic link out of the folder, saying so, unless --follow-symlinks', async () => {
        const folder = await workspace({ 'checked/own.mandate': TIDY, 'outside/shared.mandate': MESSY });
        await symlink(path.join(folder, 'outside', 'shared.mandate'), path.join(folder, 'checked', 'shared.mandate'));
        const skipped = mandate(folder, 'fmt', '--write', 'checked');
        expect(skipped.code).toBe(0);
        expect(skipped.stderr).toContain('skipped checked/shared.mandate: a symbolic link to a file outside the checked folder');
        expect(await readFile(path.join(folder, 'outside', 'shared.mandate'), 'utf8')).toBe(MESSY);
        const followed = mandate(folder, 'fmt', '--write', '--follow-symlinks', 'checked');
        expect(followed.code).toBe(0);
        expect(await readFile(path.join(folder, 'outside', 'shared.mandate'), 'utf8')).toBe(TIDY);
        expect((await lstat(path.join(folder, 'checked', 'shared.mandate'))).isSymbolicLink()).toBe(true);
    });

    it('is listed in the help', () => {
        expect(mandate(ROOT, '--help').stdout).toMatch(/^\s+fmt \[options\] \[paths\.\.\.\]/m);
    });
});
