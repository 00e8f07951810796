import {
    Cancellation, DefaultDocumentBuilder, DocumentState, Emitter, isOperationCancelled, URI, type AstNode, type AstNodeDescription, type BuildOptions,
    type Event, type LangiumCoreServices, type LangiumDocument, type LangiumSharedCoreServices, type ValidationCategory
} from 'langium';
import type { MandateAddedSharedServices } from '../mandate-module.js';
import { LayoutEdits } from '../layout-edit/layout-edits.js';
import { ExportChanges, mustLinkAgain, retargetReferences, type ExportComparison } from './export-changes.js';
import { MandateLinker } from '../mandate-linker.js';
import type { WorkspaceFindings } from './workspace-findings.js';
import { rememberParse } from './semantic-fingerprint.js';
import { PendingUpdates } from './pending-updates.js';
import { DocumentWaits } from './document-waits.js';
import { isPolicyFileName, isWorkspaceFile } from './workspace-files.js';
import { BuildFailure } from './build-failure.js';
import { mayResolveDifferently } from './reference-summary.js';
import { MandateDocumentFactory } from './mandate-document-factory.js';
import { MandateIndexManager } from './mandate-index-manager.js';
import { missingValidationCategories, servicesOf } from './validation-categories.js';

/** A build or update that ran to its end: how many documents it built, and how long it took. */
export interface BuildTiming {
    readonly documents: number;
    readonly ms: number;
    /** Of `documents`, those whose tree an edit of blanks and comments kept (layout-edit/). */
    readonly keptTrees: number;
    /** Of `documents`, those read by parsing one statement again (statement-edit/). */
    readonly splicedTrees: number;
}

/**
 * What Langium's builder does not do:
 * - Langium relinks and re-validates every document that references a changed one, even when
 *   the change was a comment. This builder first parses and indexes the changed documents,
 *   and only when their exported names changed relinks the documents that need it: those that
 *   referenced them, those that refer to a name that appeared or disappeared (a duplicate can
 *   take over a name) and those with unresolved names; in a linked document, only the references
 *   that need it are linked again (export-changes.ts, mustLinkAgain). Otherwise the references into
 *   the changed documents are moved to the new nodes of the same declarations, and nothing else is rebuilt.
 *   Node rules only read their own document and the names of its references, so their findings
 *   stay valid; everything that reads other documents' content is a workspace rule.
 * - A workspace finding can belong to an unrelated document: deleting the file with the CISO
 *   must make `ciso-missing` appear on the organization, which references nothing in that file.
 *   After each update this builder re-validates exactly the documents whose workspace findings changed.
 * - Only policy files of the workspace are policy: a copy an editor opens (a git diff, a rename preview,
 *   an untitled buffer, a file not named *.mandate) is never built, and one that got in is dropped (workspace-files.ts).
 * - A build that fails answers the requests waiting for it, instead of leaving them (build-failure.ts).
 * - Each build or update that completes says how many documents it built and how long it took
 *   (`onBuilt`; the language server logs it for trouble-shooting).
 */
export class MandateDocumentBuilder extends DefaultDocumentBuilder {
    private readonly findings: () => WorkspaceFindings;
    private readonly isWorkspaceFile: (uri: URI) => boolean;
    private readonly exportChanges = new ExportChanges();
    private readonly builtEmitter = new Emitter<BuildTiming>();
    /** Edits of blanks and comments, which keep the document's tree (layout-edit/). */
    readonly layoutEdits: LayoutEdits;
    /** The build or update running now: nested builds (re-validating stale documents) count towards it. */
    private timing: { start: number, documents: Set<string>, keptTrees: number, spliced: number } | undefined;
    /** The requests waiting for a document to reach a state: see `awaitDocumentState`. */
    private readonly waits = new DocumentWaits();
    /** Editor changes whose update waits behind a build: a request for their documents waits for it (pending-updates.ts). */
    readonly pendingUpdates = new PendingUpdates();
    /** A failed build, which answers the requests waiting for it (build-failure.ts). */
    private readonly failure = new BuildFailure();

    constructor(services: LangiumSharedCoreServices & MandateAddedSharedServices) {
        super(services);
        // Resolved lazily: the findings service itself depends on this builder's events.
        this.findings = () => services.mandate.WorkspaceFindings;
        this.isWorkspaceFile = uri => isWorkspaceFile(uri, services.mandate.Settings.workspaceRoots);
        this.openText = uri => services.workspace.TextDocuments?.get(uri.toString())?.getText();
        this.layoutEdits = new LayoutEdits(services, () => this.findings());
    }

