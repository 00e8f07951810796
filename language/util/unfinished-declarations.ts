import type { AstNode } from 'langium';
import { firstIndex } from './top-level-items.js';

/** The text of one top-level declaration a syntax error leaves unfinished: from its start to the next declaration. */
export interface UnfinishedSpan {
    readonly start: number;
    readonly end: number;
}

/**
 * The declarations a syntax error at one of `errorOffsets` belongs to. Its parse stopped there:
 * `since 2024/01/01 appointed by board { … }` ends the assignment at `since`, and the parser's
 * recovery skips the rest of the line, so what the assignment says after the error is not known.
 * An error belongs to the last declaration that starts before it (one that starts with the
 * error's token is what the parser met when it expected more of the one before), unless that
 * declaration was closed with its `}` before the error: text after a closed block is not its own.
 * `items` are the file's top-level items in file order (topLevelItems), `text` the file's text.
 */
export function unfinishedSpans(items: readonly AstNode[], text: string, errorOffsets: readonly number[]): UnfinishedSpan[] {
    const spans = new Map<number, UnfinishedSpan>();
    for (const offset of errorOffsets) {
        const index = firstIndex(items.length, at => items[at].$cstNode!.offset >= offset) - 1;
        if (index < 0 || spans.has(index)) continue;
        const cst = items[index].$cstNode!;
        if (offset >= cst.end && text[cst.end - 1] === '}') continue;
        spans.set(index, { start: cst.offset, end: index + 1 < items.length ? items[index + 1].$cstNode!.offset : text.length });
    }
    return [...spans.values()].sort((a, b) => a.start - b.start);
}

/** The index of the span (of `spans`, sorted as unfinishedSpans gives them) that `offset` lies in, or -1. */
export function unfinishedIndex(spans: readonly UnfinishedSpan[], offset: number): number {
    const index = firstIndex(spans.length, at => spans[at].end > offset);
    return index < spans.length && spans[index].start <= offset ? index : -1;
}

/**
 * The index of the span a syntax error at `offset` made, or -1: it lies after the span's start and
 * up to its end, which is where the next declaration starts (an error met at a declaration's first
 * token belongs to the one before).
 */
export function unfinishedByError(spans: readonly UnfinishedSpan[], offset: number): number {
    const index = firstIndex(spans.length, at => spans[at].end >= offset);
    return index < spans.length && spans[index].start < offset ? index : -1;
}
