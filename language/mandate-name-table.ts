import type { AstNodeDescription } from 'langium';
import { compareStrings } from './util/compare.js';
import { PrefixIndex, rebuildIsCheaper } from './util/prefix-index.js';

/*
 * The workspace's declarations by name, one table per reference type (mandate-scope-provider.ts):
 * what lets a reference resolve in constant time instead of scanning its file.
 */

/** Every declaration of one name that a reference of one type may target, in resolution order: for a name declared more than once. */
export interface Candidates {
    /** Workspace-wide, by document URI, then by position in the document. */
    readonly all: AstNodeDescription[];
    /** Per document, its first declaration. */
    readonly byDocument: Map<string, AstNodeDescription>;
}

/**
 * A name's entry in a table: its one declaration, as most names have, or its candidates. A list
 * and an object per name were 5 MB of 54,000 names at 100,000 lines.
 */
export type Entry = AstNodeDescription | Candidates;

export function isCandidates(entry: Entry): entry is Candidates {
    return 'byDocument' in entry;
}

export function declarationsOf(entry: Entry | undefined): readonly AstNodeDescription[] {
    return entry === undefined ? [] : isCandidates(entry) ? entry.all : [entry];
}

/** The declarations a reference type may target, by name, in resolution order. */
export class NameTable {
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

    /** The table of the declarations `byUri` lists, each document's in its order. */
    static of(byUri: Map<string, AstNodeDescription[]>): NameTable {
        // Nearly every name is declared once: each is set without a look first (one hash lookup, not two), and the
        // few declared again, found by the map not growing, are gathered in a second pass made only for them.
        const byName = new Map<string, Entry>();
        const uris = [...byUri.keys()].sort(compareStrings);
        let repeated: Map<string, AstNodeDescription[]> | undefined;
        for (const uri of uris) {
            const descriptions = byUri.get(uri)!;
            for (let index = 0; index < descriptions.length; index++) {
                const name = descriptions[index].name;
                const size = byName.size;
                byName.set(name, descriptions[index]);
                if (byName.size === size) (repeated ??= new Map()).set(name, []);
            }
        }
        if (repeated) {
            for (const uri of uris) for (const description of byUri.get(uri)!) repeated.get(description.name)?.push(description);
            for (const [name, all] of repeated) byName.set(name, entryOf(all));
        }
        return new NameTable(byName, byUri);
    }

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

    /**
     * Puts `added` in the place of `removed` among the declarations of `uri`, as patching would
     * after a statement of the file was parsed again (statement-edit/): both names' entries are made
     * again from the other documents' declarations and this one's. False, with nothing changed, when
     * `removed` is not one of them.
     */
    swap(uri: string, removed: AstNodeDescription, added: AstNodeDescription): boolean {
        const before = this.byUri.get(uri);
        const at = before ? before.indexOf(removed) : -1;
        if (!before || at < 0) return false;
        const entries = before.slice();
        entries[at] = added;
        this.byUri.set(uri, entries);
        for (const name of new Set([removed.name, added.name])) {
            const known = declarationsOf(this.byName.get(name));
            // A name declared once, by the statement, or not at all before: no scan of the file's 30,000 declarations.
            if ((known.length === 1 && known[0] === removed) || known.length === 0) {
                if (added.name === name) this.byName.set(name, added); else this.byName.delete(name);
                continue;
            }
            const others = known.filter(description => description.documentUri.toString() !== uri);
            const all = mergeByUri(others, entries.filter(description => description.name === name));
            if (all.length === 0) this.byName.delete(name);
            else this.byName.set(name, entryOf(all));
        }
        this.changed(new Set([uri]), false);
        return true;
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

/** Index entries by document URI, each document's in the order the index gives them. */
export function groupByUri(descriptions: Iterable<AstNodeDescription>): Map<string, AstNodeDescription[]> {
    const byUri = new Map<string, AstNodeDescription[]>();
    for (const description of descriptions) {
        const uri = description.documentUri.toString();
        const list = byUri.get(uri);
        if (list) list.push(description); else byUri.set(uri, [description]);
    }
    return byUri;
}

/** Past this many changed documents a table is rebuilt rather than patched. */
export const MAX_PATCHED_DOCUMENTS = 16;

/** A name's entry; for a name declared more than once, with each document's first declaration, which its own references resolve to. */
export function entryOf(all: AstNodeDescription[]): Entry {
    if (all.length === 1) return all[0];
    const byDocument = new Map<string, AstNodeDescription>();
    for (const description of all) {
        const uri = description.documentUri.toString();
        if (!byDocument.has(uri)) byDocument.set(uri, description);
    }
    return { all, byDocument };
}

/** Two lists sorted by document URI, merged stably: on equal URIs the first list's entries come first. */
export function mergeByUri(first: readonly AstNodeDescription[], second: readonly AstNodeDescription[]): AstNodeDescription[] {
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
