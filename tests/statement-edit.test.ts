/**
 * An edit inside one statement of a large file parses that statement alone and keeps the file's
 * other nodes (language/statement-edit/). The tree must be the one a parse of the whole new text
 * builds: compared here node for node, leaves, comments, offsets and containers included, after
 * random edits, and after chains of them where each edit starts from the last spliced tree.
 */
import { AstUtils, Cancellation, DocumentState, EmptyFileSystem, isOperationCancelled, isReference, type MultiReference, type ParseResult, type Reference } from 'langium';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateBigFile } from '../bench/generate-workspace.js';
import { createMandateServices } from '../language/mandate-module.js';
import type { WithPredictiveParser } from '../language/mandate-predictive-parser.js';
import { reparseStatement, statementReparse } from '../language/statement-edit/statement-reparse.js';
import { Random } from './random-edits.js';
import { Workspace } from './workspace-helpers.js';
import { splicedLinking } from '../language/statement-edit/spliced-links.js';
import { exportSplices } from '../language/statement-edit/spliced-exports.js';
import type { MandateScopeProvider } from '../language/mandate-scope-provider.js';
import { tallyOf, tallyOfList, type ReferenceTally } from '../language/workspace/reference-tally.js';
import { expectSameParse } from './tree-compare.js';

const parser = createMandateServices(EmptyFileSystem).Mandate.parser.LangiumParser;
const reparser = parser as unknown as WithPredictiveParser;

const BIG = generateBigFile(3, 6)['people.mandate']
    .replace(/\n( {4}email)/g, '\n    // contact\n$1')
    .replace(/\}\n\n/g, '} // end\n\n') + '/* last */\n';

/** What people type inside a statement, and what breaks it. */
const INSERTS = ['1', '9', 'x', '-', ' ', '  ', 'ab', '"', '{', '}', '/*', '*/', '// c', 'email "a@b.example"', 'job title "Lead"', '\n', '\r', 'person q "Q"', 'until 2030-01-01', '§', ',', 'ä'];

function edit(text: string, random: Random): string {
    const at = random.int(text.length);
    switch (random.int(3)) {
        case 0: return text.slice(0, at) + random.pick(INSERTS) + text.slice(at);
        case 1: return text.slice(0, at) + text.slice(at + 1 + random.int(8));
        default: {
            const digit = text.slice(at).search(/\d/);
            if (digit < 0) return text;
            return text.slice(0, at + digit) + String(random.int(10)) + text.slice(at + digit + 1);
        }
    }
}

/** The spliced tree of `text` from `before`, checked against a parse of the whole text; undefined when the edit was not spliced. */
function expectSplicedAsParsed(before: ParseResult, text: string, label: string): ParseResult | undefined {
    const spliced = reparseStatement(before, text, reparser);
    if (!spliced) return undefined;
    const parsed = parser.parse(text);
    expect(parsed.parserErrors.length + parsed.lexerErrors.length, `${label}: spliced a text with syntax errors`).toBe(0);
    expectSameParse(spliced, parsed, label);
    expect(spliced.value.$cstNode?.root.fullText).toBe(text);
    return spliced;
}

/** A reference as text: its name, and the path and document of what it resolved to. */
function referenceLine(reference: Reference | MultiReference): string {
    if (!isReference(reference)) return `${reference.$refText}: a multi-reference`;
    const target = reference.ref;
    return `${reference.$refText} → ${target ? `${AstUtils.getDocument(target).uri.path}#${target.$containerIndex ?? ''}` : reference.error?.message}`;
}

function plainTally(tally: ReferenceTally): unknown {
    const sorted = <T>(map: ReadonlyMap<string, T>) => [...map].sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0);
    return { count: tally.count, unresolved: tally.unresolved, names: [...tally.names].sort(), described: sorted(tally.described), targets: sorted(tally.targets).map(([uri, paths]) => [uri, sorted(paths)]) };
}

