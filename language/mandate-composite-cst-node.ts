import { AstUtils, GrammarAST, isLeafCstNode, type AstNode, type CompositeCstNode, type CstNode, type LeafCstNode, type RootCstNode } from 'langium';
import type { Range } from 'vscode-languageserver-types';
import { positionIn, rootOf, textOf } from './mandate-leaf-cst-node.js';
import { pendingTokensOf, type PendingTokens } from './mandate-pending-tokens.js';

type TokenType = LeafCstNode['tokenType'];

type Child = CstNode | number;

/**
 * A node whose children are all tokens without leaves, in a row (55,000 of 79,000 nodes at 100,000
 * lines: a duty line, a completion, a cadence, a person), keeps them as one small integer, the first
 * token's index times RUN_LENGTHS plus how many, instead of a list of their indices (two objects).
 */
const RUN_LENGTHS = 128;
const RUN_STARTS = 2 ** 31 / RUN_LENGTHS;

/** The run `children` make, if they are all tokens without leaves with consecutive indices. */
function runOf(children: readonly Child[]): number | undefined {
    const count = children.length;
    const first = children[0];
    if (count === 0 || count >= RUN_LENGTHS || typeof first !== 'number' || first >= RUN_STARTS) return undefined;
    for (let index = 1; index < count; index++) if (children[index] !== first + index) return undefined;
    return first * RUN_LENGTHS + count;
}

const runStart = (run: number) => run >>> 7;
const runCount = (run: number) => run & (RUN_LENGTHS - 1);

/**
 * A node of the syntax tree for a rule, whose keywords (`role`, `reports to`, `{`, `since`: 60% of
 * a file's tokens), values (titles, dates: 15%) and names (those declared, and those a reference
 * gives, whose leaf the reference asks for when asked itself: mandate-reference.ts) get their leaves
 * when its children are first asked for. Until then such a token is a number in the
 * children list (PendingTokens): 16 bytes in all against a leaf's 56, and nothing for the garbage
 * collector to copy while the parse runs. A check asks for the children of a few nodes only (the
 * ones a finding points into); the editor for those it shows. Offset, end, length and range are
 * worked out without making the leaves. The leaves made are those the parser would have made
 * (predictive-parser.test.ts compares the trees).
 */
export class LazyCompositeCstNode implements CompositeCstNode {
    container: CompositeCstNode | undefined = undefined;
    grammarSource: GrammarAST.AbstractElement | undefined = undefined;
    /** The children, or the run of tokens they are (runOf). */
    private children: Child[] | number = [];
    private _astNode: AstNode | undefined = undefined;
    private pending = false;

    get content(): CstNode[] {
        if (this.pending) this.makeLeaves();
        return this.children as CstNode[];
    }

    set content(children: CstNode[]) {
        this.children = children;
        this.pending = false;
    }

    /** The children as they are, tokens possibly still numbers: for the builder, and what changes a tree in place. */
    get rawChildren(): Child[] {
        if (typeof this.children === 'number') this.children = this.tokenIndices();
        return this.children;
    }

    /** The indices of the tokens of a node that `holdsTokensOnly`, in a list of their own (the node stays a run). */
    tokenIndices(): number[] {
        const run = this.children as number;
        return Array.from({ length: runCount(run) }, (_, index) => runStart(run) + index);
    }

    /** Whether every child is a token without a leaf: what walks the leaves of a tree passes it by, without asking for the list (which would make one). */
    get holdsTokensOnly(): boolean {
        return typeof this.children === 'number';
    }

    /** Puts the token at `index` of the file's pending tokens in place of the last child: a datatype call that read one token (a name) keeps no node. */
    replaceLastWithPendingToken(index: number): void {
        const children = this.rawChildren;
        children[children.length - 1] = index;
        this.pending = true;
    }

    /** Appends the token at `index` of the file's pending tokens. */
    addPendingToken(index: number): void {
        this.rawChildren.push(index);
        this.pending = true;
    }

    /**
     * The first result `visit` gives for a child, in order: a child without a leaf yet is passed as
     * its offsets and grammar element, and gets none. What reads a node's children by their grammar
     * elements (a property's text: util/property-span.ts) makes no leaves.
     */
    findChild<T>(visit: (child: CstNode | undefined, offset: number, end: number, feature: GrammarAST.AbstractElement | undefined, tokenType: TokenType | undefined) => T | undefined): T | undefined {
        const children = this.children;
        if (typeof children === 'number') {
            const pending = this.pendingTokens();
            for (let token = runStart(children), end = token + runCount(children); token < end; token++) {
                const found = visit(undefined, pending.offsetOf(token), pending.endOf(token), pending.featureOf(token), pending.tokenTypeOf(token));
                if (found !== undefined) return found;
            }
            return undefined;
        }
        let pending: PendingTokens | undefined;
        for (let index = 0; index < children.length; index++) {
            const child = children[index];
            let found: T | undefined;
            if (typeof child === 'number') {
                pending ??= this.pendingTokens();
                found = visit(undefined, pending.offsetOf(child), pending.endOf(child), pending.featureOf(child), pending.tokenTypeOf(child));
            } else {
                found = visit(child, child.offset, child.end, child.grammarSource, isLeafCstNode(child) ? child.tokenType : undefined);
            }
            if (found !== undefined) return found;
        }
        return undefined;
    }

    /** Whether the node is an AST node's own (its `$cstNode`), as far as the parser has linked them. */
    get hasOwnAstNode(): boolean {
        return this._astNode !== undefined;
    }

