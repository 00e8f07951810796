import { isCompositeCstNode, isLeafCstNode, type CstNode, type LeafCstNode } from 'langium';
import { LazyCompositeCstNode } from '../mandate-composite-cst-node.js';

/**
 * The comments under a node of a syntax tree, in file order. They are leaves from the start; the
 * other tokens of Mandate's tree get theirs only when asked (mandate-composite-cst-node.ts), and
 * are skipped here without being made.
 */
export function commentLeaves(root: CstNode): LeafCstNode[] {
    const comments: LeafCstNode[] = [];
    const stack: CstNode[] = [root];
    while (stack.length > 0) {
        const node = stack.pop()!;
        if (isLeafCstNode(node)) {
            if (node.hidden) comments.push(node);
            continue;
        }
        // Before Langium's isCompositeCstNode, which reads `content`, and so would make the leaves.
        if (node instanceof LazyCompositeCstNode && node.holdsTokensOnly) continue; // tokens without leaves, no comment among them
        const children = node instanceof LazyCompositeCstNode ? node.rawChildren : isCompositeCstNode(node) ? node.content : [];
        for (let i = children.length - 1; i >= 0; i--) {
            const child = children[i];
            if (typeof child !== 'number') stack.push(child);
        }
    }
    return comments;
}
