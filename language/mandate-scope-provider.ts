import {
    AstUtils, Cancellation, DefaultScopeComputation, DocumentState, MultiMap, stream, type AstNode, type AstNodeDescription, type AstReflection,
    type IndexManager, type LangiumCoreServices, type LangiumDocument, type LocalSymbols, type ReferenceInfo, type Scope,
    type ScopeProvider, type Stream
} from 'langium';
import { CancellationPoints } from './util/cancellation-points.js';
import { compareStrings } from './util/compare.js';
import { PrefixIndex, rebuildIsCheaper } from './util/prefix-index.js';

/** Every declaration of one name that a reference of one type may target, in resolution order: for a name declared more than once. */
interface Candidates {
    /** Workspace-wide, by document URI, then by position in the document. */
    readonly all: AstNodeDescription[];
    /** Per document, its first declaration. */
    readonly byDocument: Map<string, AstNodeDescription>;
}

/**
 * A name's entry in a table: its one declaration, as most names have, or its candidates. A list
 * and an object per name were 5 MB of 54,000 names at 100,000 lines.
 */
type Entry = AstNodeDescription | Candidates;

function isCandidates(entry: Entry): entry is Candidates {
    return 'byDocument' in entry;
}

function declarationsOf(entry: Entry | undefined): readonly AstNodeDescription[] {
    return entry === undefined ? [] : isCandidates(entry) ? entry.all : [entry];
}

/** The declarations a reference type may target, by name, in resolution order. */
class NameTable {
    /** The documents' URIs in scope order: kept while no document comes or goes, as an edit to one file's declarations leaves them. */
    private uris: string[] | undefined;
    private prefixes: PrefixIndex | undefined;
    /** Documents whose declarations changed since the prefix index was patched: it is patched when completion next asks, not on every edit. */
    private readonly unpatched = new Set<string>();
    private names: { readonly limit: number; readonly names: readonly string[] } | undefined;

    constructor(
        readonly byName: Map<string, Entry>,
        /** Each document's declarations, in the order it exports them. */
        readonly byUri: Map<string, AstNodeDescription[]>
    ) {}

    /**
     * Every declaration, by document URI, read document by document as it is iterated: completion
     * reads the first names until its list is full, and listing all of them again after each edit
     * cost its first request a few milliseconds.
     */
    get all(): Iterable<AstNodeDescription> {
        const uris = this.sortedUris;
        const byUri = this.byUri;
        return {
            *[Symbol.iterator]() {
                for (const uri of uris) yield* byUri.get(uri) ?? [];
            }
        };
    }

    private get sortedUris(): readonly string[] {
        return this.uris ??= [...this.byUri.keys()].sort(compareStrings);
    }

    /** Every declaration by lower-case name, for completion of what is typed; once completion has asked, patched when it asks again. */
    get prefixIndex(): PrefixIndex {
        if (this.prefixes && this.unpatched.size > 0) this.prefixes = this.prefixes.patched(this.byUri, this.unpatched);
        this.unpatched.clear();
        this.prefixes ??= PrefixIndex.of(this.byUri);
        return this.prefixes;
    }

    /** The first `limit` distinct names in scope order, for "did you mean": one list per table state, so its answers are remembered (did-you-mean.ts). */
    suggestionNames(limit: number): readonly string[] {
        if (this.names?.limit !== limit) this.names = { limit, names: this.firstNames(limit) };
        return this.names.names;
    }

    /** The names of the first `limit` declarations (as `all` would list them), each once: without listing all 100,000 after an edit made a name unresolved. */
    private firstNames(limit: number): string[] {
        const names = new Set<string>();
        let count = 0;
        for (const description of this.all) {
            if (count++ === limit) break;
            names.add(description.name);
        }
        return [...names];
    }

    /** How many declarations the documents of `uris` have in the table. */
    entriesOf(uris: Iterable<string>): number {
        let entries = 0;
        for (const uri of uris) entries += this.byUri.get(uri)?.length ?? 0;
        return entries;
    }

    /**
     * Whether the declarations of `uris` are so many that patching the table for them costs what a
     * rebuild does. Until it is asked again, a table keeps their replaced declarations, and their
     * syntax tree with them: a kind of name no edited reference asks for would keep it for good.
     */
    outweighedBy(uris: readonly string[]): boolean {
        return rebuildIsCheaper(this.entriesOf(uris), this.byName.size);
    }

