import type { AstNode } from 'langium';

/**
 * The syntax-tree nodes whose parse assigned a single-valued property more than once (`email "a"
 * email "b"` in one block): the parser notes them as it builds the tree (mandate-tree-builder.ts),
 * so that property-repeated reads the syntax of those few declarations rather than of every one.
 */
const repeated = new WeakSet<AstNode>();

export function noteRepeatedAssignment(node: AstNode): void {
    repeated.add(node);
}

/** Whether the parser assigned one of the node's single-valued properties twice. */
export function hasRepeatedAssignment(node: AstNode): boolean {
    return repeated.has(node);
}
