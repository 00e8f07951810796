import type { ParseResult, RootCstNode } from 'langium';
import { readingLimitsOf } from '../mandate-bounded-parser.js';
import { lineStart } from '../util/line-breaks.js';
import { GENERATED_MARK, isGeneratedText } from '../import/people-file.js';
import { KEY_MARK, layoutSpan, lineBreaksIn } from '../workspace/layout-span.js';
import { mayMoveSuppression, SUPPRESSION_MARK } from '../suppression/suppressions.js';
import { changedSpanOf, isLayoutBlank, isPlain, scanLayout, type ScannedComment } from './changed-span.js';

/**
 * An edit of a file's layout only: `[offset, oldEnd)` of the text before and `[offset, newEnd)` of
 * the text after hold nothing but blanks and whole comments, and every other token is where it
 * was, `delta` characters later after the span. The tree can be kept, moved in place (patch-tree.ts).
 */
export interface LayoutPlan {
    readonly text: string;
    readonly offset: number;
    readonly oldEnd: number;
    readonly newEnd: number;
    readonly delta: number;
    /** The comments of the new span, at their offsets in the new text. */
    readonly comments: readonly ScannedComment[];
    /** How many comments the old span held. */
    readonly oldComments: number;
    /** Whether a token after the span starts on another line now. */
    readonly linesMoved: boolean;
}

/**
 * The plan for taking `text` as the new text of the tree `parseResult`, when the edit changed only
 * blanks and comments that say nothing; undefined when the file must be parsed again: the texts are
 * the same (an update asked for for another reason), the tree has syntax errors, or the edit touches
 * a token, a generated file's header, a directory key (import/people-file.ts), a suppression comment
 * or what one covers, or characters other than plain ASCII.
 */
export function planLayoutEdit(parseResult: ParseResult, text: string): LayoutPlan | undefined {
    const root = parseResult.value.$cstNode?.root as RootCstNode | undefined;
    const before = root?.fullText;
    if (!root || before === undefined || before === text) return undefined;
    if (parseResult.lexerErrors.length > 0 || parseResult.parserErrors.length > 0) return undefined;
    // A complete reading (its count of lines with tokens matters only beside unreadable lines).
    const limits = readingLimitsOf(parseResult);
    if (limits && (limits.unreadableLines > 0 || limits.stoppedAt !== undefined)) return undefined;
    const span = changedSpanOf(root, before, text);
    // The header of a generated file, which rules read (import/people-file.ts).
    const header = GENERATED_MARK.length + 1;
    if (span.start < header && (isGeneratedText(before.slice(0, header)) || isGeneratedText(text.slice(0, header)))) return undefined;
    const old = layoutSpan({ root, text: before, start: span.start, end: span.oldEnd });
    if (!old || old.keyComment) return undefined;
    const { offset, end } = old;
    // A blank the lexer skips but no editor shows (U+2028, a form feed) is a finding named by the word next to it.
    if (!isPlainAround(before, offset, end)) return undefined;
    const delta = text.length - before.length;
    const newEnd = end + delta;
    const oldComments = newEnd < offset ? undefined : scanLayout(before, offset, end);
    if (!oldComments) return undefined;
    const comments = scanLayout(text, offset, newEnd);
    if (!comments) return undefined;
    // Two tokens brought together would be read as one.
    if (newEnd === offset && offset > 0 && offset < text.length && !isLayoutBlank(text.charCodeAt(offset - 1)) && !isLayoutBlank(text.charCodeAt(offset))) return undefined;
    const written = text.slice(offset, newEnd);
    if (written.includes(KEY_MARK) || onLinesOf(text, offset, newEnd).includes(KEY_MARK)) return undefined;
    // A suppression typed (the span holds whole comments), or one whose reach the edit may change.
    if (written.includes(SUPPRESSION_MARK)) return undefined;
    if (hasSuppressions(root) && (mayMoveSuppression(before, offset, end) || mayMoveSuppression(text, offset, newEnd))) return undefined;
    const linesMoved = offset < root.end && lineBreaksIn(before, offset, end) !== lineBreaksIn(text, offset, newEnd);
    return { text, offset, oldEnd: end, newEnd, delta, comments, oldComments: oldComments.length, linesMoved };
}

/**
 * Whether a tree's text holds a suppression comment. A kept edit changes that for no tree (it
 * neither makes one nor touches the line of one), so a file is searched once, not at each keystroke.
 */
const suppressed = new WeakMap<RootCstNode, boolean>();

function hasSuppressions(root: RootCstNode): boolean {
    let has = suppressed.get(root);
    if (has === undefined) suppressed.set(root, has = root.fullText.includes(SUPPRESSION_MARK));
    return has;
}

function isPlainAround(text: string, start: number, end: number): boolean {
    const plain = (at: number) => at < 0 || at >= text.length || isPlain(text.charCodeAt(at));
    return plain(start - 1) && plain(end);
}

/** The text of the lines `[start, end)` of `text` is on. */
function onLinesOf(text: string, start: number, end: number): string {
    const first = lineStart(text, start);
    const after = text.slice(end).search(/[\r\n]/);
    return text.slice(first, after < 0 ? text.length : end + after);
}
