import { AstUtils, GrammarAST, GrammarUtils, type Grammar } from 'langium';
import { isDataTypeRule, reachableRules } from './util/grammar-facts.js';

/** What people call the declarations and blocks of the grammar's rules. */
const NOUNS: Record<string, string> = {
    Organization: 'organization', Person: 'person', AppointingBody: 'appointing body', Role: 'role',
    Responsibility: 'responsibility', Authority: 'authority', Assignment: 'assignment', Delegation: 'delegation',
    Training: 'training programme', TrainingCompletion: 'training record', Conflict: 'conflict',
    Announcement: 'announcement', Acknowledgement: 'acknowledgement', JobDescription: 'job description',
    DutyLink: 'duty line', Cadence: 'cadence', GracePeriod: 'grace period'
};

/**
 * The keywords of Mandate's grammar, read from the generated grammar rather than listed by hand,
 * so syntax messages suggest exactly the words the parser accepts (`organisation` → `organization`).
 */
export class GrammarKeywords {
    /** Every keyword made of letters, e.g. `role`, `designated`, `CISO`. */
    readonly words: ReadonlySet<string>;
    /** Keywords that may also be written as names (`training`, `email`, …): the `Id` rule. */
    readonly nameKeywords: ReadonlySet<string>;
    /** The keywords a declaration starts with: `organization`, `person`, `appointing body`, … */
    readonly declarationStarts: readonly string[];
    /**
     * Name keywords the grammar reads as a keyword where a reference could stand instead:
     * `audience everyone`, `are nobody`. A declaration of that name could never be named there.
     */
    readonly referenceKeywords: ReadonlySet<string>;
    private readonly rules = new Map<string, GrammarAST.ParserRule>();
    /** `Id`, and `NameKeyword` which it calls: where a name is read. */
    private readonly nameRules: ReadonlySet<GrammarAST.ParserRule>;
    /**
     * Answers worked out from the grammar, which never changes. The completion parser meets a
     * syntax error at the cursor on every request, and each message asks these questions again.
     */
    private readonly answers = new Map<string, unknown>();

    constructor(grammar: Grammar) {
        for (const rule of grammar.rules) {
            if (GrammarAST.isParserRule(rule)) this.rules.set(rule.name, rule);
        }
        this.words = new Set([...reachableRules(grammar)]
            .flatMap(rule => GrammarAST.isParserRule(rule) ? keywordsIn(rule.definition) : [])
            .filter(keyword => /^[A-Za-z]+$/.test(keyword)));
        const id = [...this.rules.values()].find(admitsId);
        this.nameRules = id ? calledDataTypeRules(id) : new Set();
        this.nameKeywords = new Set([...this.nameRules].flatMap(rule => keywordsIn(rule.definition)));
        const declaration = this.rules.get('Declaration');
        this.declarationStarts = declaration ? first(declaration.definition, this.nameRules).map(keyword => this.opening(keyword)) : [];
        this.referenceKeywords = new Set([...this.rules.values()].flatMap(rule => AstUtils.streamAllContents(rule).filter(GrammarAST.isAlternatives).toArray())
            .filter(choice => choice.elements.some(startsWithReference))
            .flatMap(choice => choice.elements.flatMap(alternative => first(alternative, this.nameRules)))
            .filter(keyword => this.nameKeywords.has(keyword)));
    }

    /**
     * Whether `word` cannot be a declaration's name: a keyword the grammar never reads as a name, or one
     * it reads as the keyword where a reference could stand (`nobody`, `everyone`). Rename refuses such
     * a name and import never generates one.
     */
    isReservedName(word: string): boolean {
        return this.words.has(word) && (!this.nameKeywords.has(word) || this.referenceKeywords.has(word));
    }

    /** `Role` → `role`, `AppointingBody` → `appointing body`: the rule as people name it. */
    noun(ruleName: string): string {
        return NOUNS[ruleName] ?? ruleName.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
    }

    /** The first keywords of the lines a `{ … }` block of the rule may hold, e.g. `description`, `reports` for a role. */
    blockItems(ruleName: string): readonly string[] {
        return this.remembered(`blockItems ${ruleName}`, () => this.findBlockItems(ruleName));
    }

    private findBlockItems(ruleName: string): string[] {
        const rule = this.rules.get(ruleName);
        const open = rule && AstUtils.streamAllContents(rule).find(node => GrammarAST.isKeyword(node) && node.value === '{');
        const group = open?.$container;
        if (!open || !GrammarAST.isGroup(group)) return [];
        const items = group.elements.slice(group.elements.indexOf(open as GrammarAST.AbstractElement) + 1, -1);
        return unique(items.flatMap(item => first(item, this.nameRules)));
    }

    /** Every keyword a rule may contain, including the rules it calls (but not the keywords that are also names). */
    keywordsOf(ruleName: string): readonly string[] {
        return this.remembered(`keywordsOf ${ruleName}`, () => this.findKeywordsOf(ruleName));
    }

    private findKeywordsOf(ruleName: string): string[] {
        const rule = this.rules.get(ruleName);
        if (!rule) return [];
        const found = new Set<string>();
        const visit = (current: GrammarAST.ParserRule, seen: Set<GrammarAST.ParserRule>): void => {
            if (seen.has(current) || this.nameRules.has(current)) return;
            seen.add(current);
            for (const node of AstUtils.streamAllContents(current)) {
                if (GrammarAST.isKeyword(node) && this.words.has(node.value)) found.add(node.value);
                if (GrammarAST.isRuleCall(node) && GrammarAST.isParserRule(node.rule.ref)) visit(node.rule.ref, seen);
            }
        };
        visit(rule, new Set());
        return [...found];
    }

