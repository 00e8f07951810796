// MandateTokenBuilder computes the lexer's tokens faster than Langium's; they must be the same tokens.
import { DefaultTokenBuilder, EmptyFileSystem } from 'langium';
import { describe, expect, it } from 'vitest';
import { createMandateServices } from '../language/mandate-module.js';
import { MandateTokenBuilder } from '../language/mandate-token-builder.js';

interface Token { name: string; PATTERN?: unknown; LONGER_ALT?: unknown; GROUP?: unknown; LINE_BREAKS?: boolean }

/** A token as data: its pattern as text, its longer alternatives by name. */
function described(token: Token): unknown {
    const alternatives = ([] as Token[]).concat((token.LONGER_ALT as Token | Token[] | undefined) ?? []);
    return {
        name: token.name, pattern: String(token.PATTERN), group: token.GROUP, lineBreaks: token.LINE_BREAKS,
        longerAlternatives: alternatives.map(alternative => alternative.name)
    };
}

describe('the token builder', () => {
    it('builds the same tokens as Langium\'s, with the same longer alternatives for keywords', () => {
        const grammar = createMandateServices(EmptyFileSystem).Mandate.Grammar;
        const ours = new MandateTokenBuilder().buildTokens(grammar, { caseInsensitive: false }) as Token[];
        const langiums = new DefaultTokenBuilder().buildTokens(grammar, { caseInsensitive: false }) as Token[];
        expect(ours.map(described)).toEqual(langiums.map(described));
        // `role` may start a name such as `roles`: the comparison covers keywords with alternatives.
        expect(ours.filter(token => ((token.LONGER_ALT as Token[] | undefined) ?? []).length > 0).length).toBeGreaterThan(10);
    });

    it('is the token builder of the language services', () => {
        expect(createMandateServices(EmptyFileSystem).Mandate.parser.TokenBuilder).toBeInstanceOf(MandateTokenBuilder);
    });
});
