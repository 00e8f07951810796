import { AbstractParserErrorMessageProvider } from 'langium';
import type { GrammarKeywords } from './mandate-grammar-keywords.js';
import type { MandateServices } from './mandate-module.js';
import { FRAMEWORKS } from './standards/catalogue.js';
import { closestMatch, editDistance } from './util/did-you-mean.js';
import { referenceKind } from './util/reference-kinds.js';

type MismatchOptions = Parameters<AbstractParserErrorMessageProvider['buildMismatchTokenMessage']>[0];
type NoViableAltOptions = Parameters<AbstractParserErrorMessageProvider['buildNoViableAltMessage']>[0];
type EarlyExitOptions = Parameters<AbstractParserErrorMessageProvider['buildEarlyExitMessage']>[0];
type Token = MismatchOptions['actual'];
type TokenKind = MismatchOptions['expected'];

/** A word that misspells `keyword`, where the parser expected that keyword (or a declaration it starts). */
export interface KeywordTypo {
    readonly offset: number;
    readonly keyword: string;
}

/** Terminals in words, with an example of each. */
const TERMINALS: Record<string, string> = {
    ID: 'a name such as `jane-doe`',
    STRING: 'a quoted text such as `"Jane Doe"`',
    DATE: 'a date such as 2025-06-30',
    REQUIREMENT: 'a requirement ID such as `ISO27001:5.3(b)`',
    INT: 'a number such as 30',
    EOF: 'the end of the file'
};

const MAX_SHOWN = 40;

/**
 * Parser errors in the language's terms. Chevrotain lists token types ("one of these possible
 * Token sequences: 1. [ID] 2. [email] …"); Mandate says what it expected in words, suggests the
 * closest keyword for a typo, and says which block is left open. The syntax diagnostics later
 * name that block, so the provider remembers where it reported one.
 */
export class MandateParserErrorMessageProvider extends AbstractParserErrorMessageProvider {
    private readonly keywords: GrammarKeywords;
    private readonly unclosedAfter = new WeakSet<Token>();
    /** Words that misspell the keyword an error message suggests, since `takeKeywordTypos`. */
    private keywordTypos: KeywordTypo[] = [];
    /** The keywords that continue a declaration rather than start one or stand for a name, made when first needed. */
    private continuations: readonly string[] | undefined;

    constructor(services: MandateServices) {
        super();
        this.keywords = services.syntax.GrammarKeywords;
    }

    /** True when the error whose previous token is `previous` was a block left without its `}`. */
    isUnclosedBlockAfter(previous: Token | undefined): boolean {
        return previous !== undefined && this.unclosedAfter.has(previous);
    }

    /** The words that misspelt a keyword since the last call (mandate-typo-recovery.ts reads them again as that keyword). */
    takeKeywordTypos(): KeywordTypo[] {
        const typos = this.keywordTypos;
        this.keywordTypos = [];
        return typos;
    }

    /** `keyword` suggested for `token`: remembered for the reading that tries it. */
    private suggest(token: Token, keyword: string): string {
        if (isReal(token)) this.keywordTypos.push({ offset: token.startOffset, keyword });
        return keyword;
    }

    override buildMismatchTokenMessage({ expected, actual, previous, ruleName }: MismatchOptions): string {
        const rule = plain(ruleName);
        if (expected.name === 'EOF') return this.notADeclaration(actual);
        if (expected.name === '}') return this.blockEnd(rule, actual, previous);
        return this.expectation([expected], actual, previous, rule);
    }

    override buildNotAllInputParsedMessage({ firstRedundant }: { firstRedundant: Token }): string {
        return this.notADeclaration(firstRedundant);
    }

    override buildNoViableAltMessage({ expectedPathsPerAlt, actual, previous, ruleName }: NoViableAltOptions): string {
        return this.divergence(expectedPathsPerAlt.flat(), actual, previous, plain(ruleName));
    }

    override buildEarlyExitMessage({ expectedIterationPaths, actual, previous, ruleName }: EarlyExitOptions): string {
        return this.divergence(expectedIterationPaths, actual, previous, plain(ruleName));
    }

    /**
     * The parser looked ahead several tokens (`designated CISO`, `designated ISMS owner`, …): report
     * the first token where the text leaves every path, so `designated CIS` gets "expected `CISO`,
     * `ISMS` or `internal` after `designated`, but found `CIS`".
     */
    private divergence(paths: readonly TokenKind[][], actual: readonly Token[], previous: Token, rule: string): string {
        const matches = (path: readonly TokenKind[], length: number) => path.length > length
            && path.slice(0, length).every((kind, index) => actual[index]?.tokenType === kind);
        let depth = 0;
        while (depth + 1 < actual.length && paths.some(path => matches(path, depth + 1))) depth++;
        const kinds = paths.filter(path => matches(path, depth)).map(path => path[depth]);
        return this.expectation(kinds, actual[depth], depth > 0 ? actual[depth - 1] : previous, rule);
    }

