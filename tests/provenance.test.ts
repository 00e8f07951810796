/**
 * Recorded-by provenance from git (language/provenance/) and the `record-late` rule, on real git
 * repositories made in temporary folders with fixed author and committer dates (tests/git-fixture.ts):
 * the first commit of a record, not of its later edits; a record moved to another file or
 * reformatted keeps its first commit; a backdated record fires record-late; shallow clones, folders
 * without git and uncommitted records give a note, never an error.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { NodeFileSystem } from 'langium/node';
import { afterAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../language/config/mandate-config.js';
import { checkSources, type CheckedWorkspace } from '../language/engine/check-sources.js';
import type { Assignment, Delegation } from '../language/generated/ast.js';
import { gitEnvironment, mayBeInRepository, runGit } from '../language/git/git-runner.js';
import { gitBlobId, readRecordHistory } from '../language/provenance/record-history.js';
import { recordedByOf, type RecordedByState } from '../language/provenance/recorded-by.js';
import { buildReport } from '../language/report/build-report.js';
import { exportOscal } from '../language/report/export-oscal.js';
import { renderJson } from '../language/report/render-json.js';
import { renderMarkdown } from '../language/report/render-markdown.js';
import { RULES_BY_ID } from '../language/rules/index.js';
import { FIXED_REPOSITORY } from './folder-helpers.js';
import { gitRepositories } from './git-fixture.js';
import { CLEAN_POLICY } from './helpers.js';

const repository = gitRepositories('mandate-recorded-by-');

async function checkRepository(folder: string, configText?: string): Promise<CheckedWorkspace> {
    const files = readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter(name => name.endsWith('.mandate')).sort();
    const sources = files.map(name => ({ uri: pathToFileURL(path.join(folder, name)).href, text: readFileSync(path.join(folder, name), 'utf8') }));
    const config = configText === undefined ? undefined : parseConfig(configText, RULES_BY_ID).config;
    return checkSources(sources, {
        asOf: '2025-06-30', roots: [pathToFileURL(folder).href], fileSystem: NodeFileSystem.fileSystemProvider, config, recordHistory: [folder]
    });
}

/** The recorded-by state of the assignment of `person` (and of its first announcement), and of every delegation. */
function recordedBy(checked: CheckedWorkspace, person: string): { assignment: RecordedByState; announcement?: RecordedByState } {
    const model = checked.services.shared.mandate.WorkspaceModel.get();
    const assignment = model.assignments.find(candidate => candidate.person.$refText === person) as Assignment;
    const history = checked.services.shared.mandate.Settings.recordHistory;
    const announcement = assignment.announcements[0];
    return { assignment: recordedByOf(history, assignment), ...(announcement ? { announcement: recordedByOf(history, announcement) } : {}) };
}

function delegationRecordedBy(checked: CheckedWorkspace): RecordedByState {
    const delegation = checked.documents.flatMap(document => document.parseResult.value.declarations).find(node => node.$type === 'Delegation') as Delegation;
    return recordedByOf(checked.services.shared.mandate.Settings.recordHistory, delegation);
}

const commitOf = (state: RecordedByState) => (state.known ? state.by.commit : state.reason);
const lateFindings = (checked: CheckedWorkspace) =>
    checked.findings.filter(finding => finding.rule === 'record-late').map(finding => `${path.basename(finding.uri)}:${finding.line} ${finding.message}`);

const BOB = `
person bob "Bob Stone" { employed since 2020-01-01 }
role deputy "Deputy CISO" { reports to ciso }
assign bob to deputy since 2024-03-01 appointed by board {
    announced 2024-03-02 via email
}
`;

