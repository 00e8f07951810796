import { isMultiReference, isReference, type AstNodeDescription, type LangiumDocument, type MultiReference, type Reference } from 'langium';
import { hasRefNode } from '../mandate-reference.js';
import { copyMap } from '../util/copy-map.js';

type AnyReference = Reference | MultiReference;

/**
 * What a document's linked references say, counted reference by reference so that relinking a
 * few of them can update it: which export changes can affect the document (reference-summary.ts),
 * which documents its references point into (export-changes.ts) and the reference index's record
 * of the declarations it refers to (reference-index-manager.ts).
 */
export interface ReferenceTally {
    /** How many references the document had linked when this was counted. */
    readonly count: number;
    /** The names its references are written with. */
    readonly names: ReadonlySet<string>;
    /** How many failed to link. */
    readonly unresolved: number;
    /** By the URI of a document, how many references were resolved to a declaration there (failed or not). */
    readonly described: ReadonlyMap<string, number>;
    /** What the reference index records: by target document URI, by declaration path, how many references linked to it. */
    readonly targets: ReadonlyMap<string, ReadonlyMap<string, number>>;
}

/**
 * Tallies by the document's list of linked references. Linking fills a new list (Langium's `unlink`
 * replaces it, and so does MandateLinker.relinkSome, which hands over an updated tally), so a tally
 * holds while the list is the same one of the same length. Nothing else changes a listed reference,
 * except pointing it at the new node of the same declaration (export-changes.ts), which forgets the
 * tally when a declaration's path changed.
 */
const tallies = new WeakMap<readonly AnyReference[], ReferenceTally>();

/** How many tallies were counted from a whole list, for tests that prove a relink updates them instead. */
export const tallyCounts = { counted: 0 };

export function tallyOf(document: LangiumDocument): ReferenceTally {
    return tallyOfList(document.references);
}

/** The tally of a list of references a document has or had (a list linking replaced: statement-edit/). */
export function tallyOfList(references: readonly AnyReference[]): ReferenceTally {
    const known = tallies.get(references);
    if (known && known.count === references.length) return known;
    tallyCounts.counted++;
    // The names are read only after an edit (reference-summary.ts): a cold check does not collect them.
    let names: ReadonlySet<string> | undefined;
    const draft = new TallyDraft(undefined, () => names ??= new Set(references.map(reference => reference.$refText)));
    for (const reference of references) draft.add(reference.error !== undefined, describedBy(reference), targetItems(reference), 1);
    const tally = draft.done(references.length);
    tallies.set(references, tally);
    return tally;
}

/**
 * How many of a document's references failed to link: its tally's count when it has one, else
 * counted without making one. A one-shot run keeps no reference index, which is what asks for the
 * rest of the tally: at 1M lines, making every document's cost a check 0.2 s for this one number.
 */
export function unresolvedCount(document: LangiumDocument): number {
    const references = document.references;
    const known = tallies.get(references);
    if (known && known.count === references.length) return known.unresolved;
    let unresolved = 0;
    for (const reference of references) if (reference.error !== undefined) unresolved++;
    return unresolved;
}

/** Called after declarations' paths changed under references of the same list: its tally is counted again when next asked. */
export function forgetTally(document: LangiumDocument): void {
    tallies.delete(document.references);
}

/** Hands the tally of a document's new list of references (the old list's, updated by a draft) to later readers. */
export function keepTally(document: LangiumDocument, draft: TallyDraft): void {
    tallies.set(document.references, draft.done(document.references.length));
}

/** The declarations an entry of the reference index is made for, as Langium's `createInfoDescriptions` picks them. */
export function targetItems(reference: AnyReference): readonly AstNodeDescription[] {
    if (reference.error || !hasRefNode(reference)) return [];
    if (isReference(reference)) return reference.$nodeDescription ? [reference.$nodeDescription] : [];
    if (isMultiReference(reference)) return reference.items.flatMap(item => item.$nodeDescription ? [item.$nodeDescription] : []);
    return [];
}

/** What one reference adds to a tally: taken before it is linked again, and after. */
export interface ReferenceState {
    readonly failed: boolean;
    readonly described: AstNodeDescription | undefined;
    readonly items: readonly AstNodeDescription[];
}

