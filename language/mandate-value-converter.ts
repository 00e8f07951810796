import { DefaultValueConverter, GrammarUtils, ValueConverter, type CstNode, type GrammarAST, type ValueType } from 'langium';

type Convert = (input: string) => ValueType;

/**
 * Langium's conversions, chosen once per rule. The default works the conversion out again for
 * every token (upper-casing the rule's name each time) and builds each string a character at a
 * time; an HR import of 10,000 people is some 40,000 strings, and that garbage was a tenth of
 * what parsing the file allocated.
 */
export class MandateValueConverter extends DefaultValueConverter {
    private readonly conversions = new Map<GrammarAST.AbstractRule, Convert>();

    protected override runConverter(rule: GrammarAST.AbstractRule, input: string, _cstNode: CstNode): ValueType {
        let convert = this.conversions.get(rule);
        if (!convert) {
            convert = conversionOf(rule);
            this.conversions.set(rule, convert);
        }
        return convert(input);
    }
}

/** The conversion DefaultValueConverter.runConverter applies to the rule's tokens, which depends on the rule alone. */
function conversionOf(rule: GrammarAST.AbstractRule): Convert {
    switch (rule.name.toUpperCase()) {
        case 'INT': return ValueConverter.convertInt;
        case 'STRING': return convertString;
        case 'ID': return ValueConverter.convertID;
    }
    switch (GrammarUtils.getRuleType(rule)?.toLowerCase()) {
        case 'number': return ValueConverter.convertNumber;
        case 'boolean': return ValueConverter.convertBoolean;
        case 'bigint': return ValueConverter.convertBigint;
        case 'date': return ValueConverter.convertDate;
        default: return input => input;
    }
}

/** A string literal's value: the text between the quotes, with escapes as Langium reads them. */
export function convertString(input: string): string {
    return input.includes('\\') ? ValueConverter.convertString(input) : input.slice(1, -1);
}
