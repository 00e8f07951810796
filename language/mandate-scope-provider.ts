import {
    AstUtils, Cancellation, DefaultScopeComputation, DocumentState, MultiMap, stream, type AstNode, type AstNodeDescription, type AstReflection,
    type IndexManager, type LangiumCoreServices, type LangiumDocument, type LocalSymbols, type ReferenceInfo, type Scope,
    type ScopeProvider, type Stream, type URI
} from 'langium';
import { CancellationPoints } from './util/cancellation-points.js';
import { spliceOf } from './statement-edit/splice-tree.js';
import { statementReparse } from './statement-edit/statement-reparse.js';
import { exportSpliceOf, noteExportSplice, splicedExports } from './statement-edit/spliced-exports.js';
import { compareStrings } from './util/compare.js';
import { declarationsOf, entryOf, groupByUri, isCandidates, MAX_PATCHED_DOCUMENTS, mergeByUri, NameTable, type Entry } from './mandate-name-table.js';

/**
 * Langium's default scope provider puts each reference's document-local declarations in front
 * of the global index, and finds a name in them by a linear scan: with every declaration of a
 * 10,000-person file in one local scope, linking that file is quadratic. In Mandate every
 * declaration is top-level and exported, so one table per reference type (Party, Duty, …),
 * keyed by name and built once per index state, resolves every reference in constant time.
 *
 * Resolution of a duplicated name stays as it was: the declaration in the reference's own
 * document if there is one, else the first in URI order (the order WorkspaceModel and
 * duplicate-name use). URI order, unlike Langium's index order, does not depend on which file
 * was edited last, so an incremental build links like a cold one.
 */
export class MandateScopeProvider implements ScopeProvider {
    private readonly reflection: AstReflection;
    private readonly indexManager: IndexManager;
    private readonly tables = new Map<string, NameTable>();
    /** Per table, the documents whose index entries changed since it was built or patched. */
    private readonly pending = new Map<string, Set<string>>();
    /** How many tables were built from the whole index since start; tests use it to prove O(1) index scans per build. */
    tablesBuilt = 0;
    /** How many tables were patched for changed documents instead of rebuilt. */
    tablesPatched = 0;

    constructor(services: LangiumCoreServices) {
        this.reflection = services.shared.AstReflection;
        this.indexManager = services.shared.workspace.IndexManager;
        const builder = services.shared.workspace.DocumentBuilder;
        // The index changes when documents change or are deleted (update), and when a build indexes them.
        // A large file's update may be read by splicing one statement (statement-edit/): its table is dropped
        // only once it is indexed and was not, since a spliced file keeps nearly all its descriptions.
        const documents = services.shared.workspace.LangiumDocuments;
        const mayBeSpliced = (uri: URI) => (documents.getDocument(uri)?.parseResult.value.$cstNode?.root.fullText.length ?? 0) >= statementReparse.minLength;
        builder.onUpdate((changed, deleted) => this.invalidate([...changed, ...deleted].map(uri => uri.toString()), changed.filter(mayBeSpliced).map(uri => uri.toString())));
        builder.onBuildPhase(DocumentState.IndexedContent, indexed => {
            const spliced = indexed.filter(document => spliceOf(document.parseResult.value) !== undefined);
            this.invalidate(indexed.map(document => document.uri.toString()), spliced.map(document => document.uri.toString()));
            this.patchReplaced(spliced);
        });
    }

    /**
     * Patches now the tables of the types a spliced file's replaced statement declared: left to be
     * patched when next asked, a table kept that statement's old description, whose node leads to
     * the tree before the splice and its whole text, for as long as no reference asked for the type.
     * When the exports were not made from the last ones (spliced-exports.ts), every table is patched.
     */
    private patchReplaced(spliced: readonly LangiumDocument[]): void {
        if (spliced.length === 0) return;
        const types = new Set<string>();
        for (const document of spliced) {
            const splice = exportSpliceOf(document);
            if (!splice) {
                for (const type of this.pending.keys()) types.add(type);
                break;
            }
            for (const type of this.pending.keys()) {
                if ([splice.removed, splice.added].some(description => description && this.reflection.isSubtype(description.type, type))) types.add(type);
            }
        }
        types.forEach(type => this.tableFor(type));
    }

    /** The index entries of `uris` changed; `light` of them changed few of their entries (or may have: see above). */
    private invalidate(uris: readonly string[], light: readonly string[]): void {
        const heavy = light.length === 0 ? uris : uris.filter(uri => !light.includes(uri));
        for (const [type, dirty] of this.pending) {
            // Patching costs a scan of the table per changed name; past a few files, or many names, a rebuild is cheaper.
            if (dirty.size + uris.length > MAX_PATCHED_DOCUMENTS || this.tables.get(type)?.outweighedBy(heavy)) {
                this.tables.delete(type);
                this.pending.delete(type);
            } else {
                uris.forEach(uri => dirty.add(uri));
            }
        }
    }

