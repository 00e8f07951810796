/**
 * What each document's references say (workspace/reference-tally.ts) is counted once per list of
 * linked references and, when an edit relinks some references of a document, updated from what
 * changed instead of counted again. After every edit of a random sequence (renames, declarations
 * moved in their file, names declared twice, references broken and mended), each document's tally
 * must equal one counted from its references now, and the reference index must find what a cold
 * build finds.
 */
import { URI, type AstNodeDescription, type LangiumDocument, type Reference } from 'langium';
import { describe, expect, it } from 'vitest';
import { isRole, type Model } from '../language/generated/ast.js';
import { checkSources } from '../language/engine/check-sources.js';
import { TallyDraft, tallyCounts, tallyOf } from '../language/workspace/reference-tally.js';
import { Random } from './random-edits.js';
import { Workspace } from './workspace-helpers.js';

const ORGANIZATION = ['organization acme "Acme" { top management board }', 'role board "Board"', 'role ciso "CISO"', 'person jane "Jane"', 'person omar "Omar"'];

function team(index: number): string {
    return [
        `role lead-${index} "Lead ${index}" { reports to ${index === 0 ? 'ciso' : 'lead-0'} }`,
        `person p-${index} "Person ${index}"`,
        `assign p-${index} to lead-${index} since 2024-01-01 appointed by board`,
        `assign jane to lead-${index} since 2024-02-01 appointed by ciso`,
        `assign omar to ciso since 2024-03-01 appointed by board`
    ].join('\n') + '\n';
}

function increment(counts: Map<string, number>, key: string): void {
    counts.set(key, (counts.get(key) ?? 0) + 1);
}

/** The tally counted here from the document's references as they are now: what the carried one must equal. */
function countedNow(document: LangiumDocument) {
    const names = new Set<string>();
    const described = new Map<string, number>();
    const targets = new Map<string, Map<string, number>>();
    let unresolved = 0;
    for (const reference of document.references as Reference[]) {
        names.add(reference.$refText);
        if (reference.error) unresolved++;
        const description = reference.$nodeDescription;
        if (!description) continue;
        const uri = description.documentUri.toString();
        increment(described, uri);
        if (reference.error || !reference.$refNode) continue;
        if (!targets.has(uri)) targets.set(uri, new Map());
        increment(targets.get(uri)!, description.path);
    }
    return { count: document.references.length, names, unresolved, described, targets };
}

function expectTalliesAsCounted(workspace: Workspace, files: Record<string, string>): void {
    for (const name of Object.keys(files)) {
        const document = workspace.document(name);
        expect({ ...tallyOf(document) }, name).toEqual(countedNow(document));
    }
}

/** Where the index finds each role referred to, as `file:line` lists: the same in the edited workspace as in a cold one. */
function referencesFound(workspace: Workspace): string[] {
    const services = workspace.shared.ServiceRegistry.all[0];
    const found: string[] = [];
    for (const document of workspace.shared.workspace.LangiumDocuments.all) {
        for (const node of (document.parseResult.value as Model).declarations.filter(isRole)) {
            if (!node.name) continue;
            const path = services.workspace.AstNodeLocator.getAstNodePath(node);
            for (const entry of workspace.shared.workspace.IndexManager.findAllReferences(node, path)) {
                found.push(`${node.name} <- ${entry.sourceUri.path}:${entry.segment.range.start.line}`);
            }
        }
    }
    return found.sort();
}

