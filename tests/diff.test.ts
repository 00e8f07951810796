/**
 * The semantic diff (`mandate diff`, language/diff/) on real git repositories made in temporary
 * folders: each kind of change, matching by identity rather than line, folders mode, the date
 * choice, and the errors a user meets (unknown revision, no repository, shallow clone, no folder).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { computeDiff } from '../cli/commands/diff.js';
import { renderDiffMarkdown, renderDiffText } from '../language/diff/render-diff.js';
import { gitRepositories, TEAM_POLICY } from './git-fixture.js';
import { AS_OF, CLEAN_POLICY } from './helpers.js';

const repository = gitRepositories('mandate-diff-');
const diffOf = async (folder: string, from: string, to?: string, asOf = AS_OF, fromAsOf?: string) =>
    (await computeDiff(from, to, { path: folder, asOf, fromAsOf })).diff;

/** CLEAN_POLICY plus a second role with a holder, a delegation, a conflict and an accepted exception. */
const BASE = TEAM_POLICY;

describe('mandate diff on git revisions', { timeout: 180_000 }, () => {
    it('finds nothing between a commit and itself, and nothing in the working tree of a clean checkout', async () => {
        const repo = repository();
        repo.commit(BASE, 'policy', '2025-01-10');
        const diff = await diffOf(repo.folder, 'HEAD', 'HEAD');
        expect(diff.changed).toBe(false);
        expect(diff.summary).toEqual({
            roles: 0, people: 0, appointments: 0, holders: 0, duties: 0, authorities: 0, delegations: 0, conflicts: 0, exceptions: 0, requirements: 0, findingsIntroduced: 0, findingsResolved: 0,
            findingsChanged: 0
        });
        expect((await diffOf(repo.folder, 'HEAD')).changed).toBe(false);
        expect(renderDiffText(diff)).toContain('No changes.');
    });

    it('reports appointments started, ended and changed, and holders gained and lost, by identity', async () => {
        const repo = repository();
        const audit = repo.commit(BASE, 'policy', '2025-01-10');
        repo.git('tag', 'v2025-audit');
        const team = BASE['team.mandate']
            // A line inserted above every record: nothing may count as changed because its line moved.
            .replace('person bob', '// the security team\nperson bob')
            .replace('assign bob to security-officer since 2024-01-01 appointed by ciso', 'assign bob to security-officer since 2024-01-01 until 2025-03-31 appointed by board')
            + 'assign carol to security-officer since 2025-04-01 appointed by ciso\n';
        repo.commit({ 'team.mandate': team }, 'bob hands over to carol', '2025-04-02');
        const diff = await diffOf(repo.folder, 'v2025-audit..HEAD');
        expect(diff.from).toEqual({ label: 'v2025-audit', kind: 'revision', commit: audit, asOf: AS_OF });
        expect(diff.to).toMatchObject({ label: 'HEAD', kind: 'revision', asOf: AS_OF });
        expect(diff.appointments.added).toEqual([expect.objectContaining({
            role: 'security-officer', person: 'carol', since: '2025-04-01', appointedBy: 'ciso', source: { file: 'team.mandate', line: 19 }
        })]);
        expect(diff.appointments.removed).toEqual([]);
        expect(diff.appointments.changed).toEqual([expect.objectContaining({
            changes: [{ field: 'until', to: '2025-03-31' }, { field: 'appointedBy', from: 'ciso', to: 'board' }]
        })]);
        expect(diff.holders).toEqual([{ role: 'security-officer', gained: ['carol'], lost: ['bob'] }]);
        expect(diff.delegations.changed).toEqual([]);
        expect(diff.conflicts).toEqual({ added: [], removed: [], changed: [] });
    });

    it('reports a role whose title, reporting line, CISO designation or job description changed, and an announcement added', async () => {
        const repo = repository();
        repo.commit(BASE, 'policy', '2025-01-10');
        const team = BASE['team.mandate']
            .replace('role security-officer "Security Officer" {\n    reports to ciso', 'role security-officer "Deputy CISO" {\n    reports to board\n    designated CISO\n    job description "jd/deputy.pdf" version "2"')
            .replace('    announced 2024-01-02 via intranet to all-staff\n', '    announced 2024-01-02 via intranet to all-staff\n    announced 2024-01-09 via email to everyone\n');
        repo.commit({ 'team.mandate': team, 'roles.mandate': CLEAN_POLICY['roles.mandate'].replace('    designated CISO\n', '') }, 'the deputy becomes the CISO', '2025-04-02');
        const diff = await diffOf(repo.folder, 'HEAD~1..HEAD');
        expect(diff.roles.added).toEqual([]);
        expect(diff.roles.changed.map(change => [change.to.name, change.changes])).toEqual([
            ['ciso', [{ field: 'designations', from: 'designated CISO' }]],
            ['security-officer', [
                { field: 'title', from: 'Security Officer', to: 'Deputy CISO' }, { field: 'reportsTo', from: 'ciso', to: 'board' },
                { field: 'designations', to: 'designated CISO' }, { field: 'jobDescription', to: 'jd/deputy.pdf version 2' }
            ]]
        ]);
        expect(diff.summary.roles).toBe(2);
        expect(diff.appointments.changed).toEqual([expect.objectContaining({
            changes: [{ field: 'announcements', from: '2024-01-02 via intranet to all-staff', to: '2024-01-02 via intranet to all-staff; 2024-01-09 via email to everyone' }]
        })]);
        expect(renderDiffText(diff)).toContain('security-officer Deputy CISO (team.mandate:8): title Security Officer → Deputy CISO, reportsTo ciso → board, designations none → designated CISO, jobDescription none → jd/deputy.pdf version 2');
    });

    it('reports duties added to and removed from roles, delegations added, ended and changed, and conflicts', async () => {
        const repo = repository();
        repo.commit(BASE, 'policy', '2025-01-10');
        const team = BASE['team.mandate']
            .replace('responsible for incident-handling', 'accountable for incident-handling\n    informed of vendor-review')
            .replace('delegate incident-handling from security-officer to carol since 2025-01-01', 'delegate incident-handling from security-officer to carol since 2025-01-01 until 2025-05-31')
            .replace('conflict between ciso and security-officer "The officer reports to the CISO"', 'conflict between security-officer and ciso "Reports to the CISO" {\n    compensated by "quarterly review by the board"\n}')
            + 'responsibility vendor-review "Review vendors"\ndelegate vendor-review from ciso to bob since 2025-02-01\n';
        repo.commit({ 'team.mandate': team }, 'duties', '2025-02-01');
        const diff = await diffOf(repo.folder, 'HEAD~1', 'HEAD');
        expect(diff.duties).toEqual({
            added: [{ role: 'security-officer', kind: 'accountable', duty: 'incident-handling' }, { role: 'security-officer', kind: 'informed', duty: 'vendor-review' }],
            removed: [{ role: 'security-officer', kind: 'responsible', duty: 'incident-handling' }]
        });
        expect(diff.delegations.added).toEqual([expect.objectContaining({ duty: 'vendor-review', from: 'ciso', to: 'bob', status: 'active' })]);
        // Ended before the as-of date: its until and its status change.
        expect(diff.delegations.changed.map(change => change.changes)).toEqual([[{ field: 'until', to: '2025-05-31' }, { field: 'status', from: 'active', to: 'expired' }]]);
        // `between a and b` is `between b and a`: the same conflict, with a new reason and a compensation.
        expect(diff.conflicts.added).toEqual([]);
        expect(diff.conflicts.changed.map(change => change.changes)).toEqual([[
            { field: 'reason', from: 'The officer reports to the CISO', to: 'Reports to the CISO' },
            { field: 'compensations', to: 'quarterly review by the board' }
        ]]);
    });

    it('reports findings introduced and resolved, exceptions and requirement status changes', async () => {
        const repo = repository();
        repo.commit(BASE, 'policy', '2025-01-10');
        // The CISO leaves with nobody after her: ciso-vacant is introduced and 5.3 is no longer met.
        const people = CLEAN_POLICY['people.mandate'].replace('employed since 2020-01-01', 'employed since 2020-01-01 until 2025-05-31');
        repo.commit({ 'people.mandate': people }, 'jane leaves', '2025-06-01');
        const diff = await diffOf(repo.folder, 'HEAD~1', 'HEAD');
        expect(diff.holders).toContainEqual({ role: 'ciso', gained: [], lost: ['jane'] });
        expect(diff.findings.introduced.map(finding => finding.rule)).toContain('ciso-vacant');
        expect(diff.findings.resolved).toEqual([]);
        expect(diff.requirements).toContainEqual(expect.objectContaining({ id: 'ISO27001:5.3', to: 'not-met' }));
        // The finding accepted as an exception: an exception added, the open finding resolved.
        const accepted = CLEAN_POLICY['roles.mandate'].replace('role ciso', '// mandate-ignore ciso-vacant: an interim CISO is being hired\nrole ciso');
        repo.commit({ 'roles.mandate': accepted }, 'accept', '2025-06-02');
        const next = await diffOf(repo.folder, 'HEAD~1', 'HEAD');
        expect(next.findings.resolved.map(finding => finding.rule)).toEqual(['ciso-vacant']);
        expect(next.exceptions.added).toEqual([expect.objectContaining({ rule: 'ciso-vacant', justification: 'an interim CISO is being hired' })]);
        const back = await diffOf(repo.folder, 'HEAD', 'HEAD~1');
        expect(back.exceptions.removed).toHaveLength(1);
        expect(back.findings.introduced.map(finding => finding.rule)).toEqual(['ciso-vacant']);
    });

    it('compares a revision with the working tree, roles added and removed, and a revision where the folder did not exist', async () => {
        const repo = repository();
        repo.commit({ 'README.md': 'nothing yet\n' }, 'start', '2024-12-01');
        repo.commit(Object.fromEntries(Object.entries(BASE).map(([name, text]) => [`policy/${name}`, text])), 'policy', '2025-01-10');
        writeFileSync(path.join(repo.folder, 'policy', 'extra.mandate'), 'role auditor "Internal Auditor"\n');
        const working = await diffOf(path.join(repo.folder, 'policy'), 'HEAD');
        expect(working.to).toEqual({ label: 'working tree', kind: 'working-tree', asOf: AS_OF });
        expect(working.roles.added).toEqual([{ name: 'auditor', title: 'Internal Auditor', source: { file: 'extra.mandate', line: 1 } }]);
        const created = await diffOf(path.join(repo.folder, 'policy'), 'HEAD~1', 'HEAD');
        expect(created.appointments.added).toHaveLength(2);
        expect(created.roles.added.map(role => role.name)).toEqual(['board', 'ciso', 'security-officer']);
    });

    it('reads each side on its own date with --from-as-of', async () => {
        const repo = repository();
        repo.commit(BASE, 'policy', '2025-01-10');
        // Same policy, two dates: the delegation to carol starts on 2025-01-01.
        const diff = await diffOf(repo.folder, 'HEAD', 'HEAD', '2025-06-30', '2024-12-31');
        expect(diff.from.asOf).toBe('2024-12-31');
        expect(diff.delegations.changed.map(change => change.changes)).toEqual([[{ field: 'status', from: 'future', to: 'active' }]]);
        expect(renderDiffText(diff)).toContain('HEAD as of 2024-12-31, HEAD as of 2025-06-30.');
    });

    it('keeps a finding open on both dates as one finding, not resolved and introduced because its message names the date', async () => {
        const repo = repository();
        repo.commit({ ...BASE, 'people.mandate': CLEAN_POLICY['people.mandate'].replace('employed since 2020-01-01', 'employed since 2020-01-01 until 2024-04-30') }, 'jane left', '2024-05-01');
        const diff = await diffOf(repo.folder, 'HEAD', 'HEAD', '2024-06-30', '2024-06-01');
        expect(diff.findings).toEqual({ introduced: [], resolved: [], changed: [] });
    });

    it('reports a finding whose rule changed severity, and an accepted exception at the severity it was accepted at', async () => {
        const repo = repository();
        repo.commit({ ...BASE, 'people.mandate': CLEAN_POLICY['people.mandate'].replace('employed since 2020-01-01', 'employed since 2020-01-01 until 2024-04-30') }, 'jane left', '2024-05-01');
        repo.commit({ 'mandate.config.json': '{ "rules": { "leaver-holds-role": "info" } }' }, 'lower it', '2024-05-02');
        const diff = await diffOf(repo.folder, 'HEAD~1', 'HEAD', '2024-06-30');
        expect(diff.findings.changed.map(change => [change.to.rule, change.changes])).toEqual([['leaver-holds-role', [{ field: 'severity', from: 'error', to: 'info' }]]]);
        expect(diff.summary.findingsChanged).toBe(1);
        expect(diff.changed).toBe(true);
        expect(renderDiffText(diff)).toContain('1 finding at another severity');
        const accepted = CLEAN_POLICY['roles.mandate'].replace('role ciso', '// mandate-ignore ciso-vacant: an interim CISO is being hired\nrole ciso');
        repo.commit({ 'roles.mandate': accepted }, 'accept', '2024-05-03');
        expect((await diffOf(repo.folder, 'HEAD~1', 'HEAD', '2024-06-30')).exceptions.added.map(record => `${record.rule} ${record.severity}`)).toEqual(['ciso-vacant error']);
    });

    it('reports a role newly designated key or single holder, an acknowledgement or evidence added, and an authority widened', async () => {
        const repo = repository();
        const extra = 'authority hire "Hire security staff" { may appoint security-officer }\n';
        repo.commit({ ...BASE, 'extra.mandate': extra }, 'policy', '2025-01-10');
        repo.commit({
            'team.mandate': BASE['team.mandate']
                .replace('role security-officer "Security Officer" {', 'role security-officer "Security Officer" {\n    key role\n    single holder')
                .replace('    announced 2024-01-02 via intranet to all-staff\n', '    announced 2024-01-02 via intranet to all-staff\n    acknowledged 2024-01-05\n    evidence "hr/bob-offer.pdf"\n'),
            'extra.mandate': extra.replace('may appoint security-officer', 'may appoint any role')
        }, 'widen', '2025-01-11');
        const diff = await diffOf(repo.folder, 'HEAD~1', 'HEAD');
        expect(diff.roles.changed.map(change => change.changes)).toEqual([[{ field: 'designations', to: 'key role; single holder' }]]);
        expect(diff.appointments.changed.map(change => change.changes)).toEqual([[{ field: 'acknowledgements', to: '2024-01-05' }, { field: 'evidence', to: 'hr/bob-offer.pdf' }]]);
        expect(diff.authorities.changed.map(change => change.changes)).toEqual([[{ field: 'mayAppoint', from: 'security-officer', to: 'any role' }]]);
        expect(diff.summary).toMatchObject({ roles: 1, appointments: 1, authorities: 1 });
        expect(renderDiffText(diff)).toContain('hire Hire security staff may appoint any role (extra.mandate:1): mayAppoint security-officer → any role');
    });

    it('reports people who joined, left or changed name', async () => {
        const repo = repository();
        repo.commit(BASE, 'policy', '2025-01-10');
        repo.commit({
            'team.mandate': BASE['team.mandate'].replace('person bob "Bob Smith" {\n    employed since 2021-01-01', 'person bob "Robert Smith" {\n    employed since 2021-01-01 until 2025-03-31')
                + 'person dan "Dan New" { employed since 2025-02-01 }\n'
        }, 'people', '2025-04-01');
        const diff = await diffOf(repo.folder, 'HEAD~1', 'HEAD');
        expect(diff.people.added.map(person => `${person.name} ${person.employment}`)).toEqual(['dan since 2025-02-01']);
        expect(diff.people.changed.map(change => change.changes)).toEqual([[
            { field: 'title', from: 'Bob Smith', to: 'Robert Smith' }, { field: 'employment', from: 'since 2021-01-01', to: '2021-01-01 to 2025-03-31' }
        ]]);
        expect(renderDiffText(diff)).toContain('People:\n  + dan Dan New employed since 2025-02-01');
    });

    it('keeps a finding that names a person by their display name as one finding when the name changes', async () => {
        const repo = repository();
        repo.commit({ ...BASE, 'idle.mandate': 'person idle "Idle Person" { employed since 2020-01-01 }\n' }, 'policy', '2025-01-10');
        repo.commit({ 'idle.mandate': 'person idle "Idle Persson" { employed since 2020-01-01 }\n' }, 'rename', '2025-01-11');
        const diff = await diffOf(repo.folder, 'HEAD~1', 'HEAD');
        expect(diff.findings).toEqual({ introduced: [], resolved: [], changed: [] });
        expect(diff.people.changed.map(change => change.changes)).toEqual([[{ field: 'title', from: 'Idle Person', to: 'Idle Persson' }]]);
    });

    it('does not report announcements or compensations written in another order', async () => {
        const repo = repository();
        const people = BASE['team.mandate'].replace('    announced 2024-01-02 via intranet to all-staff\n', '    announced 2024-01-02 via intranet to all-staff\n    announced 2024-01-03 via email to everyone\n');
        repo.commit({ ...BASE, 'team.mandate': people }, 'policy', '2025-01-10');
        repo.commit({ 'team.mandate': people.replace('    announced 2024-01-02 via intranet to all-staff\n    announced 2024-01-03 via email to everyone\n', '    announced 2024-01-03 via email to everyone\n    announced 2024-01-02 via intranet to all-staff\n') }, 'reorder', '2025-01-11');
        expect((await diffOf(repo.folder, 'HEAD~1', 'HEAD')).changed).toBe(false);
    });

    it('takes A...B from the merge base', async () => {
        const repo = repository();
        repo.commit(BASE, 'policy', '2025-01-10');
        repo.git('checkout', '-q', '-b', 'feature');
        repo.commit({ 'extra.mandate': 'role auditor "Internal Auditor"\n' }, 'auditor', '2025-02-01');
        repo.git('checkout', '-q', 'main');
        repo.commit({ 'other.mandate': 'role dpo "Data Protection Officer"\n' }, 'dpo', '2025-02-02');
        const diff = await diffOf(repo.folder, 'main...feature');
        expect(diff.roles.added.map(role => role.name)).toEqual(['auditor']);
        expect(diff.from.label).toBe('merge base of main and feature');
        expect((await diffOf(repo.folder, 'main..feature')).roles).toMatchObject({ added: [{ name: 'auditor' }], removed: [{ name: 'dpo' }] });
    });
});

