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
        const children = node instanceof LazyCompositeCstNode ? node.rawChildren : isCompositeCstNode(node) ? node.content : [];
        for (let i = children.length - 1; i >= 0; i--) {
            const child = children[i];
            if (typeof child !== 'number') stack.push(child);
        }
    }
    return comments;
}

/**
 * The comment of a file's syntax tree that holds the text `[start, end]`, if one does. Only the
 * top-level nodes around `start` are searched: a comment is a top-level leaf, or inside (or just
 * before or after the tokens of) one declaration.
 */
export function commentAround(root: CstNode, start: number, end: number): LeafCstNode | undefined {
    const children = root instanceof LazyCompositeCstNode ? root.rawChildren : isCompositeCstNode(root) ? root.content : [];
    for (let index = 0; index < children.length; index++) {
        const child = children[index];
        if (typeof child === 'number' || child.end < start) continue;
        // This child and its neighbours: a comment just before a declaration's first token hangs on the declaration.
        for (const near of [children[index - 1], child, children[index + 1]]) {
            if (near === undefined || typeof near === 'number') continue;
            const found = commentLeaves(near).find(comment => comment.offset <= start && end <= comment.end);
            if (found) return found;
        }
        return undefined;
    }
    return undefined;
}
