import type { AstNode, LangiumParser, ParseResult, ParserOptions } from 'langium';
import { linkAndListNodes } from './util/syntax-nodes.js';

/** The parts of Langium's parser (langium ~4.4, src/parser/langium-parser.ts) that `parse` uses. */
interface ParserInternals {
    nodeBuilder: { buildRootNode(input: string): unknown; addHiddenNodes(tokens: unknown[]): void };
    lexer: { tokenize(input: string): { tokens: unknown[]; hidden: unknown[]; errors: ParseResult['lexerErrors']; report?: ParseResult['lexerReport'] } };
    lexerResult: unknown;
    wrapper: { input: unknown[]; errors: ParseResult['parserErrors'] };
    allRules: Map<string, unknown>;
    mainRule: unknown;
    unorderedGroups: Map<string, unknown>;
    doParse(rule: unknown): AstNode;
}

/**
 * Langium's `parse`, except for its last step: instead of `linkContentToContainer`, which walks the
 * tree with `Object.entries` (an array per property of every node, 170 ms of garbage at 100,000
 * lines), one pass sets the containers and lists the nodes for later walks (util/syntax-nodes.ts).
 * The tree, its containers and the result are the same. The packaging pins langium to ~4.4, whose
 * `parse` this follows; tests/syntax-nodes.test.ts compares both trees.
 */
export function withListedNodes(parser: LangiumParser): LangiumParser {
    const target = parser as unknown as ParserInternals;
    (parser as { parse: LangiumParser['parse'] }).parse = <T extends AstNode = AstNode>(input: string, options: ParserOptions = {}): ParseResult<T> => {
        target.nodeBuilder.buildRootNode(input);
        const lexerResult = target.lexer.tokenize(input);
        target.lexerResult = lexerResult;
        target.wrapper.input = lexerResult.tokens;
        const ruleMethod = options.rule ? target.allRules.get(options.rule) : target.mainRule;
        if (!ruleMethod) throw new Error(options.rule ? `No rule found with name '${options.rule}'` : 'No main rule available.');
        const result = target.doParse(ruleMethod);
        target.nodeBuilder.addHiddenNodes(lexerResult.hidden);
        target.unorderedGroups.clear();
        target.lexerResult = undefined;
        linkAndListNodes(result);
        return { value: result as T, lexerErrors: lexerResult.errors, lexerReport: lexerResult.report, parserErrors: target.wrapper.errors };
    };
    return parser;
}
