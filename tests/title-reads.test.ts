/**
 * A title edit (`person bob "Bill Smith"` → `"Robert Smith"`) re-runs only the workspace rules that
 * read a title of the edited file on their last run (util/title-reads.ts); the rest keep their
 * findings, moved to the new tree. The result must be a cold build's, and the rules must read
 * declaration titles only through `readTitle`, or a kept finding could show an old title.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RULES } from '../language/rules/index.js';
import { clause53Computations, computeStatus } from '../language/lsp/mandate-status.js';
import { AS_OF, CLEAN_POLICY } from './helpers.js';
import { diagnosticLine, Workspace } from './workspace-helpers.js';

const TEAM = `
role analyst "Security Analyst" {
    reports to ciso
}
person bob "Bill Smith" {
    employed since 2020-01-01
}
person carol "Carol Jones" {
    employed since 2020-01-01
}
person dave "Bi1l Smith" {
    employed since 2020-01-01
}
assign carol to analyst since 2024-01-01 appointed by board {
    announced 2024-01-05 via intranet to all-staff
}
assign dave to analyst since 2024-01-01 appointed by board {
    announced 2024-01-05 via intranet to all-staff
}
`;
const FILES = { ...CLEAN_POLICY, 'team.mandate': TEAM };

function diagnostics(workspace: Workspace): Map<string, string[]> {
    const result = new Map<string, string[]>();
    for (const document of workspace.shared.workspace.LangiumDocuments.all) result.set(document.uri.path, (document.diagnostics ?? []).map(diagnosticLine));
    return result;
}

/** Edits team.mandate, then compares with a cold build of the same files; returns how many workspace rules ran. */
async function editAndCompare(workspace: Workspace, text: string): Promise<number> {
    const findings = workspace.shared.mandate.WorkspaceFindings;
    const before = findings.rulesRun;
    await workspace.write('team.mandate', text);
    const cold = await Workspace.open({ ...FILES, 'team.mandate': text }, AS_OF);
    expect(diagnostics(workspace)).toEqual(diagnostics(cold));
    return findings.rulesRun - before;
}

