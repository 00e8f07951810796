/**
 * `mandate diff` through the bundled CLI: formats, -o through the safe writer, exit codes as
 * `git diff --exit-code` users expect, and each input error as one clear line with exit 2.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { default as addFormats } from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { mandate, mandateWith } from './cli-helpers.js';
import { gitRepositories, TEAM_POLICY } from './git-fixture.js';
import { AS_OF, CLEAN_POLICY } from './helpers.js';

const repository = gitRepositories('mandate-cli-diff-');

/** docs/report.schema.json, whose $defs/PolicyDiff is the shape of `mandate diff --format json` and of a report's `changes`. */
function schemas() {
    const schema = JSON.parse(readFileSync(new URL('../docs/report.schema.json', import.meta.url), 'utf8'));
    const ajv = new Ajv2020({ strict: true, allErrors: true });
    addFormats(ajv);
    ajv.addSchema(schema, 'report');
    return { report: ajv.getSchema('report')!, diff: ajv.compile({ $ref: 'report#/$defs/PolicyDiff' }) };
}

describe('mandate diff (CLI)', { timeout: 180_000 }, () => {
    const repo = repository();
    repo.commit(CLEAN_POLICY, 'policy', '2025-01-10');
    repo.git('tag', 'v2025-audit');
    repo.commit({ 'extra.mandate': 'role auditor "Internal Auditor"\n' }, 'auditor', '2025-02-01');

    it('exits 0 with changes, 1 with --exit-code and changes, 0 with --exit-code and none', () => {
        const changed = mandate(repo.folder, 'diff', 'v2025-audit..HEAD', '--as-of', AS_OF);
        expect(changed.code).toBe(0);
        expect(changed.stdout).toContain('+ auditor Internal Auditor (extra.mandate:1)');
        expect(mandate(repo.folder, 'diff', 'v2025-audit', 'HEAD', '--as-of', AS_OF, '--exit-code').code).toBe(1);
        const none = mandate(repo.folder, 'diff', 'HEAD', '--as-of', AS_OF, '--exit-code');
        expect(none).toMatchObject({ code: 0, stderr: '' });
        expect(none.stdout).toContain('No changes.');
    });

    it('writes JSON with the documented keys, and -o writes the same bytes but never over a policy file', () => {
        const run = mandate(repo.folder, 'diff', 'v2025-audit..HEAD', '--as-of', AS_OF, '--format', 'json');
        const diff = JSON.parse(run.stdout);
        const validate = schemas().diff;
        expect(validate(diff), JSON.stringify(validate.errors)).toBe(true);
        expect(Object.keys(diff)).toEqual(['schemaVersion', 'from', 'to', 'changed', 'summary', 'roles', 'people', 'appointments', 'holders', 'duties',
            'authorities', 'delegations', 'conflicts', 'exceptions', 'requirements', 'findings']);
        expect(diff.roles.added).toEqual([{ name: 'auditor', title: 'Internal Auditor', source: { file: 'extra.mandate', line: 1 } }]);
        const output = path.join(repo.folder, 'diff.json'); // untracked, and not policy: no side reads it
        const written = mandate(repo.folder, 'diff', 'v2025-audit..HEAD', '--as-of', AS_OF, '--format', 'json', '-o', output);
        expect(written.code).toBe(0);
        expect(readFileSync(output, 'utf8')).toBe(run.stdout);
        const refused = mandate(repo.folder, 'diff', 'v2025-audit..HEAD', '--as-of', AS_OF, '-o', 'roles.mandate');
        expect(refused.code).toBe(2);
        expect(refused.stderr).toContain('refusing to write the diff over a policy or configuration file');
    });

    it('writes Markdown for a pull-request comment', () => {
        const run = mandate(repo.folder, 'diff', 'v2025-audit..HEAD', '--as-of', AS_OF, '--format', 'md');
        expect(run.stdout).toBe([
            '## Policy changes from `v2025-audit` to `HEAD`', '', 'Both sides as of 2025-06-30.', '', '**Summary:** 1 role added, removed or changed.', '',
            '### Roles', '', '- added: `auditor` Internal Auditor (`extra.mandate:1`)', ''
        ].join('\n'));
    });

    it('says exactly what is wrong, with exit 2', () => {
        const unknown = mandate(repo.folder, 'diff', 'v2024-audit', '--as-of', AS_OF);
        expect(unknown).toMatchObject({ code: 2, stdout: '' });
        expect(unknown.stderr).toBe(`mandate: unknown revision 'v2024-audit' in the repository at ${repo.folder}; check the name with git log or git tag\n`);
        const outside = mandate(path.dirname(repo.folder), 'diff', 'HEAD', '--path', '.', '--as-of', AS_OF);
        expect(outside.code).toBe(2);
        expect(outside.stderr).toMatch(/is not in a git repository/);
        expect(mandate(repo.folder, 'diff', 'HEAD', '--path', 'nowhere').stderr).toBe("mandate: folder 'nowhere' not found; --path names the policy folder\n");
        expect(mandate(repo.folder, 'diff', '.').stderr).toContain("'.' is a folder: give the folder to compare it with as well");
        expect(mandate(repo.folder, 'diff', '--as-of', '2025-02-30', 'HEAD').code).toBe(2);
        const noGit = mandateWith(repo.folder, { PATH: path.join(repo.folder, 'no-such-bin') }, 'diff', 'HEAD', '--as-of', AS_OF);
        expect(noGit.code).toBe(2);
        expect(noGit.stderr).toBe(`mandate: cannot read the git repository of ${repo.folder}: the git executable was not found; install git or compare two folders\n`);
    });

    it('removes the folder a revision is read into, after a diff and after a failed one', () => {
        const temporary = mkdtempSync(path.join(tmpdir(), 'mandate-cli-diff-tmp-'));
        try {
            expect(mandateWith(repo.folder, { TMPDIR: temporary }, 'diff', 'v2025-audit..HEAD', '--as-of', AS_OF).code).toBe(0);
            expect(mandateWith(repo.folder, { TMPDIR: temporary }, 'diff', 'v2025-audit', 'nope', '--as-of', AS_OF).code).toBe(2);
            // A broken configuration in the revision stops the run after the revision was written out.
            repo.commit({ 'mandate.config.json': '{ "rules": ' }, 'broken configuration', '2025-03-01');
            const broken = mandateWith(repo.folder, { TMPDIR: temporary }, 'diff', 'HEAD~1..HEAD', '--as-of', AS_OF);
            expect(broken.code).toBe(2);
            expect(broken.stderr).toMatch(/^mandate: HEAD:mandate\.config\.json:1:\d+: /);
            // The compile cache (README: CLI) is the CLI's own folder there; no revision folder is left.
            expect(readdirSync(temporary).filter(name => name.startsWith('mandate-revision-'))).toEqual([]);
        } finally {
            repo.commit({ 'mandate.config.json': null }, 'configuration removed', '2025-03-02');
            rmSync(temporary, { recursive: true, force: true });
        }
    });

    it('reads uncommitted edits of the working tree, and a new title alone is not a change of identity', () => {
        writeFileSync(path.join(repo.folder, 'extra.mandate'), 'role auditor "Internal Audit Lead"\n');
        try {
            const run = mandate(repo.folder, 'diff', 'HEAD', '--as-of', AS_OF, '--format', 'json');
            // The title is not part of a role's identity: the same role, changed, not one removed and another added.
            const diff = JSON.parse(run.stdout);
            expect(diff.roles.added).toEqual([]);
            expect(diff.roles.removed).toEqual([]);
            expect(diff.roles.changed.map((change: { changes: unknown }) => change.changes)).toEqual([[{ field: 'title', from: 'Internal Auditor', to: 'Internal Audit Lead' }]]);
        } finally {
            repo.git('checkout', '--', 'extra.mandate');
        }
    });
});

