import type { AstNode } from 'langium';
import type { LangiumServices } from 'langium/lsp';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import type { CompletionList } from 'vscode-languageserver';
import { closestMatch } from '../language/util/did-you-mean.js';
import { detachedCopy } from '../language/util/detached-string.js';
import type { Declarations } from '../language/workspace/declaration-index.js';
import { statementReparse } from '../language/statement-edit/statement-reparse.js';
import { Workspace } from './workspace-helpers.js';

/**
 * What the language server keeps after edits must not grow with them. Names are cut from their
 * document's text, and V8 keeps such a cut as a view that holds the whole text: a name kept by a
 * cache kept a 6.5 MB file alive per version, and a result kept for a kind of index nobody asked
 * for again kept a whole syntax tree. Memory is compared, after collecting garbage, with margins
 * of several times what a leak here would add; no time is measured.
 */
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/** Whether the object a WeakRef points at has been collected; the target lives at least to the end of the task that made the WeakRef. */
async function collected(reference: WeakRef<object>): Promise<boolean> {
    await new Promise(resolve => setTimeout(resolve, 0));
    collectGarbage();
    collectGarbage();
    return reference.deref() === undefined;
}

function heapAfterCollection(): number {
    collectGarbage();
    collectGarbage();
    return process.memoryUsage().heapUsed;
}

const MB = 1024 * 1024;
/** A comment as large as an HR export: every name of the file is cut from a text this long. */
const LARGE_COMMENT = `// ${'x'.repeat(3 * MB)}\n`;

function textOf(version: number): string {
    return `${'y'.repeat(40)}${version}`.repeat(50_000);
}

describe('a string kept past the text it was cut from', () => {
    it('is a copy of its own', () => {
        const before = heapAfterCollection();
        const kept: string[] = [];
        for (let version = 0; version < 8; version++) kept.push(detachedCopy(textOf(version).slice(10, 40)));
        // Without the copy, each kept name held its 2 MB text: 16 MB.
        expect(heapAfterCollection() - before).toBeLessThan(4 * MB);
        expect(kept[3]).toBe('y'.repeat(30));
        expect(detachedCopy('short')).toBe('short');
    });

    it('is a copy when a "did you mean" remembers a name', () => {
        // The list of names is what a name table hands out: each version's names are cut from its text.
        const lists = [0, 1, 2, 3, 4, 5, 6, 7].map(version => {
            const text = `${textOf(version)} person-declared-in-version-${version} `;
            const start = text.indexOf('person-');
            return [text.slice(start, text.indexOf(' ', start))];
        });
        const before = heapAfterCollection();
        for (const names of lists) expect(closestMatch('person-declared-in-versio', names)).toBe(names[0]);
        lists.length = 0;
        // The eight texts (17 MB) are freed; before the copy, the cache of normalized names kept them.
        expect(before - heapAfterCollection()).toBeGreaterThan(12 * MB);
    });

    it('is a copy when a "did you mean" of a list kept for good remembers what was typed', () => {
        // As the activity catalogue's list is asked about whatever is typed in any policy.
        const catalogue = ['incident-management-lead', 'access-review-owner'];
        const typed = [0, 1, 2, 3, 4, 5, 6, 7].map(version => `${textOf(version)} incident-managment-lead-${version} `.slice(-27, -1));
        const before = heapAfterCollection();
        for (const input of typed) expect(closestMatch(input, catalogue)).toBe('incident-management-lead');
        typed.length = 0;
        expect(before - heapAfterCollection()).toBeGreaterThan(12 * MB);
        expect(catalogue).toHaveLength(2);
    });
});

const ORGANIZATION = 'organization acme "Acme" { top management board }\nrole board "Board"\nrole analyst "Analyst"\n';
/** 300 people: past 256 names and an eighth of the workspace's, where an edit of their file drops the indexes that hold them. */
const PEOPLE = Array.from({ length: 300 }, (_, index) => `person staff-member-${index} "Staff ${index}"\n`).join('');
/** A reference that never resolves: each build asks "did you mean" of every name. */
const TYPING = 'assign staff-membr to analyst since 2024-01-01 appointed by board\nassign s';

function peopleFile(version: number): string {
    return `${LARGE_COMMENT}person renamed-in-version-${version} "Renamed"\n${PEOPLE}`;
}

async function complete(workspace: Workspace): Promise<number> {
    const document = workspace.document('typing.mandate');
    const services = workspace.shared.ServiceRegistry.getServices(document.uri) as LangiumServices;
    const lines = document.textDocument.getText().split('\n');
    const position = { line: lines.length - 1, character: lines.at(-1)!.length };
    const list = await services.lsp.CompletionProvider!.getCompletion(document, { textDocument: { uri: document.uri.toString() }, position }) as CompletionList;
    return list.items.length;
}

