// MandateValueConverter picks Langium's conversion once per rule and reads a string literal with no
// escape as one slice: it must give every value Langium's own converter gives. The `Id` rule keeps
// its keyword names in a rule of their own (NameKeyword), which must change nothing a user sees.
import { AstUtils, DefaultValueConverter, EmptyFileSystem, GrammarAST, URI, ValueConverter, type CstNode } from 'langium';
import { describe, expect, it } from 'vitest';
import { isPerson, isRole, type Model } from '../language/generated/ast.js';
import { createMandateServices } from '../language/mandate-module.js';
import { convertString, MandateValueConverter } from '../language/mandate-value-converter.js';

const services = createMandateServices(EmptyFileSystem).Mandate;

describe('the value converter', () => {
    it('reads string literals as Langium does, with and without escapes', () => {
        const literals = ['""', '"plain"', '"Ada 李 Ødegård"', '"say \\"hi\\""', '"back\\\\slash"', '"tab\\tline\\nend"', '"\\u"', '"a\\"', '"trailing \\\\"'];
        for (const literal of literals) expect(convertString(literal)).toBe(ValueConverter.convertString(literal));
    });

    it('converts every terminal and data type rule of the grammar as the default converter does', () => {
        const ours = new MandateValueConverter();
        const langiums = new DefaultValueConverter();
        const samples: Record<string, string> = { INT: '42', STRING: '"a \\"b\\""', ID: 'ciso', DATE: '2025-06-30', REQUIREMENT: 'ISO27001:5.3(a)' };
        const rules = services.Grammar.rules.filter(rule => rule.name in samples || (rule.$type === 'ParserRule' && (rule as GrammarAST.ParserRule).dataType));
        expect(rules.map(rule => rule.name)).toEqual(expect.arrayContaining(['INT', 'STRING', 'ID', 'Id', 'NameKeyword']));
        for (const rule of rules) {
            const input = samples[rule.name] ?? 'email';
            const cstNode = { grammarSource: { $type: 'RuleCall', rule: { ref: rule } } } as unknown as CstNode;
            expect(ours.convert(input, cstNode), rule.name).toEqual(langiums.convert(input, cstNode));
        }
    });

    it('converts a token of every element of the grammar as the default converter does, the first time and again', () => {
        const ours = new MandateValueConverter();
        const langiums = new DefaultValueConverter();
        const elements = AstUtils.streamAllContents(services.Grammar).filter(node => GrammarAST.isAbstractElement(node)).toArray() as GrammarAST.AbstractElement[];
        expect(elements.some(GrammarAST.isCrossReference)).toBe(true);
        expect(elements.some(GrammarAST.isKeyword)).toBe(true);
        for (const element of [...elements, undefined]) {
            const cstNode = { grammarSource: element } as unknown as CstNode;
            for (const input of ['"a \\"b\\""', '42', 'ciso', '2025-06-30']) {
                const expected = (() => { try { return { value: langiums.convert(input, cstNode) }; } catch (error) { return { error: String(error) }; } })();
                for (let time = 0; time < 2; time++) {
                    const actual = (() => { try { return { value: ours.convert(input, cstNode) }; } catch (error) { return { error: String(error) }; } })();
                    expect(actual, `${element?.$type} ${input}`).toEqual(expected);
                }
            }
        }
    });

    it('is the converter of the language services, and parsed values keep their escapes', () => {
        expect(services.parser.ValueConverter).toBeInstanceOf(MandateValueConverter);
        const text = 'person email "Ada \\"the\\" Lovelace" { job title "R&D \\\\ Ops" }\nrole is "Plain"\n';
        const model = services.shared.workspace.LangiumDocumentFactory.fromString<Model>(text, URI.parse('file:///ws/values.mandate')).parseResult.value;
        const [person, role] = model.declarations;
        expect(isPerson(person) && [person.name, person.title, person.jobTitle]).toEqual(['email', 'Ada "the" Lovelace', 'R&D \\ Ops']);
        expect(isRole(role) && [role.name, role.title]).toEqual(['is', 'Plain']);
    });

    it('knows every keyword a name may be spelt as, and the keywords of declarations are not among them', () => {
        const keywords = services.syntax.GrammarKeywords;
        for (const word of ['email', 'training', 'external', 'holder', 'is', 'status', 'requirement']) expect(keywords.nameKeywords.has(word), word).toBe(true);
        for (const word of ['person', 'role', 'assign', 'delegate']) expect(keywords.nameKeywords.has(word), word).toBe(false);
        expect(keywords.declarationStarts).toEqual(expect.arrayContaining(['organization', 'person', 'role', 'appointing body']));
    });
});