    private readonly openText: (uri: URI) => string | undefined;

    /**
     * Whether an update of `uri` would change nothing: an editor opened the file, or sent a change
     * that gives back the text already built. Langium would keep the tree but link the file again,
     * and every result carried from it (document shares, training groups) would be worked out
     * again on the next edit: opening the organization file made the next keystroke in a
     * 100,000-line workspace take 150 ms instead of 45.
     */
    private unchangedText(uri: URI): boolean {
        const document = this.langiumDocuments.getDocument(uri);
        if (!document || document.state < DocumentState.Validated) return false;
        const text = this.openText(uri);
        return text !== undefined && text === document.parseResult.value.$cstNode?.root.fullText;
    }

    get onBuilt(): Event<BuildTiming> {
        return this.builtEmitter.event;
    }

    override build<T extends AstNode>(documents: Array<LangiumDocument<T>>, options?: BuildOptions, cancelToken?: Cancellation.CancellationToken): Promise<void> {
        return this.timed(() => super.build(documents, options, cancelToken));
    }

    override update(changed: URI[], deleted: URI[], cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        return this.timed(() => this.updateDocuments(changed, deleted, cancelToken));
    }

    /**
     * `update`, also checking `recheck` again although their text did not change: they name a file
     * or folder that appeared or went (evidence-missing), which an open document's unchanged text
     * would otherwise keep from being checked.
     */
    updateRechecking(changed: URI[], recheck: URI[], deleted: URI[], cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        return this.timed(() => this.updateDocuments([...changed, ...recheck], deleted, cancelToken, new Set(recheck.map(uri => uri.toString()))));
    }

    private async timed(run: () => Promise<void>): Promise<void> {
        if (this.timing) return run();
        const timing = this.timing = { start: performance.now(), documents: new Set<string>(), keptTrees: 0, spliced: this.splicedSoFar() };
        this.failure.started();
        try {
            await run();
        } catch (error) {
            if (!isOperationCancelled(error)) this.failure.failed(error);
            throw error;
        } finally {
            this.timing = undefined;
        }
        this.builtEmitter.fire({
            documents: timing.documents.size, ms: Math.round(performance.now() - timing.start), keptTrees: timing.keptTrees,
            splicedTrees: this.splicedSoFar() - timing.spliced
        });
    }

    private async updateDocuments(changed: URI[], deleted: URI[], cancelToken: Cancellation.CancellationToken, recheck: ReadonlySet<string> = new Set()): Promise<void> {
        // Not policy: a copy an editor opened, or a document open under a name that is not *.mandate.
        // A changed folder is kept: the policies below it are found by Langium's update.
        const isCopy = (uri: URI) => !this.isWorkspaceFile(uri) || (!isPolicyFileName(uri) && this.openText(uri) !== undefined);
        const copies = changed.filter(isCopy);
        if (copies.length > 0) {
            changed = changed.filter(uri => !isCopy(uri));
            deleted = [...deleted, ...copies.filter(uri => this.langiumDocuments.hasDocument(uri))];
        }
        const unchanged = changed.filter(uri => !recheck.has(uri.toString()) && this.unchangedText(uri));
        this.pendingUpdates.applied(unchanged); // built from the text the editor has
        changed = changed.filter(uri => !unchanged.includes(uri));
        if (changed.length === 1 && deleted.length === 0 && recheck.size === 0 && this.settled && !this.exportChanges.hasPending && await this.layoutEdits.keepTree(changed[0])) {
            this.pendingUpdates.applied(changed);
            // Its new text is checked: the findings moved with it.
            if (this.timing) {
                this.timing.documents.add(changed[0].toString());
                this.timing.keptTrees++;
            }
            return;
        }
        this.settled = false;
        deleted.forEach(uri => this.findings().forget(uri.toString()));
        await super.update(changed, deleted, cancelToken);
        await this.revalidateStaleDocuments(cancelToken);
        this.settled = !cancelToken.isCancellationRequested;
    }