/** A policy with a team of its own, and a commit that changes something in every group (findings and status too). */
function teamRepository() {
    const team = TEAM_POLICY['team.mandate'];
    const repo = repository();
    repo.commit(TEAM_POLICY, 'policy', '2025-01-10');
    const changed = team.replace('responsible for incident-handling', 'accountable for incident-handling')
        .replace('since 2024-01-01 appointed by ciso', 'since 2024-01-01 until 2025-03-31 appointed by ciso')
        .replace('to carol since 2025-01-01', 'to carol since 2025-01-01 until 2025-05-31')
        + 'assign carol to security-officer since 2025-04-01\nrole auditor "Internal Auditor"\n';
    const people = CLEAN_POLICY['people.mandate'].replace('employed since 2020-01-01', 'employed since 2020-01-01 until 2025-05-31');
    repo.commit({ 'team.mandate': changed, 'people.mandate': people }, 'changes', '2025-06-01');
    return repo;
}

describe('mandate diff builds its sides in parallel (CLI)', { timeout: 180_000 }, () => {
    const repo = teamRepository();
    const sequential = (...args: string[]) => mandateWith(repo.folder, { MANDATE_THREADS: '1' }, ...args);
    const parallel = (...args: string[]) => mandateWith(repo.folder, { MANDATE_THREADS: '2' }, ...args);

    it('writes the same bytes, messages and exit code as building one side after the other, in every format', () => {
        for (const format of ['text', 'md', 'json']) {
            const args = ['diff', 'HEAD~1..HEAD', '--as-of', AS_OF, '--from-as-of', '2025-01-31', '--format', format, '--exit-code'];
            const expected = sequential(...args);
            expect(expected.code).toBe(1);
            expect(parallel(...args)).toEqual(expected);
        }
        const json = JSON.parse(parallel('diff', 'HEAD~1..HEAD', '--as-of', AS_OF, '--format', 'json').stdout);
        expect(json.summary).toMatchObject({ appointments: 2, holders: 2, duties: 2, delegations: 1 });
        expect(json.summary.findingsIntroduced).toBeGreaterThan(0);
        // A revision against the working tree, whose side reads the folder itself.
        writeFileSync(path.join(repo.folder, 'extra.mandate'), 'role reviewer "Reviewer"\n');
        try {
            const expected = sequential('diff', 'HEAD~1', '--as-of', AS_OF);
            expect(expected.stdout).toContain('+ reviewer Reviewer (extra.mandate:1)');
            expect(parallel('diff', 'HEAD~1', '--as-of', AS_OF)).toEqual(expected);
        } finally {
            rmSync(path.join(repo.folder, 'extra.mandate'));
        }
    });

    it('reports an input error of either side as the sequential build does: named by the revision, exit 2, no folder left', () => {
        const temporary = mkdtempSync(path.join(tmpdir(), 'mandate-cli-diff-tmp-'));
        try {
            repo.commit({ 'mandate.config.json': '{ "rules": ' }, 'broken configuration', '2025-06-02');
            // HEAD is the `to` side, built in the worker; then the `from` side, built in the main thread.
            for (const range of ['HEAD~1..HEAD', 'HEAD..HEAD~1']) {
                const run = mandateWith(repo.folder, { MANDATE_THREADS: '2', TMPDIR: temporary }, 'diff', range, '--as-of', AS_OF);
                expect(run).toMatchObject({ code: 2, stdout: '' });
                expect(run.stderr).toMatch(/^mandate: HEAD:mandate\.config\.json:1:\d+: [^\n]+\n$/);
                expect(run).toEqual(mandateWith(repo.folder, { MANDATE_THREADS: '1', TMPDIR: temporary }, 'diff', range, '--as-of', AS_OF));
            }
            expect(readdirSync(temporary).filter(name => name.startsWith('mandate-revision-'))).toEqual([]);
        } finally {
            repo.git('reset', '-q', '--hard', 'HEAD~1');
            rmSync(temporary, { recursive: true, force: true });
        }
    });
});

