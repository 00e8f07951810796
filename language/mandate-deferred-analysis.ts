import { createParser, type GrammarAST, type LangiumParser, type Lexer } from 'langium';

/** The token types Langium's parser is built over: the lexer's (`Lexer.definition`). */
type Vocabulary = Lexer['definition'];

/**
 * Langium's parser reads only the files with syntax errors: the predictive parser
 * (mandate-predictive-parser.ts) reads the rest with the tree-building methods alone. So what
 * Langium's parser needs besides those is made on the first parse that reaches it: its rules
 * (`createParser`, which `prepareLangiumParser` would run at once: ~9 ms of every start) and
 * Chevrotain's grammar analysis (`finalize`, about 25 ms). A clean check never pays for either. The
 * language server's warm-up parses a scratch file with an error (lsp/mandate-warm-up.ts), so typing does not.
 * `parser` is a LangiumParser as `new LangiumParser(services)` makes it, without rules.
 */
export function withAnalysisOnFirstParse(parser: LangiumParser, grammar: GrammarAST.Grammar, vocabulary: () => Vocabulary): LangiumParser {
    const parse = parser.parse.bind(parser);
    let analysed = false;
    (parser as { parse: LangiumParser['parse'] }).parse = (input, options) => {
        if (!analysed) {
            analysed = true;
            createParser(grammar, parser, vocabulary());
            parser.finalize();
        }
        return parse(input, options);
    };
    return parser;
}