describe('a title edit', () => {
    it('re-runs only the rules that read a title of the file, and equals a cold build', async () => {
        const workspace = await Workspace.open(FILES, AS_OF);
        const all = RULES.filter(rule => rule.scope === 'workspace').length;
        const messages = () => [...diagnostics(workspace).values()].flat().join('\n');
        expect(messages()).toContain('bob ("Bill Smith")');
        expect(messages()).toContain('"Bi1l Smith", the title of `dave`');

        // Carol's title is in no finding: confusable-name, which reads every title, runs again; few others.
        const carol = await editAndCompare(workspace, TEAM.replace('"Carol Jones"', '"Carol Jones-Miller"'));
        expect(carol).toBeGreaterThanOrEqual(1);
        expect(carol).toBeLessThan(all / 4);

        // Bob's title is in person-without-role's message: the new title shows.
        const text = TEAM.replace('"Carol Jones"', '"Carol Jones-Miller"').replace('"Bill Smith"', '"William Smith"');
        await editAndCompare(workspace, text);
        expect(messages()).toContain('bob ("William Smith")');
        expect(messages()).not.toContain('"Bi1l Smith", the title of');

        // A look-alike title again, then a distinct one: confusable-name's finding comes and goes.
        await editAndCompare(workspace, text.replace('"Bi1l Smith"', '"Wi11iam Smith"'));
        expect(messages()).toContain('"Wi11iam Smith", the title of `dave`');
        await editAndCompare(workspace, text.replace('"Bi1l Smith"', '"Dave Brown"'));
        expect(messages()).not.toContain('the title of `dave`');
    });

    it('is compared with the titles of files not parsed again (what confusable-name keeps of each tree), both ways, as a cold build', async () => {
        const workspace = await Workspace.open(FILES, AS_OF);
        const findingsOf = (file: string) => (diagnostics(workspace).get(`/ws/${file}`) ?? []).filter(line => line.includes('confusable-name'));
        expect(findingsOf('roles.mandate')).toEqual([]);
        // The analyst role takes a title that passes for the CISO's, in roles.mandate, which keeps its tree.
        const lookalike = TEAM.replace('"Security Analyst"', '"Chief Information Security 0fficer"');
        await editAndCompare(workspace, lookalike);
        expect(findingsOf('roles.mandate').join('\n')).toContain('"Chief Information Security 0fficer", the title of `analyst`');
        expect(findingsOf('team.mandate').join('\n')).toContain('"Chief Information Security Officer", the title of `ciso`');
        // Jane's title in people.mandate becomes one like Bob's: confusable-name read that file's titles on its
        // last run, though from what it kept of the tree, so it runs again.
        const people = CLEAN_POLICY['people.mandate'].replace('"Jane Doe"', '"Bi1l Smith"');
        await workspace.write('people.mandate', people);
        const cold = await Workspace.open({ ...FILES, 'team.mandate': lookalike, 'people.mandate': people }, AS_OF);
        expect(diagnostics(workspace)).toEqual(diagnostics(cold));
        expect(findingsOf('people.mandate').join('\n')).toContain('"Bill Smith", the title of `bob`');
        await workspace.write('people.mandate', CLEAN_POLICY['people.mandate']);
        // A word in two scripts (a Cyrillic "а") in a title and in an evidence path of the edited file.
        const mixed = TEAM.replace('"Carol Jones"', '"Cаrol Jones"').replace('announced 2024-01-05 via intranet to all-staff\n}\nassign dave',
            'announced 2024-01-05 via intranet to all-staff\n    evidence "minutes/bоard.pdf"\n}\nassign dave');
        expect(mixed).toContain('bоard');
        await editAndCompare(workspace, mixed);
        expect(findingsOf('roles.mandate')).toEqual([]);
        const team = findingsOf('team.mandate').join('\n');
        expect(team).toContain('The title "Cаrol Jones" of the person `carol` mixes');
        expect(team).toContain('The evidence path "minutes/bоard.pdf" mixes');
        await editAndCompare(workspace, TEAM);
        expect(findingsOf('team.mandate').join('\n')).not.toContain('Cаrol');
    });

    it('of a requirement is a change of meaning: every rule runs again but those that read only names and titles of declarations', async () => {
        const framework = 'framework ACME "Acme controls" {\n    requirement ACME:AC-01 "Access reviews"\n}\n';
        const workspace = await Workspace.open({ ...FILES, 'team.mandate': TEAM + framework }, AS_OF);
        const ran = await editAndCompare(workspace, TEAM + framework.replace('"Access reviews"', '"Access reviews, quarterly"'));
        const cold = await Workspace.open({ ...FILES, 'team.mandate': TEAM + framework }, AS_OF);
        // requirement-unknown reads the titles of the organization's requirements (its 'did you mean' names them).
        const readingLess = RULES.filter(rule => rule.scope === 'workspace' && rule.readsOf && rule.id !== 'requirement-unknown').length;
        expect(readingLess).toBeGreaterThanOrEqual(2);
        expect(ran).toBe(cold.shared.mandate.WorkspaceFindings.rulesRun - readingLess);
    });
});

describe('the meaning of the policy (WorkspaceFindings.semanticVersion, which keeps the status bar)', () => {
    it('stays through a comment and its undo, is new after a title edit, and comes back when that is undone', async () => {
        const workspace = await Workspace.open(FILES, AS_OF);
        const findings = workspace.shared.mandate.WorkspaceFindings;
        const meaning = () => {
            findings.byDocument();
            return findings.semanticVersion;
        };
        const original = meaning();
        await workspace.write('team.mandate', `// a comment\n${TEAM}`);
        expect(meaning()).toBe(original);
        await workspace.write('team.mandate', TEAM);
        expect(meaning()).toBe(original);
        await workspace.write('team.mandate', TEAM.replace('"Carol Jones"', '"Carol Jones-Miller"'));
        const retitled = meaning();
        expect(retitled).not.toBe(original);
        await workspace.write('team.mandate', TEAM);
        expect(meaning()).toBe(original);
        // Another title again: a meaning never seen, not one that comes back.
        await workspace.write('team.mandate', TEAM.replace('"Carol Jones"', '"Carol J."'));
        expect([original, retitled]).not.toContain(meaning());
    });
});

