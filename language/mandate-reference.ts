import { GrammarUtils, isLinkingError, type AstNode, type AstNodeDescription, type CstNode, type DefaultReference, type LinkingError } from 'langium';
import { LazyCompositeCstNode } from './mandate-composite-cst-node.js';

/** What Langium's linker gives its references to resolve themselves with (DefaultLinker.referenceResolver). */
export interface ReferenceResolver {
    resolveReference(reference: DefaultReference, node: AstNode, property: string): AstNode | undefined;
}

/**
 * What the predictive parser gives the linker for a reference's syntax node: none made yet. The name's
 * token stays a number in its node's children (mandate-composite-cst-node.ts), and the reference finds
 * its leaf when first asked (`$refNode`): a check reads the node of the few references it reports on,
 * the editor those of the file it shows. 95,000 leaves at 100,000 lines, 950,000 at 1M, were made for
 * every reference and kept for the life of the tree.
 */
export const LEAF_WHEN_ASKED: CstNode = Object.freeze({}) as CstNode;

/**
 * Langium's reference (DefaultReferenceImpl in langium/lib/references/linker.js, which is not
 * exported), with the description that linking sets declared from the start. Langium's adds it when
 * it links, after V8 has fixed the object's size, so it went to a separate property store: 40 more
 * bytes for each of the 95,000 references of a 100,000-line workspace, and 950,000 at 1M lines.
 * Unlinking clears the description rather than deleting it, for the same reason.
 */
export class CompactReference implements DefaultReference {
    /** What linking set, through `_ref`: Langium's linker writes and reads it there. */
    private linking: DefaultReference['_ref'] = undefined;
    /**
     * The node it resolved to, or undefined: `ref` is read millions of times by the rules after each
     * edit, and telling a node from a linking error by its `$type` there was a load of a property that
     * every kind of node has in another place (9% of an edit's time in a profile).
     */
    private target: AstNode | undefined = undefined;
    _nodeDescription: AstNodeDescription | undefined = undefined;

    constructor(
        private readonly resolver: ReferenceResolver,
        readonly node: AstNode,
        readonly property: string,
        /** The name's syntax node, LEAF_WHEN_ASKED until it is looked up, or undefined when the name has none. */
        private source: CstNode | undefined,
        public $refText: string
    ) {}

    get $refNode(): CstNode | undefined {
        if (this.source === LEAF_WHEN_ASKED) this.source = this.leafOfName();
        return this.source;
    }

    /** Whether the name has a syntax node, without making its leaf. */
    get hasRefNode(): boolean {
        return this.source === LEAF_WHEN_ASKED ? this.node.$cstNode !== undefined : this.source !== undefined;
    }

    /** The leaf the parser would have given the reference: the property's node among its node's, in the order of a list's items. */
    private leafOfName(): CstNode | undefined {
        const owner = this.node.$cstNode;
        if (!owner) return undefined;
        const value = (this.node as unknown as Record<string, unknown>)[this.property];
        const index = Array.isArray(value) ? value.indexOf(this) : 0;
        if (index < 0) return undefined;
        // Only the predictive parser leaves a name without its leaf, and its nodes make that one leaf alone.
        return owner instanceof LazyCompositeCstNode ? owner.assignedAt(this.property, index) : GrammarUtils.findNodesForProperty(owner, this.property)[index];
    }

    /**
     * Once linked, the text is the declared name: keep that one string rather than a copy out of each
     * file's text (95,000 of them at 100,000 lines, to far fewer names; 2.7 MB of the heap).
     */
    shareTextWithTarget(): void {
        const name = this._nodeDescription?.name;
        if (name === this.$refText) this.$refText = name;
    }

    get _ref(): DefaultReference['_ref'] {
        return this.linking;
    }

    set _ref(value: DefaultReference['_ref']) {
        this.linking = value;
        this.target = typeof value === 'object' && value !== null && typeof (value as AstNode).$type === 'string' ? value as AstNode : undefined;
    }

    get ref(): AstNode | undefined {
        // Linked to a node, as nearly every reference is once linked: Langium's resolver answers this first too, after a call through a bound function.
        return this.target ?? this.resolver.resolveReference(this, this.node, this.property);
    }

    get $nodeDescription(): AstNodeDescription | undefined {
        return this._nodeDescription;
    }

    get error(): LinkingError | undefined {
        return isLinkingError(this.linking) ? this.linking : undefined;
    }
}

/** Whether a reference's name has a syntax node, without making a leaf for it (CompactReference.hasRefNode). */
export function hasRefNode(reference: { readonly $refNode?: CstNode }): boolean {
    return reference instanceof CompactReference ? reference.hasRefNode : reference.$refNode !== undefined;
}
