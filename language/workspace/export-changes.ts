import { isAstNode, type AstNode, type AstNodeDescription, type AstNodeLocator, type LangiumDocument, type LangiumDocuments, type Reference, type URI } from 'langium';
import { forgetTally, tallyOf } from './reference-tally.js';
import { exportSpliceOf, type ExportSplice } from '../statement-edit/spliced-exports.js';

/** What a changed document exported before the change, by URI; compared once it is indexed again. */
/** Old description → new one. */
export type Retargets = Pick<ReadonlyMap<AstNodeDescription, AstNodeDescription>, 'get'>;

export interface ExportComparison {
    /**
     * Old description → new one, by document: for a document whose exports kept their names and
     * types in order, every export; for one in `changedUris`, the exports whose name and type it
     * declares once before and once now (a reference to one still resolves to that declaration).
     */
    readonly retargets: ReadonlyMap<string, Retargets>;
    /** Documents whose exported names or types changed, or that were deleted. */
    readonly changedUris: ReadonlySet<string>;
    /** The names that appeared in those documents, disappeared, or are declared a different number of times or with another type. */
    readonly changedNames: ReadonlySet<string>;
}

/** The internals of Langium's DefaultReferenceImpl that linking sets; see langium/lib/references/linker.js. */
interface LinkedReference {
    _ref?: unknown;
    _nodeDescription?: AstNodeDescription;
}

/**
 * Remembers the exports of documents whose index entry is about to be replaced, and tells,
 * once they are indexed again, which ones still export the same names and types in the same
 * order. A reference into such a document still resolves to the same declaration, so the
 * documents holding it need no relinking: their references only move to the new nodes.
 */
export class ExportChanges {
    private readonly pending = new Map<string, { readonly uri: URI; readonly before: readonly AstNodeDescription[] }>();

    /** Called before a document's index entry is removed; the first capture since the last comparison counts. */
    capture(uri: URI, exports: readonly AstNodeDescription[]): void {
        const key = uri.toString();
        if (!this.pending.has(key)) this.pending.set(key, { uri, before: exports });
    }

    /** What `uri` exported before the change under way, until it is compared. */
    before(uri: string): readonly AstNodeDescription[] | undefined {
        return this.pending.get(uri)?.before;
    }

    get hasPending(): boolean {
        return this.pending.size > 0;
    }

    isPending(uri: string): boolean {
        return this.pending.has(uri);
    }

    /**
     * Compares every captured document that is indexed again (or deleted) with its new exports.
     * `exportsOf` gives a document's current exports; documents still waiting to be parsed or
     * indexed stay captured for a later build.
     */
    compare(documents: LangiumDocuments, isIndexed: (document: LangiumDocument) => boolean,
        exportsOf: (uri: URI) => readonly AstNodeDescription[]): ExportComparison {
        const retargets = new Map<string, Retargets>();
        const changedUris = new Set<string>();
        const names: Array<() => Iterable<string>> = [];
        for (const [key, { uri, before }] of this.pending) {
            const document = documents.getDocument(uri);
            if (document && !isIndexed(document)) continue;
            this.pending.delete(key);
            const splice = document && exportSpliceOf(document);
            if (splice && splice.before === before && sameNameAndType(splice.removed, splice.added)) {
                if (before.length > 0) retargets.set(key, new SplicedRetargets(splice));
                continue;
            }
            const after = document ? exportsOf(uri) : [];
            if (sameExports(before, after)) {
                if (before.length > 0) retargets.set(key, new Map(before.map((description, index) => [description, after[index]])));
                continue;
            }
            changedUris.add(key);
            if (before.length === 0) {
                names.push(() => after.map(description => description.name));
                continue;
            }
            // A role renamed in the organization file: the references to its other declarations keep them, pointed at the new nodes.
            const { kept, changed } = matchByNameAndType(before, after);
            if (kept.size > 0) retargets.set(key, kept);
            names.push(() => changed);
        }
        // Only a document already linked reads the names: none is in a cold build, which adds every export.
        let changedNames: Set<string> | undefined;
        return {
            retargets, changedUris,
            get changedNames() {
                return changedNames ??= new Set(names.flatMap(of => [...of()]));
            }
        };
    }
}

