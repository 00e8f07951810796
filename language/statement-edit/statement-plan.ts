import type { AstNode, CstNode, ParseResult, RootCstNode } from 'langium';
import { readingLimitsOf } from '../mandate-bounded-parser.js';
import { LazyCompositeCstNode } from '../mandate-composite-cst-node.js';
import { pendingTokensOf } from '../mandate-pending-tokens.js';
import { MAX_LOOKAHEAD } from '../mandate-lookahead.js';
import { changedSpanOf } from '../layout-edit/changed-span.js';
import { firstEndingAtOrAfter } from '../util/token-around.js';

/** A token of a syntax tree: where it is and its type (`tokenTypeIdx`). */
export interface StatementToken {
    readonly offset: number;
    readonly end: number;
    readonly type: number;
}

/**
 * An edit inside one top-level statement (a declaration or a policy test) of a file, to be read by
 * parsing that statement alone (statement-reparse.ts).
 */
export interface StatementPlan {
    /** The text after the edit. */
    readonly text: string;
    /** The statement's node in the root's children, and its index there. */
    readonly node: LazyCompositeCstNode;
    readonly index: number;
    /** Its AST node, a child of the file's `Model`. */
    readonly element: AstNode;
    /** Where the statement starts (the same in both texts) and ends in the text before. */
    readonly start: number;
    readonly oldEnd: number;
    /** How much longer the text is after the edit. */
    readonly delta: number;
    /** The text to parse, `[start, contextEnd)` of the new text: the statement, then the statements whose tokens decide where it ends. */
    readonly contextEnd: number;
    /** The tokens of those statements, at their places in the new text. */
    readonly context: readonly StatementToken[];
    /** Lines holding a token of the statement before the edit (ReadingLimits.contentLines). */
    readonly statementLines: number;
    /**
     * For an edit among the first MAX_LOOKAHEAD tokens, which the choices at the end of the statement
     * before look at: their types before the edit (those of the statements after it included, when
     * the statement has fewer), which the new text must give them too. Undefined for an edit after them.
     */
    readonly lead?: readonly number[];
}

/**
 * The plan for reading `text`, the new text of the file `before` was parsed from, by parsing one
 * statement again; undefined when the edit is not one that can be read so, and the file must be
 * parsed whole. The tree must be the predictive parser's without errors, and the edit must lie
 * strictly inside one statement, on one line in both texts (no node after it changes line or
 * column), with a line break between the statement and the next. An edit among its first
 * MAX_LOOKAHEAD tokens, which the choices at the end of the statement before look at, must leave
 * their types as they were (`lead`): a name or a title typed in, not a keyword.
 */
export function planStatementEdit(before: ParseResult, text: string): StatementPlan | undefined {
    const model = before.value;
    const root = model.$cstNode?.root as RootCstNode | undefined;
    const pending = root && pendingTokensOf(root);
    if (!root || before.lexerErrors.length > 0 || before.parserErrors.length > 0 || !pending || pending.outgrown || !readingLimitsOf(before)) return undefined;
    const oldText = root.fullText;
    if (oldText === text) return undefined;
    const span = changedSpanOf(root, oldText, text);
    if (hasLineBreak(oldText, span.start, span.oldEnd) || hasLineBreak(text, span.start, span.newEnd)) return undefined;
    // A character typed between the two of a `\r\n` makes two line breaks of one.
    if (span.start > 0 && oldText.charCodeAt(span.start - 1) === 13) return undefined;
    const children = root.content;
    const index = firstEndingAtOrAfter(children, span.oldEnd);
    const node = index === undefined ? undefined : children[index];
    if (!(node instanceof LazyCompositeCstNode) || !node.hasOwnAstNode || node.offset >= span.start || span.oldEnd >= node.end) return undefined;
    const element = node.astNode;
    if (element.$container !== model) return undefined;
    const tokens = tokensOf(node);
    const context = contextAfter(children, index! + 1, oldText);
    if (!context) return undefined;
    const inLead = tokens.length <= MAX_LOOKAHEAD || span.start <= tokens[MAX_LOOKAHEAD - 1].end;
    const delta = span.newEnd - span.oldEnd;
    return {
        text, node, index: index!, element, start: node.offset, oldEnd: node.end, delta,
        contextEnd: context.end + delta,
        context: context.tokens.map(token => ({ offset: token.offset + delta, end: token.end + delta, type: token.type })),
        statementLines: linesHolding(tokens, oldText),
        lead: inLead ? [...tokens, ...context.tokens].slice(0, MAX_LOOKAHEAD).map(token => token.type) : undefined
    };
}

/**
 * The statements after the edited one whose tokens the choices at its end may look at: enough for
 * MAX_LOOKAHEAD tokens, or all that are left. Undefined when the first does not start on a later
 * line than the edited statement ends on, or when something else stands at the top level.
 */
function contextAfter(children: readonly CstNode[], from: number, text: string): { end: number; tokens: StatementToken[] } | undefined {
    const tokens: StatementToken[] = [];
    let end = -1;
    const statementEnd = from > 0 ? children[from - 1].end : 0;
    for (let index = from; index < children.length && tokens.length < MAX_LOOKAHEAD; index++) {
        const child = children[index];
        if (isComment(child)) continue;
        if (!(child instanceof LazyCompositeCstNode)) return undefined;
        if (end < 0 && !hasLineBreak(text, statementEnd, child.offset)) return undefined;
        tokens.push(...tokensOf(child));
        end = child.end;
    }
    return { end: end < 0 ? statementEnd : end, tokens };
}

function isComment(node: CstNode): boolean {
    return !(node instanceof LazyCompositeCstNode) && node.hidden;
}

/** The tokens (not the comments) of a statement's syntax tree, in order, without making their leaves. */
export function tokensOf(node: LazyCompositeCstNode): StatementToken[] {
    const tokens: StatementToken[] = [];
    const visit = (composite: LazyCompositeCstNode): void => {
        composite.findChild((child, offset, end, _feature, tokenType) => {
            if (child instanceof LazyCompositeCstNode) visit(child);
            else if (!child?.hidden && tokenType) tokens.push({ offset, end, type: tokenType.tokenTypeIdx! });
            return undefined;
        });
    };
    visit(node);
    return tokens;
}

/** How many lines hold one of `tokens` (in text order), in `text`. */
export function linesHolding(tokens: readonly { readonly offset: number; readonly end: number }[], text: string): number {
    let lines = tokens.length > 0 ? 1 : 0;
    for (let index = 1; index < tokens.length; index++) if (hasLineBreak(text, tokens[index - 1].end, tokens[index].offset)) lines++;
    return lines;
}

function hasLineBreak(text: string, from: number, to: number): boolean {
    for (let at = from; at < to; at++) {
        const code = text.charCodeAt(at);
        if (code === 10 || code === 13) return true;
    }
    return false;
}
