/** The part of a text an edit changed: `[start, oldEnd)` of the text before became `[start, newEnd)` of the text after. */
export interface ChangedSpan {
    readonly start: number;
    readonly oldEnd: number;
    readonly newEnd: number;
}

/** Compared a block at a time: V8 compares two flat strings with memcmp, a loop over characters is ten times slower. */
const BLOCK = 1 << 14;

/** The longest common start and end of two texts (of 6.5 MB in about a millisecond), as the span that differs. */
export function changedSpan(before: string, after: string): ChangedSpan {
    const shortest = Math.min(before.length, after.length);
    let start = 0;
    while (start + BLOCK <= shortest && before.substring(start, start + BLOCK) === after.substring(start, start + BLOCK)) start += BLOCK;
    while (start < shortest && before.charCodeAt(start) === after.charCodeAt(start)) start++;
    // The common end may not overlap the common start.
    const room = shortest - start;
    let common = 0;
    while (common + BLOCK <= room
        && before.substring(before.length - common - BLOCK, before.length - common) === after.substring(after.length - common - BLOCK, after.length - common)) common += BLOCK;
    while (common < room && before.charCodeAt(before.length - 1 - common) === after.charCodeAt(after.length - 1 - common)) common++;
    return { start, oldEnd: before.length - common, newEnd: after.length - common };
}

/**
 * The last span worked out by `changedSpanOf`, the tree held weakly. Its texts are the file's before
 * and after the edit being read; the one before is kept until the next edit, not for good.
 */
let lastSpan: { readonly tree: WeakRef<object>; readonly before: string; readonly after: string; readonly span: ChangedSpan } | undefined;

/**
 * `changedSpan` of the text of the syntax tree `tree` (`before`) and a new text, worked out once for
 * all that ask about one edit: the layout plan, the statement plan and the fingerprint after it each
 * compared the file's two texts again (~0.4 ms each in a file of 5 MB, on every keystroke).
 */
export function changedSpanOf(tree: object, before: string, after: string): ChangedSpan {
    // The tree first: a layout edit may give it another text in place (layout-edit/patch-tree.ts).
    if (lastSpan && lastSpan.tree.deref() === tree && lastSpan.before === before && lastSpan.after === after) return lastSpan.span;
    const span = changedSpan(before, after);
    lastSpan = { tree: new WeakRef(tree), before, after, span };
    return span;
}

/** A comment found by `scanLayout`. */
export interface ScannedComment {
    readonly offset: number;
    readonly length: number;
    readonly kind: 'SL_COMMENT' | 'ML_COMMENT';
}

/**
 * The comments of `text` in `[from, to)` when that part holds only blanks and whole comments, as
 * the lexer reads them (mandate.langium: WS, ML_COMMENT, SL_COMMENT); undefined when it holds
 * anything else, a comment that runs past `to`, or a character that is not plain ASCII (an
 * invisible or bidirectional character is a finding of its own: invisible-character).
 */
export function scanLayout(text: string, from: number, to: number): ScannedComment[] | undefined {
    const comments: ScannedComment[] = [];
    let at = from;
    while (at < to) {
        const code = text.charCodeAt(at);
        if (isLayoutBlank(code)) {
            at++;
            continue;
        }
        if (code !== SLASH) return undefined;
        const next = text.charCodeAt(at + 1);
        let end: number;
        if (next === SLASH) {
            end = at + 2;
            while (end < text.length && text.charCodeAt(end) !== LF && text.charCodeAt(end) !== CR) end++;
        } else if (next === STAR) {
            const close = text.indexOf('*/', at + 2);
            if (close < 0) return undefined;
            end = close + 2;
        } else {
            return undefined;
        }
        if (end > to) return undefined;
        for (let index = at; index < end; index++) if (!isPlain(text.charCodeAt(index))) return undefined;
        comments.push({ offset: at, length: end - at, kind: next === SLASH ? 'SL_COMMENT' : 'ML_COMMENT' });
        at = end;
    }
    return comments;
}

const SLASH = 0x2f;
const STAR = 0x2a;
const LF = 0x0a;
const CR = 0x0d;

/** A blank the lexer skips and every editor shows: space, tab, line breaks (not the other characters `\s` takes). */
export function isLayoutBlank(code: number): boolean {
    return code === 0x20 || code === 0x09 || code === LF || code === CR;
}

/** Printable ASCII, a tab or a line break. */
export function isPlain(code: number): boolean {
    return (code >= 0x20 && code < 0x7f) || code === 0x09 || code === LF || code === CR;
}