describe('the policy without its titles (WorkspaceFindings.structureVersion) and the status bar', () => {
    it('stays through a title edit, so the status bar keeps clause 5.3 without computing it, and changes with what the policy says', async () => {
        const workspace = await Workspace.open(FILES, AS_OF);
        const findings = workspace.shared.mandate.WorkspaceFindings;
        const structure = () => {
            findings.byDocument();
            return findings.structureVersion;
        };
        const original = structure();
        const status = computeStatus(workspace.shared);
        let computations = clause53Computations;
        await workspace.write('team.mandate', TEAM.replace('"Carol Jones"', '"Carol Jones-Miller"'));
        expect(structure()).toBe(original);
        expect(computeStatus(workspace.shared)).toEqual(status);
        expect(clause53Computations).toBe(computations);
        // The same as a cold build's status.
        const cold = await Workspace.open({ ...FILES, 'team.mandate': TEAM.replace('"Carol Jones"', '"Carol Jones-Miller"') }, AS_OF);
        expect(computeStatus(cold.shared)).toEqual(status);
        computations = clause53Computations;
        // Ending the CISO's appointment changes what the policy says, and clause 5.3's status with it.
        const ended = CLEAN_POLICY['people.mandate'].replace('since 2024-03-01', 'since 2024-03-01 until 2024-06-30');
        expect(ended).not.toBe(CLEAN_POLICY['people.mandate']);
        await workspace.write('people.mandate', ended);
        expect(structure()).not.toBe(original);
        const after = computeStatus(workspace.shared);
        expect(clause53Computations).toBe(computations + 1);
        expect(after.clause53).not.toBe(status.clause53);
        expect(after).toEqual(computeStatus((await Workspace.open({ ...FILES, 'team.mandate': TEAM.replace('"Carol Jones"', '"Carol Jones-Miller"'), 'people.mandate': ended }, AS_OF)).shared));
    });
});

describe('the status after an undo', () => {
    it('is the status before the edit, not computed again, also when the edit changed the findings of other files', async () => {
        const workspace = await Workspace.open(FILES, AS_OF);
        const before = computeStatus(workspace.shared);
        const findings = workspace.shared.mandate.WorkspaceFindings;
        const structure = findings.structureVersion;
        const ended = CLEAN_POLICY['people.mandate'].replace('since 2024-03-01', 'since 2024-03-01 until 2024-06-30');
        const computations = clause53Computations;
        await workspace.write('people.mandate', ended);
        expect(computeStatus(workspace.shared).clause53).not.toBe(before.clause53);
        expect(clause53Computations).toBe(computations + 1);
        await workspace.write('people.mandate', CLEAN_POLICY['people.mandate']);
        expect(computeStatus(workspace.shared)).toEqual(before);
        expect(findings.structureVersion).toBe(structure);
        expect(clause53Computations).toBe(computations + 1);
        // Another state is computed; the original, one of the last two, is still known when the edit is undone.
        await workspace.write('people.mandate', ended.replace('until 2024-06-30', 'until 2024-05-31'));
        computeStatus(workspace.shared);
        expect(clause53Computations).toBe(computations + 2);
        await workspace.write('people.mandate', CLEAN_POLICY['people.mandate']);
        expect(computeStatus(workspace.shared)).toEqual(before);
        expect(clause53Computations).toBe(computations + 2);
    });
});