describe('mandate report --since (CLI)', { timeout: 180_000 }, () => {
    const repo = repository();
    repo.commit(CLEAN_POLICY, 'policy', '2025-01-10');
    repo.git('tag', 'v2025-audit');
    repo.commit({ 'extra.mandate': 'role auditor "Internal Auditor"\n' }, 'auditor', '2025-02-01');

    it('adds "Changes in the audit period" as section 12 in Markdown and HTML, and changes in JSON; without --since none of it', () => {
        const markdown = mandate(repo.folder, 'report', '--since', 'v2025-audit', '--as-of', AS_OF);
        expect(markdown.code).toBe(0);
        expect(markdown.stdout).toContain([
            '## 12. Changes in the audit period', '', 'Policy changes from `v2025-audit` to the working tree. Both sides as of 2025-06-30.', '',
            '**Summary:** 1 role added, removed or changed.', '', '### Roles', '', '- **added:** `auditor` Internal Auditor (`extra.mandate:1`)'
        ].join('\n'));
        const html = mandate(repo.folder, 'report', '--since', 'v2025-audit', '--as-of', AS_OF, '--format', 'html');
        expect(html.stdout).toContain('12. Changes in the audit period');
        const json = JSON.parse(mandate(repo.folder, 'report', '--since', 'v2025-audit', '--as-of', AS_OF, '--format', 'json').stdout);
        const validate = schemas().report;
        expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
        expect(json.changes.from).toMatchObject({ label: 'v2025-audit', kind: 'revision' });
        expect(json.changes.roles.added).toEqual([{ name: 'auditor', title: 'Internal Auditor', source: { file: 'extra.mandate', line: 1 } }]);
        const plain = mandate(repo.folder, 'report', '--as-of', AS_OF, '--format', 'json');
        expect(JSON.parse(plain.stdout).changes).toBeUndefined();
        expect(mandate(repo.folder, 'report', '--as-of', AS_OF).stdout).not.toContain('Changes in the audit period');
    });

    it('refuses --since with the OSCAL formats, which have no place for the changes, instead of dropping them', () => {
        for (const format of ['oscal', 'oscal-ssp']) {
            const run = mandate(repo.folder, 'report', '--since', 'v2025-audit', '--as-of', AS_OF, '--format', format);
            expect(run.code).toBe(2);
            expect(run.stdout).toBe('');
            expect(run.stderr).toBe(`mandate: --since adds the changes in the audit period to the md, html and json reports; the ${format} format has no place for them\n`);
        }
    });

    it('reads the revision in a worker thread with the same output and errors as after the report\'s own build', () => {
        const both = (...args: string[]) => [mandateWith(repo.folder, { MANDATE_THREADS: '1' }, ...args), mandateWith(repo.folder, { MANDATE_THREADS: '2' }, ...args)];
        for (const format of ['md', 'json']) {
            const [sequential, parallel] = both('report', '--since', 'v2025-audit', '--as-of', AS_OF, '--format', format);
            expect(sequential.code).toBe(0);
            expect(parallel).toEqual(sequential);
        }
        // An error of the report's own build comes first; then one of the revision, named by it.
        const [unreadable, unreadableInThread] = both('report', '--since', 'nope', '--config', 'nowhere.json');
        expect(unreadable.code).toBe(2);
        expect(unreadable.stderr).not.toContain("'nope'");
        expect(unreadableInThread).toEqual(unreadable);
        repo.commit({ 'mandate.config.json': '{ "rules": ' }, 'broken configuration', '2025-03-01');
        repo.commit({ 'mandate.config.json': null }, 'configuration removed', '2025-03-02');
        try {
            const [sequential, parallel] = both('report', '--since', 'HEAD~1', '--as-of', AS_OF);
            expect(sequential).toMatchObject({ code: 2, stdout: '' });
            expect(sequential.stderr).toMatch(/^mandate: HEAD~1:mandate\.config\.json:1:\d+: [^\n]+\n$/);
            expect(parallel).toEqual(sequential);
        } finally {
            repo.git('reset', '-q', '--hard', 'HEAD~2');
        }
    });

    it('refuses a range, an unknown revision and several folders, with exit 2', () => {
        expect(mandate(repo.folder, 'report', '--since', 'v2025-audit..HEAD').stderr).toBe("mandate: --since takes one revision (e.g. v2025-audit), not the range 'v2025-audit..HEAD'\n");
        expect(mandate(repo.folder, 'report', '--since', 'nope').stderr).toContain("unknown revision 'nope'");
        const several = mandate(repo.folder, 'report', '--since', 'HEAD', 'roles.mandate', 'extra.mandate');
        expect(several.code).toBe(2);
    });
});

