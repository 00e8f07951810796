import type { Declaration, Model } from '../generated/ast.js';
import { spliceOf } from '../statement-edit/splice-tree.js';
import { noteDerivedMap } from '../util/multi-map.js';
import type { Declarations, Kind, NamedDeclaration } from './declaration-index.js';
import { copyMap } from '../util/copy-map.js';
import { DeclaredNames } from './declared-names.js';

/** How many spliced trees' names were copied from the tree before (a name changed), for the tests. */
export const splicedNames = { copied: 0 };

/**
 * The declarations of a tree spliced from another (statement-edit/): the other tree's, with the
 * replaced statement's node swapped for the new one in its list and under its name; the other lists
 * are the same arrays. Listing the 30,000 declarations of a file of 10,000 people again took a
 * tenth of a keystroke there. Taken from the nearest tree the splices of this statement follow from
 * whose declarations are `known` (an edit and its undo: the tree in between may be gone), else from
 * the tree before as `before` works them out. Undefined when `root` is not spliced, or no such tree
 * has its declarations worked out; then they are listed from the tree.
 */
export function splicedDeclarations(root: Model, known: (tree: Model) => Declarations | undefined,
    before: (tree: Model) => Declarations | undefined, kinds: DeclarationKinds): Declarations | undefined {
    const splice = spliceOf(root);
    const added = splice?.property === 'declarations' ? root.declarations[splice.index] : undefined;
    if (!splice || !added) return undefined;
    for (const origin of splice.origins) {
        const tree = origin.root.deref() as Model | undefined;
        const removed = origin.statement.deref() as Declaration | undefined;
        const declarations = tree && removed && known(tree);
        if (declarations) return swapped(declarations, root, removed!, added, kinds);
    }
    const tree = splice.before.deref() as Model | undefined;
    const removed = tree?.declarations[splice.index];
    const declarations = tree && removed && before(tree);
    return declarations ? swapped(declarations, root, removed!, added, kinds) : undefined;
}

/**
 * `before` with `removed` swapped for `added` (at the same index among the declarations of `root`,
 * the tree they are worked out for: `added` may since have moved on to a later tree).
 */
function swapped(before: Declarations, root: Model, removed: Declaration, added: Declaration, kinds: DeclarationKinds): Declarations {
    const [oldKind, newKind] = [kinds.of(removed), kinds.of(added)];
    const index: Record<string, unknown> = { ...before };
    const at = oldKind !== undefined && oldKind === newKind ? (before[oldKind] as readonly Declaration[]).indexOf(removed) : -1;
    if (at >= 0) {
        // The same kind at the same place: the list with the one node replaced, which a merge of the workspace's lists follows.
        const list = (before[oldKind!] as readonly Declaration[]).slice();
        list[at] = added;
        index[oldKind!] = list;
    } else {
        if (oldKind) index[oldKind] = withSwapped(before[oldKind] as readonly Declaration[], removed, undefined);
        if (newKind) index[newKind] = withSwapped(index[newKind] as readonly Declaration[], undefined, added);
    }
    const oldName = oldKind && kinds.named.has(oldKind) ? (removed as NamedDeclaration).name : undefined;
    const newName = newKind && kinds.named.has(newKind) ? (added as NamedDeclaration).name : undefined;
    if (oldName !== undefined && oldName === newName && oldKind === newKind && before.declarationsByName instanceof DeclaredNames) {
        // The same name at the same place: the names' positions are shared, and only this name's list is new.
        const names = before.declarationsByName.samePlacesIn(root);
        index.declarationsByName = names;
        noteDerivedMap(names, before.declarationsByName, [oldName]);
    } else if (oldName !== undefined || newName !== undefined) {
        splicedNames.copied++;
        const byName = copyMap<string, readonly NamedDeclaration[]>(before.declarationsByName);
        if (oldName !== undefined) setOrDelete(byName, oldName, withSwapped(byName.get(oldName) ?? [], removed, undefined) as readonly NamedDeclaration[]);
        if (newName !== undefined) setOrDelete(byName, newName, withSwapped(byName.get(newName) ?? [], undefined, added) as readonly NamedDeclaration[]);
        const names = DeclaredNames.listed(root, () => byName);
        index.declarationsByName = names;
        // The workspace's merge of the names (WorkspaceModel.names) merges these again, not the file's 30,000.
        noteDerivedMap(names, before.declarationsByName, [oldName, newName].filter(name => name !== undefined));
    }
    const declarations = index as unknown as Declarations;
    if (at >= 0) listSwaps.set(declarations, { from: new WeakRef(before), kind: oldKind!, at });
    return declarations;
}

/**
 * Declarations that are another tree's with one node replaced in place in the list of `kind`, at
 * `at` (merged-declarations.ts follows it). The other tree's are held weakly: each would hold the one
 * before it, and with it that tree and its text.
 */
export interface ListSwap {
    readonly from: WeakRef<Declarations>;
    readonly kind: Kind;
    readonly at: number;
}

const listSwaps = new WeakMap<Declarations, ListSwap>();

export function listSwapOf(declarations: Declarations): ListSwap | undefined {
    return listSwaps.get(declarations);
}

/** Which list a declaration goes to, and which lists' declarations are listed by name too (declaration-index.ts). */
export interface DeclarationKinds {
    of(node: Declaration): Kind | undefined;
    readonly named: ReadonlySet<Kind>;
}

/**
 * A copy of a list of declarations in tree order, without `removed`, with `added` in its place by
 * its index among the root's declarations (a splice keeps every other statement at its index).
 */
function withSwapped(list: readonly Declaration[], removed: Declaration | undefined, added: Declaration | undefined): Declaration[] {
    const copy = removed ? list.filter(node => node !== removed) : list.slice();
    if (added) {
        const at = added.$containerIndex ?? 0;
        let [low, high] = [0, copy.length];
        while (low < high) {
            const middle = (low + high) >>> 1;
            if ((copy[middle].$containerIndex ?? 0) < at) low = middle + 1; else high = middle;
        }
        copy.splice(low, 0, added);
    }
    return copy;
}

function setOrDelete(map: Map<string, readonly NamedDeclaration[]>, name: string, list: readonly NamedDeclaration[]): void {
    if (list.length === 0) map.delete(name); else map.set(name, list);
}
