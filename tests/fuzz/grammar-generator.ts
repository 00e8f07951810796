/**
 * Grammar-aware generation: random policies derived from the generated grammar itself
 * (language/generated/grammar.ts), so a new construct is fuzzed as soon as it is in the grammar.
 * Each declaration walks a parser rule: groups in order, one alternative of each choice, optional
 * and repeated parts a random number of times. Where the grammar wants a value, the vocabulary
 * gives a plausible or a hostile one. Declared names come from per-kind pools, so references
 * mostly resolve, sometimes point to a name of the wrong kind, and sometimes to no name at all.
 * Now and then a token is dropped or a stray one added, so error recovery is fuzzed too.
 */
import { GrammarAST, type Grammar } from 'langium';
import { MandateGrammar } from '../../language/generated/grammar.js';
import type { Random } from '../random-edits.js';
import {
    randomComment, randomDate, randomInt, randomName, randomRequirement, randomString, randomSuppression, randomToken
} from './vocabulary.js';

const grammar: Grammar = MandateGrammar();
const rules = new Map(grammar.rules.map(rule => [rule.name, rule]));

/** Every keyword of the grammar, for mutations that insert one. */
export const KEYWORDS: readonly string[] = [...new Set(grammar.rules.flatMap(rule =>
    GrammarAST.isParserRule(rule) ? collectKeywords(rule.definition) : []))].sort();

function collectKeywords(element: GrammarAST.AbstractElement): string[] {
    if (GrammarAST.isKeyword(element)) return [element.value];
    const children: GrammarAST.AbstractElement[] = GrammarAST.isGroup(element) || GrammarAST.isAlternatives(element) || GrammarAST.isUnorderedGroup(element)
        ? element.elements
        : GrammarAST.isAssignment(element) ? [element.terminal]
            : GrammarAST.isCrossReference(element) && element.terminal ? [element.terminal] : [];
    return children.flatMap(collectKeywords);
}

/** The parser rules a cross-reference may point to: the rule itself, or the members of a union type. */
function targetRules(type: GrammarAST.AbstractType | undefined): string[] {
    if (!type) return [];
    if (GrammarAST.isParserRule(type)) return [type.name];
    if (GrammarAST.isType(type)) {
        const union = type.type;
        const members = GrammarAST.isUnionType(union) ? union.types : [union];
        return members.flatMap(member => GrammarAST.isSimpleType(member) ? targetRules(member.typeRef?.ref) : []);
    }
    return [];
}

/** Data type rules that accept the ID terminal: where the grammar wants a name. */
const NAME_RULES = new Set(grammar.rules.filter(rule => GrammarAST.isParserRule(rule) && rule.dataType
    && GrammarAST.isAlternatives(rule.definition) && rule.definition.elements.some(element => GrammarAST.isRuleCall(element) && element.rule.ref?.name === 'ID')).map(rule => rule.name));

/** The declarations a policy file can start with: the alternatives of the `Declaration` rule. */
const DECLARATIONS: readonly GrammarAST.ParserRule[] = (() => {
    const declaration = rules.get('Declaration');
    if (!GrammarAST.isParserRule(declaration) || !GrammarAST.isAlternatives(declaration.definition)) throw new Error('The grammar has no Declaration alternatives');
    return declaration.definition.elements.map(element => {
        if (!GrammarAST.isRuleCall(element) || !GrammarAST.isParserRule(element.rule.ref)) throw new Error('Declaration is not a choice of rules');
        return element.rule.ref;
    });
})();

/** Names per declaration kind (parser rule name), shared by every file of one generated workspace. */
export class NamePools {
    private readonly pools = new Map<string, string[]>();
    private readonly declared = new Set<string>();

    constructor(private readonly random: Random) {
        for (const rule of DECLARATIONS) {
            this.pools.set(rule.name, Array.from({ length: 1 + random.int(4) }, () => randomName(random)));
        }
        this.pools.set('CustomFramework', Array.from({ length: 1 + random.int(2) }, () => random.pick(['ACME', 'INT', 'ISO27001', 'X-1', 'acme', 'Q'])));
    }

    /** A name for a new declaration of `kind`: an undeclared one from the pool, now and then a duplicate. */
    declare(kind: string): string {
        const pool = this.pools.get(kind) ?? [];
        const fresh = pool.filter(name => !this.declared.has(`${kind}:${name}`));
        const name = fresh.length > 0 && !this.random.chance(0.08) ? this.random.pick(fresh)
            : pool.length > 0 && this.random.chance(0.7) ? this.random.pick(pool) : randomName(this.random);
        this.declared.add(`${kind}:${name}`);
        return name;
    }

    /** A reference to one of `kinds`: usually a pool name, sometimes one of another kind, sometimes a missing one. */
    reference(kinds: readonly string[]): string {
        const roll = this.random.next();
        const candidates = roll < 0.8 ? kinds.flatMap(kind => this.pools.get(kind) ?? []) : roll < 0.9 ? [...this.pools.values()].flat() : [];
        return candidates.length > 0 ? this.random.pick(candidates) : randomName(this.random);
    }

    get frameworks(): readonly string[] {
        return this.pools.get('CustomFramework') ?? [];
    }
}

/** Builds text from tokens, breaking lines inside braces so line-based features (suppressions) get lines. */
class Writer {
    private readonly lines: string[] = [];
    private line = '';
    depth = 0;

    token(text: string): void {
        if (text === '}') {
            this.depth = Math.max(0, this.depth - 1);
            this.newline();
        }
        this.line += (this.line.trim() === '' ? '' : ' ') + text;
        if (text === '{') {
            this.depth++;
            this.newline();
        }
    }

