import { CstUtils, isCompositeCstNode, type AstNode, type CstNode, type ParseResult } from 'langium';
import type { Model } from '../generated/ast.js';
import type { MandateServices } from '../mandate-module.js';
import { formatParsed, layOut, syntaxProblem, type FormatEdit } from './format-source.js';
import { firstIndex, topLevelItems } from '../util/top-level-items.js';
import { declarationStartsOf, tokensBetween } from './format-tokens.js';

/** The part of a file laid out for a range: top-level items `first` to `last`, text `[from, to)`. */
export interface FormatWindow {
    readonly first: number;
    readonly last: number;
    readonly from: number;
    readonly to: number;
    /** Whether the window starts at the start of the file, or ends at its end: those gaps are laid out too. */
    readonly atStart: boolean;
    readonly atEnd: boolean;
}

/**
 * Range and on-type formatting in time proportional to the range, not to the file: an HR import of
 * 10,000 people is one file of 130,000 lines, and laying all of it out again for a typed `}` took
 * 1.5 s. The layout decides each gap between tokens from the declarations on either side of it
 * (format-layout.ts): whether either spans lines, the author's blank lines, and the runs of
 * trailing comments it aligns. Between two top-level declarations with only whitespace between
 * them no such run crosses (a comment trailing the first one's last line would lie between them),
 * so the declarations from one such gap to another are laid out as in the whole file. The window
 * is widened to such gaps, strictly beyond the range on both sides, so the edits that touch the
 * range are exactly the whole file's (tests/format-range.test.ts). Undefined: not formatted (a
 * syntax error, or a layout that would change a token).
 */
export function formatRange(services: MandateServices, parseResult: ParseResult<Model>, text: string, start: number, end: number): FormatEdit[] | undefined {
    if (syntaxProblem(services, parseResult)) return undefined;
    const root = parseResult.value.$cstNode;
    const items = topLevelItems(parseResult.value);
    if (!root || items.length === 0) {
        // Comments only, if anything: the whole file is the window.
        const whole = formatParsed(services, parseResult, text);
        return whole.ok ? whole.edits.filter(edit => edit.end >= start && edit.offset <= end) : undefined;
    }
    const window = formatWindow(items, text, start, end);
    const starts = declarationStartsOf(items.slice(window.first, window.last + 1));
    const tokens = tokensBetween(leavesBetween(root, window.from, window.to), text, window.from, window.to, starts, services.Grammar);
    if (!tokens) return undefined;
    const laid = layOut(services, text, tokens, { from: window.atStart ? window.from : undefined, to: window.atEnd ? window.to : undefined });
    return laid?.edits.filter(edit => edit.end >= start && edit.offset <= end);
}

/** The items a range touches, widened on both sides to a gap of whitespace that lies strictly outside the range (or to the file's edge). */
export function formatWindow(items: readonly AstNode[], text: string, start: number, end: number): FormatWindow {
    const offset = (index: number) => items[index].$cstNode!.offset;
    const endOf = (index: number) => items[index].$cstNode!.end;
    // Whitespace only between an item and the one before it: no comment, nothing else.
    const clearBefore = (index: number) => /^\s*$/.test(text.slice(endOf(index - 1), offset(index)));
    const lastIndex = items.length - 1;
    let first = Math.min(firstIndex(items.length, index => endOf(index) >= start), lastIndex);
    let last = Math.max(firstIndex(items.length, index => offset(index) > end) - 1, 0);
    if (first > last) [first, last] = [last, first];
    while (first > 0 && !(offset(first) < start && clearBefore(first))) first--;
    while (last < lastIndex && !(endOf(last) > end && clearBefore(last + 1))) last++;
    const atStart = first === 0;
    const atEnd = last === lastIndex;
    return {
        first, last, atStart, atEnd,
        from: atStart ? (text.startsWith('\uFEFF') ? 1 : 0) : offset(first),
        to: atEnd ? text.length : endOf(last)
    };
}

/** The leaves of the top-level nodes of the syntax tree that overlap `[from, to)`: only theirs are made (mandate-composite-cst-node.ts). */
function* leavesBetween(root: CstNode, from: number, to: number): Generator<CstNode> {
    for (const child of isCompositeCstNode(root) ? root.content : [root]) {
        if (child.end < from || child.offset >= to) continue;
        yield* CstUtils.streamCst(child);
    }
}
