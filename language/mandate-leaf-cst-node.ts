import type { AstNode, CompositeCstNode, CstNode, GrammarAST, LeafCstNode, RootCstNode } from 'langium';
import type { Position, Range } from 'vscode-languageserver-types';
import { lineIndexAt, lineStartOffsets } from './util/line-breaks.js';

type TokenType = LeafCstNode['tokenType'];
type Feature = GrammarAST.AbstractElement | undefined;

/** Where each tree's lines start, computed the first time a position in it is asked for. */
const lineStarts = new WeakMap<RootCstNode, number[]>();

/** The offsets the lines of a tree's text start at, worked out once per tree. */
export function lineStartsOf(root: RootCstNode): readonly number[] {
    let starts = lineStarts.get(root);
    if (!starts) lineStarts.set(root, starts = lineStartOffsets(root.fullText ?? ''));
    return starts;
}

/** The line starts of a tree whose text an edit of its layout changed in place (layout-edit/), when they were worked out. */
export function knownLineStarts(root: RootCstNode): readonly number[] | undefined {
    return lineStarts.get(root);
}

export function setLineStarts(root: RootCstNode, starts: number[]): void {
    lineStarts.set(root, starts);
}

/** How many edits of its layout a tree took in place: what was worked out from its positions before is out of date. */
const layoutVersions = new WeakMap<RootCstNode, number>();

export function layoutVersionOf(root: RootCstNode): number {
    return layoutVersions.get(root) ?? 0;
}

export function nextLayoutVersion(root: RootCstNode): void {
    layoutVersions.set(root, layoutVersionOf(root) + 1);
}

/**
 * A new root that took over the nodes of `from`, some of them moved (statement-edit/): what was worked
 * out from their positions under `from`'s layout version is out of date under the new root too.
 */
export function followLayoutVersion(root: RootCstNode, from: RootCstNode): void {
    layoutVersions.set(root, layoutVersionOf(from) + 1);
}

/**
 * The 0-based line a node of the syntax tree starts on: the line of `range.start`, without
 * building the range (a composite node keeps the one it builds, for as long as the tree lives).
 */
export function startLineOf(node: CstNode): number {
    return lineIndexAt(lineStartsOf(node.root), node.offset);
}

/** The root of the tree `node` is in (AbstractCstNode's `root`, for the nodes that do not extend it). */
export function rootOf(node: CstNode): RootCstNode {
    while (node.container) node = node.container;
    return node as RootCstNode;
}

/** The text `node` covers (AbstractCstNode's `text`). */
export function textOf(node: CstNode): string {
    return rootOf(node).fullText.substring(node.offset, node.end);
}

/** The line and column of `offset` in the text of the tree under `root`. */
export function positionIn(root: RootCstNode, offset: number): Position {
    const starts = lineStartsOf(root);
    const line = lineIndexAt(starts, offset);
    return { line, character: offset - starts[line] };
}

/** Bits of a leaf's shape that hold its kind; the rest hold its length. */
const KIND_BITS = 12;
const KIND_LIMIT = 1 << KIND_BITS;
/** The kind of a leaf whose token type and grammar element are kept aside (the table was full). */
const KEPT_ASIDE = KIND_LIMIT - 1;
/** The longest token a leaf's shape holds: its length and kind stay a small integer (31 bits). */
export const LONGEST_PACKED_TOKEN = (1 << (31 - KIND_BITS)) - 1;

/**
 * The kind of the last leaf of one grammar element, kept by the caller that reads that element's
 * tokens (the predictive parser's step): most elements read one token type, and looking the kind
 * up in the table's two maps for every token was 2% of a 1M-line check.
 */
export interface LeafKindMemo {
    tokenType: TokenType | undefined;
    kind: number;
}

/**
 * The kinds of leaf: a token type, the grammar element that read the token (none for a comment),
 * and whether it is a comment. A grammar has a few hundred, shared by every leaf of every tree.
 */
class LeafKinds {
    readonly tokenTypes: TokenType[] = [];
    readonly features: Feature[] = [];
    readonly hidden: boolean[] = [];
    private readonly numbers = [new Map<TokenType, Map<Feature, number>>(), new Map<TokenType, Map<Feature, number>>()];

    /** The kind's number, or KEPT_ASIDE once the table is full; `memo` is the last answer for the same feature and `hidden`. */
    of(tokenType: TokenType, feature: Feature, hidden: boolean, memo?: LeafKindMemo): number {
        if (memo !== undefined && memo.tokenType === tokenType) return memo.kind;
        const kind = this.numberOf(tokenType, feature, hidden);
        if (memo !== undefined && kind !== KEPT_ASIDE) {
            memo.tokenType = tokenType;
            memo.kind = kind;
        }
        return kind;
    }

    private numberOf(tokenType: TokenType, feature: Feature, hidden: boolean): number {
        const byTokenType = this.numbers[hidden ? 1 : 0];
        let byFeature = byTokenType.get(tokenType);
        if (!byFeature) byTokenType.set(tokenType, byFeature = new Map());
        let kind = byFeature.get(feature);
        if (kind === undefined) {
            if (this.tokenTypes.length === KEPT_ASIDE) return KEPT_ASIDE;
            kind = this.tokenTypes.length;
            this.tokenTypes.push(tokenType);
            this.features.push(feature);
            this.hidden.push(hidden);
            byFeature.set(feature, kind);
        }
        return kind;
    }
}