    /**
     * Whether the last update ran to its end. One cancelled by the next (typing, a burst of file
     * events) may leave work that only a build does: the documents that referred to a deleted file
     * to link again, findings gone stale to publish. A comment typed next must then be built as
     * usual, not kept as layout: it was, and a file deleted just before was never noticed by the
     * files that named what it declared (the random edits of tests/incremental-property.test.ts).
     */
    private settled = true;

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

    /** The changed documents are reset (or created) by now: the text they are built from is the editor's. */
    protected override emitUpdate(changed: URI[], deleted: URI[]): Promise<void> {
        this.pendingUpdates.applied([...changed, ...deleted]);
        return super.emitUpdate(changed, deleted);
    }

    /** Remembers what a document exported before its index entry goes, to compare once it is indexed again. */
    override resetToState<T extends AstNode>(document: LangiumDocument<T>, state: DocumentState): void {
        if (state <= DocumentState.Parsed) {
            this.exportChanges.capture(document.uri, this.exportsOf(document.uri));
            // The old tree, with its errors, for the workspace findings to tell whether the new one says the same.
            if (document.state >= DocumentState.Parsed) rememberParse(document.parseResult);
        }
        super.resetToState(document, state);
    }

    protected override cleanUpDeleted<T extends AstNode>(document: LangiumDocument<T>): void {
        this.exportChanges.capture(document.uri, this.exportsOf(document.uri));
        super.cleanUpDeleted(document);
        this.waits.end(document.uri);
    }

    /**
     * Langium's wait, which also ends when the document is dropped, or when a completed build
     * has built it without the wait hearing of it. A request that arrives just after `didClose` of
     * a document that is not on disk waits for a build of that document; the close drops it, the
     * build never comes, and the request was never answered (the editor hangs on it). Under a
     * storm of opens, closes and changes a wait also missed the phase of a document that was then
     * fully built (the stdio fuzz, seed 7). Now the first is answered as cancelled, the second answered.
     */
    protected override awaitDocumentState(state: DocumentState, uri: URI, cancelToken: Cancellation.CancellationToken): Promise<URI> {
        // The document still holds the text before an editor change whose update has not started.
        if (this.pendingUpdates.has(uri)) return this.pendingUpdates.whenApplied(uri, cancelToken).then(() => this.awaitDocumentState(state, uri, cancelToken));
        const document = this.langiumDocuments.getDocument(uri);
        return this.failure.guard(!document || document.state >= state, cancelToken,
            token => this.waits.wait(state, uri, token, inner => super.awaitDocumentState(state, uri, inner)));
    }

    /** Langium's wait for the whole workspace, which a failed build also ends (build-failure.ts). */
    protected override awaitBuilderState(state: DocumentState, cancelToken: Cancellation.CancellationToken): Promise<void> {
        return this.failure.guard(this.currentState >= state, cancelToken, token => super.awaitBuilderState(state, token));
    }

    private servicesOf(document: LangiumDocument): LangiumCoreServices {
        return servicesOf(this.serviceRegistry, document);
    }

    /** Langium's method, without looking the document's language up each time (validation-categories.ts). */
    protected override findMissingValidationCategories(document: LangiumDocument, options: BuildOptions | undefined): ValidationCategory[] {
        return missingValidationCategories(this.serviceRegistry, document, this.buildState.get(document.uri.toString()), options);
    }

    /** Decided in `buildDocuments`, once the changed documents' new exports are known. */
    protected override shouldRelink(): boolean {
        return false;
    }

    protected override async buildDocuments(documents: LangiumDocument[], options: BuildOptions, cancelToken: Cancellation.CancellationToken): Promise<void> {
        // A document indexed for the first time (loaded from the workspace folder, or opened) exported nothing before.
        for (const document of documents) {
            if (document.state < DocumentState.IndexedContent) this.exportChanges.capture(document.uri, []);
        }
        if (this.exportChanges.hasPending) {
            let changed = documents.filter(document => this.exportChanges.isPending(document.uri.toString()));
            const vanished = new Set<LangiumDocument>();
            await this.runCancelable(changed, DocumentState.Parsed, cancelToken, async document => {
                try {
                    await this.langiumDocumentFactory.update(document, cancelToken);
                } catch (error) {
                    if (isOperationCancelled(error) || await this.fileSystemProvider.exists(document.uri).catch(() => false)) throw error;
                    vanished.add(document);
                }
            });
            if (vanished.size > 0) {
                await this.forgetVanished([...vanished]);
                documents = documents.filter(document => !vanished.has(document));
                changed = changed.filter(document => !vanished.has(document));
            }
            await this.runCancelable(changed, DocumentState.IndexedContent, cancelToken, document => this.indexManager.updateContent(document, cancelToken));
            const comparison = this.exportChanges.compare(this.langiumDocuments, document => document.state >= DocumentState.IndexedContent,
                uri => this.exportsOf(uri));
            documents = [...documents, ...await this.applyExportChanges(comparison, new Set(documents))];
            this.linkers().forEach(linker => linker.exportComparison = comparison);
        }
        documents.forEach(document => this.timing?.documents.add(document.uri.toString()));
        try {
            await super.buildDocuments(documents, options, cancelToken);
        } finally {
            this.linkers().forEach(linker => linker.exportComparison = undefined);
        }
        this.waits.answer(this.langiumDocuments);
    }