/**
 * The exports of a document before and after a change that altered them, matched by name and type:
 * those declared exactly once in both map old → new; the names of all others (added, removed,
 * declared twice, or with another type) changed. A name resolves by name and type, in the first
 * document that declares it: a reference to a kept export still resolves to the same declaration.
 */
function matchByNameAndType(before: readonly AstNodeDescription[], after: readonly AstNodeDescription[]): {
    kept: Map<AstNodeDescription, AstNodeDescription>;
    changed: Set<string>;
} {
    const once = (descriptions: readonly AstNodeDescription[]) => {
        // null: declared more than once.
        const byKey = new Map<string, AstNodeDescription | null>();
        for (const description of descriptions) {
            const key = `${description.type}\u0000${description.name}`;
            byKey.set(key, byKey.has(key) ? null : description);
        }
        return byKey;
    };
    const [old, now] = [once(before), once(after)];
    const kept = new Map<AstNodeDescription, AstNodeDescription>();
    const changed = new Set<string>();
    for (const key of new Set([...old.keys(), ...now.keys()])) {
        const [was, is] = [old.get(key), now.get(key)];
        if (was && is) kept.set(was, is);
        else changed.add(key.slice(key.indexOf('\u0000') + 1));
    }
    return { kept, changed };
}

/** Both absent, or two descriptions of the same name and type. */
function sameNameAndType(a: AstNodeDescription | undefined, b: AstNodeDescription | undefined): boolean {
    return a === undefined || b === undefined ? a === b : a.name === b.name && a.type === b.type;
}

/**
 * The map compare makes for a document whose exports kept their names and types, for exports
 * made by splicing one statement (spliced-exports.ts): every description is its own, but the
 * replaced statement's, which is the new statement's. Without a map of 30,000 entries per keystroke
 * in a file of 10,000 people. A description of an earlier tree than the one spliced from has none.
 */
class SplicedRetargets implements Pick<ReadonlyMap<AstNodeDescription, AstNodeDescription>, 'get'> {
    constructor(readonly splice: ExportSplice) {}

    get(description: AstNodeDescription): AstNodeDescription | undefined {
        if (description === this.splice.removed) return this.splice.added;
        return this.keeps(description) ? description : undefined;
    }

    /** Whether the description is one of a statement the splice kept: its node was moved to the new tree, whose statements are all the new root's. */
    keeps(description: AstNodeDescription): boolean {
        return description.node?.$container === this.splice.root && description !== this.splice.added && description !== this.splice.removed;
    }
}

/**
 * What moves when the only change to what the build's documents export is a splice of `uri`'s and
 * no name changed: every linked reference keeps its target (keepsAsLinked says so of each) but those
 * to the replaced statement's declaration, which move to the new statement's (mustLinkAgain). Empty
 * when the statement declares nothing; undefined when other exports changed too.
 */
export function onlySpliceOf(comparison: ExportComparison, uri: string): Pick<ExportSplice, 'root' | 'removed' | 'added'> | 'nothing moved' | undefined {
    if (comparison.changedUris.size > 0 || comparison.retargets.size > 1 || comparison.changedNames.size > 0) return undefined;
    if (comparison.retargets.size === 0) return 'nothing moved';
    const retargets = comparison.retargets.get(uri);
    return retargets instanceof SplicedRetargets ? retargets.splice : undefined;
}

function sameExports(before: readonly AstNodeDescription[], after: readonly AstNodeDescription[]): boolean {
    return before.length === after.length && before.every((description, index) => description.name === after[index].name && description.type === after[index].type);
}

export type RetargetResult = 'unchanged' | 'retargeted' | 'moved' | 'relink';

/**
 * Points the references of `document` that resolve into re-indexed documents at the new nodes
 * of the same declarations. 'moved': some target's path changed, so the document's reference
 * index must be rebuilt; 'relink': a reference could not be mapped and the document must be
 * linked again.
 */
