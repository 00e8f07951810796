import type { LangiumParser } from 'langium';

/**
 * Chevrotain's grammar analysis (`finalize`, about 25 ms) is only needed by Langium's own parser,
 * which reads the files with syntax errors: the predictive parser (mandate-predictive-parser.ts)
 * reads the rest with the tree-building methods alone. So the analysis runs on the first parse
 * that reaches Langium's parser, and a clean check never pays for it. The language server's
 * warm-up parses a scratch file with an error (lsp/mandate-warm-up.ts), so typing does not either.
 */
export function withAnalysisOnFirstParse(parser: LangiumParser): LangiumParser {
    const parse = parser.parse.bind(parser);
    let analysed = false;
    (parser as { parse: LangiumParser['parse'] }).parse = (input, options) => {
        if (!analysed) {
            analysed = true;
            parser.finalize();
        }
        return parse(input, options);
    };
    return parser;
}
