/**
 * Keywords as the grammar requires them together: `reports to`, `responsible for`,
 * `designated CISO`, `employed since`. Completion offers the whole phrase, as terraform-ls and
 * Regal offer whole constructs, so nobody picks `reports` and then has to ask again for `to`.
 */
import { AstUtils, GrammarAST } from 'langium';

const phrases = new WeakMap<GrammarAST.Keyword, string>();

/** The grammar element a keyword stands for in its group: the keyword, or the assignment it sets (`ciso?='designated'`). */
function elementOf(keyword: GrammarAST.Keyword): GrammarAST.AbstractElement {
    return GrammarAST.isAssignment(keyword.$container) ? keyword.$container : keyword;
}

/** The keywords that must follow `keyword`: the required keywords right after it in its group. */
function followers(keyword: GrammarAST.Keyword): string[] {
    const element = elementOf(keyword);
    const group = element.$container;
    if (element.cardinality || !GrammarAST.isGroup(group)) return [];
    const words: string[] = [];
    for (const next of group.elements.slice(group.elements.indexOf(element) + 1)) {
        if (!GrammarAST.isKeyword(next) || next.cardinality) break;
        words.push(next.value);
    }
    return words;
}

/** The phrase completion offers for a keyword: the keyword and the keywords the grammar requires after it. */
export function phraseOf(keyword: GrammarAST.Keyword): string {
    let phrase = phrases.get(keyword);
    if (phrase === undefined) {
        phrase = [keyword.value, ...followers(keyword)].join(' ');
        phrases.set(keyword, phrase);
    }
    return phrase;
}

/** The whole phrase a keyword belongs to (`responsible for` for `for` too), for hovers. */
export function enclosingPhraseOf(keyword: GrammarAST.Keyword): string {
    const element = elementOf(keyword);
    const group = element.$container;
    if (!GrammarAST.isGroup(group)) return keyword.value;
    const index = group.elements.indexOf(element);
    let start = index;
    while (start > 0 && isRequiredWord(group.elements[start - 1]) && isRequiredWord(group.elements[start])) start--;
    const first = group.elements[start];
    const firstKeyword = GrammarAST.isAssignment(first) && GrammarAST.isKeyword(first.terminal) ? first.terminal : first;
    return GrammarAST.isKeyword(firstKeyword) ? phraseOf(firstKeyword) : keyword.value;
}

function isRequiredWord(element: GrammarAST.AbstractElement): boolean {
    if (element.cardinality) return false;
    return GrammarAST.isKeyword(element) || (GrammarAST.isAssignment(element) && GrammarAST.isKeyword(element.terminal));
}

/**
 * Keywords that are alternatives of the `Id` rule (`email`, `training`, `owner`, …): Langium
 * offers them where a name goes because a name may be spelt so, but they are not what anyone
 * types there. Completion never offers them.
 */
export function isNameKeyword(keyword: GrammarAST.Keyword): boolean {
    return isNameRuleName(AstUtils.getContainerOfType(keyword, GrammarAST.isParserRule)?.name);
}

/** `Id`, the rule of names, and `NameKeyword`, the keywords it admits. */
export function isNameRuleName(ruleName: string | undefined): boolean {
    return ruleName === 'Id' || ruleName === 'NameKeyword';
}

/** Whether a keyword starts a top-level declaration (`role`, `assign`, `appointing body`): where its snippets belong. */
export function startsDeclaration(keyword: GrammarAST.Keyword): boolean {
    const group: unknown = keyword.$container;
    return GrammarAST.isGroup(group) && group.elements[0] === keyword && GrammarAST.isParserRule(group.$container)
        && DECLARATION_RULES.has(group.$container.name);
}

const DECLARATION_RULES = new Set(['Organization', 'Person', 'Role', 'Responsibility', 'Authority', 'Assignment', 'Delegation', 'Training',
    'TrainingCompletion', 'Conflict', 'AppointingBody', 'Claim', 'CustomFramework', 'PolicyTest']);
