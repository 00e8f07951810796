import { AstUtils, CstUtils, DefaultAstNodeDescriptionProvider, type AstNode, type AstNodeDescription, type AstNodeLocator, type DocumentSegment, type LangiumDocument, type NameProvider, type URI } from 'langium';
import { layoutVersionOf, rootOf } from './mandate-leaf-cst-node.js';

/**
 * Langium's descriptions of exported declarations, with the declaration's whole extent
 * (`selectionSegment`) worked out when first read, as the name's already is. A check builds one
 * description per declaration (10,000 for an imported directory) and reads neither; the workspace
 * symbols and the editor read them as before, and get the same values.
 */
export class MandateAstNodeDescriptionProvider extends DefaultAstNodeDescriptionProvider {
    override createDescription(node: AstNode, name: string | undefined, document?: LangiumDocument): AstNodeDescription {
        const documentUri = (document ?? AstUtils.getDocument(node)).uri;
        const found = name ?? this.nameProvider.getName(node);
        if (!found) throw new Error(`Node at path ${this.astNodeLocator.getAstNodePath(node)} has no name.`);
        return new DeclarationDescription(node, found, documentUri, this.astNodeLocator, this.nameProvider);
    }
}

/**
 * A description as an instance with its getters on the prototype. Langium's object literal with
 * two getters is a dictionary-mode object (a 448-byte property table) with two closures: 600
 * bytes for each of the 23,500 declarations of a 100,000-line workspace, where this takes 100.
 */
class DeclarationDescription implements AstNodeDescription {
    readonly type: string;
    private nameSegmentCache: DocumentSegment | undefined = undefined;
    private selectionSegmentCache: DocumentSegment | undefined = undefined;
    /** The layout version of the tree the segments were worked out in: an edit of blanks and comments moves them (layout-edit/). */
    private cachedAt = 0;
    private pathCache: string | undefined = undefined;

    constructor(readonly node: AstNode, readonly name: string, readonly documentUri: URI, private readonly locator: AstNodeLocator,
        private readonly nameProvider: NameProvider) {
        this.type = node.$type;
    }

    /**
     * Worked out when first read, as it was when the description was made: the node stays where it
     * is in its tree for as long as the description is the document's. A one-shot check never reads
     * it (a link's target is its node), and each is a string made of pieces, three objects that lived
     * as long as the declaration (70,000 at 100,000 lines); the language server's reference tallies read them all.
     */
    get path(): string {
        return this.pathCache ??= this.locator.getAstNodePath(this.node);
    }

    get nameSegment(): DocumentSegment | undefined {
        this.forgetMovedSegments();
        return this.nameSegmentCache ??= CstUtils.toDocumentSegment(this.nameProvider.getNameNode(this.node) ?? this.node.$cstNode);
    }

    get selectionSegment(): DocumentSegment | undefined {
        this.forgetMovedSegments();
        return this.selectionSegmentCache ??= CstUtils.toDocumentSegment(this.node.$cstNode);
    }

    private forgetMovedSegments(): void {
        const cst = this.node.$cstNode;
        const version = cst ? layoutVersionOf(rootOf(cst)) : 0;
        if (version === this.cachedAt) return;
        this.nameSegmentCache = this.selectionSegmentCache = undefined;
        this.cachedAt = version;
    }
}
