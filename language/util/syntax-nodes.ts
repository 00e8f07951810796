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

/** Lists `nodes` as the nodes of the tree under `root`, a tree made of another's nodes (statement-edit/): they are in the order a walk gives. */
export function listNodes(root: AstNode, nodes: readonly AstNode[]): void {
    listed.set(root, nodes);
}

function walk(root: AstNode, link: boolean): AstNode[] {
    const nodes: AstNode[] = [root];
    const visitChild: ValueVisitor = (value, owner, property, index) => {
        if (!isAstNode(value)) return;
        if (link) setContainer(value, owner, property, index);
        nodes.push(value);
        forEachValue(value, visitChild);
    };
    forEachValue(root, visitChild);
    return nodes;
}

type ValueVisitor = (value: unknown, owner: AstNode, property: string, index: number | undefined) => void;

const DOLLAR = '$'.charCodeAt(0);

/** Calls `visit` with the value of each of `node`'s own properties (not the `$` ones), a list's items one by one. */
function forEachValue(node: AstNode, visit: ValueVisitor): void {
    for (const property in node) {
        if (property.charCodeAt(0) === DOLLAR) continue;
        const value = (node as unknown as Record<string, unknown>)[property];
        if (Array.isArray(value)) {
            for (let index = 0; index < value.length; index++) visit(value[index], node, property, index);
        } else {
            visit(value, node, property, undefined);
        }
    }
}

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
    forEachValue(node, (value, container, property, index) => {
        if (!isReference(value) && !isMultiReference(value)) return;
        accept(index === undefined ? { reference: value, container, property } : { reference: value, container, property, index });
    });
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
