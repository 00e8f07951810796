import { AstUtils, type AstNode, type URI, type ValidationAcceptor } from 'langium';
import type { MandateAstType } from '../generated/ast.js';
import { resolvePolicyPath, type PolicyPath } from '../util/policy-paths.js';
import type { RuleContext } from './rule.js';

/** Where the grammar lets a policy name a document: property → is it a list. */
const PATH_FIELDS: Readonly<Record<string, readonly string[]>> = {
    JobDescription: ['path'],
    Assignment: ['evidence'],
    Announcement: ['evidence'],
    Acknowledgement: ['evidence'],
    Delegation: ['evidence'],
    TrainingCompletion: ['evidence']
};

export interface PathOccurrence {
    readonly node: AstNode;
    readonly property: string;
    readonly index: number | undefined;
    readonly text: string;
    readonly resolved: PolicyPath;
}

/** Calls `visit` for every document path `node` names, resolved against the workspace folder `root`. */
export function forEachPolicyPath(node: AstNode, root: URI, visit: (occurrence: PathOccurrence) => void): void {
    for (const property of PATH_FIELDS[node.$type] ?? []) {
        const value = (node as unknown as Record<string, unknown>)[property];
        const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
        values.forEach((text, index) => {
            if (typeof text !== 'string') return;
            visit({ node, property, index: Array.isArray(value) ? index : undefined, text, resolved: resolvePolicyPath(text, root) });
        });
    }
}

/**
 * One validation check per node type that can name a document. `visit` sees every path with
 * its resolution against the workspace folder of the file; without a folder nothing is checked.
 */
export function pathChecks(
    context: RuleContext, visit: (occurrence: PathOccurrence, accept: ValidationAcceptor) => void
): Partial<Record<keyof MandateAstType, (node: AstNode, accept: ValidationAcceptor) => void>> {
    const checks: Record<string, (node: AstNode, accept: ValidationAcceptor) => void> = {};
    for (const type of Object.keys(PATH_FIELDS)) {
        checks[type] = (node, accept) => {
            const root = context.settings.rootOf(AstUtils.getDocument(node).uri);
            if (root) forEachPolicyPath(node, root, occurrence => visit(occurrence, accept));
        };
    }
    return checks;
}