describe('statement edits', () => {
    beforeEach(() => { statementReparse.minLength = 0; });
    afterEach(() => { statementReparse.minLength = 64 * 1024; });

    it('builds the tree a whole parse builds, after random single edits', () => {
        const random = new Random(20261207);
        expect(parser.parse(BIG).parserErrors).toEqual([]);
        let spliced = 0;
        for (let round = 0; round < 400; round++) {
            const text = edit(BIG, random);
            // A splice moves the old tree's other statements to the new tree: each edit starts from a tree of its own.
            if (expectSplicedAsParsed(parser.parse(BIG), text, `edit ${round}`)) spliced++;
        }
        // Most edits land inside a statement on one line; those that break the syntax are parsed whole.
        expect(spliced).toBeGreaterThan(100);
    });

    it('builds the tree a whole parse builds, edit after edit on the spliced trees', () => {
        const random = new Random(7);
        let text = BIG;
        let current = parser.parse(text);
        let spliced = 0;
        for (let round = 0; round < 300; round++) {
            // An edit that breaks the syntax is put right by the next, as people do.
            const broken = current.parserErrors.length + current.lexerErrors.length > 0;
            const next = broken ? BIG : edit(text, random);
            const result = expectSplicedAsParsed(current, next, `step ${round}`);
            if (result) spliced++;
            current = result ?? parser.parse(next);
            text = next;
        }
        expect(spliced).toBeGreaterThan(50);
    });

    it('parses the whole file when an edit is not inside one statement on one line', () => {
        const date = BIG.indexOf('employed since ') + 'employed since 20'.length;
        const name = BIG.indexOf('person ') + 'person p'.length;
        const end = BIG.indexOf('}\n');
        const nameEnd = BIG.indexOf(' ', name);
        const cases: Array<[string, string]> = [
            ['a line break typed', BIG.slice(0, date) + '\n' + BIG.slice(date)],
            // A word that is a keyword elsewhere: a token of another type, among those the statement before looks at.
            ['the name of the statement made a keyword', BIG.slice(0, name - 1) + 'auditor' + BIG.slice(nameEnd)],
            ['the end of the statement', BIG.slice(0, end) + BIG.slice(end + 1)],
            ['a string opened and left open', BIG.slice(0, date) + '"' + BIG.slice(date)],
            ['a second statement typed inside the first', BIG.slice(0, date) + '} person z "Z" {' + BIG.slice(date)]
        ];
        for (const [label, text] of cases) expect(reparseStatement(parser.parse(BIG), text, reparser), label).toBeUndefined();
        expect(reparseStatement(parser.parse(BIG), BIG.slice(0, date) + '1' + BIG.slice(date + 1), reparser)).toBeDefined();
        const keyword = BIG.slice(0, name - 1) + 'auditor' + BIG.slice(nameEnd);
        expect(parser.parse(keyword).parserErrors, 'the keyword is a valid name: only the splice refuses it').toEqual([]);
    });

    it('parses the statement alone when an edit among its first tokens leaves their types as they were (a name, a title)', () => {
        const name = BIG.indexOf('person ') + 'person p'.length;
        const title = BIG.indexOf('"', name) + 1;
        const edits = [
            BIG.slice(0, name) + 'x' + BIG.slice(name),
            BIG.slice(0, title) + 'Acting ' + BIG.slice(title),
            BIG.slice(0, name) + BIG.slice(name + 1)
        ];
        for (const [index, text] of edits.entries()) expect(expectSplicedAsParsed(parser.parse(BIG), text, `edit ${index}`), `edit ${index}`).toBeDefined();
    });

    it('parses the whole file again once the statements parsed alone left as many unused tokens as the tree holds', () => {
        const date = BIG.indexOf('employed since ') + 'employed since 20'.length;
        const texts = ['1', '3'].map(digit => BIG.slice(0, date) + digit + BIG.slice(date + 1));
        let current = parser.parse(BIG);
        const outcomes: boolean[] = [];
        for (let round = 0; round < 1500 && outcomes.filter(spliced => !spliced).length < 2; round++) {
            const text = texts[round % 2];
            const result = reparseStatement(current, text, reparser);
            outcomes.push(result !== undefined);
            current = result ?? parser.parse(text);
        }
        const whole = outcomes.flatMap((spliced, index) => spliced ? [] : [index]);
        // Bounded: a long session of edits does not grow the list without end, and splicing resumes after the whole parse.
        expect(whole.length).toBe(2);
        expect(whole[0]).toBeGreaterThan(100);
        expect(whole[1] - whole[0]).toBe(whole[0] + 1);
    });

    it('leaves small files to a whole parse', () => {
        statementReparse.minLength = 64 * 1024;
        const before = parser.parse(BIG);
        const date = BIG.indexOf('employed since ') + 'employed since 20'.length;
        expect(BIG.length).toBeLessThan(64 * 1024);
        expect(reparseStatement(before, BIG.slice(0, date) + '1' + BIG.slice(date + 1), reparser)).toBeUndefined();
    });

    it('reads edits of a large file through the language server\'s update by parsing one statement: the findings, references and their tally of a cold build', async () => {
        statementReparse.minLength = 64 * 1024;
        const files = generateBigFile(12, 20);
        expect(files['people.mandate'].length).toBeGreaterThan(64 * 1024);
        const workspace = await Workspace.open(files);
        let text = files['people.mandate'];
        const replaceAfter = (marker: string, from: number, old: string, now: string) => {
            const at = text.indexOf(marker, from) + marker.length;
            expect(text.slice(at, at + old.length)).toBe(old);
            return text.slice(0, at) + now + text.slice(at + old.length);
        };
        const edits: Array<[string, () => string]> = [
            // The last person joins after the as-of date: an employment that has not begun is a finding.
            ['a joining date', () => replaceAfter('employed since ', text.lastIndexOf('person '), '2021', '2099')],
            ['an appointment date', () => replaceAfter(' since ', text.indexOf('assign p-3-'), '2022', '2023')],
            ['an appointer, one of the references', () => replaceAfter('appointed by ', text.indexOf('assign p-5-'), 'lead-5', 'lead-6')],
            ['an appointer that is declared nowhere', () => replaceAfter('appointed by ', text.indexOf('assign p-7-'), 'lead-7', 'lead-77')],
            ['evidence made longer', () => replaceAfter('evidence "', text.indexOf('assign p-2-'), 'HR', 'HR file')],
            ['the unknown appointer put back', () => replaceAfter('appointed by ', text.indexOf('assign p-7-'), 'lead-77', 'lead-7')],
            // Among the statement's first tokens: the name exported changes, and the references to it no longer resolve.
            ['a person renamed', () => replaceAfter('person ', text.indexOf('person p-4-1 '), 'p-4-1', 'p-4-1x')],
            ['the name put back', () => replaceAfter('person ', text.indexOf('person p-4-1x '), 'p-4-1x', 'p-4-1')]
        ];
        const exportsOf = (space: Workspace) => space.shared.workspace.IndexManager.allElements(undefined, new Set([space.uri('people.mandate').toString()]))
            .map(description => `${description.type} ${description.name} ${description.path}`).toArray();
        const IN_PERSON_STATEMENTS = new Set(['a joining date', 'a person renamed', 'the name put back']);
        // Every name as it was and every reference linked before: no reference is asked about but those to the replaced declaration (spliced-links.ts).
        const KEEPING_ALL = new Set(['a joining date', 'an appointment date', 'an appointer, one of the references', 'an appointer that is declared nowhere']);
        const scopes = () => workspace.shared.ServiceRegistry.getServices(workspace.uri('people.mandate')).references.ScopeProvider as MandateScopeProvider;
        const linked = (space: Workspace) => space.shared.workspace.LangiumDocuments.getDocument(space.uri('people.mandate'))!;
        for (const [label, make] of edits) {
            const [spliced, kept, keptAll, exported, swapped] = [statementReparse.spliced, splicedLinking.kept, splicedLinking.keptAllButMoved, exportSplices.made, scopes().tablesSwapped];
            text = make();
            await workspace.burst([['people.mandate', text]]);
            expect(statementReparse.spliced, label).toBe(spliced + 1);
            // The exports are the last ones with the one statement's swapped (spliced-exports.ts): those of a cold build.
            expect(exportSplices.made, label).toBe(exported + 1);
            // A statement that declares a person: the tables of the names of its types swap its description, the others are left as they were.
            if (IN_PERSON_STATEMENTS.has(label)) expect(scopes().tablesSwapped, label).toBeGreaterThan(swapped);
            else expect(scopes().tablesSwapped, label).toBe(swapped);
            // The other statements' references kept their targets, and the tally follows (reference-tally.ts).
            expect(splicedLinking.kept, label).toBe(kept + 1);
            expect(splicedLinking.keptAllButMoved, label).toBe(keptAll + (KEEPING_ALL.has(label) ? 1 : 0));
            // Every target is a node of the tree its document has now: none is the replaced statement.
            for (const reference of linked(workspace).references) {
                const target = isReference(reference) ? reference.ref : undefined;
                if (target) expect(AstUtils.findRootNode(target), `${label}: ${reference.$refText}`).toBe(AstUtils.getDocument(target).parseResult.value);
            }
            const cold = await Workspace.open({ ...files, 'people.mandate': text });
            expect(workspace.diagnostics(), label).toEqual(cold.diagnostics());
            expect(exportsOf(workspace), label).toEqual(exportsOf(cold));
            const [document, fresh] = [linked(workspace), linked(cold)];
            expect(document.references.map(referenceLine), label).toEqual(fresh.references.map(referenceLine));
            expect(plainTally(tallyOf(document)), label).toEqual(plainTally(tallyOfList([...document.references])));
            expect(plainTally(tallyOf(document)), label).toEqual(plainTally(tallyOf(fresh)));
        }
        expect([...workspace.diagnostics().values()].flat().length).toBeGreaterThan(0);
    });

    it('links a large file edited again before its last edit was linked as a cold build does', async () => {
        statementReparse.minLength = 64 * 1024;
        const files = generateBigFile(12, 20);
        const workspace = await Workspace.open(files);
        const uri = workspace.uri('people.mandate');
        const builder = workspace.shared.workspace.DocumentBuilder;
        // A person renamed: the assignments naming them no longer resolve. The build stops once the file is indexed, before it is linked.
        const renamed = files['people.mandate'].replace('person p-4-1 "', 'person p-4-1x "');
        workspace.disk.insert(uri, renamed);
        const source = new Cancellation.CancellationTokenSource();
        const stop = builder.onBuildPhase(DocumentState.IndexedContent, () => source.cancel());
        await builder.update([uri], [], source.token).catch(error => {
            if (!isOperationCancelled(error)) throw error;
        });
        stop.dispose();
        expect(workspace.document('people.mandate').state).toBeLessThan(DocumentState.Linked);
        // Then a date in another statement: the tree is spliced from the one that was never linked.
        const dated = renamed.replace(/(person p-9-2 [^}]*employed since )2021/, '$12020');
        expect(dated).not.toBe(renamed);
        await workspace.write('people.mandate', dated);
        const cold = await Workspace.open({ ...files, 'people.mandate': dated });
        expect(workspace.diagnostics()).toEqual(cold.diagnostics());
        const lines = (space: Workspace) => space.document('people.mandate').references.map(referenceLine);
        expect(lines(workspace)).toEqual(lines(cold));
        expect(lines(workspace).some(line => line.startsWith('p-4-1 → ') && !line.includes('#'))).toBe(true);
    });

    it('links a kept statement to the new node of a statement that gained its first reference, as a cold build does', async () => {
        statementReparse.minLength = 64 * 1024;
        const files = generateBigFile(12, 20);
        // A role with no reference, which an assignment names: the splice cannot place the references it gains, so the file is linked whole.
        const people = `${files['people.mandate']}role reviewer "Reviewer" { description "Reviews access" }\nassign p-0-0 to reviewer since 2022-01-01 appointed by lead-0\n`;
        const workspace = await Workspace.open({ ...files, 'people.mandate': people });
        const [spliced, kept] = [statementReparse.spliced, splicedLinking.kept];
        const edited = people.replace('{ description "Reviews access" }', '{ description "Reviews access" deputy r-0-0 }');
        await workspace.write('people.mandate', edited);
        expect(statementReparse.spliced).toBe(spliced + 1);
        expect(splicedLinking.kept).toBe(kept);
        // Every target is a node of the tree each document has now: none is a node of the tree the edit replaced.
        const document = workspace.document('people.mandate');
        for (const reference of document.references) {
            const target = isReference(reference) ? reference.ref : undefined;
            if (target) expect(AstUtils.findRootNode(target), reference.$refText).toBe(AstUtils.getDocument(target).parseResult.value);
        }
        const cold = await Workspace.open({ ...files, 'people.mandate': edited });
        expect(workspace.diagnostics()).toEqual(cold.diagnostics());
        const lines = (space: Workspace) => space.document('people.mandate').references.map(referenceLine);
        expect(lines(workspace)).toEqual(lines(cold));
    });
});
