import { LeafCstNodeImpl, type CompositeCstNode, type CstNode, type LeafCstNode, type RootCstNode } from 'langium';
import { LazyCompositeCstNode } from '../mandate-composite-cst-node.js';
import { pendingTokensOf, type PendingTokens } from '../mandate-pending-tokens.js';
import { knownLineStarts, lineStartsOf, LONGEST_PACKED_TOKEN, nextLayoutVersion, OffsetLeafCstNode, setLineStarts } from '../mandate-leaf-cst-node.js';
import { lineIndexAt } from '../util/line-breaks.js';
import { firstEndingAtOrAfter } from '../util/token-around.js';
import type { ScannedComment } from './changed-span.js';
import type { LayoutPlan } from './layout-plan.js';

type TokenType = LeafCstNode['tokenType'];
/** A child as a node keeps it: a node, or the index of a token without a leaf yet (mandate-composite-cst-node.ts). */
type Child = CstNode | number;

/** Where the comments between two tokens hang in a tree: `count` comment leaves at `index` of `parent`'s children. */
interface CommentPlace {
    readonly parent: CompositeCstNode;
    readonly index: number;
    readonly count: number;
}

/**
 * Makes the tree of the text before a layout edit the tree of the text after (`plan`), as the
 * parser would have built it: every token after the span moves by `plan.delta`, the comments of
 * the span are replaced by the new ones where the parser hangs comments (the CST builder of
 * mandate-cst-node-builder.ts: before the first node that has content before it, from the token
 * after them), and the line starts follow. Nothing is changed, and false returned, when the tree
 * does not hold the old span's comments where that rule says.
 */
export function patchTree(root: RootCstNode, plan: LayoutPlan, commentTypes: Readonly<Record<ScannedComment['kind'], TokenType>>): boolean {
    const pending = pendingTokensOf(root);
    const previousEnd = lastTokenEndBefore(root, plan.offset, pending);
    const place = commentPlace(root, plan.oldEnd, Math.max(previousEnd, 0), pending);
    if (!place) return false;
    const group = childrenOf(place.parent).slice(place.index, place.index + place.count) as LeafCstNode[];
    const replaced = group.filter(leaf => leaf.offset >= plan.offset && leaf.offset < plan.oldEnd);
    // The comments the tree holds in the span must be the ones the text holds there.
    if (replaced.length !== plan.oldComments) return false;

    // The root's text, and the range Langium's root node keeps once asked for it.
    Object.assign(root, { _text: plan.text, _rangeCache: undefined });
    const starts = knownLineStarts(root);
    if (starts) setLineStarts(root, movedLineStarts(starts, plan));
    moveTokensAfter(root, plan.oldEnd, plan.delta);
    pending?.moveFrom(plan.oldEnd, plan.delta);

    const leaves = plan.comments.map(comment => commentLeaf(root, comment, commentTypes[comment.kind]));
    for (const leaf of leaves) (leaf as { container?: CompositeCstNode }).container = place.parent;
    const kept = group.filter(leaf => !replaced.includes(leaf));
    const before = kept.filter(leaf => leaf.offset < plan.offset);
    const after = kept.filter(leaf => leaf.offset >= plan.offset);
    mutableChildrenOf(place.parent).splice(place.index, place.count, ...before, ...leaves, ...after);
    nextLayoutVersion(root);
    return true;
}

/** A node's children, to read: a node that keeps its tokens as a run (mandate-composite-cst-node.ts) lists them without becoming a list. */
function childrenOf(node: CstNode): readonly Child[] {
    if (node instanceof LazyCompositeCstNode) return node.holdsTokensOnly ? node.tokenIndices() : node.rawChildren;
    return ((node as Partial<CompositeCstNode>).content as Child[] | undefined) ?? [];
}

/** A node's children, to change in place. */
function mutableChildrenOf(node: CstNode): Child[] {
    if (node instanceof LazyCompositeCstNode) return node.rawChildren;
    return ((node as Partial<CompositeCstNode>).content as Child[] | undefined) ?? [];
}

function isHiddenLeaf(child: Child): child is LeafCstNode {
    return typeof child !== 'number' && (child as Partial<LeafCstNode>).tokenType !== undefined && child.hidden;
}

function isLeaf(child: CstNode): child is LeafCstNode {
    return (child as Partial<LeafCstNode>).tokenType !== undefined;
}

/** The end of the last token (not a comment) that ends at or before `offset`; -1 when there is none. */
function lastTokenEndBefore(node: CstNode, offset: number, pending: PendingTokens | undefined): number {
    const children = childrenOf(node);
    // The children that end after `offset` hold no token before it, but the one that holds `offset`.
    for (let index = Math.min(firstEndingAtOrAfter(children, offset) ?? children.length, children.length - 1); index >= 0; index--) {
        const child = children[index];
        if (typeof child === 'number') {
            const end = pending!.endOf(child);
            if (end <= offset) return end;
        } else if (isLeaf(child)) {
            if (!child.hidden && child.end <= offset) return child.end;
        } else if (child.offset < offset) {
            const end = lastTokenEndBefore(child, offset, pending);
            if (end >= 0) return end;
        }
    }
    return -1;
}

/**
 * Where the comments before the first token at or after `end` hang (after the last token, at the
 * end of the root), with those already there: the comments after `previousEnd`.
 */
