import type { AstNode, ValidationAcceptor } from 'langium';
import type { MandateAstType } from '../generated/ast.js';
import { IssueCodes } from '../mandate-issue-codes.js';
import type { NodeRule, NodeRuleSyntax, RuleReporter } from './rule.js';

/** The declarations that have a name (`Id`), which a reference elsewhere may name. */
const NAMED: ReadonlyArray<keyof MandateAstType> = ['Organization', 'Person', 'AppointingBody', 'Role', 'Responsibility', 'Authority', 'Training'];

/**
 * `everyone` and `nobody` parse as names, but where a reference could stand the grammar reads them
 * as the keyword: `audience everyone` means all staff, `are nobody` no one. A declaration of that
 * name can never be named there, and a reader cannot tell which is meant. Rename refuses these
 * names and import never generates one (GrammarKeywords.isReservedName); this catches one written by hand.
 */
export const nameReserved: NodeRule = {
    id: IssueCodes.NameReserved,
    scope: 'node',
    category: 'well-formedness',
    severity: 'error',
    standards: [],
    summary: 'A declaration is named with a word the language reads as a keyword where a name could stand, such as `everyone` or `nobody`.',
    fixable: false,
    checks: (_context, report, syntax) => Object.fromEntries(NAMED.map(type => [type, (node: AstNode, accept: ValidationAcceptor) => check(node, accept, report, syntax)]))
};

function check(node: AstNode, accept: ValidationAcceptor, report: RuleReporter, syntax: NodeRuleSyntax): void {
    const name = (node as AstNode & { name?: string }).name;
    if (!name || !syntax.keywords().referenceKeywords.has(name)) return;
    report(accept, { node, property: 'name' } as Parameters<RuleReporter>[1],
        `\`${name}\` cannot be a name: where a name could stand, the language reads it as the keyword (\`audience everyone\` means all staff, \`are nobody\` no one), `
        + `so this declaration could never be named there. Rename it, e.g. \`${name}-${node.$type === 'Person' ? 'person' : 'group'}\`, with the editor's Rename, which changes every reference.`);
}
