import type { AstNode } from 'langium';
import type { Position } from 'vscode-languageserver-types';
import { covers, isCodeLine, outermostNodeStartingOn } from '../../suppression/suppressions.js';
import { here, quickFix, QuickFixTitles, type QuickFix, type QuickFixContext } from './quick-fix.js';
import { eolOf, indentOf, insertAt, lineText, nodeAt } from './text-edits.js';

const SUPPRESSION_COMMENT = /^\/\/\s*mandate-ignore\b/;
export const JUSTIFICATION_PLACEHOLDER = '<justification>';

/** suppression-unused: delete the comment, and its line when the comment stands alone on it. */
export const removeSuppression: QuickFix = context => {
    const { range } = context.diagnostic;
    const text = context.document.textDocument;
    if (!SUPPRESSION_COMMENT.test(text.getText(range))) return [];
    const line = lineText(text, range.start.line);
    const before = line.slice(0, range.start.character);
    const deletion = before.trim() === ''
        ? { start: { line: range.start.line, character: 0 }, end: { line: range.start.line + 1, character: 0 } }
        : { start: { line: range.start.line, character: before.trimEnd().length }, end: range.end };
    return [quickFix(context, QuickFixTitles.removeSuppression, here(context, { range: deletion, newText: '' }), { preferred: true })];
};

/**
 * The line to write a suppression above: the first line of the innermost node around the finding
 * whose suppression would cover it. A comment alone on a line covers the outermost node starting on
 * the next line (or that whole line when none starts there), so walking out from the innermost
 * node finds a line that works, e.g. the responsibility's line for a requirement ID inside it.
 * None works for a finding in a comment or on a blank line (a comment above skips them), nor in a
 * file without declarations: no fix is offered there rather than one that suppresses nothing.
 */
function suppressionLine(context: QuickFixContext): number | undefined {
    const root = context.document.parseResult.value;
    const start = context.diagnostic.range.start;
    const worksFrom = (line: number) => {
        const outermost = outermostNodeStartingOn(root, line);
        if (outermost?.$cstNode) return covers(outermost.$cstNode.range, start);
        return line === start.line && isCodeLine(lineText(context.document.textDocument, line));
    };
    for (let node: AstNode | undefined = nodeAt(context.document, start); node && node !== root; node = node.$container) {
        const line = node.$cstNode?.range.start.line;
        if (line !== undefined && worksFrom(line)) return line;
    }
    return worksFrom(start.line) ? start.line : undefined;
}

/** Any rule's finding: `// mandate-ignore <rule>: <justification>` above it, with the justification selected. */
export const suppressHere: QuickFix = context => {
    const rule = String(context.diagnostic.code);
    const line = suppressionLine(context);
    if (line === undefined) return [];
    const text = context.document.textDocument;
    const indent = indentOf(text, line);
    const prefix = `${indent}// mandate-ignore ${rule}: `;
    const at: Position = { line, character: 0 };
    const select = {
        start: { line, character: prefix.length },
        end: { line, character: prefix.length + JUSTIFICATION_PLACEHOLDER.length }
    };
    const edit = insertAt(at, `${prefix}${JUSTIFICATION_PLACEHOLDER}${eolOf(text)}`);
    return [quickFix(context, QuickFixTitles.suppress(rule), here(context, edit), { select })];
};
