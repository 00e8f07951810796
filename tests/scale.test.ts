import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AstUtils, createLangiumParser, CstUtils, EmptyFileSystem, GrammarAST, GrammarUtils, isCompositeCstNode, isLeafCstNode, URI, type CstNode, type LangiumDocument } from 'langium';
import { VirtualFileSystemProvider } from 'langium/test';
import { describe, expect, it, vi } from 'vitest';
import { isAssignment, isTrainingCompletion, type Model } from '../language/generated/ast.js';
import type { Finding } from '../language/engine/check-sources.js';
import { createMandateServices, type MandateServices } from '../language/mandate-module.js';
import type { MandateScopeProvider } from '../language/mandate-scope-provider.js';
import type { MandateIndexManager } from '../language/workspace/mandate-index-manager.js';
import { REPEATABLE_TYPES, repeatableItems } from '../language/rules/property-repeated.js';
import { AS_OF, check, type Files } from './helpers.js';
import { oneFile, PER_TEAM, splitFiles } from './scale-workload.js';

// Sizes that run in seconds; `npm run bench` measures the large ones. No test here asserts a time.
const PEOPLE = 3000;
const SLOW = 240_000;

/** A finding independent of the file layout: its rule, the text of its line, and its message with `file:line` replaced by that line's text. */
function layoutFree(findings: readonly Finding[], files: Files): string[] {
    const lineOf = (file: string, line: number) => (files[file]?.split('\n')[line - 1] ?? '?').trim();
    return findings.map(finding => {
        const file = finding.uri.replace('file:///ws/', '');
        const message = finding.message.replace(/([\w.-]+\.mandate):(\d+)/g, (_all, other: string, line: string) => `«${lineOf(other, Number(line))}»`);
        return `${finding.rule} ${finding.severity} «${lineOf(file, finding.line)}» ${message}`;
    }).sort();
}

describe('one big file', () => {
    it(`checks ${PEOPLE} people with their assignments in one file, with exactly the planted findings, as the same text split over files does`, async () => {
        const single = oneFile(PEOPLE, true);
        const split = splitFiles(PEOPLE, true);
        expect(Object.keys(split).length).toBeGreaterThan(200);
        const fromSingle = layoutFree(await check(single), single);
        const fromSplit = layoutFree(await check(split), split);
        expect(fromSplit).toEqual(fromSingle);
        // Everybody else is clean: only the defects the workload plants are reported.
        expect(fromSingle.map(finding => finding.slice(0, finding.indexOf('»') + 1)).sort()).toEqual([
            'assignment-not-communicated warning «assign p-2-0 to r-2-0 since 2022-01-01 appointed by lead-person-2 {»',
            'duplicate-name error «person p-2-0 "Person 2-0" {»',
            'duplicate-name error «person p-2-0 "Person 2-0, again" { employed since 2021-01-01 }»',
            'linking-error error «assign p-1-0 to r-1-0 since 2022-01-01 appointed by lead-persn-1 {»',
            'person-without-role info «person p-2-0 "Person 2-0, again" { employed since 2021-01-01 }»',
            'training-missing warning «assign p-3-0 to r-3-0 since 2022-01-01 appointed by lead-person-3 {»',
            'training-missing warning «person p-2-0 "Person 2-0, again" { employed since 2021-01-01 }»',
            'training-overdue warning «completed secure-5 by p-5-0 on 2022-05-01»'
        ].sort());
    }, SLOW);
});

/** A workspace on a virtual disk, built and edited the way the language server does it. */
async function openWorkspace(files: Files) {
    const disk = new VirtualFileSystemProvider();
    const uri = (name: string) => URI.parse(`file:///ws/${name}`);
    for (const [name, text] of Object.entries(files)) disk.insert(uri(name), text);
    const { shared, Mandate } = createMandateServices({ fileSystemProvider: () => disk });
    shared.mandate.Settings.setAsOf(AS_OF);
    const allElements = vi.spyOn(shared.workspace.IndexManager, 'allElements');
    const fileExports = vi.spyOn(shared.workspace.IndexManager as MandateIndexManager, 'fileExports');
    // Every walk of the index over its documents starts with the keys of Langium's symbol index.
    const indexWalks = vi.spyOn((shared.workspace.IndexManager as unknown as { symbolIndex: Map<string, unknown> }).symbolIndex, 'keys');
    // A counter, not a spy: a spy would keep the arguments of every one of the (maybe millions of) calls.
    const reflection = shared.AstReflection;
    const isSubtype = reflection.isSubtype.bind(reflection);
    const typeChecks = { count: 0 };
    reflection.isSubtype = (subtype, supertype) => {
        typeChecks.count++;
        return isSubtype(subtype, supertype);
    };
    await shared.workspace.WorkspaceManager.initializeWorkspace([{ name: 'ws', uri: 'file:///ws' }]);
    const document = (name: string) => shared.workspace.LangiumDocuments.getDocument(uri(name)) as LangiumDocument<Model>;
    return {
        services: Mandate,
        allElements,
        fileExports,
        indexWalks,
        typeChecks,
        document,
        codes: (name: string) => (document(name).diagnostics ?? []).map(diagnostic => String(diagnostic.code)).sort(),
        async write(name: string, text: string) {
            disk.insert(uri(name), text);
            await shared.workspace.DocumentBuilder.update([uri(name)], []);
        }
    };
}

