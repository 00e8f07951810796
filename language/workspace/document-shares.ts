import type { AstNode, LangiumDocument } from 'langium';
import type { Model } from '../generated/ast.js';
import { CarriedMerge, mergedAgainInFull, mergedGroups, type GroupedLookup } from '../util/multi-map.js';
import { declarationsOf, type Declarations } from './declaration-index.js';
import { isUnchanged, SourceRecorder, withSources, type Reads, type Source } from './document-sources.js';
import type { SplicedShare } from './spliced-shares.js';
import { statementChangesSince } from '../statement-edit/statement-changes.js';

/**
 * What one document contributes to an index of the whole workspace, worked out from its
 * declarations (`own`) and what their references lead to. `recorder.read` every node of another
 * document whose content goes into the share: the share is worked out again when such a
 * document changes. Given every declaration of the workspace, it gives the whole index at once.
 */
export type ShareOf<T> = ((own: Declarations, recorder: Reads) => T) & {
    /** How the kind's share of a spliced tree follows from the share before (spliced-shares.ts); without it the share is worked out again. */
    readonly spliced?: SplicedShare<T>;
};

interface Share<T> {
    /** The tree it was worked out from: a snapshot asked after a later parse has another. */
    readonly root: Model;
    readonly sources: readonly Source[];
    readonly value: T;
}

/**
 * One kind of share, document by document, carried from one workspace snapshot to the next. A
 * document's share is worked out again only when it, or a document it read, has another tree or
 * other references since (document-sources.ts): an edit to one team's file redoes that file's
 * share, not those of the other 499.
 */
export class DocumentShares<T> {
    /** By document: Langium keeps one document object per URI while it is open or on disk. */
    private byDocument = new Map<LangiumDocument, Share<T>>();
    /** How many shares were worked out, for tests that prove an edit redoes only its own; and how many followed from a spliced tree's share before. */
    computed = 0;
    derivedCount = 0;

    constructor(private readonly shareOf: ShareOf<T>) {}

    /** Each document's share for the snapshot of `documents` and their trees `roots`, in that order. */
    of(documents: ReadonlyArray<LangiumDocument>, roots: readonly Model[]): T[] {
        const current = new Set(documents);
        const kept = new Map<LangiumDocument, Share<T>>();
        const values: T[] = [];
        for (let index = 0; index < documents.length; index++) {
            const document = documents[index];
            const root = roots[index];
            let share = this.byDocument.get(document);
            if (!share || !isReusable(share, root, current)) {
                const derived = share && this.derived(share, document, root, current);
                if (derived) {
                    this.derivedCount++;
                    share = derived;
                } else {
                    this.computed++;
                    const recorder = new SourceRecorder(document, root);
                    const value = this.shareOf(declarationsOf(root), recorder);
                    share = { root, sources: recorder.all, value };
                }
            }
            kept.set(document, share);
            values.push(share.value);
        }
        this.byDocument = kept;
        return values;
    }

    /**
     * The share of `root`, spliced from the tree `share` was worked out from, as the kind derives it
     * statement by statement; undefined when the kind has no way to, or another document the share
     * read changed since.
     */
    private derived(share: Share<T>, document: LangiumDocument, root: Model, current: ReadonlySet<LangiumDocument>): Share<T> | undefined {
        const spliced = this.shareOf.spliced;
        const [home, ...others] = share.sources;
        if (!spliced || home?.document !== document || !others.every(source => isUnchanged(source, current))) return undefined;
        const changes = statementChangesSince(share.root, root);
        if (!changes) return undefined;
        const recorder = new SourceRecorder(document, root);
        const read = (node: AstNode) => recorder.read(node);
        let value: T | undefined = share.value;
        for (const change of changes) if (value !== undefined) value = spliced(value, change, read);
        return value === undefined ? undefined : { root, sources: withSources(recorder.all, others), value };
    }

