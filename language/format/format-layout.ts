import type { LayoutToken } from './format-tokens.js';

/** One level of indentation: four spaces, as every example and the README write it. */
export const INDENT_WIDTH = 4;

type Separator = 'none' | 'space' | 'line';

const isComment = (token: LayoutToken) => token.kind === 'line-comment' || token.kind === 'block-comment';
const BREAK = /\r\n|\r|\n/g;
const countBreaks = (text: string) => text.match(BREAK)?.length ?? 0;

/** Width in characters as an editor counts columns (a surrogate pair is one character). */
function widthOf(text: string): number {
    let width = 0;
    for (const _ of text) width++;
    return width;
}

/**
 * The canonical layout of a file, decided token by token from the author's layout: only the
 * whitespace between tokens changes, never a token, so a formatted file has the same tokens (and
 * comments) in the same order. What is kept from the author: where a one-line block stays on one
 * line, where a list breaks after a comma, blank lines (at most one) between items and between
 * one-line declarations, and whether a comment trails a line or has a line of its own.
 * Returns the whitespace to put before each token, and after the last one (`tokens.length + 1` gaps).
 */
export function layoutGaps(text: string, tokens: readonly LayoutToken[], eol: string): string[] {
    const n = tokens.length;
    if (n === 0) return [''];
    // Line breaks before each token; none counted before the first, whose gap no rule reads (and
    // which, for a window in the middle of a file, would count every line above it).
    const breaks = tokens.map((token, i) => i === 0 ? 0 : countBreaks(text.slice(tokens[i - 1].end, token.offset)));
    const blocks = blockStructure(text, tokens);
    const { depth, enclosing, match, oneLine } = blocks;
    // A line that continues a declaration or an item: indented one level more. A `{` that a comment
    // pushed onto a line of its own is not: it lines up with its `}`.
    const continues = (i: number) => !isComment(tokens[i]) && !tokens[i].startsDeclaration && !tokens[i].startsItem
        && tokens[i].kind !== 'close' && tokens[i].kind !== 'open';

    const separators: Separator[] = tokens.map((token, i) => {
        if (i === 0) return 'none';
        const previous = tokens[i - 1];
        if (previous.kind === 'line-comment') return 'line';
        if (isComment(token)) return breaks[i] === 0 ? 'space' : 'line';
        if (token.kind === 'close') return oneLine[match[i]] ? 'space' : 'line';
        if (token.kind === 'comma') return 'none';
        if (token.kind === 'open') return 'space';
        if (previous.kind === 'open') return oneLine[i - 1] ? 'space' : 'line';
        if (token.startsDeclaration) return 'line';
        if (token.startsItem) return enclosing[i] >= 0 && oneLine[enclosing[i]] ? 'space' : 'line';
        // A long list stays broken where its author broke it: after a comma.
        return breaks[i] > 0 && (previous.kind === 'comma' || previous.kind === 'block-comment') ? 'line' : 'space';
    });

    // The next token that is not a comment, or n.
    const nextCode = new Int32Array(n + 1).fill(n);
    for (let i = n - 1; i >= 0; i--) nextCode[i] = isComment(tokens[i]) ? nextCode[i + 1] : i;
    const betweenDeclarations = (i: number) => depth[i] === 0 && (nextCode[i] === n || tokens[nextCode[i]].startsDeclaration);

    // The declaration each token belongs to (-1 for comments on their own lines between declarations).
    const owner = new Int32Array(n).fill(-1);
    let current = -1;
    for (let i = 0; i < n; i++) {
        if (tokens[i].startsDeclaration) current = i;
        else if (isComment(tokens[i]) && (i === 0 || separators[i] === 'line') && betweenDeclarations(i)) current = -1;
        owner[i] = current;
    }
    const multiline = new Set<number>();
    for (let i = 1; i < n; i++) {
        if (separators[i] === 'line' && owner[i] >= 0 && owner[i] === owner[i - 1]) multiline.add(owner[i]);
    }
    // The declaration a run of comments, without a blank line after any of them, is written above (or -1).
    const attachedTo = new Int32Array(n).fill(-1);
    for (let i = n - 1; i >= 0; i--) {
        if (!isComment(tokens[i])) attachedTo[i] = tokens[i].startsDeclaration ? i : -1;
        else if (i + 1 < n && breaks[i + 1] <= 1) attachedTo[i] = attachedTo[i + 1];
    }

    const blankBefore = (i: number): number => {
        const token = tokens[i];
        const source = breaks[i] > 1 ? 1 : 0;
        if (tokens[i - 1].kind === 'open' || token.kind === 'close' || token.kind === 'open' || continues(i)) return 0;
        if (!token.startsDeclaration && !(isComment(token) && betweenDeclarations(i))) return source;
        // Between declarations: one blank line around any that spans lines; one-liners keep the author's grouping.
        if (source === 1) return 1;
        const previous = owner[i - 1];
        const next = attachedTo[i];
        if (previous < 0 || next < 0) return 0;
        return multiline.has(previous) || multiline.has(next) ? 1 : 0;
    };

    const indentOf = (i: number): number => {
        let j = i;
        if (isComment(tokens[i])) {
            j = nextCode[i];
            if (j === n) return 0;
            // A comment above a block's `}` belongs to the block's items.
            if (tokens[j].kind === 'close') return (depth[j] + 1) * INDENT_WIDTH;
        }
        return (depth[j] + (continues(j) ? 1 : 0)) * INDENT_WIDTH;
    };

    const gaps = separators.map((separator, i) => {
        if (separator === 'none') return '';
        if (separator === 'space') return ' ';
        return eol.repeat(1 + blankBefore(i)) + ' '.repeat(indentOf(i));
    });
    alignTrailingComments(tokens, separators, gaps);
    gaps.push(eol);
    return gaps;
}

