import { isLinkingError, type AstNode, type AstNodeDescription, type AstNodeLocator, type LangiumDocument, type LangiumDocuments, type Reference, type ReferenceInfo } from 'langium';
import { keepsAsLinked, mustLinkAgain, type ExportComparison } from '../workspace/export-changes.js';
import { keepTally, referenceState, referenceStateWith, TallyDraft, tallyOfList } from '../workspace/reference-tally.js';
import { forEachReference, lastDescendant, syntaxNodes } from '../util/syntax-nodes.js';
import { spliceOf } from './splice-tree.js';
import { noteKeptTargets } from './kept-targets.js';

/** How many spliced trees were linked keeping their references, for the tests. */
export const splicedLinking = { kept: 0 };

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
    const references = document.references;
    // The new statement's references may be written with other names: the names are read from the new list, when asked.
    let names: ReadonlySet<string> | undefined;
    const draft = new TallyDraft(tallyOfList(before.list), () => names ??= new Set(references.map(reference => reference.$refText)));
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
            draft.apply(referenceStateWith(reference, isLinkingError(target), description), -1);
            reference._ref = undefined;
            reference._nodeDescription = undefined;
            linking.link(referenceInfo(reference));
            draft.apply(referenceState(reference), 1);
            return;
        }
        if (reference._nodeDescription !== description) {
            draft.apply(referenceStateWith(reference, isLinkingError(target), description), -1);
            draft.apply(referenceState(reference), 1);
        }
        references.push(reference);
    };
    for (let index = 0; index < replaced.start; index++) keep(index);
    for (const info of added) {
        linking.link(info);
        draft.apply(referenceState(info.reference), 1);
    }
    for (let index = replaced.start; index < replaced.end; index++) {
        const reference = before.list[index] as Reference & LinkedReference;
        draft.apply(referenceStateWith(reference, isLinkingError(reference._ref), reference._nodeDescription), -1);
    }
    clearLinks({ root: before.root, list: before.list.slice(replaced.start, replaced.end) });
    for (let index = replaced.end; index < before.list.length; index++) keep(index);
    keepTally(document, draft);
    splicedLinking.kept++;
    if (!linkedAgain) noteKeptTargets(root);
    return true;
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
