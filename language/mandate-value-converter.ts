import { DefaultValueConverter, GrammarAST, GrammarUtils, ValueConverter, type CstNode, type ValueType } from 'langium';

type Convert = (input: string) => ValueType;

/**
 * Langium's conversions, chosen once per rule, and once per grammar element for the tokens it
 * reads. The default works the conversion out again for every token (asking the grammar what the
 * element is, upper-casing the rule's name) and builds each string a character at a time; an HR
 * import of 10,000 people is some 40,000 strings, and that garbage was a tenth of what parsing the
 * file allocated.
 */
export class MandateValueConverter extends DefaultValueConverter {
    private readonly conversions = new Map<GrammarAST.AbstractRule, Convert>();
    private readonly byElement = new Map<GrammarAST.AbstractElement, Convert>();

    override convert(input: string, cstNode: CstNode): ValueType {
        const element = cstNode.grammarSource;
        let convert = element && this.byElement.get(element);
        if (!convert) {
            convert = this.conversionAt(element);
            if (element) this.byElement.set(element, convert);
        }
        return convert(input);
    }

    protected override runConverter(rule: GrammarAST.AbstractRule, input: string, _cstNode: CstNode): ValueType {
        return this.conversionOfRule(rule)(input);
    }

    /** What DefaultValueConverter.convert does with a token of `element`: its rule's conversion, or none. */
    private conversionAt(element: GrammarAST.AbstractElement | undefined): Convert {
        const feature = GrammarAST.isCrossReference(element) ? GrammarUtils.getCrossReferenceTerminal(element) : element;
        if (!GrammarAST.isRuleCall(feature)) return unchanged;
        const rule = feature.rule.ref;
        if (!rule) throw new Error('This cst node was not parsed by a rule.');
        return this.conversionOfRule(rule);
    }

    private conversionOfRule(rule: GrammarAST.AbstractRule): Convert {
        let convert = this.conversions.get(rule);
        if (!convert) {
            convert = conversionOf(rule);
            this.conversions.set(rule, convert);
        }
        return convert;
    }
}

const unchanged: Convert = input => input;

/** The conversion DefaultValueConverter.runConverter applies to the rule's tokens, which depends on the rule alone. */
function conversionOf(rule: GrammarAST.AbstractRule): Convert {
    if (rule.name === 'DATE') return sharedDate;
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
        default: return unchanged;
    }
}

/** A string literal's value: the text between the quotes, with escapes as Langium reads them. */
export function convertString(input: string): string {
    return input.includes('\\') ? ValueConverter.convertString(input) : input.slice(1, -1);
}

/**
 * Dates repeat (a team's appointments, a programme's completions): one string per date written, not
 * one per token, which lived as long as the tree (37,000 at 100,000 lines, where 47 differ).
 */
const dates = new Map<string, string>();
/** A file of random dates must not grow the table for as long as the language server runs. */
const MAX_SHARED_DATES = 50_000;

function sharedDate(input: string): string {
    const known = dates.get(input);
    if (known !== undefined) return known;
    if (dates.size >= MAX_SHARED_DATES) dates.clear();
    dates.set(input, input);
    return input;
}
