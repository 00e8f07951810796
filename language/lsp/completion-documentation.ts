/**
 * The documentation of a name offered by completion (the comment above its declaration) is read
 * when the editor shows that item (`completionItem/resolve`), not for each of the up to 100 names
 * of every list: finding the comments above declarations in other files was a third of the first
 * completion after an edit at 100,000 lines.
 */
import { isAstNode, URI, type AstNode, type AstNodeDescription } from 'langium';
import type { LangiumServices } from 'langium/lsp';
import type { CompletionItem, Connection, MarkupContent } from 'vscode-languageserver';
import type { MandateSharedServices } from '../mandate-module.js';
import { docCommentOf, plain } from './hover-facts.js';

/** What an item carries (`data`) to find its declaration again when it is resolved. */
interface DeclarationData {
    readonly declaration: { readonly uri: string; readonly path: string };
}

/** The `data` of a completion item that offers `description`, whose documentation is resolved later. */
export function declarationData(description: AstNodeDescription): DeclarationData {
    return { declaration: { uri: description.documentUri.toString(), path: description.path } };
}

function isDeclarationData(data: unknown): data is DeclarationData {
    const declaration = (data as Partial<DeclarationData> | undefined)?.declaration;
    return typeof declaration === 'object' && declaration !== null && typeof declaration.uri === 'string' && typeof declaration.path === 'string';
}

/** A `/** … *\/` doc comment (Langium's documentation provider) or else the `//` lines above, as in its hover. */
function declarationDocumentation(node: AstNode, services: LangiumServices): MarkupContent | undefined {
    const blockComment = services.documentation.DocumentationProvider.getDocumentation(node);
    if (blockComment) return { kind: 'markdown', value: blockComment };
    const lineComments = docCommentOf(node);
    return lineComments ? { kind: 'markdown', value: plain(lineComments) } : undefined;
}

/**
 * `item` with the documentation of the declaration it offers, when that declaration is still
 * where the list found it; a file edited or closed since leaves the item as it was.
 */
export function resolveCompletionItem(shared: MandateSharedServices, item: CompletionItem): CompletionItem {
    if (item.documentation !== undefined || !isDeclarationData(item.data)) return item;
    const uri = URI.parse(item.data.declaration.uri);
    if (!shared.ServiceRegistry.hasServices(uri) || !shared.workspace.LangiumDocuments.hasDocument(uri)) return item;
    const services = shared.ServiceRegistry.getServices(uri) as LangiumServices;
    const root = shared.workspace.LangiumDocuments.getDocument(uri)!.parseResult.value;
    const node = services.workspace.AstNodeLocator.getAstNode(root, item.data.declaration.path);
    // The path comes back from the client: only a node of the tree is read.
    const documentation = isAstNode(node) ? declarationDocumentation(node, services) : undefined;
    return documentation ? { ...item, documentation } : item;
}

/** Answers `completionItem/resolve` once the workspace is consistent (after a build that is under way). */
export function registerCompletionResolve(shared: MandateSharedServices, connection: Connection): void {
    connection.onCompletionResolve(item => shared.workspace.WorkspaceLock.read(() => resolveCompletionItem(shared, item)));
}
