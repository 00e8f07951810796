import { LeafCstNodeImpl, RootCstNodeImpl, type AstNode, type CompositeCstNode, type CstNode, type Mutable, type ParseResult } from 'langium';
import { LazyCompositeCstNode } from '../mandate-composite-cst-node.js';
import { attachPendingTokens, pendingTokensOf, type PendingTokens } from '../mandate-pending-tokens.js';
import { followLayoutVersion } from '../mandate-leaf-cst-node.js';
import { moveLeaves } from '../layout-edit/patch-tree.js';
import { lastDescendant, listNodes, syntaxNodes } from '../util/syntax-nodes.js';
import type { StatementPlan } from './statement-plan.js';
import { keptEveryTarget } from './kept-targets.js';

/** How a spliced tree was made: what linking and indexing may keep (spliced-links.ts, mandate-scope-provider.ts). */
export interface Splice {
    /**
     * The tree it was made from, held weakly: each spliced tree would otherwise keep the one before
     * it, and with it that version's text, and so on back to the last whole parse.
     */
    readonly before: WeakRef<AstNode>;
    /** The new statement's nodes in the tree's list of nodes (util/syntax-nodes.ts): from `first`, `count` of them. */
    readonly first: number;
    readonly count: number;
    /** Where the statement stands in the root (`declarations` or `tests`, and its index there), in both trees. */
    readonly property: string;
    readonly index: number;
    /** The statement's text: from `start` to `oldEnd` before, to `newEnd` now; the text around it is the same. */
    readonly text: { readonly start: number; readonly oldEnd: number; readonly newEnd: number };
    /**
     * The trees this one follows from by splices of this same statement alone (an edit and its
     * undo), the nearest first, each with its statement, held weakly: a tree in between may be gone
     * when something worked out from an older one is carried (statement-changes.ts).
     */
    readonly origins: readonly SpliceOrigin[];
}

/** A tree a spliced tree follows from by splices of one statement, and the statement there. */
export interface SpliceOrigin {
    readonly root: WeakRef<AstNode>;
    readonly statement: WeakRef<AstNode>;
    /** Whether linking each tree in between kept every other reference's target (kept-targets.ts). */
    readonly keptBetween: boolean;
}

/** Origins kept per spliced tree. */
const MAX_ORIGINS = 4;

const splices = new WeakMap<AstNode, Splice>();

export function spliceOf(root: AstNode): Splice | undefined {
    return splices.get(root);
}

/** The statement a spliced tree took in place of another, and the tree it was spliced from: undefined when `root` is not spliced, or that tree is gone. */
export function replacedStatement(root: AstNode): { readonly before: AstNode; readonly after: AstNode; readonly beforeRoot: AstNode } | undefined {
    const splice = splices.get(root);
    const beforeRoot = splice?.before.deref();
    if (!splice || !beforeRoot) return undefined;
    const at = (tree: AstNode) => ((tree as unknown as Record<string, unknown>)[splice.property] as AstNode[] | undefined)?.[splice.index];
    const before = at(beforeRoot);
    const after = at(root);
    return before && after ? { before, after, beforeRoot } : undefined;
}

/** A statement parsed alone: its syntax node (a child of the snippet's root) and its AST node. */
export interface ParsedStatement {
    readonly node: LazyCompositeCstNode;
    readonly element: AstNode;
}

/**
 * The tree of the new text: a new root (every cache kept per tree sees a new tree) holding the
 * file's other statements as they were, those after the edit moved by its change in length, and
 * the statement parsed again in place of the old one. The old tree is not used again as a tree:
 * what the workspace findings compare it with (its fingerprint, the token an edit was in) lies in
 * the replaced statement, which keeps its nodes, or is worked out from its text.
 */