describe('the workspace rules', () => {
    it('read declaration titles only through readTitle', () => {
        const folder = fileURLToPath(new URL('../language/rules/', import.meta.url));
        // Titles that are not a declaration's: directory records, catalogue requirements and activities.
        const allowed = /\b(record|requirement|findActivity\([^)]*\)!)\.title\b/g;
        const offenders: string[] = [];
        for (const name of readdirSync(folder).filter(file => file.endsWith('.ts'))) {
            readFileSync(`${folder}${name}`, 'utf8').split('\n').forEach((line, index) => {
                if (/\.title\b/.test(line.replace(allowed, ''))) offenders.push(`${name}:${index + 1}: ${line.trim()}`);
            });
        }
        expect(offenders).toEqual([]);
    });
});

describe('an edit that changes what a file says, but none of its names, titles or odd paths', () => {
    // Besides the rules that read names and titles, those that read neither assignments' dates nor titles (properties-read.ts).
    const readingLess = RULES.filter(rule => rule.scope === 'workspace' && rule.readsOf
        && !['announcement-late', 'assignment-not-communicated'].includes(rule.id)).length;
    const MIXED = TEAM.replace('announced 2024-01-05 via intranet to all-staff\n}\nassign dave',
        'announced 2024-01-05 via intranet to all-staff\n    evidence "minutes/bоard.pdf"\n}\nassign dave');

    it('carries over the findings of the rules that read only those (readsOf), and equals a cold build', async () => {
        const workspace = await Workspace.open({ ...FILES, 'team.mandate': MIXED }, AS_OF);
        const messages = () => [...diagnostics(workspace).values()].flat().join('\n');
        expect(readingLess).toBeGreaterThanOrEqual(2);
        expect(messages()).toContain('bob ("Bill Smith")');
        expect(messages()).toContain('The evidence path "minutes/bоard.pdf" mixes');
        const dated = MIXED.replace('assign dave to analyst since 2024-01-01', 'assign dave to analyst since 2024-02-01');
        const ran = await editAndCompare(workspace, dated);
        const cold = await Workspace.open({ ...FILES, 'team.mandate': dated }, AS_OF);
        expect(ran).toBe(cold.shared.mandate.WorkspaceFindings.rulesRun - readingLess);
        expect(messages()).toContain('bob ("Bill Smith")');
        expect(messages()).toContain('The evidence path "minutes/bоard.pdf" mixes');
    });

    it('runs them again when a path they report moves within its declaration, or a declaration comes or goes', async () => {
        // No finding here names a file and line, which would make them run again anyway once lines move.
        const plain = `person dave "Dave" { employed since 2020-01-01 }
role analyst "Analyst" { reports to ciso }
assign dave to analyst since 2024-01-01 appointed by board {
    announced 2024-01-05 via intranet to all-staff
    evidence "minutes/bоard.pdf"
}
`;
        const workspace = await Workspace.open({ ...FILES, 'team.mandate': plain }, AS_OF);
        const moved = plain.replace('    evidence "minutes/bоard.pdf"', '    evidence "minutes/plain.pdf"\n    evidence "minutes/bоard.pdf"');
        expect(await editAndCompare(workspace, moved)).toBeGreaterThan(0);
        expect(diagnostics(workspace).get('/ws/team.mandate')!.join('\n')).toContain('The evidence path "minutes/bоard.pdf" mixes');
        const added = `person erin "Erin Stone" {\n    employed since 2021-01-01\n}\n${moved}`;
        expect(await editAndCompare(workspace, added)).toBeGreaterThan(0);
        const renamed = added.replace('person dave "Dave"', 'person david "Dave"').replace('assign dave', 'assign david');
        await editAndCompare(workspace, renamed);
        await editAndCompare(workspace, renamed.replace('person erin "Erin Stone"', 'person david "Erin Stone"'));
        expect(diagnostics(workspace).get('/ws/team.mandate')!.join('\n')).toContain('duplicate-name');
    });
});
