import type { CstNode } from 'langium';
import { KEY_COMMENT } from '../import/people-file.js';
import { lineStart } from '../util/line-breaks.js';
import { tokenAround } from '../util/token-around.js';

/**
 * The part of a text an edit changed, seen as layout: blanks, line breaks and whole comments between
 * tokens. Both the fingerprint of an edited tree (semantic-fingerprint.ts) and keeping a tree through
 * such an edit (layout-edit/) ask whether an edit was only that.
 */

/** The comment `mandate import` writes after a generated person (people-file.ts): it says something. */
export const KEY_MARK = KEY_COMMENT.trim();

/** The part of one text that differs from the other: `[start, end)` of `text`, whose syntax tree is `root`. */
export interface Side {
    readonly root: CstNode;
    readonly text: string;
    readonly start: number;
    readonly end: number;
}

/** The part of a text that differs, widened to the comments it touches, if it holds only blanks and comments and splits no other token. */
export function layoutSpan(side: Side): { offset: number; end: number; text: string; keyComment: boolean } | undefined {
    const { root, text } = side;
    let offset = side.start;
    let end = side.end;
    let keyComment = false;
    for (let at = side.start; at < end;) {
        if (isBlank(text.charCodeAt(at))) {
            at++;
            continue;
        }
        const token = tokenAround(root, at, at + 1);
        if (!token?.hidden) return undefined;
        if (text.slice(token.offset, token.end).includes(KEY_MARK)) keyComment = true;
        offset = Math.min(offset, token.offset);
        end = Math.max(end, token.end);
        at = token.end;
    }
    // A comment that holds the start (an empty part: text typed at its place) widens the span too.
    const around = tokenAround(root, side.start, side.start);
    if (around?.hidden) {
        offset = Math.min(offset, around.offset);
        end = Math.max(end, around.end);
        if (text.slice(around.offset, around.end).includes(KEY_MARK)) keyComment = true;
    }
    if (splitsToken(root, offset) || splitsToken(root, end)) return undefined;
    // A directory key belongs to the person whose line holds it: a line break may move it to another.
    const first = lineStart(text, offset);
    const lineEnd = text.slice(end).search(/[\r\n]/);
    if (text.slice(first, lineEnd < 0 ? text.length : end + lineEnd).includes(KEY_MARK)) keyComment = true;
    return { offset, end, text, keyComment };
}

/** Whether `offset` lies strictly inside a token that is not a comment. */
function splitsToken(root: CstNode, offset: number): boolean {
    const token = tokenAround(root, offset, offset);
    return token !== undefined && !token.hidden && token.offset < offset && offset < token.end;
}

function isBlank(code: number): boolean {
    return code === 32 || code === 9 || code === 10 || code === 13 || code === 12 || code === 11;
}

/** The number of line breaks in `[start, end)` of `text` (`\r\n` is one). */
export function lineBreaksIn(text: string, start: number, end: number): number {
    let count = 0;
    for (let i = start; i < end; i++) {
        const code = text.charCodeAt(i);
        if (code === 10 || (code === 13 && text.charCodeAt(i + 1) !== 10)) count++;
    }
    return count;
}