    /** "Expected a date such as 2025-06-30 after `since`, but found `2024`." plus a keyword suggestion. */
    private expectation(kinds: readonly TokenKind[], actual: Token, previous: Token | undefined, rule: string): string {
        const expected = this.describeExpected(kinds, previous, rule);
        const example = this.titleExample(kinds, previous, rule);
        const after = isReal(previous) ? ` after ${show(previous)}${example ? `, as in \`${example}\`` : ''}` : '';
        const found = isEnd(actual) ? 'but the file ends there' : `but found ${show(actual)}`;
        const keywords = kinds.filter(kind => !this.isName(kind, kinds)).map(kind => kind.name).filter(name => this.keywords.words.has(name));
        const typo = isEnd(actual) ? undefined : closestKeyword(actual.image, keywords);
        const claimed = isReal(previous) && previous.image === 'claims' && !isEnd(actual) && actual.image.includes(':')
            ? ` A claim names the framework alone, as in \`claims ${actual.image.split(':')[0]}\`.` : '';
        const hint = typo ? ` Did you mean \`${this.suggest(actual, typo)}\`?` : kinds.some(kind => kind.name === 'REQUIREMENT') ? requirementCaseHint(actual) : claimed;
        return `Expected ${expected}${after}, ${found}.${hint}`;
    }

    private describeExpected(kinds: readonly TokenKind[], previous: Token | undefined, rule: string): string {
        const parts: string[] = [];
        const add = (part: string): void => {
            if (!parts.includes(part)) parts.push(part);
        };
        for (const kind of kinds) {
            if (this.isName(kind, kinds)) {
                const type = isReal(previous) ? this.keywords.referenceAfter(rule, previous.image) : undefined;
                // `claims` names a framework by its prefix, not a declaration.
                if (isReal(previous) && previous.image === 'claims') add('a framework prefix such as `ISO27001`');
                else add(type ? `the name of a ${referenceKind(type).noun}` : TERMINALS.ID);
            } else if (kind.name === 'STRING' && this.titleExample(kinds, previous, rule)) {
                add('the display name in quotes');
            } else {
                add(TERMINALS[kind.name] ?? `\`${kind.name}\``);
            }
        }
        return list(parts, 'or') || 'something else';
    }

    /** Where a name may stand, the parser expects ID and every keyword that may be a name; elsewhere `key` or `acting` are keywords. */
    private isName(kind: TokenKind, kinds: readonly TokenKind[]): boolean {
        return kind.name === 'ID' || (this.keywords.nameKeywords.has(kind.name) && kinds.some(other => other.name === 'ID'));
    }

    /** `role ciso "…"` when the display name after a declaration's name is missing. */
    private titleExample(kinds: readonly TokenKind[], previous: Token | undefined, rule: string): string | undefined {
        const opening = this.keywords.openingOf(rule);
        if (!opening || kinds.length !== 1 || kinds[0].name !== 'STRING' || !isReal(previous) || !isName(previous, this.keywords)) return undefined;
        // `email jane@…` in a person: the name-like word is a keyword of the block, not the declaration's name.
        if (this.keywords.blockItems(rule).includes(previous.image)) return undefined;
        return `${opening} ${previous.image} "…"`;
    }

    /** A `}` was expected: either a typo in a line of the block, or the block was never closed. */
    private blockEnd(rule: string, actual: Token, previous: Token): string {
        const noun = this.keywords.noun(rule);
        const items = this.keywords.blockItems(rule);
        const startsDeclaration = this.keywords.declarationStarts.some(start => start.split(' ')[0] === actual.image);
        if (isEnd(actual) || startsDeclaration) {
            if (isReal(previous)) this.unclosedAfter.add(previous);
            return `The ${noun} block is not closed: add \`}\` ${isEnd(actual) ? 'at the end of the file' : `before ${show(actual)}`}.`;
        }
        const typo = closestKeyword(actual.image, items.length > 0 ? items : this.keywords.keywordsOf(rule));
        if (typo) return `${article(noun)} ${noun} has no \`${actual.image}\`. Did you mean \`${this.suggest(actual, typo)}\`?`;
        return `${article(noun)} ${noun} cannot hold ${show(actual)} here. Its lines start with ${list(items.map(item => `\`${item}\``), 'or')}, and \`}\` closes it.`;
    }

    /** Something at the top level that does not start a declaration. */
    private notADeclaration(token: Token): string {
        if (token.image === '}') return 'This `}` closes no block: delete it, or add the `{` that opens its block.';
        // `assign jane to ciso from 2024-03-01`: the declaration read up to the role, and English says "from" where the language says `since`
        // (a delegation's `from` is read inside its declaration, never here).
        if (token.image === 'from') {
            return `A period starts with \`since\`, not \`from\`, as in \`assign jane-doe to ciso since 2024-03-01\`. Did you mean \`${this.suggest(token, 'since')}\`?`;
        }
        const starts = this.keywords.declarationStarts;
        // A misspelt declaration keyword, or one that would have continued the declaration before (`apointed by`).
        const typo = closestKeyword(token.image, starts.map(start => start.split(' ')[0])) ?? this.continuationTypo(token);
        if (typo) return `\`${token.image}\` is not a keyword. Did you mean \`${this.suggest(token, typo)}\`?`;
        if (this.keywords.words.has(token.image) && !this.keywords.nameKeywords.has(token.image)) {
            return `${show(token)} cannot start a declaration; it belongs inside a block. Is a \`{\` missing on a line above?`;
        }
        return `Expected a declaration, but found ${show(token)}. A declaration starts with ${list(starts.map(start => `\`${start}\``), 'or')}.`;
    }

    /** The keyword inside declarations that `token` misspells; none for a name spelt like a keyword in another case (`ciso`, `CISO`). */
    private continuationTypo(token: Token): string | undefined {
        const firsts = new Set(this.keywords.declarationStarts.map(start => start.split(' ')[0]));
        this.continuations ??= [...this.keywords.words].filter(word => !firsts.has(word) && !this.keywords.nameKeywords.has(word));
        const lower = token.image.toLowerCase();
        if (this.continuations.some(word => word.toLowerCase() === lower)) return undefined;
        return closestKeyword(token.image, this.continuations);
    }
}

/**
 * `iso27001:5.3(b)` reads as a name and a colon: a framework prefix starts with a capital letter.
 * The built-in prefix it spells is suggested as written in the catalogue.
 */
function requirementCaseHint(actual: Token): string {
    if (isEnd(actual) || !/^[a-z][A-Za-z0-9-]*$/.test(actual.image)) return '';
    const prefix = FRAMEWORKS.find(framework => framework.prefix.toLowerCase() === actual.image.toLowerCase())?.prefix;
    return prefix ? ` Did you mean \`${prefix}\`? A framework prefix is written as the catalogue writes it, e.g. \`${prefix}:…\`.`
        : ' A requirement ID starts with its framework\'s prefix, capitalized, e.g. `ISO27001:5.3(b)`.';
}

