import type { AstNode } from 'langium';

/**
 * The titles of named declarations (`person jane "Jane Doe"`) that a workspace rule reads, by the
 * syntax tree they stand in. An edit that changes such titles only (semantic-fingerprint.ts,
 * `structure`) re-runs just the rules that read a title of the edited file on their last run: the
 * rest cannot say anything else. So every workspace rule reads a declaration's title through
 * `readTitle`, never as `node.title` (tests/title-reads.test.ts holds the rules to it).
 */
let reading: Set<AstNode> | undefined;

/** `node.title`, noted for the rule that is running. */
export function readTitle(node: { readonly title?: string }): string | undefined {
    if (reading) reading.add(rootOf(node as AstNode));
    return node.title;
}

/** Notes that the running rule reads titles of the tree `root`, e.g. from what it worked out of the tree earlier. */
export function readTitlesOf(root: AstNode): void {
    if (reading) reading.add(root);
}

/** Runs `run` and returns the syntax trees whose titles it read. */
export function withTitleReads<T>(run: () => T): { readonly result: T; readonly trees: ReadonlySet<AstNode> } {
    const outer = reading;
    const trees = new Set<AstNode>();
    reading = trees;
    try {
        return { result: run(), trees };
    } finally {
        reading = outer;
        // A rule run inside another's (none today) reads for both.
        if (outer) for (const tree of trees) outer.add(tree);
    }
}

function rootOf(node: AstNode): AstNode {
    let root = node;
    while (root.$container) root = root.$container;
    return root;
}
