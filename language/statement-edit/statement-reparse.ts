import type { AstNode, ParseResult } from 'langium';
import { readingLimitsOf, recordCompleteReading } from '../mandate-bounded-parser.js';
import { LazyCompositeCstNode } from '../mandate-composite-cst-node.js';
import type { WithPredictiveParser } from '../mandate-predictive-parser.js';
import type { TokenList } from '../mandate-token-list.js';
import { MAX_LOOKAHEAD } from '../mandate-lookahead.js';
import { linesHolding, planStatementEdit, type StatementPlan } from './statement-plan.js';
import { spliceStatement } from './splice-tree.js';
import { detachedCopy } from '../util/detached-string.js';

/**
 * When an edit is read by parsing one statement again: files from `minLength` characters on (below,
 * parsing the whole file costs a few milliseconds), and how many edits were read so, for the tests.
 */
export const statementReparse = { minLength: 64 * 1024, spliced: 0 };

/**
 * The parse result of `text`, the new text of the file `before` was parsed from, made by parsing
 * again only the top-level statement the edit is in and keeping the file's other statements (their
 * nodes move to the new tree: splice-tree.ts); undefined when the file must be parsed whole. A
 * keystroke in a file of 10,000 people parsed 6.5 MB again, and the garbage collector then copied
 * and collected a whole new tree: over a second. The result is the tree a parse of `text` builds
 * (tests/statement-edit.test.ts compares them node for node after random edits).
 */
export function reparseStatement(before: ParseResult, text: string, parser: WithPredictiveParser): ParseResult | undefined {
    if (text.length < statementReparse.minLength || !parser.predictive || parser.lexer.retyped) return undefined;
    const plan = planStatementEdit(before, text);
    if (!plan) return undefined;
    // A copy of its own, not a slice of the file's text: the names parsed from it are slices of it, and a
    // name kept after the file moved on (a merge's changed keys) would keep that whole version of the text.
    const snippet = detachedCopy(text.substring(plan.start, plan.contextEnd));
    const lexed = parser.lexer.scanList(snippet);
    if (!lexed || (lexed.report?.diagnostics.length ?? 0) > 0) return undefined;
    const statementTokens = tokensBefore(lexed.tokens, plan.oldEnd + plan.delta - plan.start);
    // The statements after it must read as before: the edit opened no string or comment that runs into them.
    if (!sameTokens(lexed.tokens, statementTokens, plan) || !sameLead(lexed.tokens, plan)) return undefined;
    const parsed = parser.predictive.parse(snippet, lexed);
    const statement = parsed && firstStatement(parsed.value);
    if (!parsed || !statement || statement.node.offset !== 0 || statement.node.end !== plan.oldEnd + plan.delta - plan.start) return undefined;
    if (statement.element.$containerProperty !== plan.element.$containerProperty) return undefined;
    const limits = readingLimitsOf(before)!;
    const offsets = Array.from({ length: statementTokens }, (_, index) => ({ offset: lexed.tokens.offsets[index], end: lexed.tokens.offsets[index] + lexed.tokens.lengths[index] }));
    const result = spliceStatement(before, plan, parsed, statement);
    recordCompleteReading(result, limits.contentLines - plan.statementLines + linesHolding(offsets, snippet));
    statementReparse.spliced++;
    return result;
}

/** How many of `tokens` start before `end`. */
function tokensBefore(tokens: TokenList, end: number): number {
    let count = 0;
    while (count < tokens.count && tokens.offsets[count] < end) count++;
    return count;
}

/** Whether the tokens of the snippet after the statement's are the tokens the statements after it had. */
function sameTokens(tokens: TokenList, from: number, plan: StatementPlan): boolean {
    if (tokens.count - from !== plan.context.length) return false;
    for (let index = 0; index < plan.context.length; index++) {
        const token = plan.context[index];
        const at = from + index;
        if (tokens.offsets[at] + plan.start !== token.offset || tokens.offsets[at] + tokens.lengths[at] + plan.start !== token.end || tokens.types[at] !== token.type) return false;
    }
    return true;
}

/**
 * Whether the snippet starts with tokens of the types `lead` says: the statement before, whose
 * choices at its end look at them, then reads as it did. As many tokens as before when there were
 * fewer than the choices look at (the end of the file was among them).
 */
function sameLead(tokens: TokenList, plan: StatementPlan): boolean {
    const lead = plan.lead;
    if (!lead) return true;
    if (lead.length < MAX_LOOKAHEAD ? tokens.count !== lead.length : tokens.count < lead.length) return false;
    for (let index = 0; index < lead.length; index++) if (tokens.types[index] !== lead[index]) return false;
    return true;
}

/** The first statement of a parsed snippet: its syntax node (a child of the root) and its AST node. */
function firstStatement(model: AstNode): { node: LazyCompositeCstNode; element: AstNode } | undefined {
    for (const child of model.$cstNode?.root.content ?? []) {
        if (!(child instanceof LazyCompositeCstNode)) {
            if (child.hidden) continue;
            return undefined;
        }
        const element = child.hasOwnAstNode ? child.astNode : undefined;
        return element?.$container === model ? { node: child, element } : undefined;
    }
    return undefined;
}
