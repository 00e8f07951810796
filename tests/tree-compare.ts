import { isReference, type AstNode, type ParseResult } from 'langium';
import { expect } from 'vitest';
import { readingLimitsOf } from '../language/mandate-bounded-parser.js';
import { LazyCompositeCstNode } from '../language/mandate-composite-cst-node.js';
import { hasRepeatedAssignment } from '../language/util/repeated-assignments.js';
import { syntaxNodes } from '../language/util/syntax-nodes.js';

/**
 * Fails where two parse results differ: their trees node for node (syntax nodes included), their
 * errors, what the bounded parser recorded, the lists of nodes walks read (util/syntax-nodes.ts) and
 * the nodes noted for a repeated assignment. `where` names the text in the message.
 */
export function expectSameParse(actual: ParseResult, expected: ParseResult, where: string): void {
    const pairs = new Map<object, object>();
    try {
        expectSame(actual.value, expected.value, pairs, 'tree');
        expectSame(actual.lexerErrors, expected.lexerErrors, pairs, 'lexerErrors');
        expectSame(actual.parserErrors, expected.parserErrors, pairs, 'parserErrors');
        expectSame(readingLimitsOf(actual), readingLimitsOf(expected), pairs, 'readingLimits');
    } catch (error) {
        throw new Error(`${where}: ${(error as Error).message}`);
    }
    const nodes = syntaxNodes(actual.value);
    const expectedNodes = syntaxNodes(expected.value);
    expect(nodes.length, where).toBe(expectedNodes.length);
    nodes.forEach((node, index) => {
        expect(pairs.get(node), `${where}: node ${index} of the listed nodes`).toBe(expectedNodes[index]);
        expect(hasRepeatedAssignment(node), `${where}: repeated assignment on node ${index}`).toBe(hasRepeatedAssignment(expectedNodes[index] as AstNode));
    });
}

/**
 * Throws where `a` and `b` differ. Objects are paired as they are met, so the trees' cycles
 * (container, CST node, AST node) must pair up the same way; grammar elements and token types are
 * the same objects in both. References are compared by text and node, without resolving them.
 */
export function expectSame(a: unknown, b: unknown, pairs: Map<object, object>, where: string): void {
    if (a === b) return;
    if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
        throw new Error(`${where}: ${shown(a)} ≠ ${shown(b)}`);
    }
    const paired = pairs.get(a);
    if (paired !== undefined) {
        if (paired !== b) throw new Error(`${where}: paired with another object`);
        return;
    }
    pairs.set(a, b);
    // A node's keywords get their leaves when its children are first asked for: ask, then compare what it holds.
    for (const node of [a, b]) if (node instanceof LazyCompositeCstNode) void node.content;
    if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) throw new Error(`${where}: ${a.constructor?.name} ≠ ${b.constructor?.name}`);
    const keys = Reflect.ownKeys(a);
    const otherKeys = Reflect.ownKeys(b);
    if (keys.map(String).join() !== otherKeys.map(String).join()) throw new Error(`${where}: properties ${keys.map(String).join()} ≠ ${otherKeys.map(String).join()}`);
    if (isReference(a) && isReference(b)) {
        expectSame(a.$refText, b.$refText, pairs, `${where}.$refText`);
        expectSame(a.$refNode, b.$refNode, pairs, `${where}.$refNode`);
        return;
    }
    for (const key of keys) {
        // An error's stack names the functions that threw it, which differ by design.
        if (key === 'stack' && a instanceof Error) continue;
        const left = Object.getOwnPropertyDescriptor(a, key)!;
        const right = Object.getOwnPropertyDescriptor(b, key)!;
        if (left.get || right.get) throw new Error(`${where}.${String(key)}: an accessor`);
        expectSame(left.value, right.value, pairs, `${where}.${String(key)}`);
    }
}

function shown(value: unknown): string {
    return typeof value === 'string' ? JSON.stringify(value.slice(0, 60)) : String(value);
}
