import { isCompositeCstNode, isLeafCstNode, type AstNode, type CstNode, type GrammarAST, type LeafCstNode } from 'langium';
import { LazyCompositeCstNode } from '../mandate-composite-cst-node.js';

/** One token of a syntax tree as the tree holds it, with a leaf or without one yet (mandate-composite-cst-node.ts). */
export interface TreeToken {
    readonly offset: number;
    readonly end: number;
    readonly feature: GrammarAST.AbstractElement | undefined;
    readonly tokenType: LeafCstNode['tokenType'] | undefined;
    /** A comment. */
    readonly hidden: boolean;
    /** The node of the syntax tree the token is part of. */
    readonly owner: AstNode | undefined;
}

/**
 * The token of a file's syntax tree that holds the text `[start, end]`, comments included, if one
 * does. Only the top-level nodes around `start` are searched (a comment may hang just before or
 * after the tokens of a declaration), and no leaves are made.
 */
export function tokenAround(root: CstNode, start: number, end: number): TreeToken | undefined {
    const children = childrenOf(root);
    for (let index = firstEndingAtOrAfter(children, start) ?? 0; index < children.length; index++) {
        const child = children[index];
        if (typeof child === 'number' || child.end < start) continue;
        for (const near of [children[index - 1], child, children[index + 1]]) {
            const found = near === undefined || typeof near === 'number' ? undefined : search(near, start, end);
            if (found) return found;
        }
        return undefined;
    }
    return undefined;
}

/**
 * The first child that ends at `start` or later, by binary search (children end in order); undefined
 * when a child is a token without a leaf, whose end the list does not tell. The root's children (10,000
 * declarations in an imported directory) are all nodes.
 */
export function firstEndingAtOrAfter(children: ReadonlyArray<CstNode | number>, start: number): number | undefined {
    let low = 0;
    let high = children.length;
    while (low < high) {
        const middle = (low + high) >>> 1;
        const child = children[middle];
        if (typeof child === 'number') return undefined;
        if (child.end < start) low = middle + 1;
        else high = middle;
    }
    return low;
}

function search(node: CstNode, start: number, end: number): TreeToken | undefined {
    if (isLeafCstNode(node)) {
        return node.offset <= start && end <= node.end
            ? { offset: node.offset, end: node.end, feature: node.grammarSource, tokenType: node.tokenType, hidden: node.hidden, owner: ownerOf(node.container) }
            : undefined;
    }
    if (!(node instanceof LazyCompositeCstNode)) return undefined; // not a tree of Mandate's parser: not known
    return node.findChild((child, offset, tokenEnd, feature, tokenType) => {
        // A node's own offsets leave out the comments at its edges: every child node is searched.
        if (child) return search(child, start, end);
        return offset <= start && end <= tokenEnd ? { offset, end: tokenEnd, feature, tokenType, hidden: false, owner: ownerOf(node) } : undefined;
    });
}

function childrenOf(node: CstNode): ReadonlyArray<CstNode | number> {
    // Before Langium's isCompositeCstNode, which reads `content`, and so would make the leaves.
    return node instanceof LazyCompositeCstNode ? node.rawChildren : isCompositeCstNode(node) ? node.content : [];
}

function ownerOf(node: CstNode | undefined): AstNode | undefined {
    try {
        return node?.astNode;
    } catch {
        return undefined; // a node of no rule that makes a node
    }
}
