import { isLinkingError, type AstNode, type AstNodeDescription, type AstNodeLocator, type LangiumDocument, type LangiumDocuments, type Reference, type ReferenceInfo } from 'langium';
import { keepsAsLinked, mustLinkAgain, onlySpliceOf, type ExportComparison } from '../workspace/export-changes.js';
import type { ExportSplice } from './spliced-exports.js';
import { carryReferencesByName, referencesByName } from './references-by-name.js';
import { keepTally, referenceState, referenceStateWith, TallyDraft, tallyOfList } from '../workspace/reference-tally.js';
import { forEachReference, lastDescendant, syntaxNodes } from '../util/syntax-nodes.js';
import { spliceOf } from './splice-tree.js';
import { noteKeptTargets } from './kept-targets.js';

/** How many spliced trees were linked keeping their references, and how many of them without asking each reference (keepAllButMoved), for the tests. */
export const splicedLinking = { kept: 0, keptAllButMoved: 0 };

/** The internals of Langium's DefaultReferenceImpl that linking sets (langium/lib/references/linker.js). */
interface LinkedReference {
    _ref?: unknown;
    _nodeDescription?: AstNodeDescription;
}

/**
 * A document's references as linking left them, taken when it is unlinked: they keep their targets
 * until the document is linked again. A spliced tree keeps most of them as they are; any other tree
 * has new references, and these are then cleared (`clearLinks`).
 */
export interface UnlinkedReferences {
    /** The tree they were linked in, and the document's list of them (whose tally is kept by the list). */
    readonly root: AstNode;
    readonly list: readonly Reference[];
}

/** What linking a spliced tree calls back for: linking one reference as usual. */
export interface SplicedLinking {
    readonly comparison: ExportComparison;
    readonly documents: LangiumDocuments;
    readonly locator: AstNodeLocator;
    link(info: ReferenceInfo): void;
}

/** The references of `document` as linking left them, as it is unlinked; they keep their targets meanwhile. */
export function takeLinks(document: LangiumDocument): UnlinkedReferences {
    return { root: document.parseResult.value, list: document.references as Reference[] };
}

/** Clears what linking set on the references taken: they were not kept, and would keep their targets alive. */
export function clearLinks(before: UnlinkedReferences): void {
    for (const reference of before.list as ReadonlyArray<Reference & LinkedReference>) {
        if (!('_ref' in reference)) continue;
        reference._ref = undefined;
        reference._nodeDescription = undefined;
    }
}

/**
 * Links a tree made by splicing one statement into the tree `before` was linked in (statement-edit/):
 * the references of the statements kept keep their targets, unless the export changes of this
 * build would link them again (mustLinkAgain: a name that appeared or went, a target that was not
 * kept; a target in this file, the replaced statement included, moves to its new node); the new
 * statement's references are linked as usual, in their place. The list of references and its tally
 * come out as linking every reference would leave them (tests/statement-edit.test.ts compares them;
 * the incremental property test the findings). No walk of the whole tree: a file of 10,000 people
 * has 300,000 nodes. Synchronous, so that a cancelled build never sees some references back and
 * others not. False, with nothing done, when the tree was not spliced from the one `before` was
 * taken from, or the replaced statement's references are not one run of the list.
 */
export function linkSpliced(document: LangiumDocument, before: UnlinkedReferences, linking: SplicedLinking): boolean {
    const root = document.parseResult.value;
    const splice = spliceOf(root);
    if (!splice || splice.before.deref() !== before.root || document.references.length > 0) return false;
    const nodes = syntaxNodes(root);
    const added: ReferenceInfo[] = [];
    for (let index = splice.first; index < splice.first + splice.count; index++) forEachReference(nodes[index], info => added.push(info));
    const replaced = replacedRun(before.list, before.root, splice.first);
    // A statement that had no references (a person) gives them no place in the list: one that has some now is linked with the rest.
    if (!replaced || (replaced.start === replaced.end && added.length > 0)) return false;
    // The new statement's references may be written with other names: the names are read from the new list, when asked.
    let names: ReadonlySet<string> | undefined;
    let list: readonly Reference[] = [];
    const draft = new TallyDraft(tallyOfList(before.list), () => names ??= new Set(list.map(reference => reference.$refText)));
    const replacedList = before.list.slice(replaced.start, replaced.end) as ReadonlyArray<Reference & LinkedReference>;
    const splicing: Splicing = {
        document, before, replaced, added, draft, linking,
        linkAdded() {
            for (const info of added) {
                linking.link(info);
                draft.apply(referenceState(info.reference), 1);
            }
            for (const reference of replacedList) draft.apply(referenceStateWith(reference, isLinkingError(reference._ref), reference._nodeDescription), -1);
        }
    };
    const moved = onlySpliceOf(linking.comparison, document.uri.toString());
    const keepsAll = moved !== undefined && tallyOfList(before.list).unresolved === 0
        && (moved === 'nothing moved' || (moved.root === root && (!moved.removed || moved.added?.node !== undefined)));
    const linkedAgain = keepsAll ? keepAllButMoved(splicing, moved === 'nothing moved' ? undefined : moved) : keepUnlessLinkedAgain(splicing);
    list = document.references as Reference[];
    clearLinks({ root: before.root, list: replacedList });
    carryReferencesByName(before.list, document.references as Reference[], replacedList, added.map(info => info.reference as Reference));
    keepTally(document, draft);
    splicedLinking.kept++;
    if (!linkedAgain) noteKeptTargets(root);
    return true;
}

