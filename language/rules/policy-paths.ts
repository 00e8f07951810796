import { AstUtils, type AstNode, type URI, type ValidationAcceptor } from 'langium';
import type { MandateAstType } from '../generated/ast.js';
import { isPlainReference, resolvePolicyPath } from '../util/policy-paths.js';
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

const PATH_TYPES: ReadonlySet<string> = new Set(Object.keys(PATH_FIELDS));

/** A path as written at one property of a node, `index` for a list property. */
export interface PathText {
    readonly node: AstNode;
    readonly property: string;
    readonly index: number | undefined;
    readonly text: string;
}

/** A path with where it really leads, symbolic links followed (workspace/policy-path.ts). */
export interface LocatedOccurrence extends PathText {
    readonly located: LocatedPath;
}

/** Every document path `node` names, as written. */
export function policyPathTexts(node: AstNode): PathText[] {
    const result: PathText[] = [];
    forEachPathText(node, (property, index, text) => result.push({ node, property, index, text }));
    return result;
}

/** Calls `visit` with each document path `node` names, as written, without building a list (the checks run on every such node). */
function forEachPathText(node: AstNode, visit: (property: string, index: number | undefined, text: string) => void): void {
    const properties = PATH_FIELDS[node.$type];
    if (!properties) return;
    for (const property of properties) {
        const value = (node as unknown as Record<string, unknown>)[property];
        if (Array.isArray(value)) {
            for (let index = 0; index < value.length; index++) if (typeof value[index] === 'string') visit(property, index, value[index] as string);
        } else if (typeof value === 'string') {
            visit(property, undefined, value);
        }
    }
}

/**
 * Calls `visit` with each file inside the workspace folder `root` that `node` names, resolved from
 * the path's text alone (no file system): to know which files a policy names. Whatever is read or
 * linked goes through `locate` (RuleContext.files, ReportSources) instead.
 */
export function forEachNamedFile(node: AstNode, root: URI, visit: (file: URI) => void): void {
    if (!PATH_TYPES.has(node.$type)) return; // most nodes: told before a closure is made for them
    forEachPathText(node, (_property, _index, text) => {
        const resolved = resolvePolicyPath(text, root);
        if (resolved.kind === 'inside') visit(resolved.uri);
    });
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
            let root: URI | undefined | null = null; // looked up for the first text that may be a path
            forEachPathText(node, (property, index, text) => {
                // Most evidence is a ticket number or a title ("HR-1234"): it locates to a reference,
                // which no path check reports on. 30,000 of them at 100,000 lines.
                if (isPlainReference(text)) return;
                if (root === null) root = context.settings.rootOf(AstUtils.getDocument(node).uri);
                if (root) visit({ node, property, index, text, located: context.files.locate(text, root) }, accept);
            });
        };
    }
    return checks;
}
