import {
    AstUtils, DocumentState, stream, type AstNodeDescription, type AstReflection, type IndexManager, type LangiumCoreServices,
    type LangiumDocument, type ReferenceInfo, type Scope, type ScopeProvider, type Stream, type URI
} from 'langium';
import { spliceOf } from './statement-edit/splice-tree.js';
import { statementReparse } from './statement-edit/statement-reparse.js';
import { exportSpliceOf } from './statement-edit/spliced-exports.js';
import { compareStrings } from './util/compare.js';
import { MandateIndexManager } from './workspace/mandate-index-manager.js';
import { declarationsOf, entryOf, groupByUri, isCandidates, MAX_PATCHED_DOCUMENTS, mergeByUri, NameTable } from './mandate-name-table.js';

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
    /** Per table, the documents of the updates under way that were not pending before them: the table is up to date for their last exports. */
    private upToDate = new Map<string, Set<string>>();
    /** Every type a reference of the grammar may target. */
    private referenceTypes: readonly string[] | undefined;
    /** The index's declarations of each reference type by document, read in one pass for the tables a build has yet to make (`groupedByUri`). */
    private groups: Map<string, Map<string, AstNodeDescription[]>> | undefined;
    /** How many tables were built from the whole index since start; tests use it to prove O(1) index scans per build. */
    tablesBuilt = 0;
    /** How many tables were patched for changed documents instead of rebuilt. */
    tablesPatched = 0;
    /** How many of those patches swapped one description of a spliced file (patchReplaced), for the tests. */
    tablesSwapped = 0;

    constructor(services: LangiumCoreServices) {
        this.reflection = services.shared.AstReflection;
        this.indexManager = services.shared.workspace.IndexManager;
        const builder = services.shared.workspace.DocumentBuilder;
        // The index changes when documents change or are deleted (update), and when a build indexes them.
        // A large file's update may be read by splicing one statement (statement-edit/): its table is dropped
        // only once it is indexed and was not, since a spliced file keeps nearly all its descriptions.
        const documents = services.shared.workspace.LangiumDocuments;
        const mayBeSpliced = (uri: URI) => (documents.getDocument(uri)?.parseResult.value.$cstNode?.root.fullText.length ?? 0) >= statementReparse.minLength;
        builder.onUpdate((changed, deleted) => {
            const light = changed.filter(mayBeSpliced).map(uri => uri.toString());
            this.noteUpToDate(light);
            this.invalidate([...changed, ...deleted].map(uri => uri.toString()), light);
        });
        // A build phase lists every document in its state, those indexed by an earlier build too: the documents indexed since are collected one by one.
        const indexed = new Set<LangiumDocument>();
        builder.onDocumentPhase(DocumentState.IndexedContent, document => { indexed.add(document); });
        // The groups of types no reference asked for are not kept past linking.
        builder.onBuildPhase(DocumentState.Linked, () => { this.groups = undefined; });
        builder.onBuildPhase(DocumentState.IndexedContent, () => {
            const documents = [...indexed];
            indexed.clear();
            const spliced = documents.filter(document => spliceOf(document.parseResult.value) !== undefined);
            this.invalidate(documents.map(document => document.uri.toString()), spliced.map(document => document.uri.toString()));
            this.patchReplaced(spliced);
        });
    }

    /** Notes, of each table, which of `uris` it is up to date for as their update begins (`upToDate`). */
    private noteUpToDate(uris: readonly string[]): void {
        for (const [type, dirty] of this.pending) {
            for (const uri of uris) {
                if (dirty.has(uri)) continue;
                let fresh = this.upToDate.get(type);
                if (!fresh) this.upToDate.set(type, fresh = new Set());
                fresh.add(uri);
            }
        }
    }

    /**
     * Brings every table up to date for the spliced files at once. Left to be patched when next
     * asked, a table kept the replaced statement's old description, whose node leads to the tree
     * before the splice and its whole text, for as long as no reference asked for its type. A table
     * up to date for the file until this update needs one description swapped, or none when the
     * statement declares nothing of its type (spliced-exports.ts); any other is patched as usual.
     */
    private patchReplaced(spliced: readonly LangiumDocument[]): void {
        const upToDate = this.upToDate;
        this.upToDate = new Map();
        for (const document of spliced) {
            const uri = document.uri.toString();
            const splice = exportSpliceOf(document);
            for (const [type, dirty] of [...this.pending]) {
                if (!dirty.has(uri)) continue;
                const table = this.tables.get(type);
                if (splice && table && upToDate.get(type)?.has(uri)) {
                    const [removed, added] = [splice.removed, splice.added].map(description => description && this.reflection.isSubtype(description.type, type) ? description : undefined);
                    if (!removed && !added) {
                        dirty.delete(uri);
                        continue;
                    }
                    if (removed && added && table.swap(uri, removed, added)) {
                        dirty.delete(uri);
                        this.tablesPatched++;
                        this.tablesSwapped++;
                        continue;
                    }
                }
                this.tableFor(type);
            }
        }
    }

    /** The index entries of `uris` changed; `light` of them changed few of their entries (or may have: see above). */
    private invalidate(uris: readonly string[], light: readonly string[]): void {
        this.groups = undefined;
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
            table = NameTable.of(this.groupedByUri(referenceType));
            this.tables.set(referenceType, table);
            this.pending.set(referenceType, new Set());
            this.tablesBuilt++;
        }
        return table;
    }

    /**
     * The declarations of `referenceType` by document, each document's in its order. A cold build, or
     * one after many files changed, asks for every type's: they are read in one pass over the index,
     * where allElements reads it once per type (six walks of 235,000 descriptions at 1M lines).
     */
    private groupedByUri(referenceType: string): Map<string, AstNodeDescription[]> {
        const index = this.indexManager;
        // One table rebuilt among tables kept (an edit of many names in one file) reads its own type only.
        if (!(index instanceof MandateIndexManager) || (!this.groups && this.tables.size > 0)) return groupByUri(index.allElements(referenceType));
        const groups = this.groups ??= groupsOf(index.documentExports(), this.referenceTypes ??= referenceTypesOf(this.reflection), this.reflection);
        const group = groups.get(referenceType);
        groups.delete(referenceType);
        return group ?? groupByUri(index.allElements(referenceType));
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

/** The types the grammar's references target (Role, Party, …), each once. */
function referenceTypesOf(reflection: AstReflection): readonly string[] {
    const types = new Set<string>();
    for (const type of reflection.getAllTypes()) {
        for (const property of Object.values(reflection.getTypeMetaData(type).properties)) if (property.referenceType) types.add(property.referenceType);
    }
    return [...types];
}

/** The declarations of each of `types` by document, from every document's exports read once; a description is in each type it is a subtype of (a person in Person, Party and Appointer). */
function groupsOf(exports: ReadonlyMap<string, readonly AstNodeDescription[]>, types: readonly string[], reflection: AstReflection): Map<string, Map<string, AstNodeDescription[]>> {
    const byType = new Map(types.map(type => [type, new Map<string, AstNodeDescription[]>()]));
    const intoOf = new Map<string, Array<Map<string, AstNodeDescription[]>>>();
    for (const [uri, descriptions] of exports) {
        for (const description of descriptions) {
            let into = intoOf.get(description.type);
            if (!into) intoOf.set(description.type, into = types.filter(type => reflection.isSubtype(description.type, type)).map(type => byType.get(type)!));
            for (const byUri of into) {
                const list = byUri.get(uri);
                if (list) list.push(description); else byUri.set(uri, [description]);
            }
        }
    }
    return byType;
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
