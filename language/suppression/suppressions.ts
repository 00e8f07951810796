import { CstUtils, type AstNode, type LangiumDocument } from 'langium';
import type { Range } from 'vscode-languageserver-types';
import { invisibleRuns } from '../util/invisible-characters.js';
import { endsLine, lineStart, splitLines } from '../util/line-breaks.js';
import { syntaxNodes } from '../util/syntax-nodes.js';
import { spliceOf } from '../statement-edit/splice-tree.js';

/** `// mandate-ignore <rule-id>: <justification>` */
const SUPPRESSION = /^\/\/\s*mandate-ignore\s+([A-Za-z0-9-]*)\s*(?::\s*(.*?))?\s*$/;

export interface Suppression {
    readonly rule: string;
    /** Undefined when the comment gives none (a warning of its own). */
    readonly justification: string | undefined;
    /** The comment itself. */
    readonly range: Range;
    /** Where the suppression applies: the node that starts on its line or on the next line. */
    readonly covers: Range;
    /**
     * The invisible characters the comment holds (see invisible-character). Such a suppression
     * accepts nothing: what a reviewer reads must be what Mandate applies.
     */
    readonly hidden: readonly string[];
}

/** The outermost node starting on `line`: a comment above `role x {` covers the whole role. */
export function outermostNodeStartingOn(root: AstNode, line: number): AstNode | undefined {
    for (const node of syntaxNodes(root)) {
        if (node !== root && node.$cstNode?.range.start.line === line) return node; // pre-order: outermost first
    }
    return undefined;
}

function wholeLine(line: number): Range {
    return { start: { line, character: 0 }, end: { line, character: Number.MAX_SAFE_INTEGER } };
}

/**
 * Finds the suppression comments of a document. A comment alone on its line applies to the
 * next line that is not itself a comment; a comment after code applies to its own line.
 * Linear in the document: thousands of suppressions must not each rescan the lines and the tree.
 */
export function findSuppressions(document: LangiumDocument): Suppression[] {
    const root = document.parseResult.value;
    const cst = root.$cstNode;
    const text = document.textDocument.getText();
    if (!cst || !mayHoldSuppression(root, text)) return [];
    const lines = splitLines(text); // a lone \r ends a line too, as it does for the positions of the tokens
    let codeLines: number[] | undefined;
    let outermost: Map<number, AstNode> | undefined;
    const suppressions: Suppression[] = [];
    for (const leaf of CstUtils.streamCst(cst)) {
        if (!('tokenType' in leaf) || (leaf as { tokenType: { name: string } }).tokenType.name !== 'SL_COMMENT') continue;
        const match = SUPPRESSION.exec(leaf.text);
        if (!match) continue;
        const line = leaf.range.start.line;
        const alone = lines[line]?.slice(0, leaf.range.start.character).trim() === '';
        const target = alone ? (codeLines ??= nextCodeLines(lines))[line + 1] ?? lines.length : line;
        const node = (outermost ??= outermostNodesByLine(root)).get(target);
        suppressions.push({
            rule: match[1],
            justification: match[2] ? match[2] : undefined,
            range: leaf.range,
            covers: node?.$cstNode ? node.$cstNode.range : wholeLine(target),
            hidden: [...invisibleRuns(leaf.text)].flatMap(run => run.characters)
        });
    }
    return suppressions;
}

/** What every suppression comment holds: a text without it has none. */
export const SUPPRESSION_MARK = 'mandate-ignore';

/** Whether the text of a tree holds SUPPRESSION_MARK, by tree. */
const holdsMark = new WeakMap<AstNode, boolean>();

/**
 * Whether `text`, the text of the tree `root`, holds SUPPRESSION_MARK. A tree spliced from one whose
 * text held none (statement-edit/) has the same text but for the statement's: only its span, and as
 * much around it as a mark could straddle, is searched, not the 6.5 MB of a file of 10,000 people
 * (~2 ms a keystroke).
 */
function mayHoldSuppression(root: AstNode, text: string): boolean {
    let holds = holdsMark.get(root);
    if (holds !== undefined) return holds;
    const splice = spliceOf(root);
    const before = splice?.before.deref();
    if (splice && before && holdsMark.get(before) === false) {
        const reach = SUPPRESSION_MARK.length - 1;
        holds = text.slice(Math.max(0, splice.text.start - reach), splice.text.newEnd + reach).includes(SUPPRESSION_MARK);
    } else {
        holds = text.includes(SUPPRESSION_MARK);
    }
    holdsMark.set(root, holds);
    return holds;
}

/**
 * Whether an edit of blanks and comments over `[start, end)` of `text` (the text before the edit,
 * or after it) could change what a suppression covers: it is on a line that holds one, or on the
 * lines from one alone on its line down to the line of code it covers, where a line typed (a block
 * comment counts as code) or a comment deleted would move what it covers. Elsewhere the lines
 * around every suppression read as they did, so each covers the same node (findSuppressions).
 */
export function mayMoveSuppression(text: string, start: number, end: number): boolean {
    const first = lineStart(text, start);
    let last = end;
    while (last < text.length && !endsLine(text, last)) last++;
    if (text.slice(first, last).includes(SUPPRESSION_MARK)) return true;
    // Up from the edited line, over the lines a suppression alone on its line reaches across.
    let lineEnd = first;
    while (lineEnd > 0) {
        let contentEnd = lineEnd - 1;
        if (text.charCodeAt(contentEnd) === 10 && contentEnd > 0 && text.charCodeAt(contentEnd - 1) === 13) contentEnd--;
        const lineBegin = lineStart(text, contentEnd);
        const line = text.slice(lineBegin, contentEnd);
        if (line.includes(SUPPRESSION_MARK)) return true;
        if (isCodeLine(line)) return false;
        lineEnd = lineBegin;
    }
    return false;
}

/** Whether a suppression comment alone above this line applies to it: it is neither blank nor a `//` comment. */
export function isCodeLine(line: string): boolean {
    const trimmed = line.trim();
    return trimmed !== '' && !trimmed.startsWith('//');
}

/** For each line, the first line from there on that is neither blank nor a `//` comment (or the line count). */
function nextCodeLines(lines: readonly string[]): number[] {
    const next = new Array<number>(lines.length + 1);
    next[lines.length] = lines.length;
    for (let line = lines.length - 1; line >= 0; line--) next[line] = isCodeLine(lines[line]) ? line : next[line + 1];
    return next;
}

/** outermostNodeStartingOn for every line at once. */
function outermostNodesByLine(root: AstNode): Map<number, AstNode> {
    const byLine = new Map<number, AstNode>();
    for (const node of syntaxNodes(root)) {
        const line = node.$cstNode?.range.start.line;
        if (node !== root && line !== undefined && !byLine.has(line)) byLine.set(line, node); // pre-order: outermost first
    }
    return byLine;
}

export function covers(range: Range, position: Range['start']): boolean {
    const afterStart = position.line > range.start.line || (position.line === range.start.line && position.character >= range.start.character);
    const beforeEnd = position.line < range.end.line || (position.line === range.end.line && position.character <= range.end.character);
    return afterStart && beforeEnd;
}