describe('a redacted report of the changes', () => {
    it('pseudonymises the people of the earlier revision too, who are gone from the policy', () => {
        const repo = repository();
        repo.commit(CLEAN_POLICY, 'jane is the CISO', '2025-01-10');
        repo.git('tag', 'before');
        repo.commit({
            'people.mandate': CLEAN_POLICY['people.mandate']
                .replace('person jane "Jane Doe"', 'person john "John Roe"').replace('"jane@acme.example"', '"john@acme.example"').replace('assign jane', 'assign john')
        }, 'john took over', '2025-02-01');
        for (const format of ['md', 'json', 'html']) {
            const run = mandate(repo.folder, 'report', '--since', 'before', '--redact', '--as-of', AS_OF, '--format', format);
            expect(run.code, run.stderr).toBe(0);
            expect(run.stdout).toContain('Changes in the audit period'.slice(0, format === 'json' ? 0 : 27));
            for (const name of ['jane', 'Jane', 'Doe', 'john', 'John', 'Roe']) expect(run.stdout, `${format}: ${name}`).not.toMatch(new RegExp(`\\b${name}\\b`));
        }
    });
});

describe('changes that say nothing new', () => {
    it('are not changes: a line added above a finding that names a place, and a file renamed', () => {
        const repo = repository();
        // Two people whose IDs look alike: confusable-name names the other's place, `people.mandate:N`.
        const people = `${CLEAN_POLICY['people.mandate']}person bi11 "Bill One"\nperson bill "Bill Two"\n`;
        repo.commit({ ...CLEAN_POLICY, 'people.mandate': people }, 'policy', '2025-01-10');
        repo.commit({ 'people.mandate': `// The people of Acme.\n${people}` }, 'a comment', '2025-01-11');
        const commented = mandate(repo.folder, 'diff', 'HEAD~1..HEAD', '--as-of', AS_OF, '--exit-code');
        expect(commented.stdout).toContain('No changes');
        expect(commented.code).toBe(0);
        repo.git('mv', 'people.mandate', 'staff.mandate');
        repo.commit({}, 'renamed', '2025-01-12');
        const renamed = mandate(repo.folder, 'diff', 'HEAD~1..HEAD', '--as-of', AS_OF, '--exit-code');
        expect(renamed.stdout).toContain('No changes');
        expect(renamed.code).toBe(0);
    });
});