function tablesBuilt(services: MandateServices): number {
    return (services.references.ScopeProvider as MandateScopeProvider).tablesBuilt;
}

function tablesPatched(services: MandateServices): number {
    return (services.references.ScopeProvider as MandateScopeProvider).tablesPatched;
}

/** The file declaring the person that `document`'s first training completion names. */
function completedBy(document: LangiumDocument<Model>): string | undefined {
    const target = document.parseResult.value.declarations.find(isTrainingCompletion)?.person?.ref;
    return target ? path.basename(AstUtils.getDocument(target).uri.path) : undefined;
}

describe('linking through the name index', () => {
    it('scans the index once per reference type per build, and checks types in linear, not quadratic, numbers', async () => {
        const counts = [];
        for (const people of [150, 1500]) {
            const workspace = await openWorkspace(oneFile(people));
            expect(workspace.codes('policy.mandate')).toEqual([]);
            // A scan is a call over the whole index; reading one document's own exports (the builder compares them after an edit) is not.
            const scans = workspace.allElements.mock.calls.filter(([, uris]) => uris === undefined).length;
            counts.push({ scans, tables: tablesBuilt(workspace.services), typeChecks: workspace.typeChecks.count });
        }
        expect(counts[1].scans).toBe(counts[0].scans);
        expect(counts[1].tables).toBe(counts[0].tables);
        // Role, Person, Party, Appointer, Duty, Training: one table each.
        expect(counts[0].tables).toBeLessThanOrEqual(7);
        expect(counts[0].scans).toBeLessThanOrEqual(counts[0].tables);
        // Ten times the references: about ten times the type checks. A scan of the file's declarations per reference made it a hundred.
        expect(counts[1].typeChecks / counts[0].typeChecks).toBeLessThan(20);
    }, SLOW);

    it("makes a cold build's tables in one pass over the index, and a type first asked for after an edit from the index as it is then", async () => {
        const files = splitFiles(20);
        const workspace = await openWorkspace(files);
        expect(workspace.codes('team-0001.mandate')).toEqual([]);
        // Role, Person, Party, Appointer, Duty and Training were read from one pass (documentExports), none by a scan per type.
        expect(tablesBuilt(workspace.services)).toBeGreaterThanOrEqual(6);
        expect(workspace.allElements.mock.calls.filter(([, uris]) => uris === undefined)).toEqual([]);
        // No reference of the workspace is to a Conflicting: that table is made now, with the roles of the new file.
        await workspace.write('conflicts.mandate', 'role checker "Checker" { reports to ceo }\nrole maker "Maker" { reports to ceo }\nconflict between checker and maker "four eyes"\n');
        expect(workspace.codes('conflicts.mandate')).not.toContain('linking-error');
        await workspace.write('conflicts.mandate', 'role checker "Checker" { reports to ceo }\nconflict between checker and maker "four eyes"\n');
        expect(workspace.codes('conflicts.mandate')).toContain('linking-error');
    }, SLOW);

    it("reads each document's own exports without walking every document of the index", async () => {
        const walks = [];
        for (const teams of [20, 200]) {
            const workspace = await openWorkspace(splitFiles(teams * PER_TEAM));
            expect(workspace.codes('team-0001.mandate')).toEqual([]);
            const scans = workspace.allElements.mock.calls.filter(([, uris]) => uris === undefined).length;
            // The builder compared every document's exports after indexing them: one walk each made the build quadratic in files.
            // It reads each document's own list from the index (fileExports).
            expect(workspace.fileExports.mock.calls.length).toBeGreaterThan(20);
            walks.push(workspace.indexWalks.mock.calls.length - scans);
        }
        expect(walks[1]).toBe(walks[0]);
    }, SLOW);

    it('patches its tables after an edit, without a scan of the index, so a renamed declaration stops resolving and resolves again when restored', async () => {
        const files = splitFiles(30);
        const workspace = await openWorkspace(files);
        expect(workspace.codes('team-0001.mandate')).toEqual([]);
        const [built, patched] = [tablesBuilt(workspace.services), tablesPatched(workspace.services)];
        const scans = () => workspace.allElements.mock.calls.filter(([, uris]) => uris === undefined).length;
        const scansBefore = scans();
        await workspace.write('organization.mandate', files['organization.mandate'].replace('role ceo "', 'role chief-executive "'));
        expect(tablesBuilt(workspace.services)).toBe(built);
        expect(tablesPatched(workspace.services)).toBeGreaterThan(patched);
        expect(scans()).toBe(scansBefore);
        expect(workspace.codes('team-0001.mandate')).toContain('linking-error');
        await workspace.write('organization.mandate', files['organization.mandate']);
        expect(workspace.codes('team-0001.mandate')).toEqual([]);
    }, SLOW);

    it("resolves a duplicated name to the reference's own file's declaration, else to the first file by URI, before and after an edit", async () => {
        const files = {
            'a.mandate': 'person pat "Pat from a"\ntraining t "T"\n',
            'b.mandate': 'person pat "Pat from b"\ncompleted t by pat on 2025-01-01\n',
            'c.mandate': 'completed t by pat on 2025-01-01\n'
        };
        const workspace = await openWorkspace(files);
        const targets = () => [completedBy(workspace.document('b.mandate')), completedBy(workspace.document('c.mandate'))];
        expect(targets()).toEqual(['b.mandate', 'a.mandate']);
        // Langium's index moves an edited file to its end; the resolution must not follow it.
        await workspace.write('a.mandate', `// edited\n${files['a.mandate']}`);
        expect(targets()).toEqual(['b.mandate', 'a.mandate']);
        expect(workspace.codes('c.mandate')).toEqual([]);
    });

    it('offers every declaration of the expected kinds once, from the whole workspace, for completion and suggestions', async () => {
        const workspace = await openWorkspace(splitFiles(20));
        const assignment = workspace.document('team-0001.mandate').parseResult.value.declarations.find(isAssignment)!;
        const names = (property: 'person' | 'appointedBy') => workspace.services.references.ScopeProvider
            .getScope({ reference: assignment[property]!, container: assignment, property }).getAllElements().map(element => element.name).toArray();
        const persons = names('person');
        expect(new Set(persons).size).toBe(persons.length);
        expect(persons).toEqual(expect.arrayContaining(['boss', 'p-0-0', 'p-1-4']));
        expect(persons).not.toContain('ceo');
        // An appointer is a role, a person or an appointing body.
        expect(names('appointedBy')).toEqual(expect.arrayContaining(['boss', 'ceo', 'lead-1', 'shareholders']));
        expect(names('appointedBy')).not.toContain('awareness');
    });
});