export function referenceState(reference: AnyReference): ReferenceState {
    return { failed: reference.error !== undefined, described: describedBy(reference), items: targetItems(reference) };
}

/** The state of a single reference as it was before it was pointed elsewhere: failed or not, and resolved to `described`. */
export function referenceStateWith(reference: Reference, failed: boolean, described: AstNodeDescription | undefined): ReferenceState {
    return { failed, described, items: !failed && hasRefNode(reference) && described ? [described] : [] };
}

/**
 * A tally being updated while some references of a document are linked again: each changed
 * reference takes back what it added and adds what it adds now. Copies what it changes, so the
 * tally of the old list stays as it was for whoever still holds it (the reference index, until the
 * document is indexed again). Relinking changes no reference's text: the names are the old ones.
 */
export class TallyDraft {
    private unresolved: number;
    private readonly described: Map<string, number>;
    private readonly targets: Map<string, Map<string, number>>;
    /** The target documents whose map of paths this draft copied from the old tally's. */
    private readonly copied = new Set<string>();
    private readonly namesOf: () => ReadonlySet<string>;

    constructor(private readonly from: ReferenceTally | undefined, namesOf?: () => ReadonlySet<string>) {
        if (namesOf) {
            this.namesOf = namesOf;
        } else {
            // Taken now: a thunk would keep the old tally, and through it the old list, alive.
            const names = from?.names;
            this.namesOf = () => names ?? new Set();
        }
        this.unresolved = from?.unresolved ?? 0;
        this.described = copyMap(from?.described);
        this.targets = copyMap(from?.targets as Map<string, Map<string, number>> | undefined);
    }

    /** A draft that starts from the tally of the document's current list (counted now if it was not yet). */
    static of(document: LangiumDocument): TallyDraft {
        return new TallyDraft(tallyOf(document));
    }

    apply(state: ReferenceState, sign: 1 | -1): void {
        this.add(state.failed, state.described, state.items, sign);
    }

    /**
     * One reference counted as `after` instead of `before`. Nothing changes when both count the same
     * (a target moved to the new node of a declaration at the same path): the draft then copies no map,
     * and a keystroke in a file of 10,000 people does not copy the 30,000 paths of its own declarations.
     */
    move(before: ReferenceState, after: ReferenceState): void {
        if (countsTheSame(before, after)) return;
        this.apply(before, -1);
        this.apply(after, 1);
    }

    add(failed: boolean, described: AstNodeDescription | undefined, items: readonly AstNodeDescription[], sign: 1 | -1): void {
        if (failed) this.unresolved += sign;
        if (described) bump(this.described, described.documentUri.toString(), sign);
        for (const item of items) {
            const uri = item.documentUri.toString();
            let paths = this.targets.get(uri);
            if (paths && this.from && !this.copied.has(uri)) {
                this.targets.set(uri, paths = copyMap(paths));
                this.copied.add(uri);
            }
            if (!paths) {
                this.targets.set(uri, paths = new Map());
                if (this.from) this.copied.add(uri);
            }
            bump(paths, item.path, sign);
            if (paths.size === 0) this.targets.delete(uri);
        }
    }

    done(count: number): ReferenceTally {
        const { unresolved, described, targets, namesOf } = this;
        return {
            count, unresolved, described, targets,
            get names() {
                return namesOf();
            }
        };
    }
}

function countsTheSame(a: ReferenceState, b: ReferenceState): boolean {
    if (a.failed !== b.failed || !sameUri(a.described, b.described) || a.items.length !== b.items.length) return false;
    return a.items.every((item, index) => sameUri(item, b.items[index]) && item.path === b.items[index].path);
}

function sameUri(a: AstNodeDescription | undefined, b: AstNodeDescription | undefined): boolean {
    return a === b || (a !== undefined && b !== undefined && (a.documentUri === b.documentUri || a.documentUri.toString() === b.documentUri.toString()));
}

function describedBy(reference: AnyReference): AstNodeDescription | undefined {
    // The grammar has single references only (no multi-references).
    return '$nodeDescription' in reference ? (reference as Reference).$nodeDescription : undefined;
}

function bump(counts: Map<string, number>, key: string, sign: 1 | -1): void {
    const next = (counts.get(key) ?? 0) + sign;
    if (next === 0) counts.delete(key); else counts.set(key, next);
}
