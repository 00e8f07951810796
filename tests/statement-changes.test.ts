import { EmptyFileSystem, type AstNode, type ParseResult } from 'langium';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterEach, describe, expect, it } from 'vitest';
import { generateBigFile } from '../bench/generate-workspace.js';
import type { Model } from '../language/generated/ast.js';
import { createMandateServices } from '../language/mandate-module.js';
import type { WithPredictiveParser } from '../language/mandate-predictive-parser.js';
import { noteKeptTargets } from '../language/statement-edit/kept-targets.js';
import { statementChangesSince } from '../language/statement-edit/statement-changes.js';
import { reparseStatement, statementReparse } from '../language/statement-edit/statement-reparse.js';
import { declarationsOf } from '../language/workspace/declaration-index.js';

/**
 * What was worked out from a tree carries to a tree spliced from it (statement-edit/), through the
 * trees in between; splices of one statement in a row (an edit and its undo) are one change, even
 * when the tree in between is gone (language/statement-edit/statement-changes.ts).
 */
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

const parser = createMandateServices(EmptyFileSystem).Mandate.parser.LangiumParser;
const reparser = parser as unknown as WithPredictiveParser;
const TEXT = generateBigFile(2, 4)['people.mandate'];

/** The text with the first `from` (after `after`) replaced by `to`. */
function edited(text: string, after: string, from: string, to: string): string {
    const at = text.indexOf(from, text.indexOf(after));
    return text.slice(0, at) + to + text.slice(at + from.length);
}

/** A splice of `text` from `before`, linked keeping every target (as spliced-links.ts notes it). */
function splice(before: ParseResult, text: string): ParseResult {
    const result = reparseStatement(before, text, reparser)!;
    expect(result).toBeDefined();
    noteKeptTargets(result.value);
    return result;
}

describe('statement changes since a tree', () => {
    const MIN_LENGTH = statementReparse.minLength;
    afterEach(() => { statementReparse.minLength = MIN_LENGTH; });

    it('are one change for splices of one statement, when the tree in between is gone', async () => {
        statementReparse.minLength = 0;
        const first = parser.parse(TEXT);
        const forward = edited(TEXT, 'person p-1-2 ', 'employed since 2021-03-01', 'employed since 2021-03-09');
        // The tree in between is made and dropped in a function of its own: only the next tree's WeakRef holds it.
        const { last, between } = (() => {
            const middle = splice(first, forward);
            return { last: splice(middle, TEXT), between: new WeakRef(middle.value) };
        })();
        await new Promise(resolve => setTimeout(resolve, 0));
        collectGarbage();
        collectGarbage();
        expect(between.deref()).toBeUndefined();
        const changes = statementChangesSince(first.value, last.value);
        const statement = (root: AstNode) => (root as Model).declarations.find(node => (node as { name?: string }).name === 'p-1-2');
        expect(changes).toEqual([{ before: statement(first.value), after: statement(last.value) }]);
        // What follows from it: the declarations of the last tree, from the first's, with the person's node swapped.
        const before = declarationsOf(first.value as Model);
        const now = declarationsOf(last.value as Model);
        expect(now.roles).toBe(before.roles);
        expect(now.persons).not.toBe(before.persons);
        expect(now.persons.map(node => node.name)).toEqual(before.persons.map(node => node.name));
        expect(now.persons).toContain(statement(last.value));
    });

    it('are the changes of each tree in between for splices of different statements, and none past a tree not linked keeping its targets', () => {
        statementReparse.minLength = 0;
        const first = parser.parse(TEXT);
        const one = splice(first, edited(TEXT, 'person p-0-1 ', 'employed since 2021-02-01', 'employed since 2021-02-07'));
        const twoText = edited(one.value.$cstNode!.root.fullText, 'person p-1-3 ', 'employed since 2021-04-01', 'employed since 2021-04-02');
        const two = splice(one, twoText);
        expect(statementChangesSince(first.value, two.value)?.map(change => (change.after as { name?: string }).name)).toEqual(['p-0-1', 'p-1-3']);
        const unlinked = reparseStatement(two, edited(twoText, 'person p-0-2 ', 'employed since 2021-03-01', 'employed since 2021-03-05'), reparser)!;
        expect(statementChangesSince(first.value, unlinked.value)).toBeUndefined();
    });
});
