import { AstUtils, DefaultReferences, stream, UriUtils, type AstNode, type FindReferencesOptions, type ReferenceDescription, type Stream } from 'langium';
import { ReferenceIndexManager } from './workspace/reference-index-manager.js';

/**
 * Langium's references, with a search limited to one document (a document highlight's) that looks
 * at that document only: Langium's makes the entries of every document that refers to the
 * declaration and then keeps those of the one asked. As the option says, the declaration itself
 * is among the answers only when it is in that document.
 */
export class MandateReferences extends DefaultReferences {
    override findReferences(targetNode: AstNode, options: FindReferencesOptions): Stream<ReferenceDescription> {
        const documentUri = options.documentUri;
        const document = documentUri && this.documents.getDocument(documentUri);
        if (!documentUri || !document || !(this.index instanceof ReferenceIndexManager)) return super.findReferences(targetNode, options);
        const own = options.includeDeclaration && UriUtils.equals(AstUtils.getDocument(targetNode).uri, documentUri) ? this.getSelfReferences(targetNode) : [];
        return stream([...own, ...this.index.findReferencesFrom(document, targetNode, this.nodeLocator.getAstNodePath(targetNode))]);
    }
}
