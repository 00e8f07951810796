import { DocumentState, type LangiumDocument, type LangiumDocuments, type LangiumSharedCoreServices } from 'langium';
import type { Model } from '../generated/ast.js';
import type { MandateSettings } from '../mandate-settings.js';
import { noteWorkspaceRead } from '../util/volatile-reads.js';
import { CarriedShares } from './document-shares.js';
import { TrainingGroupStore } from './training-groups.js';
import { WorkspaceModel } from './workspace-model.js';
import { fileLabel } from './file-label.js';

/**
 * Holds one cached WorkspaceModel. Any document update or new build invalidates it, and the
 * next reader rebuilds it in one pass, so workspace-wide rules cost O(workspace) per build
 * rather than O(workspace) per validated document.
 */
export class WorkspaceModelProvider {
    private readonly documentsSource: LangiumDocuments;
    private current: WorkspaceModel | undefined;
    /**
     * The last snapshot, while it may still describe the workspace: a re-validation on another
     * as-of date updates every document without changing one, and then the snapshot (and what
     * it remembers) is kept. Only a snapshot is cached here, never a finding, so a date stays out.
     */
    private reusable: { readonly model: WorkspaceModel; readonly inputs: number; readonly trees: Trees } | undefined;
    private treesGeneration = 0;
    /** The documents and syntax trees as last looked at, and the `version` they were looked at in. */
    private trees: { readonly at: number; readonly trees: Trees } | undefined;
    /** Training obligations carried from one snapshot to the next. */
    readonly trainingGroups = new TrainingGroupStore();
    /** Document shares of the workspace's indexes (document-shares.ts), carried from one snapshot to the next. */
    readonly shares: CarriedShares;
    /** How many snapshots have been built; tests and benchmarks use it to prove one build per update. */
    generation = 0;
    /** Counts invalidations: a reader that derived something from a snapshot knows when it is out of date. */
    version = 0;

    /** `settings` supplies the frameworks of catalogue files; a new set of them is a new snapshot. */
    /** `carry`: whether snapshots carry results to the next (document shares); not in a one-shot run. */
    constructor(shared: LangiumSharedCoreServices, private readonly settings?: MandateSettings, carry = true) {
        this.shares = new CarriedShares(carry);
        this.documentsSource = shared.workspace.LangiumDocuments;
        const builder = shared.workspace.DocumentBuilder;
        builder.onUpdate(() => this.outdate());
        builder.onBuildPhase(DocumentState.IndexedContent, () => this.outdate());
        settings?.onDidChange(() => this.outdate());
    }

    get(): WorkspaceModel {
        noteWorkspaceRead(); // a node check that asks reads other documents (CheckReplay)
        if (!this.current) {
            const documents = this.documents();
            const inputs = this.settings?.inputsVersion ?? 0;
            const trees = this.treesOf(documents);
            const last = this.reusable;
            if (last && last.inputs === inputs && last.trees === trees) {
                this.current = last.model;
            } else {
                // A replaced tree is not kept alive by a share of a kind this snapshot does not ask for.
                if (this.shares.carry) this.shares.forgetStale(new Set(documents));
                const settings = this.settings;
                this.current = new WorkspaceModel(documents, settings?.catalogueFrameworks, this.trainingGroups, this.shares, settings && (uri => fileLabel(uri, settings)));
                this.reusable = { model: this.current, inputs, trees };
                this.generation++;
            }
        }
        return this.current;
    }

    /**
     * A number that stays the same while every document keeps its syntax tree: linking is a function
     * of the trees, so what was derived under the same number (a check's findings, see CheckReplay)
     * still holds, as far as the documents go. Cheaper than `get()`: no snapshot is built. A number,
     * not the trees: a record of it must not keep earlier trees alive.
     */
    currentTrees(): number {
        this.treesOf();
        return this.treesGeneration;
    }

    /** The trees now; looked at once per `version`, as every document validated asks. */
    private treesOf(documents?: ReadonlyArray<LangiumDocument<Model>>): Trees {
        const last = this.trees;
        if (last && last.at === this.version) return last.trees;
        documents ??= this.documents();
        const same = last !== undefined && sameTrees(last.trees, documents);
        const trees = same ? last.trees : new Map(documents.map(document => [document, document.parseResult.value]));
        if (!same) this.treesGeneration++;
        this.trees = { at: this.version, trees };
        return trees;
    }

    /** Forget the snapshot: the next reader gets a new one, even if no document changed. */
    invalidate(): void {
        this.reusable = undefined;
        this.outdate();
    }

    /** The documents the next snapshot will hold, without building it. */
    documents(): Array<LangiumDocument<Model>> {
        return this.documentsSource.all.toArray() as Array<LangiumDocument<Model>>;
    }

    /** Something may have changed: the next reader checks, and builds a new snapshot if so. */
    private outdate(): void {
        this.current = undefined;
        this.version++;
    }
}

/**
 * Whether these are exactly the documents and syntax trees a snapshot was built from. Linking is
 * a function of the trees, so the same trees resolve every reference the same way.
 */
type Trees = ReadonlyMap<LangiumDocument, Model>;

function sameTrees(roots: Trees, documents: ReadonlyArray<LangiumDocument<Model>>): boolean {
    return roots.size === documents.length && documents.every(document => roots.get(document) === document.parseResult.value);
}
