import type { AstNode } from 'langium';
import type { Model } from '../generated/ast.js';

/** The top-level declarations and policy tests of a file that have a syntax tree, in file order; once per parse. */
export function topLevelItems(model: Model): readonly AstNode[] {
    let items = listed.get(model);
    if (!items) {
        const all: AstNode[] = [...model.declarations ?? [], ...model.tests ?? []].filter(item => item.$cstNode);
        // Tests may come between declarations; each list is in file order already.
        if (model.tests?.length) all.sort((a, b) => a.$cstNode!.offset - b.$cstNode!.offset);
        listed.set(model, items = all);
    }
    return items;
}

/** By tree: an edit parses the file again, and the new tree gets its own list. */
const listed = new WeakMap<Model, readonly AstNode[]>();

/**
 * The items (in file order, as `topLevelItems` gives them) that overlap the text `[start, end]`,
 * found by binary search: a request about a screenful of a file of 50,000 declarations looks at
 * those only.
 */
export function itemsOverlapping(items: readonly AstNode[], start: number, end: number): readonly AstNode[] {
    const first = firstIndex(items.length, index => items[index].$cstNode!.end >= start);
    const after = firstIndex(items.length, index => items[index].$cstNode!.offset > end);
    return items.slice(first, Math.max(first, after));
}

/** The first index in `[0, count)` for which `test` holds, `test` being false up to some index and true from it on; `count` if none. */
export function firstIndex(count: number, test: (index: number) => boolean): number {
    let low = 0;
    let high = count;
    while (low < high) {
        const middle = (low + high) >>> 1;
        if (test(middle)) high = middle; else low = middle + 1;
    }
    return low;
}
