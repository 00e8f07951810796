import { GrammarUtils, type Grammar, type GrammarAST } from 'langium';

/*
 * Facts about the grammar that Langium works out again each time it is asked, by walking every
 * element of the rules involved: remembered here, as a grammar never changes once loaded.
 * Compiling the grammar (mandate-predictive-grammar.ts) and building the tokens asked them often
 * enough to cost about 15 ms of each start of the CLI and the language server.
 */

const dataTypeRules = new WeakMap<GrammarAST.ParserRule, boolean>();

/** Langium's `isDataTypeRule`, remembered per rule. */
export function isDataTypeRule(rule: GrammarAST.ParserRule): boolean {
    let result = dataTypeRules.get(rule);
    if (result === undefined) dataTypeRules.set(rule, result = GrammarUtils.isDataTypeRule(rule));
    return result;
}

const reachable = new WeakMap<Grammar, ReadonlySet<GrammarAST.AbstractRule>>();

/** Langium's `getAllReachableRules(grammar, false)`, remembered per grammar: the rules the entry rule and the hidden terminals reach. */
export function reachableRules(grammar: Grammar): ReadonlySet<GrammarAST.AbstractRule> {
    let result = reachable.get(grammar);
    if (!result) reachable.set(grammar, result = GrammarUtils.getAllReachableRules(grammar, false));
    return result;
}
