import { isAstNode, type AstNode } from 'langium';

/*
 * Where a node stands in its syntax tree, as the path of properties and indexes from the root: what
 * lets a result made for one tree move to the same node of a tree parsed again from the same text,
 * or from a text changed elsewhere (semantic-fingerprint.ts, workspace-findings.ts).
 */

/** The steps from the root to `node`: property and index per step. */
function stepsTo(node: AstNode): Array<readonly [string, number | undefined]> {
    const steps: Array<readonly [string, number | undefined]> = [];
    let current = node;
    while (current.$container) {
        steps.push([current.$containerProperty ?? '', current.$containerIndex]);
        current = current.$container;
    }
    return steps.reverse();
}

/** Where `node` stands in its tree, as text: the node `counterpart` finds in another tree with the same text here. */
export function placeOf(node: AstNode): string {
    return stepsTo(node).map(([property, index]) => index === undefined ? property : `${property}[${index}]`).join('.');
}

/** The node at the same place (property and index per step from the root) in an identical tree. */
export function counterpart(node: AstNode, root: AstNode): AstNode | undefined {
    let target: AstNode | undefined = root;
    for (const [property, index] of stepsTo(node)) {
        const value: unknown = (target as unknown as Record<string, unknown>)[property];
        const next = index === undefined ? value : Array.isArray(value) ? value[index] : undefined;
        target = isAstNode(next) ? next : undefined;
        if (!target) return undefined;
    }
    return target;
}