const kinds = new LeafKinds();

/** How many kinds of leaf the table holds (for the tests: services made again must not add kinds). */
export function leafKindCount(): number {
    return kinds.tokenTypes.length;
}
const keptAside = new WeakMap<OffsetLeafCstNode, { tokenType: TokenType; feature: Feature; hidden: boolean }>();

/**
 * A leaf of the syntax tree for a token on one line, in 48 bytes where Langium's takes 104: it keeps
 * its container, its offset, and one small integer for its length and its kind (token type, grammar
 * element, comment or not: LeafKinds). A 100,000-line workspace has 600,000 leaves, the largest
 * part of the heap that every garbage collection during the parse copies, and of a 1M-line check's
 * peak memory. Line and column are worked out when asked for (rarely: a diagnostic, a hover, a
 * rename), by a binary search over the file's line starts; the range is the one Langium's leaf
 * reports (leaf-cst-node.test.ts compares them on every token).
 */
export class OffsetLeafCstNode implements LeafCstNode {
    container: CompositeCstNode | undefined = undefined;
    private _offset: number;
    private _shape: number;

    /** `shape` from `packedShape` (never KEPT_ASIDE: `make` keeps those). */
    private constructor(offset: number, shape: number) {
        // `| 0` keeps V8's small-integer representation: Chevrotain's offsets can arrive as doubles.
        this._offset = offset | 0;
        this._shape = shape;
    }

    /** The leaf of a token of at most LONGEST_PACKED_TOKEN characters. */
    static make(offset: number, length: number, tokenType: TokenType, feature: Feature, hidden: boolean, memo?: LeafKindMemo): OffsetLeafCstNode {
        const kind = kinds.of(tokenType, feature, hidden, memo);
        const leaf = new OffsetLeafCstNode(offset, (length << KIND_BITS) | kind);
        if (kind === KEPT_ASIDE) keptAside.set(leaf, { tokenType, feature, hidden });
        return leaf;
    }

    /** A leaf from its offset and `packedShape`: a keyword's or a value's leaf, made when its node's children are first read. */
    static fromShape(offset: number, shape: number): OffsetLeafCstNode {
        return new OffsetLeafCstNode(offset, shape);
    }

    /**
     * The length and kind of a token's leaf in one small integer; undefined when the token is too
     * long or its kind is one the table has no room for (then `make` keeps it aside).
     */
    static packedShape(length: number, tokenType: TokenType, feature: Feature, hidden: boolean, memo?: LeafKindMemo): number | undefined {
        if (length > LONGEST_PACKED_TOKEN) return undefined;
        const kind = kinds.of(tokenType, feature, hidden, memo);
        return kind === KEPT_ASIDE ? undefined : (length << KIND_BITS) | kind;
    }

    static lengthOfShape(shape: number): number {
        return shape >>> KIND_BITS;
    }

    /** The grammar element of a leaf of this shape (a shape from `packedShape`, so never kept aside). */
    static featureOfShape(shape: number): Feature {
        return kinds.features[shape & (KIND_LIMIT - 1)];
    }

    /** The token type of a leaf of this shape (a shape from `packedShape`, so never kept aside). */
    static tokenTypeOfShape(shape: number): TokenType {
        return kinds.tokenTypes[shape & (KIND_LIMIT - 1)];
    }

    private get kind(): number {
        return this._shape & (KIND_LIMIT - 1);
    }

    get offset(): number {
        return this._offset;
    }

    /** Moves the leaf by `delta` characters: text before it was edited in place (layout-edit/). */
    moveBy(delta: number): void {
        this._offset = (this._offset + delta) | 0;
    }

    get length(): number {
        return this._shape >>> KIND_BITS;
    }

    get end(): number {
        return this._offset + this.length;
    }

    get tokenType(): TokenType {
        const kind = this.kind;
        return kind === KEPT_ASIDE ? keptAside.get(this)!.tokenType : kinds.tokenTypes[kind];
    }

    get hidden(): boolean {
        const kind = this.kind;
        return kind === KEPT_ASIDE ? keptAside.get(this)!.hidden : kinds.hidden[kind];
    }

    get grammarSource(): Feature {
        const kind = this.kind;
        return kind === KEPT_ASIDE ? keptAside.get(this)!.feature : kinds.features[kind];
    }

    /** Langium's builder sets it after creating the leaf, and a datatype rule's leaf takes its call's. */
    set grammarSource(feature: Feature) {
        const { tokenType, hidden } = this;
        const kind = kinds.of(tokenType, feature, hidden);
        this._shape = (this.length << KIND_BITS) | kind;
        if (kind === KEPT_ASIDE) keptAside.set(this, { tokenType, feature, hidden });
    }

    get root(): RootCstNode {
        return rootOf(this);
    }

    get text(): string {
        return textOf(this);
    }

    get astNode(): AstNode {
        const container = this.container;
        if (!container) throw new Error('This node has no associated AST element');
        return container.astNode;
    }

    get range(): Range {
        const starts = lineStartsOf(this.root);
        const line = lineIndexAt(starts, this._offset);
        const character = this._offset - starts[line];
        return { start: { line, character }, end: { line, character: character + this.length } };
    }
}