    /**
     * Drops the shares the next `of` would work out again. Until then they would keep the syntax
     * trees they were worked out from alive: after an edit of a file of 10,000 people, a kind no
     * rule asked for since (an undo reuses the findings) kept its tree as long as the server ran.
     * Returns how many were dropped of documents not spliced from the tree their share was worked
     * out from (`dropped`), and how many of those have another tree since (`replaced`), rather than
     * other references (a name in another file renamed: the same trees, linked again).
     */
    forgetStale(current: ReadonlySet<LangiumDocument>): StaleShares {
        const stale = { dropped: 0, replaced: 0 };
        this.byDocument.forEach((share, document) => {
            const root = document.parseResult.value as Model;
            if (isReusable(share, root, current)) return;
            // A statement of a large file parsed again: the merges follow the maps derived for it key by key.
            const spliced = statementChangesSince(share.root, root) !== undefined;
            // A share the next may follow from is kept for it.
            if (spliced && this.shareOf.spliced) return;
            this.byDocument.delete(document);
            if (spliced) return;
            stale.dropped++;
            if (share.root !== root) stale.replaced++;
        });
        return stale;
    }
}

/** What DocumentShares.forgetStale dropped. */
export interface StaleShares {
    readonly dropped: number;
    readonly replaced: number;
}

function isReusable<T>(share: Share<T>, root: Model, current: ReadonlySet<LangiumDocument>): boolean {
    if (share.root !== root) return false;
    for (const source of share.sources) if (!isUnchanged(source, current)) return false;
    return true;
}

/**
 * The shares of every kind a workspace has asked for, kept for its next snapshots (one per
 * WorkspaceModelProvider). A one-shot run (`carry` false: the CLI's check) builds each index from
 * the whole workspace at once: it keeps no snapshot for a next one, and recording would only cost.
 */
export class CarriedShares {
    private readonly kinds = new Map<ShareOf<unknown>, DocumentShares<unknown>>();
    private readonly merges = new Map<string, CarriedMerge<unknown, unknown>>();
    /** The parts merged from maps of the syntax trees (`from: 'trees'`), not from document shares. */
    private readonly treeParts = new Set<string>();
    /** How many merges of each part were done in full since the start, for the tests. */
    readonly mergedInFull = new Map<string, number>();

    constructor(readonly carry = true) {}

    /**
     * Drops, of every kind, the shares a snapshot of the `current` documents would work out again
     * (DocumentShares.forgetStale), and the merges that would then be done again in full.
     */
    forgetStale(current: ReadonlySet<LangiumDocument>): void {
        let dropped = 0;
        let replaced = 0;
        this.kinds.forEach(shares => {
            const stale = shares.forgetStale(current);
            dropped = Math.max(dropped, stale.dropped);
            replaced = Math.max(replaced, stale.replaced);
        });
        // A merge of maps of which that many changed is done again in full when next asked (multi-map.ts);
        // kept until then, its lists would only keep the replaced trees alive. A merge of the trees' own
        // maps is kept while the trees are: a role that 500 files refer to renamed links them again, and
        // their shares change, but not one of their trees, whose names were merged again in full after it.
        const shares = mergedAgainInFull(dropped, current.size);
        const trees = mergedAgainInFull(replaced, current.size);
        for (const part of [...this.merges.keys()]) {
            if (this.treeParts.has(part) ? trees : shares) this.merges.delete(part);
        }
    }

    of<T>(shareOf: ShareOf<T>): DocumentShares<T> {
        let shares = this.kinds.get(shareOf as ShareOf<unknown>);
        if (!shares) this.kinds.set(shareOf as ShareOf<unknown>, shares = new DocumentShares(shareOf as ShareOf<unknown>));
        return shares as DocumentShares<T>;
    }

    /**
     * The maps of one part of an index that is only looked up (`part`), merged as mergeLists does,
     * with the keys that have two values or more; carried from the last snapshot when carrying.
     * `from`: whether the maps are document shares or the syntax trees' own (forgetStale).
     */
    mergeForLookup<K, V>(part: string, maps: ReadonlyArray<ReadonlyMap<K, readonly V[]>>, from: MergedFrom = 'shares'): GroupedLookup<K, V> {
        if (!this.carry) return mergedGroups(maps);
        let merge = this.merges.get(part);
        if (!merge) this.merges.set(part, merge = new CarriedMerge());
        if (from === 'trees') this.treeParts.add(part);
        const full = merge.mergedInFull;
        const merged = (merge as CarriedMerge<K, V>).merge(maps);
        if (merge.mergedInFull !== full) this.mergedInFull.set(part, (this.mergedInFull.get(part) ?? 0) + 1);
        return merged;
    }
}

/** What the maps of a merged part are worked out from: document shares, or each syntax tree alone. */
export type MergedFrom = 'shares' | 'trees';
