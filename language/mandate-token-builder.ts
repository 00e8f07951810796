import { DefaultTokenBuilder, RegExpUtils, stream, type Grammar, type GrammarAST, type TokenBuilderOptions } from 'langium';
import { reachableRules } from './util/grammar-facts.js';

/** Chevrotain's token type, as Langium's token builder returns it (chevrotain is Langium's dependency, not ours). */
type TokenType = Extract<ReturnType<DefaultTokenBuilder['buildTokens']>, readonly unknown[]>[number];

/**
 * The token types of each grammar (and case sensitivity), shared by every services instance, as
 * Chevrotain's token types usually are. Each instance made its own: the leaves of the syntax tree
 * number their kinds (token type and grammar element) in one table for the process
 * (mandate-leaf-cst-node.ts), which each instance grew by 92 kinds and kept them, with the token
 * types, for good. The editor checks a copy of the workspace for each what-if and each run of the
 * policy tests, and after about 44 such runs the table was full: leaves of kinds not seen before
 * were made at once, each with an entry of their own, for the rest of the session.
 */
const vocabularies = new WeakMap<Grammar, Map<boolean, TokenType[]>>();

/**
 * Langium's token builder, with one difference in how it is computed, not in what: to find the
 * terminals a keyword could also be the start of (`LONGER_ALT`, e.g. `role` of a name `roles`),
 * Langium turns each terminal's pattern into a "partial" regular expression once per keyword,
 * some 90 keywords × 8 terminals, all while the language server or the CLI starts. Here each
 * terminal's partial expression is built once and reused. And the rules the grammar reaches are
 * worked out once for the tokens and the keywords (util/grammar-facts.ts), not once each.
 */
export class MandateTokenBuilder extends DefaultTokenBuilder {
    private readonly partials = new Map<TokenType, RegExp | undefined>();

    /**
     * Langium's, with the reachable rules remembered, and the token types of a grammar made once for
     * every services instance (vocabularies).
     */
    override buildTokens(grammar: Grammar, options?: TokenBuilderOptions): TokenType[] {
        let built = vocabularies.get(grammar);
        if (!built) vocabularies.set(grammar, built = new Map());
        const key = options?.caseInsensitive === true;
        let tokens = built.get(key);
        if (!tokens) {
            const rules = stream(reachableRules(grammar));
            const terminalTokens = this.buildTerminalTokens(rules);
            tokens = this.buildKeywordTokens(rules, terminalTokens, options);
            tokens.push(...terminalTokens);
            built.set(key, tokens);
        }
        // The lexer and the parser keep the list: each its own copy.
        return tokens.slice();
    }

    protected override findLongerAlt(keyword: GrammarAST.Keyword, terminalTokens: TokenType[]): TokenType[] {
        return terminalTokens.filter(token => {
            const partial = this.partialOf(token);
            // As RegExpUtils.partialMatches: a match of at least one character.
            return partial !== undefined && (keyword.value.match(partial)?.[0].length ?? 0) > 0;
        });
    }

    private partialOf(token: TokenType): RegExp | undefined {
        if (!this.partials.has(token)) {
            const source = (token.PATTERN as RegExp | undefined)?.source;
            this.partials.set(token, source ? RegExpUtils.partialRegExp(`^${source}$`) : undefined);
        }
        return this.partials.get(token);
    }
}