    getScope(context: ReferenceInfo): Scope {
        const table = this.tableFor(this.reflection.getReferenceType(context));
        return new IndexedScope(table, AstUtils.getDocument(context.container).uri.toString());
    }

    private tableFor(referenceType: string): NameTable {
        let table = this.tables.get(referenceType);
        const dirty = this.pending.get(referenceType);
        if (table && dirty && dirty.size > 0) {
            table = this.patchTable(table, referenceType, dirty);
            this.tables.set(referenceType, table);
            dirty.clear();
            this.tablesPatched++;
        }
        if (!table) {
            table = this.buildTable(referenceType);
            this.tables.set(referenceType, table);
            this.pending.set(referenceType, new Set());
            this.tablesBuilt++;
        }
        return table;
    }

    private buildTable(referenceType: string): NameTable {
        // allElements filters by AstReflection.isSubtype: a Party table holds roles and persons.
        const byUri = groupByUri(this.indexManager.allElements(referenceType));
        // A name declared once (nearly all) is its own entry at once; only names declared again get a list, made into candidates at the end.
        const byName = new Map<string, Entry | AstNodeDescription[]>();
        for (const uri of [...byUri.keys()].sort(compareStrings)) {
            for (const description of byUri.get(uri) ?? []) {
                const known = byName.get(description.name);
                if (known === undefined) byName.set(description.name, description);
                else if (Array.isArray(known)) known.push(description);
                else byName.set(description.name, [known as AstNodeDescription, description]);
            }
        }
        for (const [name, known] of byName) if (Array.isArray(known)) byName.set(name, entryOf(known));
        return new NameTable(byName as Map<string, Entry>, byUri);
    }

    /**
     * The table as a rebuild would make it, from the changed documents' entries only: an edit to
     * one file costs that file's names, not the workspace's (rebuilding the tables of a
     * 100,000-line workspace took a tenth of every keystroke).
     */
    private patchTable(table: NameTable, referenceType: string, dirty: ReadonlySet<string>): NameTable {
        const fresh = groupByUri(this.indexManager.allElements(referenceType, new Set(dirty)));
        const touched = new Map<string, AstNodeDescription[]>();
        let documentsCameOrWent = false;
        for (const uri of dirty) {
            const entries = fresh.get(uri);
            // A spliced file keeps the descriptions of the declarations it kept: only the names of those that differ are touched.
            for (const description of changedEntries(table.byUri.get(uri) ?? [], entries ?? [])) if (!touched.has(description.name)) touched.set(description.name, []);
            if (table.byUri.has(uri) !== (entries !== undefined)) documentsCameOrWent = true;
            if (entries) table.byUri.set(uri, entries); else table.byUri.delete(uri);
        }
        for (const uri of [...fresh.keys()].sort(compareStrings)) {
            for (const description of fresh.get(uri) ?? []) touched.get(description.name)?.push(description);
        }
        for (const [name, added] of touched) {
            const kept = declarationsOf(table.byName.get(name)).filter(description => !dirty.has(description.documentUri.toString()));
            const all = mergeByUri(kept, added);
            if (all.length === 0) table.byName.delete(name);
            else table.byName.set(name, entryOf(all));
        }
        table.changed(dirty, documentsCameOrWent);
        return table;
    }
}

/**
 * The entries of a document before and after its index entry changed that are not in both at the
 * same place: all of both, unless the two lists are as long (a spliced file's, statement-edit/).
 */
function changedEntries(before: readonly AstNodeDescription[], after: readonly AstNodeDescription[]): readonly AstNodeDescription[] {
    if (before.length !== after.length) return [...before, ...after];
    const changed: AstNodeDescription[] = [];
    for (let index = 0; index < before.length; index++) {
        if (before[index] !== after[index]) changed.push(before[index], after[index]);
    }
    return changed;
}

/** One reference's view of a name table: its own document's declaration of a name comes first. */
class IndexedScope implements Scope {
    constructor(private readonly table: NameTable, private readonly documentUri: string) {}

    getElement(name: string): AstNodeDescription | undefined {
        const entry = this.table.byName.get(name);
        if (entry === undefined || !isCandidates(entry)) return entry;
        return entry.byDocument.get(this.documentUri) ?? entry.all[0];
    }