describe('the language server after edits of a large file', () => {
    it('keeps no earlier text of it for the names typed', async () => {
        const workspace = await Workspace.open({ 'organization.mandate': ORGANIZATION, 'people.mandate': peopleFile(0), 'typing.mandate': TYPING });
        await workspace.write('people.mandate', peopleFile(1));
        const before = heapAfterCollection();
        for (let version = 2; version < 10; version++) {
            await workspace.write('people.mandate', peopleFile(version));
            // Each edit reaches the server as a message of its own. A renamed statement is parsed alone, and the new tree
            // holds the one before through a WeakRef, whose target lives to the end of the task that made it (collected()).
            await new Promise(resolve => setTimeout(resolve, 0));
        }
        // Each version is 3 MB: eight kept would be 24 MB. Two trees of the file may be kept (now and the undo's).
        expect(heapAfterCollection() - before).toBeLessThan(8 * MB);
    });

    it('keeps at most one replaced syntax tree of it, the one an undo returns to', async () => {
        const workspace = await Workspace.open({ 'organization.mandate': ORGANIZATION, 'people.mandate': peopleFile(0), 'typing.mandate': TYPING });
        // Completion's index of names by prefix is built now; edits patch it when it is next asked.
        expect(await complete(workspace)).toBeGreaterThan(0);
        const trees: Array<WeakRef<AstNode>> = [];
        const tree = () => trees.push(new WeakRef(workspace.document('people.mandate').parseResult.value));
        tree();
        for (let version = 1; version < 6; version++) {
            await workspace.write('people.mandate', peopleFile(version));
            tree();
        }
        // An undo: its findings are the earlier state's, so no rule asks for the indexes built since;
        // nor after a comment, which says nothing new. What is kept for the undo is now the undo's tree.
        await workspace.write('people.mandate', peopleFile(4));
        await workspace.write('people.mandate', `// reviewed\n${peopleFile(4)}`);
        const current = new WeakRef(workspace.document('people.mandate').parseResult.value);
        const kept: number[] = [];
        for (const [version, reference] of trees.entries()) if (!(await collected(reference)) && reference.deref() !== current.deref()) kept.push(version);
        expect(kept.length).toBeLessThanOrEqual(1);
    });

    it('keeps no tree for a share of the workspace, or a merge of shares, nobody asks for after the edit', async () => {
        const workspace = await Workspace.open({ 'organization.mandate': ORGANIZATION, 'people.mandate': peopleFile(0), 'typing.mandate': TYPING });
        const models = workspace.shared.mandate.WorkspaceModel;
        // A kind of share that keeps what it reads, the declarations of its document's tree, as the indexes' shares do.
        const wholeShare = (own: Declarations) => own;
        // In a function of its own, so that nothing of this snapshot stays in the test's variables.
        const askOnce = () => {
            const model = models.get();
            const shares = model.sharesOf(wholeShare);
            // And a merge of them carried to the next snapshot, as the workspace's name indexes are.
            return model.mergedForLookup('people by name', shares.map(own => new Map(own.persons.map(person => [person.name, [person]])))).get('renamed-in-version-0')?.length;
        };
        expect(askOnce()).toBe(1);
        const first = new WeakRef(workspace.document('people.mandate').parseResult.value);
        // Two edits: the state before the last one is kept for an undo, with its tree.
        await workspace.write('people.mandate', peopleFile(1));
        await workspace.write('people.mandate', peopleFile(2));
        expect(await collected(first)).toBe(true);
    });

    it('keeps at most one replaced syntax tree of it when each edit is read by parsing one statement again', async () => {
        // People with a block: a date typed inside one is read by splicing that statement into a new tree (statement-edit/).
        const withDate = (day: number) => `${LARGE_COMMENT}${Array.from({ length: 300 }, (_, index) =>
            `person staff-member-${index} "Staff ${index}" { employed since 2020-01-${index === 150 ? String(day).padStart(2, '0') : '01'} }\n`).join('')}`;
        const workspace = await Workspace.open({ 'organization.mandate': ORGANIZATION, 'people.mandate': withDate(1) });
        const spliced = statementReparse.spliced;
        const trees: Array<WeakRef<AstNode>> = [];
        for (let day = 2; day < 8; day++) {
            trees.push(new WeakRef(workspace.document('people.mandate').parseResult.value));
            await workspace.write('people.mandate', withDate(day));
        }
        expect(statementReparse.spliced - spliced).toBe(6);
        // Each spliced tree shares the kept statements' nodes with the one before; none may keep that one, with its text, alive.
        const kept: number[] = [];
        for (const [version, reference] of trees.entries()) if (!(await collected(reference))) kept.push(version);
        expect(kept.length).toBeLessThanOrEqual(1);
    });
});