describe('duplicate-name stays bounded', () => {
    it('names up to three other places and counts the rest', async () => {
        const findings = await check({ 'a.mandate': Array.from({ length: 6 }, (_, i) => `role r "R${i}"`).join('\n') + '\n' });
        const messages = findings.filter(finding => finding.rule === 'duplicate-name').map(finding => finding.message);
        expect(messages).toHaveLength(6);
        expect(messages[0]).toContain("The name 'r' is also declared at a.mandate:2, a.mandate:3, a.mandate:4 and 2 other places.");
        expect(messages[5]).toContain('a.mandate:1, a.mandate:2, a.mandate:3 and 2 other places.');
    });

    const crashFile = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../shared/crashes/duplicate-name-quadratic-4000.mandate');
    const present = existsSync(crashFile);
    it.skipIf(!present)(`gives 4,000 declarations of one name messages of bounded size${present ? '' : ` (skipped: ${crashFile} is absent)`}`, async () => {
        const findings = await check({ 'crash.mandate': readFileSync(crashFile, 'utf8') });
        const duplicates = findings.filter(finding => finding.rule === 'duplicate-name');
        expect(duplicates.length).toBeGreaterThanOrEqual(4000);
        expect(Math.max(...duplicates.map(finding => finding.message.length))).toBeLessThan(300);
        expect(duplicates[0].message).toMatch(/and \d{4} other places/);
        // 0.1.0 wrote 241 MB of JSON for this file.
        expect(JSON.stringify(findings).length).toBeLessThan(5_000_000);
    }, SLOW);
});

describe('suppressions stay linear', () => {
    const crashFile = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../shared/crashes/suppression-flood-5000.mandate');
    const present = existsSync(crashFile);
    it.skipIf(!present)(`matches 5,000 suppressions above one declaration: the first is used, the others are unused${present ? '' : ` (skipped: ${crashFile} is absent)`}`, async () => {
        const text = readFileSync(crashFile, 'utf8');
        const findings = await check({ 'flood.mandate': text });
        const comments = text.split('\n').filter(line => line.startsWith('// mandate-ignore')).length;
        expect(findings.filter(finding => finding.suppressed)).toHaveLength(1);
        expect(findings.filter(finding => finding.rule === 'suppression-unused')).toHaveLength(comments - 1);
    }, SLOW);
});