    /**
     * The type a rule refers to right after `keyword`, e.g. `Role` after `to` in an assignment:
     * what a missing name after that keyword should have named.
     */
    referenceAfter(ruleName: string, keyword: string): string | undefined {
        return this.remembered(`referenceAfter ${ruleName} ${keyword}`, () => this.findReferenceAfter(ruleName, keyword));
    }

    private findReferenceAfter(ruleName: string, keyword: string): string | undefined {
        const rule = this.rules.get(ruleName);
        if (rule && !this.nameRules.has(rule)) return referenceAfterIn(rule, keyword);
        // Inside the name rule itself the caller is unknown: answer only when every rule agrees (`from` → role).
        const types = new Set([...this.rules.values()].map(candidate => referenceAfterIn(candidate, keyword)).filter(type => type !== undefined));
        return types.size === 1 ? [...types][0] : undefined;
    }


    /** The keywords a rule starts with, as written: `role`, `appointing body`, `conflict between`. */
    openingOf(ruleName: string): string | undefined {
        const rule = this.rules.get(ruleName);
        if (!rule || !GrammarAST.isGroup(rule.definition)) return undefined;
        const words: string[] = [];
        for (const element of rule.definition.elements) {
            if (!GrammarAST.isKeyword(element)) break;
            words.push(element.value);
        }
        return words.length > 0 ? words.join(' ') : undefined;
    }

    private remembered<T>(question: string, work: () => T): T {
        if (!this.answers.has(question)) this.answers.set(question, work());
        return this.answers.get(question) as T;
    }

    /** `appointing` → `appointing body`: a declaration's first keyword with the keywords that always follow it. */
    private opening(keyword: string): string {
        for (const rule of this.rules.values()) {
            const opening = this.openingOf(rule.name);
            if (opening?.split(' ')[0] === keyword) return opening;
        }
        return keyword;
    }
}

function referenceAfterIn(rule: GrammarAST.ParserRule, keyword: string): string | undefined {
    for (const node of AstUtils.streamAllContents(rule)) {
        const group = node.$container;
        if (!GrammarAST.isKeyword(node) || node.value !== keyword || !GrammarAST.isGroup(group)) continue;
        const next = group.elements[group.elements.indexOf(node) + 1];
        if (GrammarAST.isAssignment(next) && GrammarAST.isCrossReference(next.terminal)) return next.terminal.type.ref?.name;
    }
    return undefined;
}

/** Whether `element` begins with a cross-reference: `audience+=[Role:Id] (',' …)*`. */
function startsWithReference(element: GrammarAST.AbstractElement): boolean {
    if (GrammarAST.isAssignment(element)) return GrammarAST.isCrossReference(element.terminal);
    return GrammarAST.isGroup(element) && element.elements.length > 0 && startsWithReference(element.elements[0]);
}

/** The rule for names: a data-type rule that admits the ID terminal (`Id`). */
function admitsId(rule: GrammarAST.ParserRule): boolean {
    return isDataTypeRule(rule)
        && AstUtils.streamAllContents(rule).some(node => GrammarAST.isRuleCall(node) && GrammarAST.isTerminalRule(node.rule.ref));
}

/** A data type rule and the data type rules it calls, e.g. `Id` and `NameKeyword`. */
function calledDataTypeRules(rule: GrammarAST.ParserRule, found = new Set<GrammarAST.ParserRule>()): Set<GrammarAST.ParserRule> {
    found.add(rule);
    for (const node of AstUtils.streamAllContents(rule.definition)) {
        const callee = GrammarAST.isRuleCall(node) ? node.rule.ref : undefined;
        if (GrammarAST.isParserRule(callee) && isDataTypeRule(callee) && !found.has(callee)) calledDataTypeRules(callee, found);
    }
    return found;
}

function keywordsIn(element: GrammarAST.AbstractElement): string[] {
    const own = GrammarAST.isKeyword(element) ? [element.value] : [];
    return [...own, ...AstUtils.streamAllContents(element).filter(GrammarAST.isKeyword).map(keyword => keyword.value)];
}

/** The keywords `element` can start with; a name (the `Id` rule) contributes none. */
function first(element: GrammarAST.AbstractElement, nameRules: ReadonlySet<GrammarAST.ParserRule>, seen = new Set<GrammarAST.ParserRule>()): string[] {
    if (GrammarAST.isKeyword(element)) return [element.value];
    if (GrammarAST.isAssignment(element)) return first(element.terminal, nameRules, seen);
    if (GrammarAST.isAlternatives(element) || GrammarAST.isUnorderedGroup(element)) {
        return unique(element.elements.flatMap(alternative => first(alternative, nameRules, seen)));
    }
    if (GrammarAST.isGroup(element)) {
        const result: string[] = [];
        for (const part of element.elements) {
            result.push(...first(part, nameRules, seen));
            if (!GrammarUtils.isOptionalCardinality(part.cardinality, part)) break;
        }
        return unique(result);
    }
    if (GrammarAST.isRuleCall(element)) {
        const rule = element.rule.ref;
        if (!GrammarAST.isParserRule(rule) || nameRules.has(rule) || seen.has(rule)) return [];
        seen.add(rule);
        return first(rule.definition, nameRules, seen);
    }
    return [];
}

function unique(values: readonly string[]): string[] {
    return [...new Set(values)];
}