interface BlockStructure {
    /** Open braces around each token (for a brace: around the block). */
    readonly depth: Int32Array;
    /** The `{` of the innermost block around each token, or -1. */
    readonly enclosing: Int32Array;
    /** The matching brace of each brace. */
    readonly match: Int32Array;
    /** For each `{`: its block was written on one line (or is empty), and stays so. */
    readonly oneLine: boolean[];
}

function blockStructure(text: string, tokens: readonly LayoutToken[]): BlockStructure {
    const n = tokens.length;
    const depth = new Int32Array(n);
    const enclosing = new Int32Array(n).fill(-1);
    const match = new Int32Array(n).fill(-1);
    const oneLine: boolean[] = new Array<boolean>(n).fill(false);
    const open: number[] = [];
    for (let i = 0; i < n; i++) {
        const kind = tokens[i].kind;
        if (kind === 'close' && open.length > 0) {
            const start = open.pop()!;
            match[start] = i;
            match[i] = start;
            oneLine[start] = start + 1 === i || countBreaks(text.slice(tokens[start].offset, tokens[i].end)) === 0;
        }
        depth[i] = open.length;
        enclosing[i] = open.length > 0 ? open[open.length - 1] : -1;
        if (kind === 'open') open.push(i);
    }
    return { depth, enclosing, match, oneLine };
}

/**
 * Comments that trail consecutive lines of the same indentation start in one column, as gofmt
 * aligns them: one space after the longest line of the run.
 */
function alignTrailingComments(tokens: readonly LayoutToken[], separators: readonly Separator[], gaps: string[]): void {
    interface Line { indent: number; blank: boolean; comment: number; width: number; broken: boolean }
    const lines: Line[] = [];
    let line: Line | undefined;
    for (let i = 0; i < tokens.length; i++) {
        if (i === 0 || separators[i] === 'line') {
            const gap = gaps[i];
            const indent = i === 0 ? 0 : gap.length - Math.max(gap.lastIndexOf('\n'), gap.lastIndexOf('\r')) - 1;
            line = { indent, blank: countBreaks(gap) > 1, comment: -1, width: indent, broken: false };
            lines.push(line);
        } else if (tokens[i].kind === 'line-comment') {
            line!.comment = i;
            continue;
        } else {
            line!.width += gaps[i].length;
        }
        const text = tokens[i].text;
        const lastBreak = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r'));
        if (lastBreak >= 0) line!.broken = true;
        line!.width += widthOf(lastBreak >= 0 ? text.slice(lastBreak + 1) : text);
    }
    const aligned = (line: Line) => line.comment >= 0 && !line.broken;
    for (let start = 0; start < lines.length;) {
        let end = start + 1;
        if (aligned(lines[start])) {
            while (end < lines.length && aligned(lines[end]) && !lines[end].blank && lines[end].indent === lines[start].indent) end++;
        }
        if (end - start > 1) {
            const column = Math.max(...lines.slice(start, end).map(run => run.width));
            for (const run of lines.slice(start, end)) gaps[run.comment] = ' '.repeat(column - run.width + 1);
        }
        start = end;
    }
}
