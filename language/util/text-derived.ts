import type { AstNode } from 'langium';

/**
 * Results worked out once per syntax tree that follow from the file's text alone and hold no node
 * (a fingerprint, the digest of what a rule reads). An undo parses the very text of an earlier tree
 * again: the new tree is given the earlier one's results (`carryTextDerived`) instead of having them
 * worked out anew, which took ~0.5 s of the next edit of a file of 10,000 people.
 * Made once per module, never per call: every cache made is kept in `caches`.
 */
export class TextDerived<T> {
    private readonly byTree = new WeakMap<AstNode, T>();

    constructor() {
        caches.push(this as TextDerived<unknown>);
    }

    get(root: AstNode): T | undefined {
        return this.byTree.get(root);
    }

    set(root: AstNode, value: T): void {
        this.byTree.set(root, value);
    }

    /** Gives `to` what `from` has, unless it has its own. */
    copy(from: AstNode, to: AstNode): void {
        const value = this.byTree.get(from);
        if (value !== undefined && !this.byTree.has(to)) this.byTree.set(to, value);
    }
}

const caches: Array<TextDerived<unknown>> = [];

/** `to`, a syntax tree parsed from exactly the text `from` was parsed from, gets its results. */
export function carryTextDerived(from: AstNode, to: AstNode): void {
    for (const cache of caches) cache.copy(from, to);
}
