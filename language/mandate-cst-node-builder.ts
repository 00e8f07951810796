import { CstNodeBuilder, type CompositeCstNode, type CompositeCstNodeImpl, type CstNode, type GrammarAST, type LangiumParser, type LeafCstNodeImpl } from 'langium';
import { LazyCompositeCstNode } from './mandate-composite-cst-node.js';
import { LONGEST_PACKED_TOKEN, OffsetLeafCstNode, type LeafKindMemo } from './mandate-leaf-cst-node.js';

type IToken = Parameters<CstNodeBuilder['addHiddenNodes']>[0][number];

/**
 * Langium's CST builder, before every token that starts a node, looks the new node up in its
 * parent's children with `indexOf`, even when there are no comments to place. For a top-level
 * declaration the parent is the file, so a file of 100,000 declarations took quadratic time to
 * build. The node being built is always its parent's last child: `lastIndexOf` finds it at once.
 * The tree is the same.
 */
export class LinearCstNodeBuilder extends CstNodeBuilder {
    /** A token on one line gets the compact leaf (mandate-leaf-cst-node.ts); others Langium's. */
    protected override createLeafNode(token: IToken, hidden: boolean, feature?: GrammarAST.AbstractElement): LeafCstNodeImpl {
        if (token.startLine === undefined || token.startLine !== token.endLine || token.image.length > LONGEST_PACKED_TOKEN) {
            const leaf = super.createLeafNode(token, hidden);
            if (feature) leaf.grammarSource = feature;
            return leaf;
        }
        return OffsetLeafCstNode.make(token.startOffset, token.image.length, token.tokenType, feature, hidden) as unknown as LeafCstNodeImpl;
    }

    /** Langium's, with the grammar element given to the leaf as it is made rather than after. */
    override buildLeafNode(token: IToken, feature?: GrammarAST.AbstractElement): LeafCstNodeImpl {
        const leaf = this.createLeafNode(token, !feature, feature);
        this.appendChild(this.current, leaf);
        return leaf;
    }

    /**
     * `buildLeafNode` for a token on one line, from its offset, length and type alone (the predictive
     * parser keeps no token objects, and leaves a token longer than LONGEST_PACKED_TOKEN to Langium's parser).
     */
    buildOneLineLeaf(offset: number, length: number, tokenType: IToken['tokenType'], feature: GrammarAST.AbstractElement, memo?: LeafKindMemo): LeafCstNodeImpl {
        const leaf = OffsetLeafCstNode.make(offset, length, tokenType, feature, false, memo) as unknown as LeafCstNodeImpl;
        this.appendChild(this.current, leaf);
        return leaf;
    }

    /** Langium's, with the node that keeps its keywords and values without leaves (mandate-composite-cst-node.ts). */
    override buildCompositeNode(feature: GrammarAST.AbstractElement): CompositeCstNode {
        const composite = new LazyCompositeCstNode();
        composite.grammarSource = feature;
        this.appendChild(this.current, composite as unknown as CompositeCstNode);
        (this as unknown as BuilderStack).nodeStack.push(composite);
        return composite as unknown as CompositeCstNode;
    }

    /** Langium's, without asking a lazy node for its children (which makes their leaves). */
    override appendChild(parent: CompositeCstNode, child: CstNode): void {
        (child as { container?: CompositeCstNode }).container = parent;
        (parent instanceof LazyCompositeCstNode ? parent.rawChildren : (parent as CompositeCstNodeImpl).content).push(child);
    }

    override construct(item: Parameters<CstNodeBuilder['construct']>[0]): void {
        const node: unknown = this.current;
        if (!(node instanceof LazyCompositeCstNode)) return super.construct(item);
        item.$cstNode = node;
        (this as unknown as BuilderStack).nodeStack.pop();
        // Langium's: an empty node leaves the tree; the others keep their children in a list of their exact length.
        if (node.rawChildren.length === 0) this.removeNode(node);
        else node.trimChildren();
    }

    override removeNode(node: CstNode): void {
        const parent = node.container;
        if (!(parent instanceof LazyCompositeCstNode)) return super.removeNode(node);
        const index = parent.rawChildren.indexOf(node);
        if (index >= 0) parent.rawChildren.splice(index, 1);
    }

    override addHiddenNodes(tokens: IToken[]): void {
        if (tokens.length === 0) return;
        const nodes = tokens.map(token => this.createLeafNode(token, true));
        let current: CompositeCstNode = this.current;
        // Inside a node with content: the comments come next.
        if (current.content.length > 0) {
            this.appendChildren(current, nodes);
            return;
        }
        // A new, empty node: the comments go before the first ancestor that has earlier siblings.
        while (current.container) {
            const index = current.container.content.lastIndexOf(current);
            if (index > 0) {
                this.insertChildren(current.container, index, nodes);
                return;
            }
            current = current.container;
        }
        // The start of the file.
        this.insertChildren(current, 0, nodes);
    }
}

/** Langium's stack of the nodes being built (private in CstNodeBuilder). */
interface BuilderStack {
    nodeStack: unknown[];
}

// Frozen: shared by every token with no comment before it, and never written to.
const NO_TOKENS = Object.freeze([]) as unknown as IToken[];

/** The parts of Langium's parser that hand the comments (hidden tokens) to the CST builder. */
interface HiddenTokenParser {
    nodeBuilder: CstNodeBuilder;
    lexerResult?: { hidden: IToken[] };
    extractHiddenTokens(token: IToken): IToken[];
    doParse(rule: unknown): unknown;
}

/**
 * The parser, building its CST in linear time. Besides the builder: before each token Langium takes
 * the comments that precede it off the front of the file's list of comments with `splice`, which
 * moves every comment after them, so a file of 100,000 comments (an imported directory has one per
 * person) spent 9.5 s in the splices. Here a cursor walks the list, and the comments it passed are
 * cut off once, when the rules are done (Langium then adds the ones after the last token). The
 * comments each token gets are the same.
 */
export function withLinearCstBuilder(parser: LangiumParser): LangiumParser {
    const target = parser as unknown as HiddenTokenParser;
    target.nodeBuilder = new LinearCstNodeBuilder();
    let hidden: IToken[] | undefined;
    let next = 0;
    target.extractHiddenTokens = token => {
        const list = target.lexerResult?.hidden ?? [];
        if (list !== hidden) { // a new parse
            hidden = list;
            next = 0;
        }
        let end = next;
        while (end < list.length && list[end].startOffset <= token.startOffset) end++;
        if (end === next) return NO_TOKENS; // most tokens: the builder adds nothing for an empty list
        const taken = list.slice(next, end);
        next = end;
        return taken;
    };
    const doParse = target.doParse.bind(parser);
    target.doParse = rule => {
        try {
            return doParse(rule);
        } finally {
            hidden?.splice(0, next);
            hidden = undefined;
            next = 0;
        }
    };
    return parser;
}
