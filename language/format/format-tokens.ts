import { CstUtils, GrammarAST, type AstNode, type CstNode, type LeafCstNode, type RootCstNode } from 'langium';

/** What a token is to the layout: only braces, commas and comments are laid out differently from words. */
export type TokenKind = 'open' | 'close' | 'comma' | 'line-comment' | 'block-comment' | 'word';

/** One token of a parsed file, in file order, as the layout sees it. */
export interface LayoutToken {
    readonly text: string;
    readonly offset: number;
    readonly end: number;
    readonly kind: TokenKind;
    /** The first token of a top-level declaration (`role`, `assign`, …). */
    readonly startsDeclaration: boolean;
    /** The first token of an item inside a block (`reports to`, `announced`, `evidence`, …). */
    readonly startsItem: boolean;
}

const itemStartsByGrammar = new WeakMap<GrammarAST.Grammar, ReadonlySet<GrammarAST.Keyword>>();

/**
 * The keywords that start an item inside a `{ … }` block, worked out from the grammar itself, so a
 * new construct is laid out one item per line as soon as it is in the grammar. A keyword element is
 * an object of the grammar, so `deputy` the item keyword is told apart from `deputy` as a name.
 */
export function itemStartKeywords(grammar: GrammarAST.Grammar): ReadonlySet<GrammarAST.Keyword> {
    let starts = itemStartsByGrammar.get(grammar);
    if (!starts) {
        const found = new Set<GrammarAST.Keyword>();
        for (const rule of grammar.rules.filter(GrammarAST.isParserRule)) {
            for (const group of streamElements(rule.definition).filter(GrammarAST.isGroup)) {
                const open = group.elements.findIndex(element => GrammarAST.isKeyword(element) && element.value === '{');
                const close = group.elements.findIndex(element => GrammarAST.isKeyword(element) && element.value === '}');
                if (open < 0 || close <= open) continue;
                for (const body of group.elements.slice(open + 1, close)) {
                    const alternatives = GrammarAST.isAlternatives(body) ? body.elements : [body];
                    for (const alternative of alternatives) firstKeywords(alternative, new Set()).forEach(keyword => found.add(keyword));
                }
            }
        }
        starts = found;
        itemStartsByGrammar.set(grammar, starts);
    }
    return starts;
}

function streamElements(element: GrammarAST.AbstractElement): GrammarAST.AbstractElement[] {
    const children = GrammarAST.isGroup(element) || GrammarAST.isAlternatives(element) || GrammarAST.isUnorderedGroup(element)
        ? element.elements
        : GrammarAST.isAssignment(element) ? [element.terminal] : [];
    return [element, ...children.flatMap(streamElements)];
}

const optional = (element: GrammarAST.AbstractElement) => element.cardinality === '?' || element.cardinality === '*';

/** The keywords an element can start with (names and values start no item in this grammar). */
function firstKeywords(element: GrammarAST.AbstractElement, visiting: Set<GrammarAST.ParserRule>): GrammarAST.Keyword[] {
    if (GrammarAST.isKeyword(element)) return [element];
    if (GrammarAST.isAssignment(element)) return firstKeywords(element.terminal, visiting);
    if (GrammarAST.isAlternatives(element) || GrammarAST.isUnorderedGroup(element)) {
        return element.elements.flatMap(child => firstKeywords(child, visiting));
    }
    if (GrammarAST.isGroup(element)) {
        const keywords: GrammarAST.Keyword[] = [];
        for (const child of element.elements) {
            keywords.push(...firstKeywords(child, visiting));
            if (!optional(child)) break;
        }
        return keywords;
    }
    if (GrammarAST.isRuleCall(element)) {
        const rule = element.rule.ref;
        // A data type rule (`Id`) is a value, and its keywords are names, never an item's start.
        if (!GrammarAST.isParserRule(rule) || rule.dataType || visiting.has(rule)) return [];
        visiting.add(rule);
        return firstKeywords(rule.definition, visiting);
    }
    return [];
}

function isLeaf(node: CstNode): node is LeafCstNode {
    return 'tokenType' in node;
}

function kindOf(leaf: LeafCstNode): TokenKind {
    if (leaf.hidden) return leaf.tokenType.name === 'SL_COMMENT' ? 'line-comment' : 'block-comment';
    if (GrammarAST.isKeyword(leaf.grammarSource)) {
        if (leaf.text === '{') return 'open';
        if (leaf.text === '}') return 'close';
        if (leaf.text === ',') return 'comma';
    }
    return 'word';
}

/**
 * The tokens of a file that parsed without errors, comments included, or undefined when anything
 * but whitespace lies between them (text the parser skipped): the layout rewrites only whitespace,
 * so it must know every other character.
 */
export function layoutTokens(root: RootCstNode, declarations: readonly AstNode[], grammar: GrammarAST.Grammar): LayoutToken[] | undefined {
    const text = root.fullText;
    const leaves = CstUtils.streamCst(root).filter(isLeaf);
    return tokensBetween(leaves, text, text.startsWith('\uFEFF') ? 1 : 0, text.length, declarationStartsOf(declarations), grammar);
}

/** Where each top-level declaration (or policy test) starts: the offset of its first token that is not a comment. */
export function declarationStartsOf(declarations: Iterable<AstNode>): Set<number> {
    const starts = new Set<number>();
    for (const declaration of declarations) {
        const first = declaration.$cstNode && CstUtils.streamCst(declaration.$cstNode).find(node => isLeaf(node) && !node.hidden);
        if (first) starts.add(first.offset);
    }
    return starts;
}

/**
 * The tokens among `leaves` that lie in `[from, to)` of the text, in file order, or undefined when
 * anything but whitespace lies between them there: `layoutTokens` for the whole file, and for the
 * few declarations around a range (format-range.ts).
 */
export function tokensBetween(
    leaves: Iterable<CstNode>, text: string, from: number, to: number, declarationStarts: ReadonlySet<number>, grammar: GrammarAST.Grammar
): LayoutToken[] | undefined {
    const itemStarts = itemStartKeywords(grammar);
    const inside: LeafCstNode[] = [];
    for (const node of leaves) if (isLeaf(node) && node.length > 0 && node.offset >= from && node.offset < to) inside.push(node);
    inside.sort((a, b) => a.offset - b.offset);
    const tokens: LayoutToken[] = [];
    let position = from;
    for (const leaf of inside) {
        if (leaf.hidden && leaf.tokenType.name !== 'SL_COMMENT' && leaf.tokenType.name !== 'ML_COMMENT') {
            if (/^\s*$/.test(leaf.text)) continue;
            return undefined;
        }
        if (leaf.offset < position || !/^\s*$/.test(text.slice(position, leaf.offset))) return undefined;
        const kind = kindOf(leaf);
        // Blanks at the end of a line comment are the line's trailing blanks, laid out like any other.
        const tokenText = kind === 'line-comment' ? leaf.text.replace(/[ \t]+$/, '') : leaf.text;
        tokens.push({
            text: tokenText, offset: leaf.offset, end: leaf.offset + tokenText.length, kind,
            startsDeclaration: declarationStarts.has(leaf.offset),
            startsItem: !leaf.hidden && GrammarAST.isKeyword(leaf.grammarSource) && itemStarts.has(leaf.grammarSource)
        });
        position = tokens[tokens.length - 1].end;
    }
    return /^\s*$/.test(text.slice(position, to)) ? tokens : undefined;
}
