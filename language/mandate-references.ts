import {
    AstUtils, CstUtils, DefaultReferences, stream, UriUtils, type AstNode, type CstNode, type FindReferencesOptions, type LangiumDocument,
    type ReferenceDescription, type Stream
} from 'langium';
import { audienceAt, audiencesIn, declarationNamed, nameOfDeclaration } from './lsp/rename-audiences.js';
import { ReferenceIndexManager } from './workspace/reference-index-manager.js';

/**
 * Langium's references, with a search limited to one document (a document highlight's) that looks
 * at that document only: Langium's makes the entries of every document that refers to the
 * declaration and then keeps those of the one asked. As the option says, the declaration itself
 * is among the answers only when it is in that document.
 *
 * An announcement's audience written as a name names the declaration of that name without being a
 * cross-reference (lsp/rename-audiences.ts): on one, the declaration is what it names, as on a
 * reference (Go to Definition, Find All References, highlight, hover), and a search in one
 * document gives that document's audiences too, after the references, so a highlight shows them.
 * A search of the whole workspace gives references only: Find All References and rename add the
 * audiences of every document themselves, in one scan of the workspace.
 */
export class MandateReferences extends DefaultReferences {
    override findDeclarations(sourceCstNode: CstNode): AstNode[] {
        const found = super.findDeclarations(sourceCstNode);
        if (found.length > 0 || !sourceCstNode) return found;
        const audience = audienceAt(sourceCstNode.astNode, sourceCstNode);
        const declaration = audience && declarationNamed(this.index, audience.text);
        return declaration ? [declaration] : [];
    }

    override findReferences(targetNode: AstNode, options: FindReferencesOptions): Stream<ReferenceDescription> {
        const documentUri = options.documentUri;
        const document = documentUri && this.documents.getDocument(documentUri);
        if (!documentUri || !document) return super.findReferences(targetNode, options);
        const references = this.index instanceof ReferenceIndexManager ? this.referencesIn(document, targetNode, options) : super.findReferences(targetNode, options).toArray();
        return stream([...references, ...this.audiencesIn(document, targetNode)]);
    }

    private referencesIn(document: LangiumDocument, targetNode: AstNode, options: FindReferencesOptions): ReferenceDescription[] {
        const index = this.index as ReferenceIndexManager;
        const own = options.includeDeclaration && UriUtils.equals(AstUtils.getDocument(targetNode).uri, document.uri) ? this.getSelfReferences(targetNode) : [];
        return [...own, ...index.findReferencesFrom(document, targetNode, this.nodeLocator.getAstNodePath(targetNode))];
    }

    /** The audiences of `document` written as the name of `targetNode`, as entries of the reference index would describe them. */
    private audiencesIn(document: LangiumDocument, targetNode: AstNode): ReferenceDescription[] {
        const name = nameOfDeclaration(targetNode);
        if (name === undefined) return [];
        const targetUri = AstUtils.getDocument(targetNode).uri;
        const targetPath = this.nodeLocator.getAstNodePath(targetNode);
        return [...audiencesIn(document.parseResult.value, name)].map(({ announcement, node }) => ({
            sourceUri: document.uri, sourcePath: this.nodeLocator.getAstNodePath(announcement), targetUri, targetPath,
            segment: CstUtils.toDocumentSegment(node), local: UriUtils.equals(targetUri, document.uri)
        }));
    }
}