/** Chevrotain appends an invisible suffix to Langium's rule names. */
function plain(ruleName: string): string {
    return ruleName.replace(/\u200B/g, '');
}

function isEnd(token: Token): boolean {
    return token.tokenType.name === 'EOF';
}

/** A token that is really in the text (not the start of the file, nor inserted by error recovery). */
function isReal(token: Token | undefined): token is Token {
    return token !== undefined && !isEnd(token) && Number.isFinite(token.startOffset) && token.startOffset >= 0 && token.image.length > 0;
}

function isName(token: Token, keywords: GrammarKeywords): boolean {
    return token.tokenType.name === 'ID' || keywords.nameKeywords.has(token.tokenType.name);
}

function show(token: Token): string {
    const image = token.image.length > MAX_SHOWN ? `${token.image.slice(0, MAX_SHOWN - 1)}…` : token.image;
    return token.tokenType.name === 'STRING' ? `the quoted text ${image}` : `\`${image}\``;
}

function article(noun: string): string {
    return /^[aeiou]/i.test(noun) ? 'An' : 'A';
}

/** `a`, `a or b`, `a, b or c`. */
export function list(items: readonly string[], conjunction: 'and' | 'or'): string {
    if (items.length <= 1) return items[0] ?? '';
    return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

/**
 * The keyword `word` is probably a typo of. Short words need a closer match: with two edits
 * allowed, `ot` would "mean" almost any two-letter keyword.
 */
export function closestKeyword(word: string, keywords: readonly string[]): string | undefined {
    if (!/^[A-Za-z][A-Za-z-]*$/.test(word) || keywords.includes(word)) return undefined;
    const match = closestMatch(word, keywords);
    if (!match) return undefined;
    return word.length <= 4 && editDistance(word.toLowerCase(), match.toLowerCase()) > 1 ? undefined : match;
}