describe('recorded-by provenance', () => {
    it('is the commit that first recorded a record, not a later edit, a reformat or a move to another file', async () => {
        const repo = repository();
        const first = repo.commit(CLEAN_POLICY, 'Appoint Jane as CISO\n\nApproved-by: The Board <board@acme.example>\nReviewed-by: Audit', '2024-03-04');
        // Later: more evidence, another layout, and the assignment moved to a file of its own.
        const people = CLEAN_POLICY['people.mandate'];
        const assignment = people.slice(people.indexOf('assign jane'));
        repo.commit({
            'people.mandate': people.slice(0, people.indexOf('assign jane')),
            'appointments/ciso.mandate': assignment.replace('assign jane to ciso since 2024-03-01', 'assign   jane\n    to ciso\n    since 2024-03-01')
                .replace('evidence "minutes/2024-02-board.pdf"', 'evidence "minutes/2024-02-board.pdf"\n    evidence "HR-1234"')
        }, 'Move the CISO appointment', '2024-11-20');
        const checked = await checkRepository(repo.folder);
        const jane = recordedBy(checked, 'jane');
        expect(commitOf(jane.assignment)).toBe(first);
        expect(commitOf(jane.announcement!)).toBe(first);
        expect(jane.assignment).toMatchObject({
            known: true,
            by: {
                shortCommit: first.slice(0, 7), author: 'Test User', email: 'test@example.com', day: '2024-03-04', date: '2024-03-04T12:00:00+00:00',
                trailers: [{ key: 'Approved-by', value: 'The Board <board@acme.example>' }, { key: 'Reviewed-by', value: 'Audit' }]
            }
        });
        // Recorded 3 days after its start: on time.
        expect(lateFindings(checked)).toEqual([]);
    });

    it('follows the policy folder through a rename, and a record moved in from another folder of the repository', async () => {
        const repo = repository();
        const first = repo.commit(Object.fromEntries(Object.entries(CLEAN_POLICY).map(([name, text]) => [`isms/${name}`, text])), 'Appoint Jane', '2024-03-04');
        repo.git('mv', 'isms', 'policy');
        repo.commit({}, 'Rename the folder', '2024-10-01');
        const checked = await checkRepository(path.join(repo.folder, 'policy'));
        expect(commitOf(recordedBy(checked, 'jane').assignment)).toBe(first);
        expect(lateFindings(checked)).toEqual([]);
    });

    it('treats a changed start date as a new record, and a record in no commit as not yet committed', async () => {
        const repo = repository();
        repo.commit(CLEAN_POLICY, 'Appoint Jane', '2024-03-04');
        const later = repo.commit({ 'people.mandate': CLEAN_POLICY['people.mandate'].replace('since 2024-03-01', 'since 2024-02-20') }, 'Correct the start', '2024-03-10');
        writeFileSync(path.join(repo.folder, 'bob.mandate'), BOB);
        const checked = await checkRepository(repo.folder);
        expect(commitOf(recordedBy(checked, 'jane').assignment)).toBe(later);
        expect(recordedBy(checked, 'bob')).toEqual({ assignment: { known: false, reason: 'not-committed' }, announcement: { known: false, reason: 'not-committed' } });
        expect(lateFindings(checked)).toEqual([]);
    });

    it('fires record-late on a backdated assignment, announcement and delegation, with the Approved-by trailer', async () => {
        const repo = repository();
        repo.commit(CLEAN_POLICY, 'Appoint Jane', '2024-03-04');
        const backdated = repo.commit({
            'bob.mandate': `${BOB}delegate isms-reporting from ciso to bob since 2024-04-01\n`
        }, 'Record the deputy appointment of March\n\nApproved-by: Jane Doe', '2024-09-27');
        const checked = await checkRepository(repo.folder);
        expect(commitOf(recordedBy(checked, 'bob').assignment)).toBe(backdated);
        expect(commitOf(delegationRecordedBy(checked))).toBe(backdated);
        const short = backdated.slice(0, 7);
        expect(lateFindings(checked)).toEqual([
            `bob.mandate:4 The assignment of 'bob' to 'deputy', which starts on 2024-03-01, was first recorded in commit ${short} by Test User on 2024-09-27, `
                + '210 days after the date it claims (at most 30 allowed); the commit says Approved-by: Jane Doe. A record written after the fact should say so: '
                + 'keep the evidence of the decision with it, and accept the exception above it with `// mandate-ignore record-late: <why it was recorded late>`.',
            expect.stringMatching(/^bob\.mandate:5 The announcement of 2024-03-02 of the appointment of 'bob' to 'deputy' was first recorded in commit \w+ by Test User on 2024-09-27, 209 days after/),
            expect.stringMatching(/^bob\.mandate:7 The delegation of 'isms-reporting' from 'ciso' to 'bob', which starts on 2024-04-01, was first recorded .* 179 days after/)
        ]);
        expect(checked.findings.filter(finding => finding.rule === 'record-late').map(finding => finding.severity)).toEqual(['info', 'info', 'info']);
    });

    it('follows merges: a record from a side branch is recorded by its own commit, not by the merge', async () => {
        const repo = repository();
        repo.commit(CLEAN_POLICY, 'Appoint Jane', '2024-03-04');
        repo.git('checkout', '-q', '-b', 'deputy');
        const side = repo.commit({ 'bob.mandate': BOB }, 'Appoint Bob', '2024-03-05');
        repo.git('checkout', '-q', 'main');
        repo.commit({ 'notes.txt': 'meanwhile' }, 'Notes', '2024-03-06');
        const fixed = { GIT_AUTHOR_DATE: '2024-09-30T12:00:00Z', GIT_COMMITTER_DATE: '2024-09-30T12:00:00Z', GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' };
        execFileSync('git', ['merge', '-q', '--no-ff', '-m', 'Merge the deputy', 'deputy'], { cwd: repo.folder, env: { ...process.env, ...fixed } });
        const checked = await checkRepository(repo.folder);
        expect(commitOf(recordedBy(checked, 'bob').assignment)).toBe(side);
        expect(lateFindings(checked)).toEqual([]);
    });

    it('takes its threshold from mandate.config.json: within maxDays it is quiet, and it can be switched off', async () => {
        const repo = repository();
        repo.commit(CLEAN_POLICY, 'Appoint Jane', '2024-03-04');
        repo.commit({ 'bob.mandate': BOB }, 'Appoint Bob', '2024-04-05');
        // Bob's appointment (2024-03-01) was recorded 35 days later, the announcement 34.
        expect(lateFindings(await checkRepository(repo.folder)).map(line => line.slice(0, 13))).toEqual(['bob.mandate:4', 'bob.mandate:5']);
        expect(lateFindings(await checkRepository(repo.folder, '{ "rules": { "record-late": { "maxDays": 35 } } }'))).toEqual([]);
        expect(lateFindings(await checkRepository(repo.folder, '{ "rules": { "record-late": { "maxDays": 34 } } }')).map(line => line.slice(0, 13))).toEqual(['bob.mandate:4']);
        expect(lateFindings(await checkRepository(repo.folder, '{ "rules": { "record-late": "off" } }'))).toEqual([]);
    });

    it('says "shallow clone" for what the oldest commit of a shallow clone holds, and knows the commits after it', async () => {
        const origin = repository();
        origin.commit(CLEAN_POLICY, 'Appoint Jane', '2024-03-04');
        origin.commit({ 'notes.txt': 'unrelated' }, 'Notes', '2024-05-01');
        const bob = origin.commit({ 'bob.mandate': BOB }, 'Appoint Bob', '2024-09-27');
        const clone = mkdtempSync(path.join(tmpdir(), 'mandate-recorded-by-clone-'));
        afterAll(() => rmSync(clone, { recursive: true, force: true }));
        execFileSync('git', ['clone', '-q', '--depth', '2', '--no-local', `file://${origin.folder}`, clone], { env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1' } });
        const checked = await checkRepository(clone);
        expect(checked.services.shared.mandate.Settings.recordHistory?.shallow).toBe(true);
        expect(recordedBy(checked, 'jane').assignment).toEqual({ known: false, reason: 'shallow-clone' });
        expect(commitOf(recordedBy(checked, 'bob').assignment)).toBe(bob);
        // Jane's record is not judged (its commit is unknown); Bob's is, and is late.
        expect(lateFindings(checked).map(line => line.slice(0, 13))).toEqual(['bob.mandate:4', 'bob.mandate:5']);
    });

    it('says "no git" for a folder outside any repository, and "not read" when the history was not asked for', async () => {
        const folder = mkdtempSync(path.join(tmpdir(), 'mandate-recorded-by-plain-'));
        afterAll(() => rmSync(folder, { recursive: true, force: true }));
        for (const [name, text] of Object.entries({ ...CLEAN_POLICY, 'bob.mandate': BOB })) writeFileSync(path.join(folder, name), text);
        const checked = await checkRepository(folder);
        expect(checked.services.shared.mandate.Settings.recordHistory?.unavailable).toBe('no-repository');
        expect(recordedBy(checked, 'bob').assignment).toEqual({ known: false, reason: 'no-git' });
        expect(lateFindings(checked)).toEqual([]);
        const unread = await checkSources([{ uri: 'file:///ws/people.mandate', text: CLEAN_POLICY['people.mandate'] }], { asOf: '2025-06-30' });
        expect(recordedBy(unread, 'jane').assignment).toEqual({ known: false, reason: 'not-read' });
    });

    it('says "not yet committed" in a repository without a commit', async () => {
        const repo = repository();
        for (const [name, text] of Object.entries(CLEAN_POLICY)) writeFileSync(path.join(repo.folder, name), text);
        expect(recordedBy(await checkRepository(repo.folder), 'jane').assignment).toEqual({ known: false, reason: 'not-committed' });
    });
});

describe('recorded-by in the audit report', () => {
    const report = (checked: CheckedWorkspace) =>
        buildReport(checked.services.shared, checked.findings, { toolVersion: '0.1.0', generatedAt: '2026-11-26T00:00:00Z', repository: FIXED_REPOSITORY });

    it('names the commit, author, date and trailers next to each key appointment, and says when it came late', async () => {
        const repo = repository();
        const first = repo.commit({ ...CLEAN_POLICY, 'people.mandate': CLEAN_POLICY['people.mandate'].replace('since 2024-03-01', 'since 2024-01-02') },
            'Appoint Jane as CISO\n\nApproved-by: The Board', '2024-03-04');
        const audit = report(await checkRepository(repo.folder));
        expect(audit.provenance.recordHistory).toEqual({ status: 'read', shallow: false });
        const jane = audit.questions.appointed.appointments[0];
        expect(jane.recordedBy).toEqual({
            status: 'recorded', commit: first, shortCommit: first.slice(0, 7), author: 'Test User', email: 'test@example.com',
            date: '2024-03-04T12:00:00+00:00', trailers: [{ key: 'Approved-by', value: 'The Board' }], daysAfterStart: 62, late: true
        });
        const markdown = renderMarkdown(audit);
        expect(markdown).toContain(`Recorded by \`${first.slice(0, 7)}\` (Test User, 2024-03-04; Approved-by: The Board). **⚠️ recorded 62 days after its start**`);
        expect(markdown).toContain('read from git: each key appointment names the commit that first recorded it');
        expect(exportOscal(audit)).toContain(`, first recorded in commit ${first.slice(0, 7)} by Test User on 2024-03-04 (Approved-by: The Board) (people.mandate:6)`);
        const json = JSON.parse(renderJson(audit));
        expect(Object.keys(json.questions.appointed.appointments[0]).slice(-2)).toEqual(['recordedBy', 'source']);
    });

    it('says why there is no commit: not committed, no git, or the history not read', async () => {
        const repo = repository();
        repo.commit({ 'organization.mandate': CLEAN_POLICY['organization.mandate'] }, 'Start', '2024-03-04');
        for (const [name, text] of Object.entries(CLEAN_POLICY)) writeFileSync(path.join(repo.folder, name), text);
        const uncommitted = report(await checkRepository(repo.folder));
        expect(uncommitted.questions.appointed.appointments[0].recordedBy).toEqual({ status: 'not-committed' });
        expect(renderMarkdown(uncommitted)).toMatch(/not yet committed/);

        const plain = mkdtempSync(path.join(tmpdir(), 'mandate-recorded-by-report-'));
        afterAll(() => rmSync(plain, { recursive: true, force: true }));
        for (const [name, text] of Object.entries(CLEAN_POLICY)) writeFileSync(path.join(plain, name), text);
        const noGit = report(await checkRepository(plain));
        expect(noGit.provenance.recordHistory).toEqual({ status: 'no-git', shallow: false });
        expect(noGit.questions.appointed.appointments[0].recordedBy).toBeUndefined();
        expect(renderMarkdown(noGit)).toContain('Recorded by: recorded-by unknown: the workspace folder is not in a git repository, or git is not available.');

        const unread = report(await checkSources(Object.entries(CLEAN_POLICY).map(([name, text]) => ({ uri: `file:///ws/${name}`, text })), { asOf: '2025-06-30' }));
        expect(unread.provenance.recordHistory).toEqual({ status: 'not-read', shallow: false });
        expect(renderMarkdown(unread)).toContain('the git history was not read');
    });
});

describe('the shared git runner', () => {
    it('reports a missing git executable as no git, never as an exception, and provenance notes it', () => {
        const repo = repository();
        const environment = { PATH: path.join(repo.folder, 'no-such-bin') };
        expect(runGit(repo.folder, ['--version'], { environment })).toMatchObject({ ok: false, reason: 'no-git' });
        const parser = (text: string) => { throw new Error(`not parsed: ${text}`); };
        expect(readRecordHistory(repo.folder, parser, { environment })).toMatchObject({ unavailable: 'no-git' });
    });

    it('does not start git for a folder outside any repository: it has no history either way', () => {
        const folder = mkdtempSync(path.join(tmpdir(), 'mandate-no-repository-'));
        try {
            expect(mayBeInRepository(folder)).toBe(false);
            // git cannot even be found there, and the answer is the one git would have given.
            const parser = (text: string) => { throw new Error(`not parsed: ${text}`); };
            expect(readRecordHistory(folder, parser, { environment: { PATH: path.join(folder, 'no-such-bin') } })).toMatchObject({ unavailable: 'no-repository' });
            // A worktree's or submodule's `.git` is a file.
            mkdirSync(path.join(folder, 'policy'));
            writeFileSync(path.join(folder, '.git'), 'gitdir: ../elsewhere\n');
            expect(mayBeInRepository(path.join(folder, 'policy'))).toBe(true);
        } finally {
            rmSync(folder, { recursive: true, force: true });
        }
    });

    it('computes the blob id git gives a file, so a file of today\'s workspace is not parsed twice', () => {
        const repo = repository();
        const text = 'person zoë "Zoë Ünal"\r\n// ✓\n';
        writeFileSync(path.join(repo.folder, 'people.mandate'), text);
        expect(gitBlobId(text)).toBe(repo.git('hash-object', 'people.mandate'));
    });

    it('runs git without the caller\'s GIT_* variables and with no network transport allowed', () => {
        const repo = repository();
        const result = runGit(repo.folder, ['config', '--get', 'protocol.allow'], { environment: { ...process.env, GIT_CONFIG_PARAMETERS: "'protocol.allow'='always'" } });
        expect(result).toEqual({ ok: true, stdout: 'never\n' });
        expect(gitEnvironment({ GIT_DIR: '/elsewhere', GIT_WORK_TREE: '/elsewhere', HOME: '/home/x' })).toEqual({
            HOME: '/home/x', GIT_OPTIONAL_LOCKS: '0', GIT_TERMINAL_PROMPT: '0', GIT_CONFIG_NOSYSTEM: '1', GIT_NO_LAZY_FETCH: '1'
        });
    });
});
