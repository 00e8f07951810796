import { AbstractCstNode, type AstNode, type CstNode, type LeafCstNode, type RootCstNode } from 'langium';
import type { Range } from 'vscode-languageserver-types';
import { lineIndexAt, lineStartOffsets } from './util/line-breaks.js';

type TokenType = LeafCstNode['tokenType'];

/** Where each tree's lines start, computed the first time a position in it is asked for. */
const lineStarts = new WeakMap<RootCstNode, number[]>();

function lineStartsOf(root: RootCstNode): number[] {
    let starts = lineStarts.get(root);
    if (!starts) lineStarts.set(root, starts = lineStartOffsets(root.fullText ?? ''));
    return starts;
}

/**
 * The 0-based line a node of the syntax tree starts on: the line of `range.start`, without
 * building the range (a composite node keeps the one it builds, for as long as the tree lives).
 */
export function startLineOf(node: CstNode): number {
    return lineIndexAt(lineStartsOf(node.root), node.offset);
}

/**
 * A leaf of the syntax tree for a token on one line, which keeps its offset and length and works
 * out its line and column when asked. Langium's leaf stores four positions besides: a 100,000-line
 * workspace has 600,000 leaves, and those 32 bytes each were a tenth of the heap that every
 * garbage collection during the parse copies. Positions are asked for rarely (a diagnostic, a hover,
 * a rename), and then cost a binary search over the file's line starts. The range is the one
 * Langium's leaf reports (leaf-cst-node.test.ts compares them on every token).
 */
export class OffsetLeafCstNode extends AbstractCstNode implements LeafCstNode {
    private readonly _offset: number;
    private readonly _length: number;
    private readonly _tokenType: TokenType;

    constructor(offset: number, length: number, tokenType: TokenType) {
        super();
        // `| 0` keeps V8's small-integer representation: Chevrotain's offsets can arrive as doubles.
        this._offset = offset | 0;
        this._length = length | 0;
        this._tokenType = tokenType;
    }

    get offset(): number {
        return this._offset;
    }

    get length(): number {
        return this._length;
    }

    get end(): number {
        return this._offset + this._length;
    }

    get tokenType(): TokenType {
        return this._tokenType;
    }

    get hidden(): boolean {
        return false;
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
        return { start: { line, character }, end: { line, character: character + this._length } };
    }
}

/** A comment: the same leaf, not part of the rule that contains it. */
export class HiddenOffsetLeafCstNode extends OffsetLeafCstNode {
    override get hidden(): boolean {
        return true;
    }
}
