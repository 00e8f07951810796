// The parser, the lexer, the completion parser and the grammar keywords are built on first use, so
// the language server can answer `initialize` before chevrotain analyses the grammar. Loading every
// service, as Langium's language server does before `initialize`, must not build them, and
// everything must behave as before once they are used.
import { eagerLoad, EmptyFileSystem } from 'langium';
import { parseHelper } from 'langium/test';
import { describe, expect, it } from 'vitest';
import type { Model } from '../language/generated/ast.js';
import { createMandateServices } from '../language/mandate-module.js';
import { buildNow, isBuilt, lazyService } from '../language/util/lazy-service.js';

function deferred(services: ReturnType<typeof createMandateServices>['Mandate']): Record<string, object> {
    return {
        LangiumParser: services.parser.LangiumParser,
        CompletionParser: services.parser.CompletionParser,
        Lexer: services.parser.Lexer,
        GrammarKeywords: services.syntax.GrammarKeywords
    };
}

describe('services built on first use', () => {
    it('are not built when every service is loaded, as the language server does before initialize', () => {
        const { shared, Mandate } = createMandateServices(EmptyFileSystem);
        eagerLoad(shared);
        eagerLoad(Mandate);
        const built = Object.entries(deferred(Mandate)).filter(([, service]) => isBuilt(service)).map(([name]) => name);
        expect(built).toEqual([]);
    });

    it('parse, report syntax errors in people\'s words and complete once used', async () => {
        const { shared, Mandate } = createMandateServices(EmptyFileSystem);
        eagerLoad(shared);
        eagerLoad(Mandate);
        const document = await parseHelper<Model>(Mandate)('role ciso "CISO" { reports }');
        expect(document.parseResult.value.declarations).toHaveLength(1);
        expect(document.parseResult.parserErrors.map(error => error.message)).toEqual(['Expected `to` after `reports`, but found `}`.']);
        expect(isBuilt(Mandate.parser.LangiumParser)).toBe(true);
        expect(isBuilt(Mandate.parser.Lexer)).toBe(true);
        expect(isBuilt(Mandate.syntax.GrammarKeywords)).toBe(true);
        expect(isBuilt(Mandate.parser.CompletionParser)).toBe(false);
        buildNow(Mandate.parser.CompletionParser);
        expect(isBuilt(Mandate.parser.CompletionParser)).toBe(true);
    });
});

describe('lazyService', () => {
    class Counter {
        count = 0;
        readonly label = 'counter';
        increment(): number { return ++this.count; }
    }

    it('builds once, on the first property read, and runs methods on the real object', () => {
        let builds = 0;
        const counter = lazyService(() => { builds++; return new Counter(); });
        expect(builds).toBe(0);
        expect(isBuilt(counter)).toBe(false);
        const increment = counter.increment;
        expect(builds).toBe(1);
        expect(increment()).toBe(1);
        expect(counter.increment()).toBe(2);
        expect(counter.count).toBe(2);
        expect(counter.label).toBe('counter');
        expect(builds).toBe(1);
    });

    it('answers a symbol probe and instanceof without building', () => {
        let builds = 0;
        const counter = lazyService(() => { builds++; return new Counter(); });
        expect((counter as unknown as Record<symbol, unknown>)[Symbol('probe')]).toBeUndefined();
        expect(counter instanceof Error).toBe(false);
        expect(builds).toBe(0);
    });

    it('writes through to the real object, and lists its keys', () => {
        const counter = lazyService(() => new Counter());
        counter.count = 41;
        expect(counter.increment()).toBe(42);
        expect(Object.keys(counter).sort()).toEqual(['count', 'label']);
        expect('increment' in counter).toBe(true);
        expect(buildNow(counter)).toBeInstanceOf(Counter);
    });
});
