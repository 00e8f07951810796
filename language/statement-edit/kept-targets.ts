import type { AstNode } from 'langium';

/**
 * The spliced trees whose linking kept the target of every reference of the statements kept, but
 * those it moved to the replaced declaration's new node (no reference was linked again), and that
 * were not linked again since: what was worked out from the tree before holds for them but for the
 * statement (workspace/spliced-shares.ts, workspace/training-group-splice.ts).
 */
const targetsKept = new WeakSet<AstNode>();

export function keptEveryTarget(root: AstNode): boolean {
    return targetsKept.has(root);
}

/** Linking of a spliced tree kept every other reference's target (spliced-links.ts). */
export function noteKeptTargets(root: AstNode): void {
    targetsKept.add(root);
}

/** The tree is linked again: what its last linking kept no longer tells. */
export function forgetKeptTargets(root: AstNode): void {
    targetsKept.delete(root);
}
