/**
 * A rule's node of the syntax tree makes the leaves of its keywords and values (titles, dates) when
 * its children are first read (language/mandate-composite-cst-node.ts); names keep theirs. A clean check must read none: one rule that walks every
 * node's children would keep all those leaves again, silently. Before the leaves are made, a node's
 * offset, end and range are the ones it has after; the leaves made are the ones Langium's parser
 * makes (tests/predictive-parser.test.ts compares whole trees).
 */
import { CstUtils, EmptyFileSystem, GrammarAST, GrammarUtils, isLeafCstNode, type CstNode, type LangiumDocument } from 'langium';
import { parseHelper } from 'langium/test';
import { describe, expect, it } from 'vitest';
import { BENCH_AS_OF, generateWorkspace } from '../bench/generate-workspace.js';
import type { Model } from '../language/generated/ast.js';
import { LazyCompositeCstNode } from '../language/mandate-composite-cst-node.js';
import { createMandateServices } from '../language/mandate-module.js';
import { Workspace } from './workspace-helpers.js';

/** The lazy nodes of a document's tree, found without reading their children. */
function lazyNodes(document: LangiumDocument): LazyCompositeCstNode[] {
    const found: LazyCompositeCstNode[] = [];
    const stack: CstNode[] = [document.parseResult.value.$cstNode!];
    while (stack.length > 0) {
        const node = stack.pop()!;
        if (node instanceof LazyCompositeCstNode) {
            found.push(node);
            for (const child of node.rawChildren) if (typeof child !== 'number') stack.push(child);
        } else if ('content' in node) {
            stack.push(...(node as { content: CstNode[] }).content);
        }
    }
    return found;
}

const withPendingTokens = (node: LazyCompositeCstNode) => node.rawChildren.some(child => typeof child === 'number');

describe('keywords and values without leaves', () => {
    it('stay so through a clean check of generated teams, with their index, links and rules', async () => {
        const workspace = await Workspace.open(generateWorkspace(6), BENCH_AS_OF);
        const documents = workspace.shared.workspace.LangiumDocuments.all.toArray();
        expect(documents.length).toBe(7);
        for (const document of documents) expect(document.diagnostics, document.uri.path).toEqual([]);
        const nodes = documents.flatMap(lazyNodes);
        expect(nodes.length).toBeGreaterThan(500);
        // Every declaration has keywords; none of them was given its leaves.
        expect(nodes.filter(withPendingTokens).length).toBeGreaterThan(nodes.length / 2);
        const declarations = documents.flatMap(document => (document.parseResult.value as Model).declarations);
        for (const declaration of declarations) expect(withPendingTokens(declaration.$cstNode as unknown as LazyCompositeCstNode)).toBe(true);
    });

    it('give a node the offset, end and range before their leaves are made that it has after', async () => {
        const services = createMandateServices(EmptyFileSystem).Mandate;
        const text = Object.values(generateWorkspace(2)).join('\n// between files\r\n');
        const document = await parseHelper<Model>(services)(text);
        const pending = lazyNodes(document).filter(withPendingTokens);
        expect(pending.length).toBeGreaterThan(100);
        const before = pending.map(node => ({ offset: node.offset, end: node.end, length: node.length, range: node.range, text: node.text }));
        // Reading the children makes the leaves.
        const leaves = pending.map(node => node.content.filter(isLeafCstNode));
        expect(pending.filter(withPendingTokens)).toEqual([]);
        expect(pending.map(node => ({ offset: node.offset, end: node.end, length: node.length, range: node.range, text: node.text }))).toEqual(before);
        for (const [index, node] of pending.entries()) {
            for (const leaf of leaves[index]) {
                expect(leaf.container).toBe(node);
                expect(text.slice(leaf.offset, leaf.end)).toBe(leaf.text);
                expect(leaf.astNode).toBe(node.astNode);
            }
            // Read again: the same leaves, not new ones.
            expect(node.content.filter(isLeafCstNode)).toEqual(leaves[index]);
            node.content.filter(isLeafCstNode).forEach((leaf, at) => expect(leaf).toBe(leaves[index][at]));
        }
        const keyword = CstUtils.findLeafNodeAtOffset(document.parseResult.value.$cstNode!, text.indexOf('reports to') + 1);
        expect(keyword?.text).toBe('reports');
        // A value's leaf is found as its property's node, with its grammar element.
        const person = document.parseResult.value.declarations.find(declaration => declaration.$type === 'Person')!;
        const title = GrammarUtils.findNodeForProperty(person.$cstNode, 'title');
        expect(title?.text).toBe(JSON.stringify((person as { title: string }).title));
        expect(GrammarAST.isRuleCall(title?.grammarSource) && title.grammarSource.rule.ref?.name).toBe('STRING');
    });
});
