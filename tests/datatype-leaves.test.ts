/**
 * A call of a datatype rule that read one token is that token's leaf in the CST
 * (language/mandate-datatype-leaves.ts). Everything Langium and the editor look up in the tree must
 * find the same text at the same place as with Langium's own parser: each declaration's name node,
 * each reference's node, the assignment a node belongs to, and the leaves of the file.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
    AstUtils, createLangiumParser, CstUtils, EmptyFileSystem, GrammarAST, GrammarUtils, isCompositeCstNode, isLeafCstNode, isReference,
    type AstNode, type CstNode, type Reference
} from 'langium';
import { describe, expect, it } from 'vitest';
import { createMandateServices } from '../language/mandate-module.js';
import { generateWorkspace } from './fuzz/grammar-generator.js';
import { Random } from './random-edits.js';

const services = createMandateServices(EmptyFileSystem).Mandate;
const langiumParser = createLangiumParser(services);
const EXAMPLES = fileURLToPath(new URL('../examples/', import.meta.url));

const TEXTS: ReadonlyArray<readonly [string, string]> = [
    ...readdirSync(EXAMPLES, { recursive: true, encoding: 'utf8' }).filter(name => name.endsWith('.mandate'))
        .map(name => [name, readFileSync(join(EXAMPLES, name), 'utf8')] as const),
    ['comments around names', 'role /* before */ ciso // after\n "CISO" { reports to /* x */ board }\nrole board "Board"\n'],
    ['names that are keywords elsewhere', 'role training "T" { reports to owner }\nrole owner "O"\nperson email "E" { employed since 2020-01-01 }\nassign email to training since 2021-01-01\n'],
    ['syntax errors', 'role a "A" }}} ### person b "B" { email } assign b to a since 2020-13-40 appointed by\nrole "No name"\ndelegate from jane to\n'],
    ['unfinished reference', 'role ciso "CISO" { reports to'],
    ...Object.entries(generateWorkspace(new Random(7))).map(([name, text]) => [`fuzzed ${name}`, text] as const)
];

interface Place { readonly text: string; readonly offset: number; readonly length: number; readonly start: unknown; readonly end: unknown }

function place(node: CstNode | undefined): Place | undefined {
    return node && { text: node.text, offset: node.offset, length: node.length, start: node.range.start, end: node.range.end };
}

function references(root: AstNode): Reference[] {
    return AstUtils.streamAst(root).flatMap(node => AstUtils.streamReferences(node)).map(info => info.reference as Reference).toArray();
}

/** What the tree answers: leaves, name nodes, reference nodes and the assignments they belong to. */
function answers(root: AstNode) {
    const names = services.references.NameProvider;
    const cst = root.$cstNode!;
    return {
        text: cst.text,
        leaves: CstUtils.streamCst(cst).filter(isLeafCstNode).map(leaf => [leaf.offset, leaf.length, leaf.tokenType.name, leaf.hidden]).toArray(),
        names: AstUtils.streamAst(root).map(node => place(names.getNameNode(node))).toArray(),
        references: references(root).map(reference => ({ ...place(reference.$refNode), feature: reference.$refNode && GrammarUtils.findAssignment(reference.$refNode)?.feature })),
        nameFeatures: AstUtils.streamAst(root).map(node => {
            const nameNode = names.getNameNode(node);
            return nameNode && GrammarUtils.findAssignment(nameNode)?.feature;
        }).toArray(),
        leafAssignments: CstUtils.streamCst(cst).filter(isLeafCstNode).map(leaf => GrammarUtils.findAssignment(leaf)?.feature).toArray()
    };
}

describe('datatype rule calls of one token', () => {
    it.each(TEXTS)('answer every lookup in %s as Langium\'s tree does', (_name, text) => {
        const ours = services.parser.LangiumParser.parse(text).value;
        const theirs = langiumParser.parse(text).value;
        expect(answers(ours)).toEqual(answers(theirs));
    });

    it.each(TEXTS)('are leaves in %s, in the place and with the grammar source of the call', (_name, text) => {
        const root = services.parser.LangiumParser.parse(text).value;
        for (const node of CstUtils.streamCst(root.$cstNode!)) {
            if (!isCompositeCstNode(node)) continue;
            const call = GrammarAST.isCrossReference(node.grammarSource) ? node.grammarSource.terminal : node.grammarSource;
            if (!GrammarAST.isRuleCall(call)) continue;
            const rule = call.rule.ref;
            if (!GrammarAST.isParserRule(rule) || !GrammarUtils.isDataTypeRule(rule)) continue;
            // What is left as a composite holds more than one node (a comment inside, or several tokens).
            expect(node.content.length, `the call of ${rule.name} at ${node.offset}`).toBeGreaterThan(1);
        }
        for (const reference of references(root)) {
            const node = reference.$refNode;
            if (!node) continue;
            expect(node.container?.content).toContain(node);
            if (isLeafCstNode(node)) expect(GrammarAST.isRuleCall(node.grammarSource) || GrammarAST.isCrossReference(node.grammarSource)).toBe(true);
        }
    });

    it('makes a reference\'s node the leaf of its name, found again at its offset', () => {
        const root = services.parser.LangiumParser.parse('role ciso "CISO" { reports to board }\nrole board "Board"\n').value;
        const [reference] = references(root);
        expect(isLeafCstNode(reference.$refNode!)).toBe(true);
        expect(reference.$refNode!.text).toBe('board');
        expect(CstUtils.findLeafNodeAtOffset(root.$cstNode!, reference.$refNode!.offset + 1)).toBe(reference.$refNode);
        expect(isReference((reference.$refNode!.astNode as unknown as Record<string, unknown>).reportsTo)).toBe(true);
    });
});
