import { EmptyFileSystem, GrammarUtils, type AstNode } from 'langium';
import { describe, expect, test } from 'vitest';
import type { Model } from '../language/generated/ast.js';
import { LazyCompositeCstNode } from '../language/mandate-composite-cst-node.js';
import { createMandateServices } from '../language/mandate-module.js';
import { propertySpan, propertySpans } from '../language/util/property-span.js';
import { syntaxNodes } from '../language/util/syntax-nodes.js';
import { fuzzCase, regressionFixtures } from './fuzz/cases.js';

/**
 * propertySpans and propertySpan (language/util/property-span.ts) find the text of a node's property
 * where Langium's GrammarUtils.findNodesForProperty and findNodeForProperty do, without making the
 * leaves of the tokens.
 */
const services = createMandateServices(EmptyFileSystem).Mandate;

function propertiesOf(node: AstNode): string[] {
    return Object.keys(node).filter(key => !key.startsWith('$'));
}

describe('propertySpan', () => {
    test('the span Langium finds, for every property of every node of the fuzz inputs', () => {
        const problems: string[] = [];
        for (const fuzz of [...regressionFixtures(), ...Array.from({ length: 300 }, (_, index) => fuzzCase(9, index))]) {
            for (const [file, text] of Object.entries(fuzz.files)) {
                if (!file.endsWith('.mandate')) continue;
                const model = services.parser.LangiumParser.parse<Model>(text).value;
                // Ours first: Langium's search makes the leaves, and ours must not depend on them.
                const ours = syntaxNodes(model).flatMap(node => propertiesOf(node).map(property =>
                    [node, property, JSON.stringify([propertySpan(node, property), propertySpans(node, property)])] as const));
                for (const [node, property, spans] of ours) {
                    const all = GrammarUtils.findNodesForProperty(node.$cstNode, property).map(found => ({ offset: found.offset, end: found.end }));
                    const expected = JSON.stringify([all[0], all]);
                    if (spans !== expected) problems.push(`${fuzz.id} ${file}: ${node.$type}.${property} ${spans} instead of ${expected}`);
                }
            }
        }
        expect(problems.slice(0, 5)).toEqual([]);
    });

    test('makes no leaves', () => {
        const model = services.parser.LangiumParser.parse<Model>('person jane "Jane" {\n    email "jane@example.org"\n}\n').value;
        const person = model.declarations[0];
        expect(propertySpan(person, 'name')).toEqual({ offset: 7, end: 11 });
        expect(propertySpan(person, 'title')).toEqual({ offset: 12, end: 18 });
        expect((person.$cstNode as LazyCompositeCstNode).rawChildren.some(child => typeof child === 'number')).toBe(true);
    });
});
