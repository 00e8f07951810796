import { AstUtils, EmptyFileSystem, type ParseResult } from 'langium';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateBigFile } from '../bench/generate-workspace.js';
import type { Model } from '../language/generated/ast.js';
import { createMandateServices } from '../language/mandate-module.js';
import type { WithPredictiveParser } from '../language/mandate-predictive-parser.js';
import { spliceOf } from '../language/statement-edit/splice-tree.js';
import { reparseStatement, statementReparse } from '../language/statement-edit/statement-reparse.js';
import { declarationsOf, indexDeclarations, type Declarations } from '../language/workspace/declaration-index.js';
import { splicedNames } from '../language/workspace/spliced-declarations.js';
import { Random } from './random-edits.js';

/**
 * A tree spliced from another (statement-edit/) gets the other's declarations with one statement
 * swapped (language/workspace/spliced-declarations.ts). They must be what listing the tree gives:
 * compared here, list by list and name by name, with the declarations of a whole parse of the same text.
 */
const parser = createMandateServices(EmptyFileSystem).Mandate.parser.LangiumParser;
const reparser = parser as unknown as WithPredictiveParser;
const BIG = generateBigFile(3, 5)['people.mandate'];

/** Each list as the declarations' indexes among the root's, and each name's the same way. */
function shape(declarations: Declarations): Record<string, unknown> {
    const indexes = (nodes: ReadonlyArray<{ $containerIndex?: number }>) => nodes.map(node => node.$containerIndex);
    const result: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(declarations)) if (Array.isArray(value)) result[key] = indexes(value);
    result.byName = [...declarations.declarationsByName].sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0).map(([name, nodes]) => [name, indexes(nodes)]);
    return result;
}

/** Edits inside one statement that keep the file valid: names made longer or the same as another's, and dates. */
function edit(text: string, random: Random): string {
    const kind = random.pick(['person ', 'role ', 'assign ', 'completed ', 'responsibility ']);
    const starts = [...text.matchAll(new RegExp(`^${kind}`, 'gm'))].map(match => match.index!);
    const at = random.pick(starts) + kind.length;
    const end = text.indexOf(' ', at);
    switch (random.int(3)) {
        case 0: return text.slice(0, end) + 'x' + text.slice(end);
        case 1: return text.slice(0, at) + 'p-0-0' + text.slice(end); // a name another statement has
        default: {
            const digit = text.indexOf('20', at) + 3;
            return text.slice(0, digit) + String(random.int(10)) + text.slice(digit + 1);
        }
    }
}

describe('declarations of a spliced tree', () => {
    const MIN_LENGTH = statementReparse.minLength;
    beforeEach(() => { statementReparse.minLength = 0; });
    afterEach(() => { statementReparse.minLength = MIN_LENGTH; });

    it('are those of a whole parse of the text, edit after edit', () => {
        const random = new Random(20261207);
        let text = BIG;
        let current: ParseResult = parser.parse(text);
        let before = declarationsOf(current.value as Model);
        let [derived, chained] = [0, 0];
        // Since the last tree whose declarations were asked for: how many edits, all of them read by splicing.
        let [edits, allSpliced] = [0, true];
        for (let round = 0; round < 400; round++) {
            const next = edit(text, random);
            const spliced = reparseStatement(current, next, reparser);
            current = spliced ?? parser.parse(next);
            text = next;
            edits++;
            allSpliced &&= spliced !== undefined && spliceOf(current.value) !== undefined;
            // Now and then nothing asks for a tree's declarations (an undo reuses the findings before it): the next derives through it.
            if (random.chance(0.3)) continue;
            const after = declarationsOf(current.value as Model);
            expect(shape(after), `edit ${round}`).toEqual(shape(declarationsOf(parser.parse(text).value as Model)));
            if (allSpliced) {
                // Swapped in, not listed again: the lists of the kinds no statement edited is of are the same arrays.
                const kept = (['roles', 'persons', 'assignments', 'completions', 'responsibilities'] as const).filter(kind => after[kind] === before[kind]);
                expect(kept.length, `edit ${round}`).toBeGreaterThanOrEqual(5 - edits);
                derived++;
                if (edits > 1) chained++;
            }
            [before, edits, allSpliced] = [after, 0, true];
        }
        expect(derived).toBeGreaterThan(100);
        expect(chained).toBeGreaterThan(20);
    });

    it('share the positions of the names when a statement kept its name: no copy of the file\'s names per keystroke', () => {
        let text = BIG;
        let current: ParseResult = parser.parse(text);
        declarationsOf(current.value as Model);
        const copied = splicedNames.copied;
        for (const digit of ['3', '4', '5', '6']) {
            const at = text.indexOf('employed since 20') + 'employed since 20'.length + 1;
            text = text.slice(0, at) + digit + text.slice(at + 1);
            current = reparseStatement(current, text, reparser)!;
            expect(spliceOf(current.value)).toBeDefined();
            expect(shape(declarationsOf(current.value as Model))).toEqual(shape(declarationsOf(parser.parse(text).value as Model)));
        }
        expect(splicedNames.copied).toBe(copied);
        // A name typed is a change of the names: copied then.
        const at = text.indexOf('person ') + 'person '.length;
        text = text.slice(0, at) + 'x' + text.slice(at);
        current = reparseStatement(current, text, reparser)!;
        expect(shape(declarationsOf(current.value as Model))).toEqual(shape(declarationsOf(parser.parse(text).value as Model)));
        expect(splicedNames.copied).toBe(copied + 1);
    });

    it('merge into the workspace\'s lists by replacing the one node, the lists of the other kinds being the last merge\'s', () => {
        const files = generateBigFile(3, 5);
        const organization = parser.parse(files['organization.mandate']).value as Model;
        let text = BIG;
        let current = parser.parse(text);
        const first = indexDeclarations([organization, current.value as Model]);
        for (const digit of ['3', '4']) {
            const at = text.indexOf('employed since 20', text.length / 2) + 'employed since 20'.length + 1;
            text = text.slice(0, at) + digit + text.slice(at + 1);
            current = reparseStatement(current, text, reparser)!;
            const before = indexDeclarations([organization, (current.value as Model)]);
            // What a merge from nothing lists: each tree's list in turn (not indexDeclarations, which would follow this merge).
            const [own, fresh] = [declarationsOf(organization), declarationsOf(parser.parse(text).value as Model)];
            for (const kind of Object.keys(own) as Array<keyof Declarations>) {
                if (!Array.isArray(own[kind])) continue;
                const names = (list: readonly unknown[]) => list.map(node => `${(node as { $type: string }).$type} ${(node as { $containerIndex?: number }).$containerIndex}`);
                expect(names(before[kind] as unknown[]), kind).toEqual(names([...own[kind] as unknown[], ...fresh[kind] as unknown[]]));
            }
            expect(before.persons.every(person => AstUtils.findRootNode(person) === organization || AstUtils.findRootNode(person) === current.value)).toBe(true);
            // The person's list has the new node; the other kinds' lists are the first merge's arrays.
            expect(before.persons).not.toBe(first.persons);
            expect(before.roles).toBe(first.roles);
            expect(before.assignments).toBe(first.assignments);
        }
    });
});
