/**
 * A declaration is one node of the syntax tree (mandate-tree-builder.ts, flattenPassThroughCall):
 * `Declaration: Role | Person | ...` no longer leaves a second node for the call of `Role` inside
 * the one for `Declaration`. What the editor and the rules search the tree for must not change: a
 * property's node, a keyword's node, the comment before a declaration, every leaf's AST node, and
 * the ranges; with and without comments, for files read by either parser.
 */
import { AstUtils, CstUtils, EmptyFileSystem, GrammarAST, GrammarUtils, isCompositeCstNode, type AstNode, type CstNode } from 'langium';
import { parseHelper } from 'langium/test';
import { describe, expect, it } from 'vitest';
import type { Model } from '../language/generated/ast.js';
import { createMandateServices } from '../language/mandate-module.js';

const services = createMandateServices(EmptyFileSystem).Mandate;
const parse = parseHelper<Model>(services);

const TEXT = [
    '// The board',
    'role board "Board"',
    '/* security */ role ciso "Chief Information Security Officer" {',
    '    reports to board',
    '}',
    'person jane "Jane Doe"',
    'assign jane to ciso since 2024-01-01 appointed by board',
    ''
].join('\n');

function declarationsOf(model: Model): AstNode[] {
    return model.declarations as AstNode[];
}

/** A composite below `node` that has no AST node of its own and stands for a call of a parser rule with no assignment. */
function passThroughNodesUnder(node: CstNode): CstNode[] {
    return CstUtils.streamCst(node).filter(cst => cst !== node && isCompositeCstNode(cst) && cst.astNode === node.astNode
        && GrammarAST.isRuleCall(cst.grammarSource) && GrammarAST.isParserRule(cst.grammarSource.rule.ref)
        && !GrammarUtils.isDataTypeRule(cst.grammarSource.rule.ref)).toArray();
}

describe('declarations as one node of the syntax tree', () => {
    for (const [name, text] of [['a clean file', TEXT], ['a file with a syntax error (Langium\'s parser)', TEXT + 'role "no name"\n']]) {
        it(`keep what searches of the tree find, in ${name}`, async () => {
            const document = await parse(text);
            const declarations = declarationsOf(document.parseResult.value);
            expect(declarations.length).toBeGreaterThanOrEqual(4);
            for (const declaration of declarations.slice(0, 4)) {
                const cst = declaration.$cstNode!;
                expect(passThroughNodesUnder(cst)).toEqual([]);
                for (const leaf of CstUtils.streamCst(cst).filter(node => !isCompositeCstNode(node))) {
                    if (!leaf.hidden) expect(AstUtils.hasContainerOfType(leaf.astNode, node => node === declaration)).toBe(true);
                }
            }
            const [board, ciso, jane, assignment] = declarations;
            expect(GrammarUtils.findNodeForProperty(board.$cstNode, 'name')?.text).toBe('board');
            expect(GrammarUtils.findNodeForProperty(ciso.$cstNode, 'title')?.text).toBe('"Chief Information Security Officer"');
            expect(GrammarUtils.findNodeForKeyword(ciso.$cstNode, 'role')?.range).toEqual({ start: { line: 2, character: 15 }, end: { line: 2, character: 19 } });
            expect(GrammarUtils.findNodeForProperty(jane.$cstNode, 'name')?.text).toBe('jane');
            expect(GrammarUtils.findNodeForKeyword(assignment.$cstNode, 'since')?.text).toBe('since');
            expect(CstUtils.findCommentNode(board.$cstNode, ['SL_COMMENT'])?.text).toBe('// The board');
            expect(CstUtils.findCommentNode(ciso.$cstNode, ['ML_COMMENT'])?.text).toBe('/* security */');
            expect(ciso.$cstNode!.range).toEqual({ start: { line: 2, character: 15 }, end: { line: 4, character: 1 } });
            expect(CstUtils.findLeafNodeAtOffset(document.parseResult.value.$cstNode!, text.indexOf('board', text.indexOf('reports')))?.astNode.$type).toBe('Role');
        });
    }
});
