import { DefaultLangiumDocuments, type LangiumDocument, type LangiumSharedCoreServices } from 'langium';
import type { MandateAddedSharedServices } from '../mandate-module.js';
import { isWorkspaceFile } from './workspace-files.js';

/**
 * The workspace's documents hold only files of the workspace (workspace-files.ts). Langium adds a
 * document for any URI a request names: "find references" in the left side of a git diff added
 * the `git:` copy, and the next build checked it as policy. Such a document is still parsed for
 * the request that asked, but it is not added, so it is never built, indexed or validated.
 */
export class MandateLangiumDocuments extends DefaultLangiumDocuments {
    private readonly settings: MandateAddedSharedServices['mandate']['Settings'];

    constructor(services: LangiumSharedCoreServices & MandateAddedSharedServices) {
        super(services);
        this.settings = services.mandate.Settings;
    }

    override addDocument(document: LangiumDocument): void {
        if (isWorkspaceFile(document.uri, this.settings.workspaceRoots)) super.addDocument(document);
    }
}
