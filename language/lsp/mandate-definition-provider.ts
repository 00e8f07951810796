import { AstUtils, GrammarUtils, type LangiumDocument, type MaybePromise } from 'langium';
import { DefaultDefinitionProvider, type LangiumServices } from 'langium/lsp';
import type { CancellationToken, DefinitionParams, LocationLink } from 'vscode-languageserver';
import type { MandateSharedServices } from '../mandate-module.js';
import { requirementDeclaration, requirementIdAt } from './requirement-occurrences.js';

/**
 * Langium's, and from a requirement ID an organization declared itself to its `requirement` line.
 * From an announcement's audience written as a name, Langium's goes to the declaration it names, as
 * from a reference (MandateReferences.findDeclarations); one that names no declaration goes nowhere.
 */
export class MandateDefinitionProvider extends DefaultDefinitionProvider {
    private readonly shared: MandateSharedServices;

    constructor(services: LangiumServices & { shared: MandateSharedServices }) {
        super(services);
        this.shared = services.shared;
    }

    override getDefinition(document: LangiumDocument, params: DefinitionParams, cancelToken?: CancellationToken): MaybePromise<LocationLink[] | undefined> {
        const model = this.shared.mandate.WorkspaceModel.get();
        const id = requirementIdAt(document, params.position, model.catalogue);
        if (id === undefined) return super.getDefinition(document, params, cancelToken);
        const declaration = requirementDeclaration(model, id);
        const cst = declaration?.$cstNode;
        const target = declaration && AstUtils.getDocument(declaration);
        if (!cst || !target) return undefined; // a built-in requirement: its hover gives its title
        const name = GrammarUtils.findNodeForProperty(cst, 'id') ?? cst;
        return [{ targetUri: target.textDocument.uri, targetRange: cst.range, targetSelectionRange: name.range }];
    }
}
