import { Cancellation, DefaultDocumentBuilder, URI, type LangiumDocument, type LangiumSharedCoreServices } from 'langium';
import type { MandateAddedSharedServices } from '../mandate-module.js';
import type { WorkspaceFindings } from './workspace-findings.js';

/**
 * Langium rebuilds the changed documents and those that reference them. A workspace finding
 * can also belong to an unrelated document: deleting the file with the CISO must make
 * `ciso-missing` appear on the organization, which references nothing in that file. After each
 * update this builder re-validates exactly the documents whose workspace findings changed.
 */
export class MandateDocumentBuilder extends DefaultDocumentBuilder {
    private readonly findings: () => WorkspaceFindings;

    constructor(services: LangiumSharedCoreServices & MandateAddedSharedServices) {
        super(services);
        // Resolved lazily: the findings service itself depends on this builder's events.
        this.findings = () => services.mandate.WorkspaceFindings;
    }

    override async update(changed: URI[], deleted: URI[], cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        deleted.forEach(uri => this.findings().forget(uri.toString()));
        await super.update(changed, deleted, cancelToken);
        await this.revalidateStaleDocuments(cancelToken);
    }

    /** Re-validate the documents whose workspace findings moved; a no-op when nothing did. */
    async revalidateStaleDocuments(cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        if (cancelToken.isCancellationRequested) return;
        const stale: LangiumDocument[] = [];
        for (const uri of this.findings().staleDocuments()) {
            const document = this.langiumDocuments.getDocument(URI.parse(uri));
            if (document) stale.push(document); else this.findings().forget(uri);
        }
        if (stale.length > 0) {
            await this.build(stale, { validation: true }, cancelToken);
        }
    }
}
