import { DocumentState, type LangiumDocument, type LangiumDocuments, type LangiumSharedCoreServices } from 'langium';
import type { Model } from '../generated/ast.js';
import type { MandateSettings } from '../mandate-settings.js';
import { WorkspaceModel } from './workspace-model.js';

/**
 * Holds one cached WorkspaceModel. Any document update or new build invalidates it, and the
 * next reader rebuilds it in one pass, so workspace-wide rules cost O(workspace) per build
 * rather than O(workspace) per validated document.
 */
export class WorkspaceModelProvider {
    private readonly documentsSource: LangiumDocuments;
    private current: WorkspaceModel | undefined;
    /** How many snapshots have been built; tests and benchmarks use it to prove one build per update. */
    generation = 0;
    /** Counts invalidations: a reader that derived something from a snapshot knows when it is out of date. */
    version = 0;

    /** `settings` supplies the frameworks of catalogue files; a new set of them is a new snapshot. */
    constructor(shared: LangiumSharedCoreServices, private readonly settings?: MandateSettings) {
        this.documentsSource = shared.workspace.LangiumDocuments;
        const builder = shared.workspace.DocumentBuilder;
        builder.onUpdate(() => this.invalidate());
        builder.onBuildPhase(DocumentState.IndexedContent, () => this.invalidate());
        settings?.onDidChange(() => this.invalidate());
    }

    get(): WorkspaceModel {
        if (!this.current) {
            this.current = new WorkspaceModel(this.documents(), this.settings?.catalogueFrameworks);
            this.generation++;
        }
        return this.current;
    }

    invalidate(): void {
        this.current = undefined;
        this.version++;
    }

    /** The documents the next snapshot will hold, without building it. */
    documents(): Array<LangiumDocument<Model>> {
        return this.documentsSource.all.toArray() as Array<LangiumDocument<Model>>;
    }
}
