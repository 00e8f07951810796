import { isLeafCstNode, type AstNode, type CompositeCstNode, type CstNode, type GrammarAST, type LeafCstNode, type RootCstNode } from 'langium';
import type { Range } from 'vscode-languageserver-types';
import { OffsetLeafCstNode, positionIn, rootOf, textOf } from './mandate-leaf-cst-node.js';

type TokenType = LeafCstNode['tokenType'];

/**
 * The tokens of a file that the parser has not made leaves for yet: for each, its offset and its
 * packed length and kind (mandate-leaf-cst-node.ts). A node's child that is a number is an index here.
 */
export class PendingTokens {
    private offsets = new Int32Array(256);
    private shapes = new Int32Array(256);
    private count = 0;
    /** How many tokens the parse left without leaves; the rest came with statements parsed again (statement-edit/). */
    private parsed = 0;

    add(offset: number, shape: number): number {
        if (this.count === this.offsets.length) {
            this.offsets = grown(this.offsets);
            this.shapes = grown(this.shapes);
        }
        this.offsets[this.count] = offset;
        this.shapes[this.count] = shape;
        return this.count++;
    }

    /** Drops the room the arrays kept for more, once the file is read. */
    trim(): void {
        this.offsets = this.offsets.slice(0, this.count);
        this.shapes = this.shapes.slice(0, this.count);
        this.parsed = this.count;
    }

    /**
     * Whether the list holds as many tokens again as the parse left: each statement parsed again adds
     * its own and leaves those of the statement it replaced, which no node holds any more. The file is
     * then parsed whole, and its new list holds only the tokens of its tree.
     */
    get outgrown(): boolean {
        return this.count - this.parsed > Math.max(this.parsed, 4096);
    }

    offsetOf(index: number): number {
        return this.offsets[index];
    }

    /** Adds the token at `index` of `other`, moved by `delta` characters: a statement parsed alone joins its file's tree (statement-edit/). */
    addFrom(other: PendingTokens, index: number, delta: number): number {
        return this.add(other.offsets[index] + delta, other.shapes[index]);
    }

    /** Moves the tokens at `from` or after by `delta` characters: text before them was edited in place (layout-edit/). */
    moveFrom(from: number, delta: number): void {
        const offsets = this.offsets;
        for (let index = 0; index < this.count; index++) if (offsets[index] >= from) offsets[index] += delta;
    }

    endOf(index: number): number {
        return this.offsets[index] + OffsetLeafCstNode.lengthOfShape(this.shapes[index]);
    }

    featureOf(index: number): GrammarAST.AbstractElement | undefined {
        return OffsetLeafCstNode.featureOfShape(this.shapes[index]);
    }

    tokenTypeOf(index: number): TokenType {
        return OffsetLeafCstNode.tokenTypeOfShape(this.shapes[index]);
    }

    leaf(index: number): OffsetLeafCstNode {
        return OffsetLeafCstNode.fromShape(this.offsets[index], this.shapes[index]);
    }
}

function grown(array: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
    const bigger = new Int32Array(array.length * 2);
    bigger.set(array);
    return bigger;
}

const pendingOf = new WeakMap<RootCstNode, PendingTokens>();

/** Gives the tree under `root` its list of tokens without leaves. */
export function attachPendingTokens(root: RootCstNode, pending: PendingTokens): void {
    pendingOf.set(root, pending);
}

/** The tokens without leaves of the tree under `root`, if its parser left any. */
export function pendingTokensOf(root: RootCstNode): PendingTokens | undefined {
    return pendingOf.get(root);
}

type Child = CstNode | number;

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
    private children: Child[] = [];
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

    /** The children as they are, tokens possibly still numbers: for the builder. */
    get rawChildren(): Child[] {
        return this.children;
    }

    /** Puts the token at `index` of the file's pending tokens in place of the last child: a datatype call that read one token (a name) keeps no node. */
    replaceLastWithPendingToken(index: number): void {
        this.children[this.children.length - 1] = index;
        this.pending = true;
    }

    /** Appends the token at `index` of the file's pending tokens. */
    addPendingToken(index: number): void {
        this.children.push(index);
        this.pending = true;
    }

    /**
     * The first result `visit` gives for a child, in order: a child without a leaf yet is passed as
     * its offsets and grammar element, and gets none. What reads a node's children by their grammar
     * elements (a property's text: util/property-span.ts) makes no leaves.
     */
    findChild<T>(visit: (child: CstNode | undefined, offset: number, end: number, feature: GrammarAST.AbstractElement | undefined, tokenType: TokenType | undefined) => T | undefined): T | undefined {
        const children = this.children;
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

    /** A list of exact length, as Langium's builder copies it when the node is done. */
    trimChildren(): void {
        this.children = this.children.slice();
    }

    /** Moves this node's children, as they are, to `target` (which had none). */
    moveChildrenTo(target: LazyCompositeCstNode): void {
        for (const child of this.children) if (typeof child !== 'number') (child as { container?: CompositeCstNode }).container = target;
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
        const index = this.firstNonHidden();
        if (index < 0) return 0;
        const child = this.children[index];
        return typeof child === 'number' ? this.pendingTokens().offsetOf(child) : child.offset;
    }

    get end(): number {
        const index = this.lastNonHidden();
        if (index < 0) return 0;
        const child = this.children[index];
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
        if (this.children.length === 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
        const root = this.root;
        const start = positionIn(root, this.offset);
        const end = positionIn(root, this.end);
        return { start, end: end.line < start.line ? start : end };
    }

    /** The first child that is not a comment, or the first child (Langium's firstNonHiddenNode); -1 if none. */
    private firstNonHidden(): number {
        const children = this.children;
        for (let index = 0; index < children.length; index++) {
            const child = children[index];
            if (typeof child === 'number' || !child.hidden) return index;
        }
        return children.length > 0 ? 0 : -1;
    }

    private lastNonHidden(): number {
        const children = this.children;
        for (let index = children.length - 1; index >= 0; index--) {
            const child = children[index];
            if (typeof child === 'number' || !child.hidden) return index;
        }
        return children.length - 1;
    }

    private pendingTokens(): PendingTokens {
        const pending = pendingOf.get(this.root);
        if (!pending) throw new Error('A token of this syntax tree was left without a leaf, and its tree has no list of them');
        return pending;
    }

    private makeLeaves(): void {
        const pending = this.pendingTokens();
        const children = this.children;
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