export function retargetReferences(document: LangiumDocument, retargets: ExportComparison['retargets'], locator: AstNodeLocator,
    documents: LangiumDocuments): RetargetResult {
    const targets = tallyOf(document).described;
    if (![...retargets.keys()].some(uri => targets.has(uri))) return 'unchanged';
    let result: RetargetResult = 'unchanged';
    for (const reference of document.references as Array<Reference & LinkedReference>) {
        const old = reference._nodeDescription;
        const map = old && retargets.get(old.documentUri.toString());
        if (!map) continue;
        if (!('_ref' in reference) || !isAstNode(reference._ref)) return 'relink';
        const description = map.get(old);
        const target = description && (description.node ?? loadNode(description, locator, documents));
        if (!description || !target) return 'relink';
        reference._nodeDescription = description;
        reference._ref = target;
        if (description.path !== old.path) result = 'moved';
        else if (result === 'unchanged') result = 'retargeted';
    }
    // The tally counts references per declaration path: a path that changed under the same list needs it counted again.
    if (result === 'moved') forgetTally(document);
    return result;
}

/**
 * Whether a reference of a document that an export change may affect must be linked again: it
 * failed to link (a new name may resolve it, and its "did you mean" may change), it is written
 * with a name that appeared or disappeared, or it points at a declaration that a document whose
 * exports changed did not keep (matchByNameAndType). A reference to a kept declaration, or into a
 * document that kept its exports, is pointed at the new node of the same declaration instead, as
 * retargetReferences does; if that cannot be done, it is linked again.
 */
export function mustLinkAgain(reference: Reference, comparison: ExportComparison, documents: LangiumDocuments, locator: AstNodeLocator): boolean {
    const linked = reference as Reference & LinkedReference;
    if (!('_ref' in linked) || !isAstNode(linked._ref)) return true;
    if (comparison.changedNames.has(reference.$refText)) return true;
    const old = linked._nodeDescription;
    const uri = old?.documentUri.toString();
    if (uri === undefined) return true;
    const map = comparison.retargets.get(uri);
    // Into a document whose exports changed: linked again unless its declaration is one that document kept.
    if (!map) return comparison.changedUris.has(uri);
    const description = map.get(old!);
    const target = description && (description.node ?? loadNode(description, locator, documents));
    if (!description || !target) return true;
    // Nearly always the same declaration, kept: nothing to set.
    if (description !== old || linked._ref !== target) {
        linked._nodeDescription = description;
        linked._ref = target;
    }
    return false;
}

function loadNode(description: AstNodeDescription, locator: AstNodeLocator, documents: LangiumDocuments): AstNode | undefined {
    const document = documents.getDocument(description.documentUri);
    return document ? locator.getAstNode(document.parseResult.value, description.path) : undefined;
}

/**
 * A test that tells, without a change, references that mustLinkAgain would leave as they are: linked
 * to a node, while no name changed, into a document whose exports did not change, or to a
 * declaration a spliced file kept (SplicedRetargets). False means "ask mustLinkAgain". A keystroke
 * in a file of 10,000 people keeps 130,000 references; asked one by one, they cost it 20 ms.
 */
export function keepsAsLinked(comparison: ExportComparison): (reference: Reference) => boolean {
    if (comparison.changedNames.size > 0) return () => false;
    // The descriptions of one document share its URI object: each is decided once.
    const verdicts = new Map<unknown, SplicedRetargets | boolean>();
    const verdictOf = (uri: URI): SplicedRetargets | boolean => {
        const key = uri.toString();
        const map = comparison.retargets.get(key);
        const verdict = map === undefined ? !comparison.changedUris.has(key) : map instanceof SplicedRetargets ? map : false;
        verdicts.set(uri, verdict);
        return verdict;
    };
    // The last two documents asked about: a file's references alternate between its own declarations and the organization's.
    let [lastUri, lastVerdict, otherUri, otherVerdict]: [unknown, SplicedRetargets | boolean, unknown, SplicedRetargets | boolean] = [undefined, false, undefined, false];
    return reference => {
        const linked = reference as Reference & LinkedReference;
        const description = linked._nodeDescription;
        if (!description) return false;
        const uri = description.documentUri;
        let verdict: SplicedRetargets | boolean;
        if (uri === lastUri) verdict = lastVerdict;
        else if (uri === otherUri) verdict = otherVerdict;
        else {
            verdict = verdicts.get(uri) ?? verdictOf(uri);
            [otherUri, otherVerdict, lastUri, lastVerdict] = [lastUri, lastVerdict, uri, verdict];
        }
        if (verdict === false) return false;
        const target = linked._ref;
        return verdict === true ? isAstNode(target) : target === description.node && verdict.keeps(description);
    };
}
