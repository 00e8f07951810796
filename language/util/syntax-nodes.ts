import { isAstNode, isMultiReference, isReference, type AstNode, type Mutable, type ReferenceInfo } from 'langium';

/**
 * The nodes of each syntax tree in the order of `AstUtils.streamAst` (pre-order, properties in
 * key order), listed once when the tree is parsed. The linker, the validator, the suppressions
 * and the syntax messages each walked every tree through Langium's streams, which allocate an
 * iterator state and a key array per node: at 100,000 lines the walks cost about 450 ms of a
 * cold check, besides the garbage. A syntax tree is never changed after it is parsed (an edit
 * parses the document again), so its list stays true.
 */
const listed = new WeakMap<AstNode, readonly AstNode[]>();

/** Every node of the tree under `root`, `root` first, as `AstUtils.streamAst(root)` yields them. */
export function syntaxNodes(root: AstNode): readonly AstNode[] {
    let nodes = listed.get(root);
    if (!nodes) {
        nodes = walk(root, false);
        listed.set(root, nodes);
    }
    return nodes;
}

/**
 * What the parser does once the tree is built: sets each node's `$container`, `$containerProperty`
 * and `$containerIndex`, as Langium's `linkContentToContainer(root, { deep: true })` does, and
 * lists the nodes in the same pass.
 */
export function linkAndListNodes(root: AstNode): void {
    listed.set(root, walk(root, true));
}

function walk(root: AstNode, link: boolean): AstNode[] {
    const nodes: AstNode[] = [];
    const visit = (node: AstNode): void => {
        nodes.push(node);
        for (const property in node) {
            if (property.charCodeAt(0) === DOLLAR) continue;
            const value = (node as unknown as Record<string, unknown>)[property];
            if (Array.isArray(value)) {
                for (let index = 0; index < value.length; index++) {
                    const item: unknown = value[index];
                    if (!isAstNode(item)) continue;
                    if (link) setContainer(item, node, property, index);
                    visit(item);
                }
            } else if (isAstNode(value)) {
                if (link) setContainer(value, node, property, undefined);
                visit(value);
            }
        }
    };
    visit(root);
    return nodes;
}

const DOLLAR = '$'.charCodeAt(0);

function setContainer(child: AstNode, container: AstNode, property: string, index: number | undefined): void {
    const mutable = child as Mutable<AstNode>;
    mutable.$container = container;
    mutable.$containerProperty = property;
    if (index !== undefined) mutable.$containerIndex = index;
}

/**
 * The references `node` holds itself (not its children's), as `AstUtils.streamReferences(node)`
 * lists them, handed to `accept` one by one without building a stream.
 */
export function forEachReference(node: AstNode, accept: (reference: ReferenceInfo) => void): void {
    for (const property in node) {
        if (property.charCodeAt(0) === DOLLAR) continue;
        const value = (node as unknown as Record<string, unknown>)[property];
        if (Array.isArray(value)) {
            for (let index = 0; index < value.length; index++) {
                const item: unknown = value[index];
                if (isReference(item) || isMultiReference(item)) accept({ reference: item, container: node, property, index });
            }
        } else if (isReference(value) || isMultiReference(value)) {
            accept({ reference: value, container: node, property });
        }
    }
}

/** In a `syntaxNodes` list, the index of the last node of the subtree that starts at `index`. */
export function lastDescendant(nodes: readonly AstNode[], index: number): number {
    const top = nodes[index];
    let last = index;
    while (last + 1 < nodes.length && isInside(nodes[last + 1], top)) last++;
    return last;
}

function isInside(node: AstNode, ancestor: AstNode): boolean {
    for (let container = node.$container; container; container = container.$container) {
        if (container === ancestor) return true;
    }
    return false;
}
