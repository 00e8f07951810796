import type { Model } from '../generated/ast.js';
import type { NamedDeclaration } from './declaration-index.js';

type Positions = ReadonlyMap<string, number | readonly number[]>;

/**
 * A file's named declarations by name (declaration-index.ts, `declarationsByName`). A tree spliced
 * from another (statement-edit/) keeps every statement at its index, so when the replaced statement
 * declared the same name as the new one (a date typed in a person), the names are at the same
 * positions among the root's declarations: the map of positions is shared from tree to tree, and a
 * name's list is read from the new root when asked. Copying the map of the 30,000 names of a file of
 * 10,000 people took ~5 ms of such a keystroke. Lists read once are kept: a merge compares them by
 * identity (util/multi-map.ts).
 */
export class DeclaredNames implements ReadonlyMap<string, readonly NamedDeclaration[]> {
    private positions: Positions | undefined;
    private listed: Map<string, readonly NamedDeclaration[]> | undefined;

    /**
     * `list`: lists every name of the root, when first asked; without it the names are read from
     * `positions`, and `listed` keeps those read so far (both in the order of the names' first declaration).
     */
    private constructor(private readonly root: Model, private readonly list: (() => Map<string, readonly NamedDeclaration[]>) | undefined, positions: Positions | undefined) {
        this.positions = positions;
    }

    /**
     * The names of `root` as `list` lists them from its declarations, when first asked: a one-shot run
     * groups the workspace's names at once (workspace-model.ts) and never asks. Complete, and never
     * changed afterwards.
     */
    static listed(root: Model, list: () => Map<string, readonly NamedDeclaration[]>): DeclaredNames {
        return new DeclaredNames(root, list, undefined);
    }

    private get lists(): Map<string, readonly NamedDeclaration[]> {
        return this.listed ??= this.list?.() ?? new Map();
    }

    /** The names of `root`, spliced from this one's tree by a statement that declares the same name and kind as the one it replaced. */
    samePlacesIn(root: Model): DeclaredNames {
        return new DeclaredNames(root, undefined, this.positions ??= positionsOf(this));
    }

    /** Works out where the names stand now, for a first keystroke that will share them (lsp/idle-preparation.ts). */
    placeNames(): void {
        this.positions ??= positionsOf(this);
    }

    get size(): number {
        return this.positions?.size ?? this.lists.size;
    }

    has(name: string): boolean {
        return this.positions ? this.positions.has(name) : this.lists.has(name);
    }

    get(name: string): readonly NamedDeclaration[] | undefined {
        const known = this.lists.get(name);
        if (known || !this.positions) return known;
        const at = this.positions.get(name);
        return at === undefined ? undefined : this.read(name, at);
    }

    forEach(callback: (list: readonly NamedDeclaration[], name: string, map: ReadonlyMap<string, readonly NamedDeclaration[]>) => void, thisArg?: unknown): void {
        if (!this.positions) {
            this.lists.forEach((list, name) => callback.call(thisArg, list, name, this));
            return;
        }
        this.positions.forEach((at, name) => callback.call(thisArg, this.lists.get(name) ?? this.read(name, at), name, this));
    }

    *entries(): MapIterator<[string, readonly NamedDeclaration[]]> {
        for (const name of this.keys()) yield [name, this.get(name)!];
        return undefined;
    }

    keys(): MapIterator<string> {
        return (this.positions ?? this.lists).keys();
    }

    *values(): MapIterator<readonly NamedDeclaration[]> {
        for (const name of this.keys()) yield this.get(name)!;
        return undefined;
    }

    [Symbol.iterator](): MapIterator<[string, readonly NamedDeclaration[]]> {
        return this.entries();
    }

    private read(name: string, at: number | readonly number[]): readonly NamedDeclaration[] {
        const declarations = this.root.declarations;
        const list = typeof at === 'number' ? [declarations[at] as NamedDeclaration] : at.map(index => declarations[index] as NamedDeclaration);
        this.lists.set(name, list);
        return list;
    }
}

/** How many maps of the places of names were worked out, for the tests. */
export const namePlacings = { count: 0 };

/** Where each name's declarations stand among the root's declarations, in the order of `names`. */
function positionsOf(names: DeclaredNames): Positions {
    namePlacings.count++;
    const positions = new Map<string, number | readonly number[]>();
    names.forEach((list, name) => {
        positions.set(name, list.length === 1 ? list[0].$containerIndex! : list.map(node => node.$containerIndex!));
    });
    return positions;
}