describe('per-node rules are registered only where they can fire', () => {
    it('property-repeated runs on exactly the declarations whose blocks can repeat a single-valued item', () => {
        const grammar = createMandateServices(EmptyFileSystem).Mandate.Grammar;
        const items = repeatableItems(grammar);
        const types = grammar.rules.filter(rule => rule.$type === 'ParserRule')
            .filter(rule => AstUtils.streamAllContents(rule).some(element => typeof items.get(element) === 'string'))
            .map(rule => rule.name);
        expect([...REPEATABLE_TYPES].sort()).toEqual(types.sort());
    });
});

/** Every CST node, in order, with its depth, place and what it is: two trees with the same shape are the same tree. */
function shape(root: CstNode | undefined): string[] {
    const leftOut = (node: CstNode) => standsForItsToken(node) || passesThrough(node);
    const depth = (node: CstNode) => { let d = 0; for (let n = node.container; n; n = n.container) if (!leftOut(n)) d++; return d; };
    return root ? CstUtils.streamCst(root).filter(node => !leftOut(node))
        .map(node => `${depth(node)} ${node.offset}+${node.length} ${'tokenType' in node ? `${node.hidden ? 'hidden ' : ''}${node.text}` : node.astNode.$type}`).toArray() : [];
}

/**
 * A composite of Langium's tree that Mandate's has not: the call of a rule that gives its node to
 * its caller (`Declaration: Role | ...`) is part of the caller's node (flattenPassThroughCall in
 * language/mandate-tree-builder.ts).
 */
function passesThrough(node: CstNode): boolean {
    const container = node.container;
    if (!isCompositeCstNode(node) || !container || container.content.length !== 1 || (node as { _astNode?: unknown })._astNode !== undefined) return false;
    const rule = GrammarAST.isRuleCall(node.grammarSource) ? node.grammarSource.rule.ref : undefined;
    return GrammarAST.isParserRule(rule) && !rule.fragment && !GrammarUtils.isDataTypeRule(rule)
        && !AstUtils.getContainerOfType(node.grammarSource, GrammarAST.isAssignment);
}

/**
 * A composite of Langium's tree that Mandate's has not: the call of a datatype rule that read one
 * token is that token's leaf (language/mandate-datatype-leaves.ts), so the shape leaves it out.
 */
function standsForItsToken(node: CstNode): boolean {
    if (!isCompositeCstNode(node) || node.content.length !== 1) return false;
    const call = GrammarAST.isCrossReference(node.grammarSource) ? node.grammarSource.terminal : node.grammarSource;
    const rule = GrammarAST.isRuleCall(call) ? call.rule.ref : undefined;
    if (!GrammarAST.isParserRule(rule) || !GrammarUtils.isDataTypeRule(rule)) return false;
    const [child] = node.content;
    return isLeafCstNode(child) ? !child.hidden : standsForItsToken(child);
}

describe('the syntax tree is built in linear time', () => {
    it("is the same tree, comments included, as Langium's own builder makes", () => {
        const services = createMandateServices(EmptyFileSystem).Mandate;
        const text = [
            '// first', '/* block */ role /* before the name */ a "A" // after the title', '{ // opening',
            '    description "d" // end of item', '    responsible for /* in a list */ r, // after a comma', '    r2', '}',
            '// between', 'person p "P" // trailing', 'assign p to a since 2024-01-01 { // inside', '    announced 2024-01-02 via email /* x */ }',
            oneFile(20)['policy.mandate'], '// the last line'
        ].join('\n');
        const ours = services.parser.LangiumParser.parse(text);
        const langiums = createLangiumParser(services).parse(text);
        expect(ours.parserErrors).toEqual([]);
        const tree = shape(ours.value.$cstNode);
        expect(tree.filter(node => node.includes(' hidden ')).length).toBeGreaterThan(10);
        expect(tree).toEqual(shape(langiums.value.$cstNode));
        // Parsed again by the same parser: each parse walks its own comments from the start.
        expect(shape(services.parser.LangiumParser.parse(text).value.$cstNode)).toEqual(tree);
    });

    it('gives each token the comments before it in a file with a comment per person, read in two passes (over 400 KB)', () => {
        const services = createMandateServices(EmptyFileSystem).Mandate;
        const text = Array.from({ length: 6000 }, (_, i) => `person p${i} "Person ${i}" { // directory key: ${i}\n    email "p${i}@x.example" /* ${i} */\n}\n`).join('\n') + '// the end\n';
        expect(text.length).toBeGreaterThan(400_000);
        const ours = services.parser.LangiumParser.parse(text);
        expect(ours.parserErrors).toEqual([]);
        const tree = shape(ours.value.$cstNode);
        expect(tree.filter(node => node.includes(' hidden ')).length).toBe(12_001);
        expect(tree).toEqual(shape(createLangiumParser(services).parse(text).value.$cstNode));
    });
});
