import { AstUtils, GrammarAST, type AstNode, type CstNode, type ValidationAcceptor } from 'langium';
import type { JobDescription } from '../generated/ast.js';
import { IssueCodes } from '../mandate-issue-codes.js';
import type { NodeRule } from './rule.js';

/** How the policy writes each single-valued item, so a message never shows a grammar property name. */
const PHRASES: Readonly<Record<string, string>> = {
    title: 'display name', description: 'description', email: 'email', jobTitle: 'job title',
    employedSince: 'employed since', employedUntil: 'employed … until', engagedSince: 'engaged since', engagedUntil: 'engaged … until',
    external: 'external', firm: 'external', ciso: 'designated CISO', ismsOwner: 'designated ISMS owner',
    internalAuditor: 'designated internal auditor', key: 'key role', deputyRequired: 'requires deputy', singleHolder: 'single holder',
    reportsTo: 'reports to', deputy: 'deputy', activity: 'activity', cadence: 'every …', grace: 'within … days',
    appointsAnyRole: 'may appoint any role', everyone: 'audience everyone', since: 'since', until: 'until',
    appointedBy: 'appointed by', capacity: 'as acting / as interim', version: 'version', effective: 'effective'
};

/** `job title`, or the property's words for one this table does not know yet. */
function phraseOf(feature: string): string {
    return PHRASES[feature] ?? feature.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/** What a declaration is called in messages: `person`, `role`, `training completion`. */
function kindOf(type: string): string {
    return type.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/** Job-description versions that take effect on the same day (or all have no date): only one can be in force. */
function sameDayVersions(versions: readonly JobDescription[]): JobDescription[][] {
    const byDay = new Map<string, JobDescription[]>();
    for (const version of versions) {
        const day = version.effective ?? '';
        byDay.set(day, [...(byDay.get(day) ?? []), version]);
    }
    return [...byDay.values()].filter(group => group.length > 1);
}

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
                        `\`${phraseOf(feature)}\` is given ${occurrences.length} times in this ${kindOf(node.$type)}; only the last one would be kept. Remove the extra ones.`);
                }
            }
        },
        Role: (role, accept) => {
            for (const group of sameDayVersions(role.jobDescriptions)) {
                const day = group[0].effective;
                for (const version of group.slice(0, -1)) {
                    report(accept, { node: version, property: 'path' },
                        `${group.length} versions of the job description of '${role.name}' ${day ? `take effect on ${day}` : 'have no `effective` date'}, `
                        + 'so it is unclear which one is in force. Give each version its own `effective` date, or remove the old one.');
                }
            }
        }
    })
};
