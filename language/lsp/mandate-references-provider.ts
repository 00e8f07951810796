import { AstUtils, type LeafCstNode, type LangiumDocument, type LangiumDocuments, type MaybePromise } from 'langium';
import { DefaultReferencesProvider, type LangiumServices } from 'langium/lsp';
import { Location, type CancellationToken, type ReferenceParams } from 'vscode-languageserver';
import type { MandateSharedServices } from '../mandate-module.js';
import { audiencesNamed, nameOfDeclaration } from './rename-audiences.js';
import { requirementIdAt, requirementOccurrences } from './requirement-occurrences.js';

/**
 * Langium's, and for a requirement ID every place the policy writes it (the organization's own declaration too).
 * A declaration's references include the announcement audiences written as its name, which name it
 * as rename reads them (rename-audiences.ts); on such an audience, the declaration it names is the
 * one searched (MandateReferences.findDeclarations).
 */
export class MandateReferencesProvider extends DefaultReferencesProvider {
    private readonly shared: MandateSharedServices;
    private readonly documents: LangiumDocuments;

    constructor(services: LangiumServices & { shared: MandateSharedServices }) {
        super(services);
        this.shared = services.shared;
        this.documents = services.shared.workspace.LangiumDocuments;
    }

    override findReferences(document: LangiumDocument, params: ReferenceParams, cancelToken?: CancellationToken): MaybePromise<Location[]> {
        const model = this.shared.mandate.WorkspaceModel.get();
        const id = requirementIdAt(document, params.position, model.catalogue);
        if (id === undefined) return super.findReferences(document, params, cancelToken);
        return requirementOccurrences(model, id, params.context.includeDeclaration);
    }

    /** Langium's, then the audiences written as each name found: the announcements of the workspace scanned once per name. */
    protected override getReferences(selectedNode: LeafCstNode, params: ReferenceParams): Location[] {
        const locations: Location[] = [];
        const names = new Set<string>();
        for (const target of this.references.findDeclarations(selectedNode)) {
            this.references.findReferences(target, { includeDeclaration: params.context.includeDeclaration }).forEach(reference => {
                locations.push(Location.create(reference.sourceUri.toString(), reference.segment.range));
            });
            const name = nameOfDeclaration(target);
            if (name !== undefined) names.add(name);
        }
        for (const name of names) {
            for (const { announcement, node } of audiencesNamed(this.documents, name)) {
                locations.push(Location.create(AstUtils.getDocument(announcement).uri.toString(), node.range));
            }
        }
        return locations;
    }
}