    /**
     * A file can go between the update that names it and the build that reads it: an editor closes
     * a document (the file still exists, so it is read again) and then deletes the file. Reading it
     * then fails; the document is treated as deleted instead of stopping the server.
     */
    private async forgetVanished(documents: LangiumDocument[]): Promise<void> {
        for (const document of documents) {
            this.langiumDocuments.deleteDocument(document.uri);
            this.cleanUpDeleted(document);
            this.findings().forget(document.uri.toString());
        }
        await this.emitUpdate([], documents.map(document => document.uri));
    }

    /** Relinks what the changed exports affect and retargets the rest; returns the documents to add to the build. */
    private async applyExportChanges(comparison: ExportComparison, building: Set<LangiumDocument>): Promise<LangiumDocument[]> {
        const added: LangiumDocument[] = [];
        const relink = (document: LangiumDocument): void => {
            this.resetToState(document, DocumentState.ComputedScopes);
            if (!building.has(document)) added.push(document);
        };
        const { changedUris, retargets } = comparison;
        for (const document of this.langiumDocuments.all) {
            if (document.references.length === 0) continue;
            if (changedUris.size > 0 && mayResolveDifferently(document, comparison.changedNames, changedUris)) {
                const services = this.servicesOf(document);
                const linker = services.references.Linker;
                if (!(linker instanceof MandateLinker) || document.state < DocumentState.Linked) {
                    relink(document);
                    continue;
                }
                // Of 100 references of a file that names a renamed role once, only that one is linked again.
                const locator = services.workspace.AstNodeLocator;
                linker.relinkSome(document, reference => mustLinkAgain(reference, comparison, this.langiumDocuments, locator));
                this.resetToState(document, DocumentState.Linked);
                if (!building.has(document)) added.push(document);
                continue;
            }
            if (retargets.size === 0) continue;
            const locator = this.servicesOf(document).workspace.AstNodeLocator;
            const result = retargetReferences(document, retargets, locator, this.langiumDocuments);
            if (result === 'relink') relink(document);
            // The reference index records target paths; a declaration that moved needs its entries redone.
            // Not cancelled half-way: it is cheap, and the references already point at the new nodes.
            else if (result === 'moved' && document.state >= DocumentState.IndexedReferences) await this.indexManager.updateReferences(document);
        }
        return added;
    }

    private splicedSoFar(): number {
        return this.langiumDocumentFactory instanceof MandateDocumentFactory ? this.langiumDocumentFactory.spliced : 0;
    }

    /** What a document exported before the change under way: a spliced tree's kept declarations keep their descriptions (mandate-scope-provider.ts). */
    exportsBefore(uri: string): readonly AstNodeDescription[] | undefined {
        return this.exportChanges.before(uri);
    }

    /** The linkers of the languages, which link a spliced tree with the export changes of the build (statement-edit/spliced-links.ts). */
    private linkers(): MandateLinker[] {
        return this.serviceRegistry.all.flatMap(services => services.references.Linker instanceof MandateLinker ? [services.references.Linker] : []);
    }

    private exportsOf(uri: URI): readonly AstNodeDescription[] {
        // The index's own list: a copy of a file of 10,000 people's on every update and comparison cost a keystroke 2 ms.
        const index = this.indexManager;
        return index instanceof MandateIndexManager ? index.fileExports(uri.toString()) : index.allElements(undefined, new Set([uri.toString()])).toArray();
    }
}