describe('reference tallies', () => {
    it('are not made by a one-shot check, which keeps no reference index: its linking errors are found without them', async () => {
        const files: Record<string, string> = { 'organization.mandate': `${ORGANIZATION.join('\n')}\n` };
        for (let index = 0; index < 3; index++) files[`team-${index}.mandate`] = team(index);
        files['team-1.mandate'] = files['team-1.mandate'].replace('appointed by board', 'appointed by bord');
        const before = tallyCounts.counted;
        const { findings } = await checkSources(Object.entries(files).map(([name, text]) => ({ uri: `file:///ws/${name}`, text })), { asOf: '2025-06-30' });
        expect(findings.filter(finding => finding.rule === 'linking-error').map(finding => `${finding.uri.slice('file:///ws/'.length)}:${finding.line}`)).toEqual(['team-1.mandate:3']);
        expect(tallyCounts.counted - before).toBe(0);
    });

    it('are updated, not counted again, for the documents a rename relinks', async () => {
        const files: Record<string, string> = { 'organization.mandate': `${ORGANIZATION.join('\n')}\n` };
        for (let index = 0; index < 4; index++) files[`team-${index}.mandate`] = team(index);
        const workspace = await Workspace.open(files);
        for (const name of Object.keys(files)) tallyOf(workspace.document(name));
        const lists = new Map(Object.keys(files).map(name => [name, workspace.document(name).references]));
        const before = tallyCounts.counted;
        const renamed = files['organization.mandate'].replace('role ciso', 'role ciso-x');
        await workspace.write('organization.mandate', renamed);
        const relinked = Object.keys(files).filter(name => name !== 'organization.mandate' && workspace.document(name).references !== lists.get(name));
        expect(relinked).toHaveLength(4);
        for (const name of Object.keys(files)) tallyOf(workspace.document(name));
        // The edited file has a new tree, counted afresh; the four relinked team files are not counted.
        expect(tallyCounts.counted - before).toBe(1);
        expect(tallyOf(workspace.document('team-0.mandate')).unresolved).toBe(3);
        expectTalliesAsCounted(workspace, { ...files, 'organization.mandate': renamed });
    });

    it('equal a count from the references after every edit of a random sequence, and the index finds what a cold build finds', async () => {
        const random = new Random(2603);
        const files: Record<string, string> = { 'organization.mandate': `${ORGANIZATION.join('\n')}\n` };
        for (let index = 0; index < 3; index++) files[`team-${index}.mandate`] = team(index);
        const workspace = await Workspace.open(files);
        const organization = (text: Record<string, string>) => text['organization.mandate'];
        const toggle = (text: string, from: string, to: string) => text.includes(from) ? text.replace(from, to) : text.replace(to, from);
        const edits: Array<(text: Record<string, string>) => Record<string, string>> = [
            // A shared name renamed, or put back.
            text => ({ 'organization.mandate': toggle(organization(text), 'role ciso "', 'role ciso-x "') }),
            // A declaration put in front: every declaration after it moves (a new path); a role adds a name, a framework none.
            text => ({ 'organization.mandate': `${random.chance(0.5) ? `role extra-${random.int(5)} "Extra"` : 'framework FX "Extra"'}\n${organization(text)}` }),
            // The first line dropped again.
            text => ({ 'organization.mandate': organization(text).split('\n').slice(1).join('\n') }),
            // In one build, declarations of the organization file move and team-0's lead is renamed: the
            // teams that report to it are relinked, and their references into the organization file
            // are pointed at the declarations' new places as they go.
            text => ({
                'organization.mandate': `framework FY "Moves"\n${organization(text)}`,
                'team-0.mandate': toggle(text['team-0.mandate'], 'role lead-0 "', 'role lead-0x "')
            }),
            // A name declared twice: the first file by URI wins it.
            text => ({ 'team-0.mandate': text['team-0.mandate'].includes('person jane') ? text['team-0.mandate'].replace('person jane "Jane too"\n', '') : `person jane "Jane too"\n${text['team-0.mandate']}` }),
            // A reference broken or mended in a team file.
            text => {
                const name = `team-${random.int(3)}.mandate`;
                return { [name]: toggle(text[name], 'appointed by board\n', 'appointed by boardx\n') };
            }
        ];
        const current = { ...files };
        for (let step = 0; step < 60; step++) {
            const changed = random.pick(edits)(current);
            Object.assign(current, changed);
            await workspace.writeAll(changed);
            expectTalliesAsCounted(workspace, current);
            if (step % 8 === 7) {
                const cold = await Workspace.open(current);
                expect(referencesFound(workspace), `after step ${step}`).toEqual(referencesFound(cold));
                expect(workspace.diagnostics()).toEqual(cold.diagnostics());
            }
        }
    });
});

describe('a tally draft', () => {
    const uri = URI.parse('file:///ws/people.mandate');
    const described = (path: string) => ({ name: 'p', type: 'Person', path, documentUri: uri }) as AstNodeDescription;
    const tallyWith = (paths: string[]) => {
        const draft = new TallyDraft(undefined, () => new Set());
        for (const path of paths) draft.add(false, described(path), [described(path)], 1);
        return draft.done(paths.length);
    };

    it('copies nothing when a reference moves to the new node of a declaration at the same path', () => {
        const from = tallyWith(['/declarations@0', '/declarations@1']);
        const draft = new TallyDraft(from);
        const [old, now] = [described('/declarations@1'), described('/declarations@1')];
        draft.move({ failed: false, described: old, items: [old] }, { failed: false, described: now, items: [now] });
        const done = draft.done(2);
        // The same map of paths as before: a keystroke in a file of 30,000 declarations copied it whole.
        expect(done.targets.get(uri.toString())).toBe(from.targets.get(uri.toString()));
        expect(done.described).toEqual(from.described);
    });

    it('counts a reference that moved to another path, or failed, and leaves the tally it started from as it was', () => {
        const from = tallyWith(['/declarations@0', '/declarations@1']);
        const draft = new TallyDraft(from);
        const old = described('/declarations@1');
        draft.move({ failed: false, described: old, items: [old] }, { failed: false, described: described('/declarations@2'), items: [described('/declarations@2')] });
        draft.move({ failed: false, described: described('/declarations@0'), items: [described('/declarations@0')] }, { failed: true, described: undefined, items: [] });
        const done = draft.done(2);
        expect(done.unresolved).toBe(1);
        expect([...done.targets.get(uri.toString())!]).toEqual([['/declarations@2', 1]]);
        expect([...from.targets.get(uri.toString())!]).toEqual([['/declarations@0', 1], ['/declarations@1', 1]]);
    });
});
