import type { AstNode } from 'langium';
import { keptEveryTarget } from './kept-targets.js';
import { spliceOf, type Splice } from './splice-tree.js';

/** One statement parsed again: the node before and the one now, at the same place. */
export interface StatementChange {
    readonly before: AstNode;
    readonly after: AstNode;
}

/** Splices followed back to the tree something was worked out from. */
const MAX_SPLICES = 4;

/**
 * The statement changes that lead from the tree `from` to `root`, oldest first, when `root` was
 * spliced from `from` (statement-edit/) through a few splices, each linked keeping every other
 * reference's target (kept-targets.ts); undefined otherwise. Splices of one statement in a row (an
 * edit and its undo) are one change, read from the splice's origins, so it does not matter that
 * the trees in between are gone. What was worked out from `from` then holds for `root` but for
 * these statements (the document shares, the training groups, the declarations of a large file).
 */
export function statementChangesSince(from: AstNode, root: AstNode): StatementChange[] | undefined {
    const changes: StatementChange[] = [];
    let tree = root;
    for (let splices = 0; splices < MAX_SPLICES; splices++) {
        const splice = spliceOf(tree);
        if (!splice || !keptEveryTarget(tree)) return undefined;
        const after = statementAt(tree, splice);
        const origin = splice.origins.find(candidate => candidate.root.deref() === from);
        if (origin) {
            const before = origin.statement.deref();
            if (!origin.keptBetween || !before || !after) return undefined;
            changes.unshift({ before, after });
            return changes;
        }
        const beforeRoot = splice.before.deref();
        const before = beforeRoot && statementAt(beforeRoot, splice);
        if (!beforeRoot || !before || !after) return undefined;
        changes.unshift({ before, after });
        tree = beforeRoot;
    }
    return undefined;
}

function statementAt(tree: AstNode, splice: Splice): AstNode | undefined {
    return ((tree as unknown as Record<string, unknown>)[splice.property] as AstNode[] | undefined)?.[splice.index];
}