    /** A list of exact length, as Langium's builder copies it when the node is done, or the run of tokens it is. */
    trimChildren(): void {
        const children = this.rawChildren;
        this.children = runOf(children) ?? children.slice();
    }

    /** The run of tokens the children are, if they are one: after they were given other indices (statement-edit/). */
    keepAsRun(): void {
        if (typeof this.children !== 'number') this.children = runOf(this.children) ?? this.children;
    }

    /** Moves this node's children, as they are, to `target` (which had none). */
    moveChildrenTo(target: LazyCompositeCstNode): void {
        if (typeof this.children !== 'number') for (const child of this.children) if (typeof child !== 'number') (child as { container?: CompositeCstNode }).container = target;
        target.children = this.children;
        target.pending = this.pending;
        this.children = [];
        this.pending = false;
    }

    get astNode(): AstNode {
        if (this._astNode) return this._astNode;
        // Langium's composite nodes keep theirs in `_astNode` too; a node without one belongs to its container's.
        for (let node = this.container; node; node = node.container) {
            const own = (node as unknown as { _astNode?: AstNode })._astNode;
            if (own) return own;
        }
        throw new Error('This node has no associated AST element');
    }

    set astNode(value: AstNode | undefined) {
        this._astNode = value;
    }

    get hidden(): boolean {
        return false;
    }

    get root(): RootCstNode {
        return rootOf(this);
    }

    get text(): string {
        return textOf(this);
    }

    get offset(): number {
        if (typeof this.children === 'number') return this.pendingTokens().offsetOf(runStart(this.children));
        const index = this.firstNonHidden();
        if (index < 0) return 0;
        const child = (this.children as Child[])[index];
        return typeof child === 'number' ? this.pendingTokens().offsetOf(child) : child.offset;
    }

    get end(): number {
        if (typeof this.children === 'number') return this.pendingTokens().endOf(runStart(this.children) + runCount(this.children) - 1);
        const index = this.lastNonHidden();
        if (index < 0) return 0;
        const child = (this.children as Child[])[index];
        return typeof child === 'number' ? this.pendingTokens().endOf(child) : child.end;
    }

    get length(): number {
        return this.end - this.offset;
    }

    /**
     * Langium's: from the first child that is not a comment to the last. Worked out from the two
     * offsets, which each child gives as a number, rather than from each level's range objects:
     * the outline of a file of 10,000 people asks for 200,000 ranges.
     */
    get range(): Range {
        if (typeof this.children !== 'number' && this.children.length === 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
        const root = this.root;
        const start = positionIn(root, this.offset);
        const end = positionIn(root, this.end);
        return { start, end: end.line < start.line ? start : end };
    }

    /** The first child that is not a comment, or the first child (Langium's firstNonHiddenNode); -1 if none. */
    private firstNonHidden(): number {
        const children = this.children as Child[];
        for (let index = 0; index < children.length; index++) {
            const child = children[index];
            if (typeof child === 'number' || !child.hidden) return index;
        }
        return children.length > 0 ? 0 : -1;
    }

    private lastNonHidden(): number {
        const children = this.children as Child[];
        for (let index = children.length - 1; index >= 0; index--) {
            const child = children[index];
            if (typeof child === 'number' || !child.hidden) return index;
        }
        return children.length - 1;
    }

    private pendingTokens(): PendingTokens {
        const pending = pendingTokensOf(this.root);
        if (!pending) throw new Error('A token of this syntax tree was left without a leaf, and its tree has no list of them');
        return pending;
    }

    /**
     * The `index`-th node assigned to `property` of this node's AST node, as Langium's
     * `findNodesForProperty` lists them, with a leaf made for that token alone: a reference asks for
     * its name's (mandate-reference.ts), and the outline of a file of 10,000 people asks for 10,000.
     */
    assignedAt(property: string, index: number): CstNode | undefined {
        return this.findAssigned(property, { left: index });
    }

    /** The match after `count.left` more, searching this node and its nodes of the same AST node in order; `count` goes down with each passed. */
    private findAssigned(property: string, count: { left: number }): CstNode | undefined {
        const children = this.rawChildren;
        for (let slot = 0; slot < children.length; slot++) {
            const child = children[slot];
            const feature = typeof child === 'number' ? this.pendingTokens().featureOf(child) : child.grammarSource;
            if (assignedProperty(feature) === property) {
                if (count.left-- > 0) continue;
                if (typeof child !== 'number') return child;
                const leaf = this.pendingTokens().leaf(child);
                leaf.container = this;
                children[slot] = leaf;
                return leaf;
            }
            // Langium's search goes into the nodes of the same AST node only.
            if (child instanceof LazyCompositeCstNode && !child.hasOwnAstNode) {
                const found = child.findAssigned(property, count);
                if (found !== undefined) return found;
            }
        }
        return undefined;
    }

    private makeLeaves(): void {
        const pending = this.pendingTokens();
        const children = this.rawChildren;
        for (let index = 0; index < children.length; index++) {
            const child = children[index];
            if (typeof child !== 'number') continue;
            const leaf = pending.leaf(child);
            leaf.container = this;
            children[index] = leaf;
        }
        this.pending = false;
    }
}

const assignedProperties = new WeakMap<GrammarAST.AbstractElement, string | null>();

/** The property the assignment around a grammar element assigns, or null (GrammarUtils.findNodesForProperty's test). */
function assignedProperty(feature: GrammarAST.AbstractElement | undefined): string | null {
    if (!feature) return null;
    let property = assignedProperties.get(feature);
    if (property === undefined) assignedProperties.set(feature, property = AstUtils.getContainerOfType(feature, GrammarAST.isAssignment)?.feature ?? null);
    return property;
}
