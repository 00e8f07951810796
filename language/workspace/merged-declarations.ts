import type { Declaration } from '../generated/ast.js';
import type { Declarations, Kind } from './declaration-index.js';
import { listSwapOf } from './spliced-declarations.js';

/**
 * The workspace's list of one kind of declaration, tree by tree, as the last merge's list when the
 * trees' lists are as they were then, or that list with one node replaced when one tree's
 * declarations swapped one node in place (spliced-declarations.ts: a date typed in a file of 10,000
 * people); otherwise each tree's list copied in. Copying the 30,000 declarations of such a file took
 * ~4 ms of the first keystrokes of a session, before V8 optimized the loop.
 */
export function mergedList(kind: Kind, trees: readonly Declarations[]): Declaration[] {
    return followed(kind, trees) ?? concatenated(kind, trees);
}

/** Notes the merge just made of `trees`, for the next one to follow. */
export function noteMerge(merged: Declarations, trees: readonly Declarations[]): void {
    mergedFrom.set(merged, trees);
    lastMerge = new WeakRef(merged);
}

/** The trees' declarations each merge was made from, and the last merge made (held weakly: a snapshot holds its own). */
const mergedFrom = new WeakMap<Declarations, readonly Declarations[]>();
let lastMerge: WeakRef<Declarations> | undefined;

function followed(kind: Kind, trees: readonly Declarations[]): Declaration[] | undefined {
    const previous = lastMerge?.deref();
    const before = previous && mergedFrom.get(previous);
    if (!previous || !before || before.length !== trees.length) return undefined;
    let changed = -1;
    for (let tree = 0; tree < trees.length; tree++) {
        if (trees[tree][kind] === before[tree][kind]) continue;
        if (changed >= 0) return undefined;
        changed = tree;
    }
    // Never changed once made: the same list serves both snapshots.
    if (changed < 0) return previous[kind];
    const swap = listSwapOf(trees[changed]);
    if (!swap || swap.kind !== kind || swap.from.deref() !== before[changed]) return undefined;
    let offset = 0;
    for (let tree = 0; tree < changed; tree++) offset += trees[tree][kind].length;
    const list = (previous[kind] as Declaration[]).slice();
    list[offset + swap.at] = (trees[changed][kind] as readonly Declaration[])[swap.at];
    return list;
}

/** Each list made at its final length: grown by `push`, the 100,000 declarations of a workspace left as much garbage again in outgrown stores. */
function concatenated(kind: Kind, trees: readonly Declarations[]): Declaration[] {
    let length = 0;
    for (let tree = 0; tree < trees.length; tree++) length += trees[tree][kind].length;
    const into = new Array<Declaration>(length);
    let at = 0;
    for (let tree = 0; tree < trees.length; tree++) {
        const own = trees[tree][kind] as readonly Declaration[];
        for (let index = 0; index < own.length; index++) into[at++] = own[index];
    }
    return into;
}
