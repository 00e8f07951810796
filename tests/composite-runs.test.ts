/**
 * A node of the syntax tree whose children are all tokens without leaves, in a row, keeps them as one
 * run (language/mandate-composite-cst-node.ts) instead of a list: it must answer every question about
 * its children as the list did, become a list when something changes its children, and stay a run
 * when an edit elsewhere in the file moves the tokens after it.
 */
import { EmptyFileSystem, GrammarUtils, type AstNode } from 'langium';
import { describe, expect, it } from 'vitest';
import type { Model, Person } from '../language/generated/ast.js';
import { LazyCompositeCstNode } from '../language/mandate-composite-cst-node.js';
import { createMandateServices } from '../language/mandate-module.js';
import { predictiveParsing } from '../language/mandate-predictive-parser.js';
import { Workspace } from './workspace-helpers.js';

const TEXT = 'person jane "Jane Doe" {\n    employed since 2020-01-01\n}\nperson john "John Roe"\n';

function parse(text: string): Model {
    const parser = createMandateServices(EmptyFileSystem).Mandate.parser.LangiumParser;
    const files = predictiveParsing.files;
    const model = parser.parse<Model>(text).value;
    expect(predictiveParsing.files).toBe(files + 1);
    return model;
}

function compositeOf(node: AstNode): LazyCompositeCstNode {
    const composite = node.$cstNode;
    if (!(composite instanceof LazyCompositeCstNode)) throw new Error('not a node the predictive parser built');
    return composite;
}

/** Every token of a node as findChild visits it: text and offsets. */
function tokens(node: LazyCompositeCstNode, text: string): string[] {
    const seen: string[] = [];
    node.findChild((_child, offset, end) => {
        seen.push(`${text.slice(offset, end)}@${offset}`);
        return undefined;
    });
    return seen;
}

describe('a node whose children are tokens in a row', () => {
    it('keeps them as a run, and answers as its list of leaves does', () => {
        const model = parse(TEXT);
        const [jane, john] = model.declarations as Person[];
        const node = compositeOf(jane);
        expect(node.holdsTokensOnly).toBe(true);
        expect(compositeOf(john).holdsTokensOnly).toBe(true);
        expect(tokens(node, TEXT)).toEqual(['person@0', 'jane@7', '"Jane Doe"@12', '{@23', 'employed@29', 'since@38', '2020-01-01@44', '}@55']);
        expect([node.offset, node.end, node.length]).toEqual([0, 56, 56]);
        expect(node.range).toEqual({ start: { line: 0, character: 0 }, end: { line: 2, character: 1 } });
        expect(node.text).toBe(TEXT.slice(0, 56));
        // A property's node is found without making the list, and then the leaves are there.
        expect(GrammarUtils.findNodeForProperty(node, 'employedSince')?.text).toBe('2020-01-01');
        expect(node.holdsTokensOnly).toBe(false);
        expect(node.content.map(leaf => leaf.text)).toEqual(['person', 'jane', '"Jane Doe"', '{', 'employed', 'since', '2020-01-01', '}']);
        expect(node.content.every(leaf => leaf.container === node)).toBe(true);
    });

    it('becomes a list of the same tokens when its children are asked for as they are', () => {
        const model = parse(TEXT);
        const node = compositeOf(model.declarations[1]);
        const before = tokens(node, TEXT);
        const children = node.rawChildren;
        expect(node.holdsTokensOnly).toBe(false);
        expect(children.every(child => typeof child === 'number')).toBe(true);
        expect(children.map((child, index) => (child as number) - (children[0] as number) - index)).toEqual([0, 0, 0]);
        expect(node.rawChildren).toBe(children);
        expect(tokens(node, TEXT)).toEqual(before);
    });

    it('stays a run when a comment typed before it moves its tokens, and reads as a parse of the new text', async () => {
        const workspace = await Workspace.open({ 'people.mandate': TEXT });
        const before = workspace.document('people.mandate').parseResult.value;
        const edited = TEXT.replace('person john', '// the second\nperson john');
        await workspace.burst([['people.mandate', edited]]);
        const model = workspace.document('people.mandate').parseResult.value as Model;
        // An edit of layout only: the tree is kept (layout-edit/), its tokens after the comment moved.
        expect(model).toBe(before);
        const john = compositeOf(model.declarations[1]);
        expect(john.holdsTokensOnly).toBe(true);
        const fresh = parse(edited).declarations[1];
        expect(tokens(john, edited)).toEqual(tokens(compositeOf(fresh), edited));
        expect(john.range).toEqual(fresh.$cstNode!.range);
    });
});
