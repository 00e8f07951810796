import { AstUtils, type AstNode, type URI, type ValidationAcceptor } from 'langium';
import type { MandateAstType } from '../generated/ast.js';
import { resolvePolicyPath, type PolicyPath } from '../util/policy-paths.js';
import type { LocatedPath } from '../workspace/policy-path.js';
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

/** A path as written at one property of a node, `index` for a list property. */
export interface PathText {
    readonly node: AstNode;
    readonly property: string;
    readonly index: number | undefined;
    readonly text: string;
}

/** A path resolved from its text alone (util/policy-paths.ts). */
export interface PathOccurrence extends PathText {
    readonly resolved: PolicyPath;
}

/** A path with where it really leads, symbolic links followed (workspace/policy-path.ts). */
export interface LocatedOccurrence extends PathText {
    readonly located: LocatedPath;
}

/** Every document path `node` names, as written. */
export function policyPathTexts(node: AstNode): PathText[] {
    const result: PathText[] = [];
    for (const property of PATH_FIELDS[node.$type] ?? []) {
        const value = (node as unknown as Record<string, unknown>)[property];
        const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
        values.forEach((text, index) => {
            if (typeof text === 'string') result.push({ node, property, index: Array.isArray(value) ? index : undefined, text });
        });
    }
    return result;
}

/**
 * Calls `visit` for every document path `node` names, resolved against the workspace folder
 * `root` from its text alone (no file system): to know which files a policy names. Whatever
 * is read or linked goes through `locate` (RuleContext.files, ReportSources) instead.
 */
export function forEachPolicyPath(node: AstNode, root: URI, visit: (occurrence: PathOccurrence) => void): void {
    for (const path of policyPathTexts(node)) visit({ ...path, resolved: resolvePolicyPath(path.text, root) });
}

/**
 * One validation check per node type that can name a document. `visit` sees every path with
 * where it really leads from the workspace folder of the file; without a folder nothing is checked.
 */
export function pathChecks(
    context: RuleContext, visit: (occurrence: LocatedOccurrence, accept: ValidationAcceptor) => void
): Partial<Record<keyof MandateAstType, (node: AstNode, accept: ValidationAcceptor) => void>> {
    const checks: Record<string, (node: AstNode, accept: ValidationAcceptor) => void> = {};
    for (const type of Object.keys(PATH_FIELDS)) {
        checks[type] = (node, accept) => {
            const root = context.settings.rootOf(AstUtils.getDocument(node).uri);
            if (!root) return;
            for (const path of policyPathTexts(node)) visit({ ...path, located: context.files.locate(path.text, root) }, accept);
        };
    }
    return checks;
}
