import { type GrammarAST, type LeafCstNode, type RootCstNode } from 'langium';
import { OffsetLeafCstNode } from './mandate-leaf-cst-node.js';

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