function commentPlace(root: RootCstNode, end: number, previousEnd: number, pending: PendingTokens | undefined): CommentPlace | undefined {
    const path: Array<{ node: CstNode; index: number }> = [];
    if (!pathToTokenFrom(root, end, pending, path)) {
        const children = childrenOf(root);
        const count = commentsBefore(children, children.length, previousEnd);
        return { parent: root, index: children.length - count, count };
    }
    for (let level = path.length - 1; level >= 0; level--) {
        const { node, index } = path[level];
        const count = commentsBefore(childrenOf(node), index, previousEnd);
        // The builder hangs comments in the innermost node that had content before the token or node that follows.
        if (index - count > 0) return { parent: node as CompositeCstNode, index: index - count, count };
    }
    const count = commentsBefore(childrenOf(root), path[0]?.index ?? 0, previousEnd);
    return count === (path[0]?.index ?? 0) ? { parent: root, index: 0, count } : undefined;
}

/** How many comment leaves come right before `index`, none of them before `previousEnd`. */
function commentsBefore(children: readonly Child[], index: number, previousEnd: number): number {
    let count = 0;
    while (index - count > 0) {
        const child = children[index - count - 1];
        if (!isHiddenLeaf(child) || child.offset < previousEnd) break;
        count++;
    }
    return count;
}

/** The path from `node` to the first token (not a comment) at or after `offset`: each node and its child's index. */
function pathToTokenFrom(node: CstNode, offset: number, pending: PendingTokens | undefined, path: Array<{ node: CstNode; index: number }>): boolean {
    const children = childrenOf(node);
    for (let index = firstEndingAtOrAfter(children, offset) ?? 0; index < children.length; index++) {
        const child = children[index];
        if (typeof child === 'number') {
            if (pending!.offsetOf(child) < offset) continue;
        } else if (isLeaf(child)) {
            if (child.hidden || child.offset < offset) continue;
        } else {
            if (child.end <= offset) continue;
            path.push({ node, index });
            if (pathToTokenFrom(child, offset, pending, path)) return true;
            path.pop();
            continue;
        }
        path.push({ node, index });
        return true;
    }
    return false;
}

/**
 * Moves every leaf at `from` or after by `delta`, once the root holds the new text: Langium's leaves
 * (tokens over several lines) keep their line and column too, which are worked out again. The
 * declarations that end before `from` are not visited (a node's comments lie within its tokens).
 */
function moveTokensAfter(root: RootCstNode, from: number, delta: number): void {
    const top = childrenOf(root);
    for (let index = firstEndingAtOrAfter(top, from) ?? 0; index < top.length; index++) moveLeaves(top[index] as CstNode, from, delta, root);
}

/**
 * Moves every leaf of `node` at `from` or after by `delta`; `root` is the tree `node` is in now,
 * whose text and line starts Langium's leaves take their line and column from. Tokens without
 * leaves are moved with the tree's list of them (PendingTokens.moveFrom).
 */
export function moveLeaves(node: CstNode, from: number, delta: number, root: RootCstNode): void {
    if (node instanceof LazyCompositeCstNode) {
        if (node.holdsTokensOnly) return; // no leaves; its tokens move with the list of them
        const children = node.rawChildren;
        for (let index = 0; index < children.length; index++) {
            const child = children[index];
            if (typeof child !== 'number') moveLeaves(child, from, delta, root);
        }
    } else if (node instanceof OffsetLeafCstNode) {
        if (node.offset >= from) node.moveBy(delta);
    } else if (node instanceof LeafCstNodeImpl) {
        if (node.offset < from) return;
        const fields = node as unknown as LangiumLeafFields;
        fields._offset += delta;
        setPositions(fields, fields._offset, fields._offset + fields._length, lineStartsOf(root));
    } else {
        for (const child of childrenOf(node)) if (typeof child !== 'number') moveLeaves(child, from, delta, root);
    }
}

interface LangiumLeafFields {
    _offset: number;
    _length: number;
    _startLine: number;
    _startColumn: number;
    _endLine: number;
    _endColumn: number;
}

function setPositions(fields: LangiumLeafFields, start: number, end: number, starts: readonly number[]): void {
    fields._startLine = lineIndexAt(starts, start);
    fields._startColumn = start - starts[fields._startLine];
    fields._endLine = lineIndexAt(starts, end);
    fields._endColumn = end - starts[fields._endLine];
}

function endsLine(text: string, index: number): boolean {
    const code = text.charCodeAt(index);
    return code === 0x0a || (code === 0x0d && text.charCodeAt(index + 1) !== 0x0a);
}

/** The line starts of the new text from those of the old: the same before the span, worked out in it, moved after it. */
function movedLineStarts(starts: readonly number[], plan: LayoutPlan): number[] {
    const { offset, oldEnd, newEnd, delta, text } = plan;
    const moved: number[] = [0];
    let index = 1;
    while (index < starts.length && starts[index] < offset) moved.push(starts[index++]);
    // A start at the span's edges depends on the characters on both sides (a `\r` before a `\n`).
    for (let at = Math.max(offset - 1, 0); at <= newEnd && at < text.length; at++) if (endsLine(text, at)) moved.push(at + 1);
    while (index < starts.length && starts[index] <= oldEnd + 1) index++;
    while (index < starts.length) moved.push(starts[index++] + delta);
    return moved;
}

function commentLeaf(root: RootCstNode, comment: ScannedComment, tokenType: TokenType): CstNode {
    const { offset, length } = comment;
    const image = root.fullText.substring(offset, offset + length);
    if (!/[\r\n]/.test(image) && length <= LONGEST_PACKED_TOKEN) return OffsetLeafCstNode.make(offset, length, tokenType, undefined, true);
    const leaf = new LeafCstNodeImpl(offset, length, 0, 0, 0, 0, tokenType, true);
    setPositions(leaf as unknown as LangiumLeafFields, offset, offset + length, lineStartsOf(root));
    return leaf;
}
