import { isLinkingError, type AstNode, type AstNodeDescription, type CstNode, type DefaultReference, type LinkingError } from 'langium';

/** What Langium's linker gives its references to resolve themselves with (DefaultLinker.referenceResolver). */
export interface ReferenceResolver {
    resolveReference(reference: DefaultReference, node: AstNode, property: string): AstNode | undefined;
}

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
        readonly $refNode: CstNode | undefined,
        public $refText: string
    ) {}

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