export function spliceStatement(before: ParseResult, plan: StatementPlan, parsed: ParseResult, statement: ParsedStatement): ParseResult {
    const oldModel = before.value;
    const oldRoot = oldModel.$cstNode!.root;
    const pending = pendingTokensOf(oldRoot)!;
    // Listed before any container changes: lastDescendant reads them.
    const { nodes, first, count } = splicedNodes(syntaxNodes(oldModel), plan.element, syntaxNodes(parsed.value), statement.element);

    const model = copyOf(oldModel);
    const property = plan.element.$containerProperty!;
    (model[property] as AstNode[])[plan.element.$containerIndex!] = statement.element;
    nodes[0] = model as unknown as AstNode;

    const root = new RootCstNodeImpl(plan.text);
    const children = oldRoot.content.slice();
    children[plan.index] = statement.node;
    root.content = children;
    // Indexed loops: this runs once per keystroke, before V8 optimizes it, and `for…of` made a step object per statement.
    for (let index = 0; index < children.length; index++) (children[index] as Mutable<CstNode>).container = root;
    root.astNode = model as unknown as AstNode;
    model.$cstNode = root;
    attachPendingTokens(root, pending);
    followLayoutVersion(root, oldRoot);

    if (plan.delta !== 0) {
        pending.moveFrom(plan.oldEnd, plan.delta);
        for (let index = plan.index + 1; index < children.length; index++) moveLeaves(children[index], plan.oldEnd, plan.delta, root);
    }
    adopt(statement.node, pendingTokensOf(parsed.value.$cstNode!.root)!, pending, plan.start);
    moveLeaves(statement.node, 0, plan.start, root);

    for (const key of ['declarations', 'tests']) {
        const items = model[key];
        if (!Array.isArray(items)) continue;
        for (let index = 0; index < items.length; index++) (items[index] as Mutable<AstNode>).$container = model as unknown as AstNode;
    }
    const element = statement.element as Mutable<AstNode>;
    element.$containerProperty = property;
    element.$containerIndex = plan.element.$containerIndex;
    const value = model as unknown as AstNode;
    listNodes(value, nodes);
    const index = plan.element.$containerIndex!;
    splices.set(value, {
        before: new WeakRef(oldModel), first, count, property, index,
        text: { start: plan.start, oldEnd: plan.oldEnd, newEnd: plan.oldEnd + plan.delta },
        origins: originsOf(oldModel, plan.element, property, index)
    });
    return { value, lexerErrors: [], lexerReport: before.lexerReport, parserErrors: [] };
}

/** The origins of a tree spliced from `oldModel` in place of its `statement`: that tree, and its own origins when it was spliced at the same place. */
function originsOf(oldModel: AstNode, statement: AstNode, property: string, index: number): SpliceOrigin[] {
    const origins: SpliceOrigin[] = [{ root: new WeakRef(oldModel), statement: new WeakRef(statement), keptBetween: true }];
    const previous = splices.get(oldModel);
    if (previous?.property !== property || previous.index !== index) return origins;
    const kept = keptEveryTarget(oldModel);
    for (const origin of previous.origins.slice(0, MAX_ORIGINS - 1)) origins.push({ ...origin, keptBetween: origin.keptBetween && kept });
    return origins;
}

/** The file's root with the same properties in the same order (the walks of the tree follow it), its lists copied. */
function copyOf(model: AstNode): Record<string, unknown> & { $cstNode?: CstNode } {
    const copy: Record<string, unknown> = {};
    for (const key of Object.keys(model)) {
        const value = (model as unknown as Record<string, unknown>)[key];
        copy[key] = Array.isArray(value) ? value.slice() : value;
    }
    return copy;
}

/** The nodes of the new tree in walk order: the old list with the old statement's subtree replaced by the new one's. The first is the root's place. */
function splicedNodes(old: readonly AstNode[], replaced: AstNode, fresh: readonly AstNode[], statement: AstNode): { nodes: AstNode[]; first: number; count: number } {
    const first = old.indexOf(replaced);
    const last = lastDescendant(old, first);
    const freshFirst = fresh.indexOf(statement);
    const freshLast = lastDescendant(fresh, freshFirst);
    const nodes = new Array<AstNode>(old.length - (last - first + 1) + (freshLast - freshFirst + 1));
    let at = 0;
    for (let index = 0; index < first; index++) nodes[at++] = old[index];
    for (let index = freshFirst; index <= freshLast; index++) nodes[at++] = fresh[index];
    for (let index = last + 1; index < old.length; index++) nodes[at++] = old[index];
    return { nodes, first, count: freshLast - freshFirst + 1 };
}

/** The tokens without leaves of `node` (indices into `from`, the snippet's list) moved to the file's list, `start` characters on. */
function adopt(node: CstNode, from: PendingTokens, to: PendingTokens, start: number): void {
    if (node instanceof LazyCompositeCstNode) {
        const children = node.rawChildren;
        for (let index = 0; index < children.length; index++) {
            const child = children[index];
            if (typeof child === 'number') children[index] = to.addFrom(from, child, start);
            else adopt(child, from, to, start);
        }
        node.keepAsRun();
    } else if (!(node instanceof LeafCstNodeImpl) && 'content' in node) {
        for (const child of (node as CompositeCstNode).content) adopt(child, from, to, start);
    }
}