/** One splice being linked: the run of the old list the replaced statement's references held, and the new statement's. */
interface Splicing {
    readonly document: LangiumDocument;
    readonly before: UnlinkedReferences;
    readonly replaced: { readonly start: number; readonly end: number };
    readonly added: readonly ReferenceInfo[];
    readonly draft: TallyDraft;
    readonly linking: SplicedLinking;
    /** Links the new statement's references in their place (after the kept ones before them), and takes the replaced ones out of the tally. */
    linkAdded(): void;
}

/**
 * The usual keystroke: only this file's exports changed, by the splice, and every reference is
 * linked. The kept references keep their targets as they are, but those to the replaced declaration,
 * which move to the new statement's; they are found by name (references-by-name.ts) instead of
 * asking each of the file's references. Nothing is linked again.
 */
function keepAllButMoved({ document, before, replaced, draft, linkAdded }: Splicing, moved: Pick<ExportSplice, 'removed' | 'added'> | undefined): false {
    splicedLinking.keptAllButMoved++;
    linkAdded();
    const movers = moved?.removed ? (referencesByName(before.list).get(moved.removed.name) ?? []).filter(reference => reference.$nodeDescription === moved.removed) : [];
    // One copy of the 130,000 references, the new statement's put in place of the replaced ones.
    const list = before.list.slice();
    list.splice(replaced.start, replaced.end - replaced.start, ...document.references as Reference[]);
    document.references = list;
    for (const reference of movers as ReadonlyArray<Reference & LinkedReference>) {
        // The replaced statement's own references are cleared with it, not moved.
        if (replacedIndex(before.list, reference, replaced) >= 0) continue;
        const was = referenceStateWith(reference, false, reference._nodeDescription);
        reference._nodeDescription = moved!.added;
        reference._ref = moved!.added!.node;
        draft.move(was, referenceState(reference));
    }
    return false;
}

/** Any other splice: each kept reference keeps its target unless the export changes say to link it again; true if one was. */
function keepUnlessLinkedAgain({ document, before, replaced, draft, linking, linkAdded }: Splicing): boolean {
    const references = document.references;
    const unchanged = keepsAsLinked(linking.comparison);
    let linkedAgain = false;
    const keep = (index: number): void => {
        const reference = before.list[index] as Reference & LinkedReference;
        if (unchanged(reference)) {
            references.push(reference);
            return;
        }
        const [target, description] = [reference._ref, reference._nodeDescription];
        if (mustLinkAgain(reference, linking.comparison, linking.documents, linking.locator)) {
            linkedAgain = true;
            const was = referenceStateWith(reference, isLinkingError(target), description);
            reference._ref = undefined;
            reference._nodeDescription = undefined;
            linking.link(referenceInfo(reference));
            draft.move(was, referenceState(reference));
            return;
        }
        if (reference._nodeDescription !== description) draft.move(referenceStateWith(reference, isLinkingError(target), description), referenceState(reference));
        references.push(reference);
    };
    for (let index = 0; index < replaced.start; index++) keep(index);
    linkAdded();
    for (let index = replaced.end; index < before.list.length; index++) keep(index);
    return linkedAgain;
}

/** Where `reference` stands in the replaced run of `list`, or -1. */
function replacedIndex(list: readonly Reference[], reference: Reference, replaced: Splicing['replaced']): number {
    for (let index = replaced.start; index < replaced.end; index++) if (list[index] === reference) return index;
    return -1;
}

/**
 * Where the replaced statement's references stand in the list, `[start, end)`: one run, as a walk of
 * the old tree listed them; an empty run when it had none. Undefined when they are not one run. The
 * list follows the statements' order, so the run is found by a binary search on the statement each
 * reference is in, and checked: a pass over 130,000 references cost a keystroke 11 ms.
 */
function replacedRun(list: readonly Reference[], oldRoot: AstNode, first: number): { start: number; end: number } | undefined {
    const oldNodes = syntaxNodes(oldRoot);
    const statement = oldNodes[first];
    let count = 0;
    for (let index = first, last = lastDescendant(oldNodes, first); index <= last; index++) forEachReference(oldNodes[index], () => { count++; });
    if (count === 0) return { start: 0, end: 0 };
    // Statements in the order the walk of the root gives them: by property, in the root's key order, then by index.
    const properties = Object.keys(oldRoot);
    const orderOf = (node: AstNode) => properties.indexOf(node.$containerProperty!) * 2 ** 32 + (node.$containerIndex ?? 0);
    const wanted = orderOf(statement);
    let [low, high] = [0, list.length];
    while (low < high) {
        const middle = (low + high) >>> 1;
        const at = statementOf(list[middle]);
        if (!at) return undefined;
        if (orderOf(at) < wanted) low = middle + 1;
        else high = middle;
    }
    const end = low + count;
    if (end > list.length) return undefined;
    for (let index = low; index < end; index++) if (statementOf(list[index]) !== statement) return undefined;
    return { start: low, end };
}

/** The top-level statement the reference is written in. */
function statementOf(reference: Reference): AstNode | undefined {
    let node = (reference as Reference & { node?: AstNode }).node;
    while (node?.$container?.$container) node = node.$container;
    return node;
}

/** What the linker is given for a reference, as forEachReference lists it. */
function referenceInfo(reference: Reference & { readonly node?: AstNode; readonly property?: string }): ReferenceInfo {
    const container = reference.node!;
    const property = reference.property!;
    const value = (container as unknown as Record<string, unknown>)[property];
    const index = Array.isArray(value) ? value.indexOf(reference) : -1;
    return index < 0 ? { reference, container, property } : { reference, container, property, index };
}