describe('mandate diff of two folders', { timeout: 180_000 }, () => {
    const made: string[] = [];
    afterAll(() => { for (const folder of made) rmSync(folder, { recursive: true, force: true }); });
    const folderWith = (files: Record<string, string>) => {
        const folder = mkdtempSync(path.join(tmpdir(), 'mandate-diff-folder-'));
        made.push(folder);
        for (const [name, text] of Object.entries(files)) writeFileSync(path.join(folder, name), text);
        return folder;
    };

    it('compares two folders without git, files matched by their path in each folder', async () => {
        const before = folderWith(BASE);
        const after = folderWith({ ...BASE, 'team.mandate': BASE['team.mandate'].replace('conflict between ciso and security-officer "The officer reports to the CISO"', '') });
        const diff = await diffOf(tmpdir(), before, after);
        expect(diff.from).toEqual({ label: before, kind: 'folder', asOf: AS_OF });
        expect(diff.conflicts.removed).toEqual([expect.objectContaining({ left: 'ciso', right: 'security-officer', source: { file: 'team.mandate', line: 17 } })]);
        expect(diff.summary.conflicts).toBe(1);
    });
});

describe('mandate diff output', { timeout: 180_000 }, () => {
    it('escapes policy strings in Markdown and puts the summary first', async () => {
        const repo = repository();
        repo.commit(BASE, 'policy', '2025-01-10');
        repo.commit({ 'extra.mandate': 'role auditor "<img src=x onerror=alert(1)> *bold* [link](http://evil.example)"\n' }, 'hostile', '2025-02-01');
        const markdown = renderDiffMarkdown(await diffOf(repo.folder, 'HEAD~1', 'HEAD'));
        expect(markdown.split('\n').slice(0, 5)).toEqual(['## Policy changes from HEAD\\~1 to `HEAD`', '', 'Both sides as of 2025-06-30.', '', '**Summary:** 1 role added, removed or changed.']);
        expect(markdown).toContain('- added: `auditor` &lt;img src=x onerror=alert(1)&gt; \\*bold\\* \\[link\\](http\\://evil\\.example) (`extra.mandate:1`)');
        expect(markdown).not.toContain('<img');
    });

    it('shows control, bidirectional and invisible characters of a policy string as U+XXXX in text and Markdown', async () => {
        const repo = repository();
        repo.commit(BASE, 'policy', '2025-01-10');
        repo.commit({ 'extra.mandate': 'role auditor "Au\u001b[31mdi\u202etor\u200b"\n' }, 'hidden', '2025-02-01');
        const diff = await diffOf(repo.folder, 'HEAD~1', 'HEAD');
        expect(renderDiffText(diff)).toContain('+ auditor AuU+001B[31mdiU+202EtorU+200B (extra.mandate:1)');
        const markdown = renderDiffMarkdown(diff);
        expect(markdown).toContain('AuU+001B\\[31mdiU+202EtorU+200B');
        expect(markdown).not.toMatch(/[\u001b\u202e\u200b]/u);
    });
});