    /** After a patch of the declarations of `documents`; `documentsCameOrWent` when a document has declarations now and had none, or the other way round. */
    changed(documents: ReadonlySet<string>, documentsCameOrWent: boolean): void {
        this.names = undefined;
        if (documentsCameOrWent) this.uris = undefined;
        if (!this.prefixes) return;
        documents.forEach(uri => this.unpatched.add(uri));
        // Until completion asks, the index keeps the replaced declarations, and with them their
        // syntax trees. Where patching would rebuild it anyway (a file of 10,000 people edited), it
        // goes now, and the old tree with it: kept, it was 100 MB more for the server after one edit.
        if (this.prefixes.outgrownBy(this.entriesOf(this.unpatched))) {
            this.prefixes = undefined;
            this.unpatched.clear();
        }
    }
}

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
        builder.onUpdate((changed, deleted) => this.invalidate([...changed, ...deleted].map(uri => uri.toString())));
        builder.onBuildPhase(DocumentState.IndexedContent, documents => this.invalidate(documents.map(document => document.uri.toString())));
    }

    private invalidate(uris: readonly string[]): void {
        for (const [type, dirty] of this.pending) {
            // Patching costs a scan of the table per changed name; past a few files, or many names, a rebuild is cheaper.
            if (dirty.size + uris.length > MAX_PATCHED_DOCUMENTS || this.tables.get(type)?.outweighedBy(uris)) {
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
            for (const description of table.byUri.get(uri) ?? []) if (!touched.has(description.name)) touched.set(description.name, []);
            const entries = fresh.get(uri);
            if (table.byUri.has(uri) !== (entries !== undefined)) documentsCameOrWent = true;
            if (entries) table.byUri.set(uri, entries); else table.byUri.delete(uri);
        }
        for (const uri of [...fresh.keys()].sort(compareStrings)) {
            for (const description of fresh.get(uri) ?? []) {
                const list = touched.get(description.name);
                if (list) list.push(description); else touched.set(description.name, [description]);
            }
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

/** Index entries by document URI, each document's in the order the index gives them. */
function groupByUri(descriptions: Iterable<AstNodeDescription>): Map<string, AstNodeDescription[]> {
    const byUri = new Map<string, AstNodeDescription[]>();
    for (const description of descriptions) {
        const uri = description.documentUri.toString();
        const list = byUri.get(uri);
        if (list) list.push(description); else byUri.set(uri, [description]);
    }
    return byUri;
}

/** Past this many changed documents a table is rebuilt rather than patched. */
const MAX_PATCHED_DOCUMENTS = 16;

/** A name's entry; for a name declared more than once, with each document's first declaration, which its own references resolve to. */
function entryOf(all: AstNodeDescription[]): Entry {
    if (all.length === 1) return all[0];
    const byDocument = new Map<string, AstNodeDescription>();
    for (const description of all) {
        const uri = description.documentUri.toString();
        if (!byDocument.has(uri)) byDocument.set(uri, description);
    }
    return { all, byDocument };
}

/** Two lists sorted by document URI, merged stably: on equal URIs the first list's entries come first. */
function mergeByUri(first: readonly AstNodeDescription[], second: readonly AstNodeDescription[]): AstNodeDescription[] {
    if (second.length === 0) return [...first];
    const merged: AstNodeDescription[] = [];
    let j = 0;
    for (const description of first) {
        while (j < second.length && compareStrings(second[j].documentUri.toString(), description.documentUri.toString()) < 0) merged.push(second[j++]);
        merged.push(description);
    }
    while (j < second.length) merged.push(second[j++]);
    return merged;
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
    override async collectLocalSymbols(_document: LangiumDocument): Promise<LocalSymbols> {
        return new MultiMap<AstNode, AstNodeDescription>();
    }

    /** Langium's: the file and its declarations, without an `await` per declaration (CancellationPoints). */
    override async collectExportedSymbols(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<AstNodeDescription[]> {
        const root = document.parseResult.value;
        const exports: AstNodeDescription[] = [];
        this.addExportedSymbol(root, exports, document);
        const points = new CancellationPoints(cancelToken);
        for (const node of AstUtils.streamContents(root)) {
            const pause = points.next();
            if (pause) await pause;
            this.addExportedSymbol(node, exports, document);
        }
        return exports;
    }
}
