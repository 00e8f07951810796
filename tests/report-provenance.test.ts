/**
 * Provenance: the git commit and dirtiness of the workspace folder, and the SHA-256 of every
 * job-description and evidence file the policy names that exists inside the workspace. Each test
 * makes its own folder (and git repository) under the system's temporary folder; nothing here
 * touches this repository's git state or reads the real clock.
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildReport } from '../language/report/build-report.js';
import { exportOscal } from '../language/report/export-oscal.js';
import type { AuditReport } from '../language/report/report-model.js';
import { repositoryState } from '../language/report/report-git.js';
import { renderMarkdown } from '../language/report/render-markdown.js';
import { checkFolder } from './folder-helpers.js';
import { CLEAN_POLICY } from './helpers.js';

const folders: string[] = [];
afterEach(() => { for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true }); });

function tempFolder(): string {
    const folder = mkdtempSync(path.join(tmpdir(), 'mandate-provenance-'));
    folders.push(folder);
    return folder;
}

function writeFiles(folder: string, files: Record<string, string>): void {
    for (const [name, text] of Object.entries(files)) {
        mkdirSync(path.dirname(path.join(folder, name)), { recursive: true });
        writeFileSync(path.join(folder, name), text);
    }
}

const git = (folder: string, ...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: folder, encoding: 'utf8' }).trim();

/** The report of a folder on disk, asking git for real (no repository option). */
async function reportOf(folder: string): Promise<AuditReport> {
    const checked = await checkFolder(folder);
    return buildReport(checked.services.shared, checked.findings, { toolVersion: '0.1.0', generatedAt: '2026-11-26T00:00:00Z' });
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('git state in the provenance', () => {
    it('says so when the folder is not in a git repository', async () => {
        const folder = tempFolder();
        writeFiles(folder, CLEAN_POLICY);
        const report = await reportOf(folder);
        expect(report.provenance.repository).toEqual({ git: false });
        expect(renderMarkdown(report)).toContain('- **Git commit:** Not recorded: the workspace folder is not in a git repository with a commit, or git is not available.');
        expect(JSON.parse(exportOscal(report))['component-definition'].metadata.props).toContainEqual(expect.objectContaining({ name: 'git-commit', value: 'none' }));
    });

    it('records the commit, clean, then dirty after an edit or an untracked file', async () => {
        const folder = tempFolder();
        writeFiles(folder, CLEAN_POLICY);
        git(folder, 'init', '-q');
        git(folder, 'add', '.');
        git(folder, 'commit', '-q', '-m', 'policy');
        const head = git(folder, 'rev-parse', 'HEAD');
        const clean = await reportOf(folder);
        expect(clean.provenance.repository).toEqual({ git: true, commit: head, dirty: false });
        expect(renderMarkdown(clean)).toContain(`- **Git commit:** \`${head}\` ✅ clean: no uncommitted changes in the workspace folder`);
        const oscal = JSON.parse(exportOscal(clean))['component-definition'].metadata.props;
        expect(oscal).toEqual(expect.arrayContaining([
            expect.objectContaining({ name: 'git-commit', value: head }), expect.objectContaining({ name: 'git-dirty', value: 'false' })
        ]));

        writeFileSync(path.join(folder, 'notes.txt'), 'untracked');
        expect((await reportOf(folder)).provenance.repository).toEqual({ git: true, commit: head, dirty: true });
        rmSync(path.join(folder, 'notes.txt'));
        writeFileSync(path.join(folder, 'people.mandate'), `${CLEAN_POLICY['people.mandate']}// edited\n`);
        const dirty = await reportOf(folder);
        expect(dirty.provenance.repository.dirty).toBe(true);
        expect(renderMarkdown(dirty)).toContain('**⚠️ the workspace folder had uncommitted changes**');
    });

    it('treats a repository without a commit, a broken .git and a missing folder as no git', () => {
        const empty = tempFolder();
        git(empty, 'init', '-q');
        expect(repositoryState(empty)).toEqual({ git: false });
        const broken = tempFolder();
        writeFileSync(path.join(broken, '.git'), 'gitdir: /nonexistent/mandate/.git\n');
        expect(repositoryState(broken)).toEqual({ git: false });
        expect(repositoryState(path.join(broken, 'no-such-folder'))).toEqual({ git: false });
        expect(repositoryState(undefined)).toEqual({ git: false });
    });

    it('ignores GIT_DIR and friends in the environment: the folder decides', () => {
        const repository = tempFolder();
        git(repository, 'init', '-q');
        git(repository, 'commit', '-q', '--allow-empty', '-m', 'elsewhere');
        const plain = tempFolder();
        expect(repositoryState(plain, { environment: { ...process.env, GIT_DIR: path.join(repository, '.git') } })).toEqual({ git: false });
    });
});

describe('document hashes in the provenance', () => {
    it('hashes every job-description and evidence file inside the workspace, and nothing outside it', async () => {
        const outside = tempFolder();
        writeFiles(outside, { 'secret.md': 'not for the report' });
        const folder = tempFolder();
        writeFiles(folder, {
            ...CLEAN_POLICY,
            'roles.mandate': CLEAN_POLICY['roles.mandate'].replace('designated CISO', 'designated CISO\n    job description "docs/ciso.md" version "2"'),
            'people.mandate': `${CLEAN_POLICY['people.mandate'].replace('evidence "minutes/2024-02-board.pdf"', `evidence "minutes/2024-02-board.pdf"
    evidence "missing.pdf"
    evidence "link-in.md"
    evidence "link-out.md"
    evidence "../${path.basename(outside)}/secret.md"
    evidence "HR-1234"
    acknowledged 2024-03-02 { evidence "acks/jane.txt" }`)}`,
            'docs/ciso.md': 'The CISO reports quarterly.',
            'minutes/2024-02-board.pdf': '%PDF minutes',
            'acks/jane.txt': 'I accept the role.'
        });
        symlinkSync(path.join(folder, 'docs', 'ciso.md'), path.join(folder, 'link-in.md'));
        symlinkSync(path.join(outside, 'secret.md'), path.join(folder, 'link-out.md'));
        const report = await reportOf(folder);
        expect(report.provenance.documents).toEqual([
            { file: 'acks/jane.txt', sha256: sha256('I accept the role.') },
            { file: 'docs/ciso.md', sha256: sha256('The CISO reports quarterly.') },
            { file: 'link-in.md', sha256: sha256('The CISO reports quarterly.') },
            { file: 'minutes/2024-02-board.pdf', sha256: sha256('%PDF minutes') }
        ]);
        const markdown = renderMarkdown(report);
        expect(markdown).toContain(`| [docs/ciso.md](../docs/ciso.md) | \`${sha256('The CISO reports quarterly.')}\` |`);
        expect(markdown).not.toContain(sha256('not for the report'));
        const resources = JSON.parse(exportOscal(report))['component-definition']['back-matter'].resources;
        expect(resources.find((resource: Record<string, any>) => resource.title === 'docs/ciso.md').rlinks[0].hashes)
            .toEqual([{ algorithm: 'SHA-256', value: sha256('The CISO reports quarterly.') }]);
    });

    it('says so when the policy names no file that exists', async () => {
        const folder = tempFolder();
        writeFiles(folder, CLEAN_POLICY);
        const report = await reportOf(folder);
        expect(report.provenance.documents).toEqual([]);
        expect(renderMarkdown(report)).toContain('No job-description or evidence file named in the policy exists in the workspace.');
    });
});
