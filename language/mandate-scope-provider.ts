import {
    AstUtils, DefaultScopeComputation, DocumentState, MultiMap, stream, type AstNode, type AstNodeDescription, type AstReflection,
    type IndexManager, type LangiumCoreServices, type LangiumDocument, type LocalSymbols, type ReferenceInfo, type Scope,
    type ScopeProvider, type Stream
} from 'langium';
import { compareStrings } from './util/compare.js';

/** Every declaration of one name that a reference of one type may target, in resolution order. */
interface Candidates {
    /** Workspace-wide, by document URI, then by position in the document. */
    readonly all: AstNodeDescription[];
    /** Per document, its first declaration; only built when the name is declared more than once. */
    byDocument?: Map<string, AstNodeDescription>;
}

/** The declarations a reference type may target, by name, in resolution order. */
interface NameTable {
    readonly byName: ReadonlyMap<string, Candidates>;
    readonly all: readonly AstNodeDescription[];
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
    /** How many tables were built since start; tests use it to prove O(1) index scans per build. */
    tablesBuilt = 0;

    constructor(services: LangiumCoreServices) {
        this.reflection = services.shared.AstReflection;
        this.indexManager = services.shared.workspace.IndexManager;
        const builder = services.shared.workspace.DocumentBuilder;
        // The index changes when documents change or are deleted (update), and when a build indexes them.
        builder.onUpdate(() => this.tables.clear());
        builder.onBuildPhase(DocumentState.IndexedContent, () => this.tables.clear());
    }

    getScope(context: ReferenceInfo): Scope {
        const table = this.tableFor(this.reflection.getReferenceType(context));
        return new IndexedScope(table, AstUtils.getDocument(context.container).uri.toString());
    }

    private tableFor(referenceType: string): NameTable {
        let table = this.tables.get(referenceType);
        if (!table) {
            table = this.buildTable(referenceType);
            this.tables.set(referenceType, table);
            this.tablesBuilt++;
        }
        return table;
    }

    private buildTable(referenceType: string): NameTable {
        // allElements filters by AstReflection.isSubtype: a Party table holds roles and persons.
        const all = this.indexManager.allElements(referenceType).toArray();
        // Stable, and URI.toString() is cached: declarations of one document keep their order.
        all.sort((a, b) => compareStrings(a.documentUri.toString(), b.documentUri.toString()));
        const byName = new Map<string, Candidates>();
        for (const description of all) {
            const candidates = byName.get(description.name);
            if (!candidates) {
                byName.set(description.name, { all: [description] });
                continue;
            }
            candidates.all.push(description);
            const first = candidates.all[0];
            candidates.byDocument ??= new Map([[first.documentUri.toString(), first]]);
            const uri = description.documentUri.toString();
            if (!candidates.byDocument.has(uri)) candidates.byDocument.set(uri, description);
        }
        return { byName, all };
    }
}

/** One reference's view of a name table: its own document's declaration of a name comes first. */
class IndexedScope implements Scope {
    constructor(private readonly table: NameTable, private readonly documentUri: string) {}

    getElement(name: string): AstNodeDescription | undefined {
        const candidates = this.table.byName.get(name);
        if (!candidates) return undefined;
        return candidates.byDocument?.get(this.documentUri) ?? candidates.all[0];
    }

    getElements(name: string): Stream<AstNodeDescription> {
        const candidates = this.table.byName.get(name);
        if (!candidates) return stream([]);
        const first = this.getElement(name)!;
        return stream([first, ...candidates.all.filter(candidate => candidate !== first)]);
    }

    /** Every declaration the reference may target, once each, for completion and "did you mean". */
    getAllElements(): Stream<AstNodeDescription> {
        return stream(this.table.all);
    }
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
}
