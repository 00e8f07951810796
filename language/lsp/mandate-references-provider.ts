import type { LangiumDocument, MaybePromise } from 'langium';
import { DefaultReferencesProvider, type LangiumServices } from 'langium/lsp';
import type { CancellationToken, Location, ReferenceParams } from 'vscode-languageserver';
import type { MandateSharedServices } from '../mandate-module.js';
import { requirementIdAt, requirementOccurrences } from './requirement-occurrences.js';

/** Langium's, and for a requirement ID every place the policy writes it (the organization's own declaration too). */
export class MandateReferencesProvider extends DefaultReferencesProvider {
    private readonly shared: MandateSharedServices;

    constructor(services: LangiumServices & { shared: MandateSharedServices }) {
        super(services);
        this.shared = services.shared;
    }

    override findReferences(document: LangiumDocument, params: ReferenceParams, cancelToken?: CancellationToken): MaybePromise<Location[]> {
        const model = this.shared.mandate.WorkspaceModel.get();
        const id = requirementIdAt(document, params.position, model.catalogue);
        if (id === undefined) return super.findReferences(document, params, cancelToken);
        return requirementOccurrences(model, id, params.context.includeDeclaration);
    }
}
