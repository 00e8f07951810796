import { AstUtils, GrammarAST, type AstNode, type CstNode, type ValidationAcceptor } from 'langium';
import { IssueCodes } from '../mandate-issue-codes.js';
import type { NodeRule } from './rule.js';

/** The CST nodes that assign a single-valued property of `node` itself (not of its children). */
function singleValuedAssignments(node: AstNode): Map<string, CstNode[]> {
    const byFeature = new Map<string, CstNode[]>();
    const root = node.$cstNode;
    if (!root) return byFeature;
    const stack: CstNode[] = [root];
    while (stack.length > 0) {
        const cst = stack.pop()!;
        if (cst !== root) {
            // Also catches a child node assigned to a single-valued property, such as a cadence.
            const assignment = AstUtils.getContainerOfType(cst.grammarSource, GrammarAST.isAssignment);
            if (assignment && assignment.operator !== '+=') {
                const list = byFeature.get(assignment.feature) ?? [];
                if (!list.some(existing => existing.offset === cst.offset)) list.push(cst);
                byFeature.set(assignment.feature, list);
                continue;
            }
            if (cst.astNode !== node) continue; // a child node's own properties
        }
        if ('content' in cst) stack.push(...(cst as { content: CstNode[] }).content);
    }
    return byFeature;
}

/**
 * The grammar lets block items come in any order, so a single-valued item such as a
 * description can be written twice. The parser keeps only the last one; this rule makes
 * sure the author hears about it instead of silently losing the first.
 */
export const propertyRepeated: NodeRule = {
    id: IssueCodes.PropertyRepeated,
    scope: 'node',
    category: 'well-formedness',
    severity: 'error',
    standards: [],
    summary: 'A single-valued item, such as a description or date, is given more than once in one block.',
    fixable: false,
    checks: (_context, report) => ({
        AstNode: (node: AstNode, accept: ValidationAcceptor) => {
            for (const [feature, occurrences] of singleValuedAssignments(node)) {
                if (occurrences.length < 2) continue;
                occurrences.sort((a, b) => a.offset - b.offset);
                for (const repeated of occurrences.slice(0, -1)) {
                    report(accept, { node, range: repeated.range },
                        `'${feature}' is given ${occurrences.length} times here; only the last value would be kept. Remove the extra ones.`);
                }
            }
        }
    })
};
