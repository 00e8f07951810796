import { AstUtils, GrammarAST, type AstNode, type CstNode, type ValidationAcceptor, type ValidationChecks } from 'langium';
import type { JobDescription, MandateAstType } from '../generated/ast.js';
import { IssueCodes } from '../mandate-issue-codes.js';
import { hasRepeatedAssignment } from '../util/repeated-assignments.js';
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

/**
 * The declarations whose blocks repeat a group of items that includes a single-valued one; only
 * these can give an item twice. Listed so that the check is registered on them alone (tests
 * compare the list with repeatableItems of the grammar).
 */
export const REPEATABLE_TYPES = [
    'Organization', 'Person', 'AppointingBody', 'Role', 'Responsibility', 'Authority', 'Assignment', 'Delegation', 'Training',
    'CustomFramework', 'CustomRequirement'
] as const;

/** Per grammar element inside a single-valued assignment: the feature when the assignment sits in a repeated group, else null. */
type RepeatableItems = ReadonlyMap<AstNode, string | null>;

const analysed = new WeakMap<AstNode, RepeatableItems>();

/** Walks the grammar once: which elements assign a single-valued item, and whether a block can repeat it. */
export function repeatableItems(grammar: GrammarAST.Grammar): RepeatableItems {
    let items = analysed.get(grammar);
    if (items) return items;
    const map = new Map<AstNode, string | null>();
    for (const rule of grammar.rules.filter(GrammarAST.isParserRule)) {
        for (const assignment of AstUtils.streamAllContents(rule).filter(GrammarAST.isAssignment)) {
            if (assignment.operator === '+=') continue;
            let repeated = false;
            for (let element: AstNode | undefined = assignment; element && element !== rule; element = element.$container) {
                const cardinality = (element as { cardinality?: string }).cardinality;
                if (cardinality === '*' || cardinality === '+') repeated = true;
            }
            const feature = repeated ? assignment.feature : null;
            map.set(assignment, feature);
            for (const element of AstUtils.streamAllContents(assignment)) map.set(element, feature);
        }
    }
    items = map;
    analysed.set(grammar, items);
    return items;
}

/** The CST nodes that assign a repeatable single-valued item of `node` itself (not of its children). */
function singleValuedAssignments(node: AstNode): Map<string, CstNode[]> {
    const byFeature = new Map<string, CstNode[]>();
    const root = node.$cstNode;
    if (!root) return byFeature;
    const items = repeatableItems(AstUtils.findRootNode(root.grammarSource!) as GrammarAST.Grammar);
    const stack: CstNode[] = [root];
    while (stack.length > 0) {
        const cst = stack.pop()!;
        if (cst !== root) {
            // Also catches a child node assigned to a single-valued property, such as a cadence.
            const feature = cst.grammarSource && items.get(cst.grammarSource);
            if (feature !== undefined) {
                if (feature === null) continue;
                const list = byFeature.get(feature);
                if (!list) byFeature.set(feature, [cst]);
                else if (!list.some(existing => existing.offset === cst.offset)) list.push(cst);
                continue;
            }
            // A leaf that assigns nothing has nothing below it: no need to find its AST node.
            if (!('content' in cst) || cst.astNode !== node) continue; // a child node's own properties
        }
        if ('content' in cst) stack.push(...(cst as { content: CstNode[] }).content);
    }
    return byFeature;
}

function parsedCleanly(node: AstNode): boolean {
    const result = AstUtils.getDocument(node).parseResult;
    return result.lexerErrors.length === 0 && result.parserErrors.length === 0;
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
    checks: (_context, report) => {
        const repeatedItems = (node: AstNode, accept: ValidationAcceptor): void => {
            // Only a node the parser gave a property twice can repeat one; after a syntax error the
            // parser's recovery may have left an item's syntax without assigning it, so then all are read.
            if (!hasRepeatedAssignment(node) && parsedCleanly(node)) return;
            for (const [feature, occurrences] of singleValuedAssignments(node)) {
                if (occurrences.length < 2) continue;
                occurrences.sort((a, b) => a.offset - b.offset);
                for (const repeated of occurrences.slice(0, -1)) {
                    report(accept, { node, range: repeated.range },
                        `\`${phraseOf(feature)}\` is given ${occurrences.length} times in this ${kindOf(node.$type)}; only the last one would be kept. Remove the extra ones.`);
                }
            }
        };
        const checks: ValidationChecks<MandateAstType> = Object.fromEntries(REPEATABLE_TYPES.map(type => [type, repeatedItems]));
        checks.Role = (role, accept) => {
            repeatedItems(role, accept);
            for (const group of sameDayVersions(role.jobDescriptions)) {
                const day = group[0].effective;
                for (const version of group.slice(0, -1)) {
                    report(accept, { node: version, property: 'path' },
                        `${group.length} versions of the job description of ${role.name ? `'${role.name}'` : 'this role'} ${day ? `take effect on ${day}` : 'have no `effective` date'}, `
                        + 'so it is unclear which one is in force. Give each version its own `effective` date, or remove the old one.');
                }
            }
        };
        return checks;
    }
};