    newline(): void {
        if (this.line.trim() !== '') this.lines.push(this.line);
        this.line = '    '.repeat(this.depth);
    }

    /** A whole line of its own (a comment or a suppression). */
    comment(text: string): void {
        this.newline();
        this.lines.push('    '.repeat(this.depth) + text);
        this.line = '    '.repeat(this.depth);
    }

    text(): string {
        this.newline();
        return this.lines.join('\n') + '\n';
    }
}

export class GrammarGenerator {
    private writer = new Writer();
    private rule = '';

    constructor(private readonly random: Random, private readonly names: NamePools) {}

    /** A file of `count` top-level declarations, with comments and suppressions between them. */
    file(count: number): string {
        this.writer = new Writer();
        for (let index = 0; index < count; index++) {
            if (this.random.chance(0.1)) this.writer.comment(randomSuppression(this.random));
            if (this.random.chance(0.05)) this.writer.comment(randomComment(this.random));
            this.declaration(this.random.pick(DECLARATIONS));
            this.writer.newline();
        }
        return this.writer.text();
    }

    private declaration(rule: GrammarAST.ParserRule): void {
        this.rule = rule.name;
        this.element(rule.definition);
    }

    private repeat(element: GrammarAST.AbstractElement, walk: () => void): void {
        const count = element.cardinality === '?' ? (this.random.chance(0.5) ? 1 : 0)
            : element.cardinality === '*' ? this.geometric(0)
                : element.cardinality === '+' ? this.geometric(1) : 1;
        for (let index = 0; index < count; index++) {
            // A repeated property inside a block starts a line, as people write them.
            if (count > 0 && element.cardinality && element.cardinality !== '?' && this.writer.depth > 0) this.writer.newline();
            walk();
        }
    }

    private geometric(minimum: number): number {
        let count = minimum;
        while (count < minimum + 5 && this.random.chance(0.55)) count++;
        return count;
    }

    private element(element: GrammarAST.AbstractElement): void {
        this.repeat(element, () => this.once(element));
    }

    private once(element: GrammarAST.AbstractElement): void {
        // A dropped or a stray token: the parser's error recovery gets its share of the cases.
        if (this.random.chance(0.004)) return;
        if (this.random.chance(0.004)) this.writer.token(randomToken(this.random, KEYWORDS));
        if (GrammarAST.isKeyword(element)) return this.writer.token(element.value);
        if (GrammarAST.isGroup(element) || GrammarAST.isUnorderedGroup(element)) {
            const elements = GrammarAST.isUnorderedGroup(element) ? [...element.elements].sort(() => this.random.next() - 0.5) : element.elements;
            for (const child of elements) this.element(child);
            return;
        }
        if (GrammarAST.isAlternatives(element)) return this.element(this.random.pick(element.elements));
        if (GrammarAST.isAssignment(element)) return this.assignment(element);
        if (GrammarAST.isCrossReference(element)) return this.writer.token(this.names.reference(targetRules(element.type.ref)));
        if (GrammarAST.isRuleCall(element)) return this.ruleCall(element.rule.ref, undefined);
        throw new Error(`The fuzzer does not know grammar element ${element.$type}`);
    }

    private assignment(assignment: GrammarAST.Assignment): void {
        const terminal = assignment.terminal;
        if (GrammarAST.isRuleCall(terminal)) {
            if (assignment.feature === 'name') return this.writer.token(this.names.declare(this.rule));
            if (assignment.feature === 'prefix') return this.writer.token(this.names.declare('CustomFramework'));
            if (assignment.feature === 'framework') return this.writer.token(this.random.chance(0.8) ? this.random.pick(['ISO27001', 'NIST-CSF', 'SOC2', ...this.names.frameworks]) : randomName(this.random));
            return this.ruleCall(terminal.rule.ref, assignment.feature);
        }
        this.element(terminal);
    }

    private ruleCall(rule: GrammarAST.AbstractRule | undefined, feature: string | undefined): void {
        if (!rule) throw new Error('Unresolved rule call in the grammar');
        if (GrammarAST.isTerminalRule(rule)) return this.writer.token(this.terminal(rule.name));
        // A name rule (a data type rule that accepts ID, as `Id`): a name, now and then any keyword; other data type rules (CadenceUnit) are walked.
        if (GrammarAST.isParserRule(rule) && NAME_RULES.has(rule.name)) return this.writer.token(feature === 'activity' || this.random.chance(0.9) ? randomName(this.random) : this.random.pick(KEYWORDS));
        if (GrammarAST.isParserRule(rule)) {
            const outer = this.rule;
            this.rule = rule.name;
            this.element(rule.definition);
            this.rule = outer;
            return;
        }
        throw new Error(`The fuzzer does not know rule ${rule.name}`);
    }

    private terminal(name: string): string {
        switch (name) {
            case 'DATE': return randomDate(this.random);
            case 'STRING': return randomString(this.random);
            case 'INT': return randomInt(this.random);
            case 'REQUIREMENT': return randomRequirement(this.random, this.names.frameworks);
            case 'ID': return randomName(this.random);
            default: throw new Error(`The fuzzer has no values for terminal ${name}`);
        }
    }
}

/** A workspace of one to three generated files. */
export function generateWorkspace(random: Random): Record<string, string> {
    const names = new NamePools(random);
    const generator = new GrammarGenerator(random, names);
    const files: Record<string, string> = {};
    const count = 1 + random.int(3);
    for (let index = 0; index < count; index++) files[`policy-${index}.mandate`] = generator.file(1 + random.int(14));
    return files;
}
