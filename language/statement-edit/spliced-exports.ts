import type { AstNode, AstNodeDescription } from 'langium';
import { syntaxNodes } from '../util/syntax-nodes.js';
import { spliceOf } from './splice-tree.js';

/**
 * How the exports of a spliced tree differ from those of the tree it was made from: the replaced
 * statement's description (`removed`) gave way to the new statement's (`added`), in the same place;
 * neither when the statement declares no name (an assignment, a completion). Every other
 * description is the same object as before.
 */
export interface ExportSplice {
    /** The tree the exports are of. */
    readonly root: AstNode;
    readonly before: readonly AstNodeDescription[];
    readonly exports: readonly AstNodeDescription[];
    readonly removed?: AstNodeDescription;
    readonly added?: AstNodeDescription;
}

/**
 * The exports of `root`, a tree spliced from the one that exported `before` (statement-edit/),
 * made from those: the same list with the replaced statement's description swapped for the new
 * statement's. A file exports its top-level declarations in order, and a splice keeps every other
 * statement in its place, so this is the list a walk of the new tree gives; it costs the one
 * statement instead of a walk of the file's 10,000 declarations. Undefined when the tree was not
 * spliced from that list's tree, or the file itself exports a name (`describe` makes a node's
 * description, if it has a name).
 */
export function splicedExports(root: AstNode, before: readonly AstNodeDescription[], describe: (node: AstNode) => AstNodeDescription | undefined): ExportSplice | undefined {
    const splice = spliceOf(root);
    const old = splice?.before.deref();
    if (!splice || !old || describe(root) !== undefined) return undefined;
    const replaced = syntaxNodes(old)[splice.first];
    const statement = syntaxNodes(root)[splice.first];
    if (!replaced || replaced.$container !== old || !statement || statement.$container !== root) return undefined;
    let at = -1;
    for (let index = 0; index < before.length; index++) {
        const node = before[index].node;
        if (node === old) return undefined;
        if (node === replaced) at = index;
        // A description of the file's own tree or of another: not the list of the tree spliced from.
        else if (!node || node.$container !== root) return undefined;
    }
    const added = describe(statement);
    if ((at < 0) !== (added === undefined)) return undefined;
    const exports = before.slice();
    if (added) exports[at] = added;
    exportSplices.made++;
    return { root, before, exports, removed: at < 0 ? undefined : before[at], added };
}

/** How many exports were made by splicing (splicedExports), for the tests. */
export const exportSplices = { made: 0 };

/** The last export splice of each document, for the name tables (mandate-scope-provider.ts). */
const lastSplices = new WeakMap<object, ExportSplice>();

export function noteExportSplice(document: object, splice: ExportSplice): void {
    lastSplices.set(document, splice);
}

/** The export splice that made the exports of the document's present tree, if they were so made. */
export function exportSpliceOf(document: { readonly parseResult: { readonly value: AstNode } }): ExportSplice | undefined {
    const splice = lastSplices.get(document);
    return splice && splice.root === document.parseResult.value ? splice : undefined;
}