    getElements(name: string): Stream<AstNodeDescription> {
        const entry = this.table.byName.get(name);
        if (entry === undefined || !isCandidates(entry)) return stream(entry === undefined ? [] : [entry]);
        const first = this.getElement(name)!;
        return stream([first, ...entry.all.filter(candidate => candidate !== first)]);
    }

    /** Every declaration the reference may target, once each, for completion and "did you mean". */
    getAllElements(): Stream<AstNodeDescription> {
        return stream(this.table.all);
    }

    /** Those of them in the reference's own document, which completion offers first. */
    localElements(): readonly AstNodeDescription[] {
        return this.table.byUri.get(this.documentUri) ?? [];
    }

    suggestionNames(limit: number): readonly string[] {
        return this.table.suggestionNames(limit);
    }

    /** Those whose lower-case name starts with `lowerCasePrefix`, in scope order. */
    elementsStartingWith(lowerCasePrefix: string): readonly AstNodeDescription[] {
        return this.table.prefixIndex.startingWith(lowerCasePrefix);
    }
}

/** The declarations of a scope's own document, when the scope can tell them (IndexedScope). */
export function localElementsOf(scope: Scope): readonly AstNodeDescription[] | undefined {
    return scope instanceof IndexedScope ? scope.localElements() : undefined;
}

/** The first `limit` declarations' names, each once, in scope order: the same list for every reference of a type until the index changes. */
export function suggestionNamesOf(scope: Scope, limit: number): readonly string[] {
    if (scope instanceof IndexedScope) return scope.suggestionNames(limit);
    return scope.getAllElements().map(element => element.name).limit(limit).distinct().toArray();
}

/** How to find a scope's declarations by the start of their name, when the scope can tell (IndexedScope). */
export function prefixSearchOf(scope: Scope): ((lowerCasePrefix: string) => readonly AstNodeDescription[]) | undefined {
    return scope instanceof IndexedScope ? prefix => scope.elementsStartingWith(prefix) : undefined;
}

/**
 * Every named declaration is top-level and exported to the index, which is all the scope provider
 * reads; Langium's per-document copy of the same declarations ("local symbols") would only cost
 * time and memory.
 */
export class MandateScopeComputation extends DefaultScopeComputation {
    private readonly builder: Partial<ExportsBefore>;

    constructor(services: LangiumCoreServices) {
        super(services);
        this.builder = services.shared.workspace.DocumentBuilder as Partial<ExportsBefore>;
    }

    override async collectLocalSymbols(_document: LangiumDocument): Promise<LocalSymbols> {
        return new MultiMap<AstNode, AstNodeDescription>();
    }

    /**
     * Langium's: the file and its declarations, without an `await` per declaration (CancellationPoints).
     * A tree spliced from the last one (statement-edit/) keeps the descriptions of the declarations it
     * kept, so that the name tables are patched for the one statement parsed again (patchTable).
     */
    override async collectExportedSymbols(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<AstNodeDescription[]> {
        const root = document.parseResult.value;
        const before = spliceOf(root) && this.builder.exportsBefore?.(document.uri.toString());
        const spliced = before && splicedExports(root, before, node => {
            const described: AstNodeDescription[] = [];
            this.addExportedSymbol(node, described, document);
            return described[0];
        });
        if (spliced) {
            noteExportSplice(document, spliced);
            return spliced.exports as AstNodeDescription[];
        }
        const kept = this.keptDescriptions(document);
        const exports: AstNodeDescription[] = [];
        this.addExportedSymbol(root, exports, document);
        const points = new CancellationPoints(cancelToken);
        for (const node of AstUtils.streamContents(root)) {
            const pause = points.next();
            if (pause) await pause;
            const known = kept?.get(node);
            if (known && known.name === this.nameProvider.getName(node)) exports.push(known);
            else this.addExportedSymbol(node, exports, document);
        }
        return exports;
    }

    /** The descriptions the document's last tree exported, by node, when the tree is spliced from it: they describe the same nodes. */
    private keptDescriptions(document: LangiumDocument): ReadonlyMap<AstNode, AstNodeDescription> | undefined {
        if (!spliceOf(document.parseResult.value)) return undefined;
        const before = this.builder.exportsBefore?.(document.uri.toString());
        if (!before || before.length === 0) return undefined;
        const kept = new Map<AstNode, AstNodeDescription>();
        for (const description of before) if (description.node) kept.set(description.node, description);
        return kept;
    }
}

/** The document builder's record of what a document exported before the change under way (MandateDocumentBuilder). */
interface ExportsBefore {
    exportsBefore(uri: string): readonly AstNodeDescription[] | undefined;
}