describe('mandate diff errors', { timeout: 180_000 }, () => {
    it('names an unknown revision, a folder outside git, a missing folder and a revision a shallow clone lacks', async () => {
        const repo = repository();
        repo.commit(BASE, 'policy', '2025-01-10');
        await expect(computeDiff('v9-nope', undefined, { path: repo.folder, asOf: AS_OF }))
            .rejects.toThrow(`unknown revision 'v9-nope' in the repository at ${repo.folder}; check the name with git log or git tag`);
        await expect(computeDiff('--output=x', 'HEAD', { path: repo.folder, asOf: AS_OF })).rejects.toThrow("'--output=x' is not a revision name");
        const plain = mkdtempSync(path.join(tmpdir(), 'mandate-diff-plain-'));
        try {
            await expect(computeDiff('HEAD', undefined, { path: plain, asOf: AS_OF })).rejects.toThrow(`${plain} is not in a git repository`);
            await expect(computeDiff('./nowhere', plain, { path: plain, asOf: AS_OF })).rejects.toThrow("folder './nowhere' not found");
            await expect(computeDiff('HEAD', undefined, { path: path.join(plain, 'missing'), asOf: AS_OF })).rejects.toThrow(`folder '${path.join(plain, 'missing')}' not found`);
        } finally {
            rmSync(plain, { recursive: true, force: true });
        }
        repo.commit({ 'extra.mandate': 'role auditor "Internal Auditor"\n' }, 'auditor', '2025-02-01');
        const old = repo.git('rev-parse', 'HEAD~1');
        const shallow = mkdtempSync(path.join(tmpdir(), 'mandate-diff-shallow-'));
        try {
            execFileSync('git', ['clone', '-q', '--depth', '1', `file://${repo.folder}`, shallow], { env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1' } });
            await expect(computeDiff(old, undefined, { path: shallow, asOf: AS_OF }))
                .rejects.toThrow(`revision '${old}' is not in this repository, which is a shallow clone`);
        } finally {
            rmSync(shallow, { recursive: true, force: true });
        }
    });
});
