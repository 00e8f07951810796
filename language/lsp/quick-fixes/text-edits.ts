import { CstUtils, GrammarUtils, type AstNode, type LangiumDocument, type LeafCstNode } from 'langium';
import type { Position, TextEdit } from 'vscode-languageserver-types';

/** The text of a document as Langium holds it. */
export type Text = LangiumDocument['textDocument'];

const DEFAULT_INDENT = '    ';

export function eolOf(text: Text): string {
    return text.getText().includes('\r\n') ? '\r\n' : '\n';
}

/** One line, without its line break. */
export function lineText(text: Text, line: number): string {
    return text.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$/, '');
}

export function indentOf(text: Text, line: number): string {
    return /^[ \t]*/.exec(lineText(text, line))![0];
}

/** One level of indentation as the document writes it: a tab, or its smallest run of leading spaces. */
export function indentUnit(text: Text): string {
    let smallest: string | undefined;
    for (const line of text.getText().split(/\r?\n/)) {
        const indent = /^[ \t]*/.exec(line)![0];
        if (indent === '' || indent.length === line.length) continue;
        if (indent.startsWith('\t')) return '\t';
        if (smallest === undefined || indent.length < smallest.length) smallest = indent;
    }
    return smallest ?? DEFAULT_INDENT;
}

function endOfLine(text: Text, line: number): Position {
    return { line, character: lineText(text, line).length };
}

/** True when nothing but white space and a line comment follows `position` on its line. */
function restIsTrivia(text: Text, position: Position): boolean {
    return /^\s*(\/\/.*)?$/.test(lineText(text, position.line).slice(position.character));
}

export function insertAt(position: Position, newText: string): TextEdit {
    return { range: { start: position, end: position }, newText };
}

/**
 * Appends a declaration at the end of a document, separated from what is there by one blank line.
 * `lines` are the declaration's lines, with `\t` for each level of indentation.
 */
export function appendDeclaration(text: Text, lines: readonly string[]): TextEdit {
    const eol = eolOf(text);
    const unit = indentUnit(text);
    const content = text.getText();
    const trailing = /(\r?\n)*$/.exec(content)![0].split('\n').length - 1;
    const separator = content.trim() === '' ? '' : eol.repeat(Math.max(0, 2 - trailing));
    const body = lines.map(line => line.replace(/^\t+/, tabs => unit.repeat(tabs.length))).join(eol);
    return insertAt(text.positionAt(content.length), `${separator}${body}${eol}`);
}

/**
 * Inserts lines into the `{ … }` block of a declaration, at its start or its end, with the
 * indentation the block already uses. Without a block, opens one after the declaration; a
 * comment at the end of the declaration's last line stays on that line. Undefined when the
 * block is incomplete (an unclosed brace) and an edit could do harm.
 */
export function insertIntoBlock(text: Text, node: AstNode, lines: readonly string[], where: 'start' | 'end' = 'end'): TextEdit[] | undefined {
    const cst = node.$cstNode;
    if (!cst) return undefined;
    const eol = eolOf(text);
    const unit = indentUnit(text);
    const nodeIndent = indentOf(text, cst.range.start.line);
    const opens = GrammarUtils.findNodesForKeyword(cst, '{');
    const closes = GrammarUtils.findNodesForKeyword(cst, '}');
    const indented = (indent: string) => lines.map(line => indent + line);

    if (opens.length === 0) {
        const end = cst.range.end;
        const body = `${eol}${indented(nodeIndent + unit).join(eol)}${eol}${nodeIndent}}`;
        if (!restIsTrivia(text, end)) return [insertAt(end, ` {${body}`)];
        const rest = lineText(text, end.line).slice(end.character);
        if (rest.trim() === '') return [{ range: { start: end, end: endOfLine(text, end.line) }, newText: ` {${body}` }];
        // `assign a to b // comment`: the comment stays on the line where it is.
        return [insertAt(end, ' {'), insertAt(endOfLine(text, end.line), body)];
    }
    if (closes.length === 0) return undefined;
    const open = opens[0].range;
    const close = closes[closes.length - 1].range;
    const firstInner = open.end.line + 1;
    const inner = firstInner < close.start.line && lineText(text, firstInner).trim() !== ''
        ? indentOf(text, firstInner)
        : nodeIndent + unit;

    if (where === 'start' && open.end.line < close.start.line && restIsTrivia(text, open.end)) {
        return [insertAt(endOfLine(text, open.end.line), indented(inner).map(line => eol + line).join(''))];
    }
    const beforeClose = lineText(text, close.start.line).slice(0, close.start.character);
    if (beforeClose.trim() === '') {
        // `}` on a line of its own: the lines go just above it.
        return [insertAt({ line: close.start.line, character: 0 }, indented(inner).map(line => line + eol).join(''))];
    }
    if (open.end.line === close.start.line) {
        // `{ designated CISO }` or `{}`: the block is spread over lines, its content on a line of its own.
        const content = text.getText({ start: open.end, end: close.start }).trim();
        const body = [...(content === '' ? [] : [nodeIndent + unit + content]), ...indented(nodeIndent + unit)];
        return [{ range: { start: open.end, end: close.start }, newText: `${eol}${body.join(eol)}${eol}${nodeIndent}` }];
    }
    // `…\n    evidence "x" }`: `}` gets a line of its own.
    const all = text.getText();
    let contentEnd = text.offsetAt(close.start);
    while (contentEnd > 0 && /\s/.test(all.charAt(contentEnd - 1))) contentEnd--;
    const start = text.positionAt(contentEnd);
    return [{ range: { start, end: close.start }, newText: `${eol}${indented(inner).join(eol)}${eol}${nodeIndent}` }];
}

/** The innermost AST node at a position, e.g. the one a diagnostic starts on. */
export function nodeAt(document: LangiumDocument, position: Position): AstNode | undefined {
    return leafAt(document, position)?.astNode;
}

export function leafAt(document: LangiumDocument, position: Position): LeafCstNode | undefined {
    const root = document.parseResult.value.$cstNode;
    return root ? CstUtils.findLeafNodeAtOffset(root, document.textDocument.offsetAt(position)) : undefined;
}

/** `jane-doe` → `Jane Doe`: a readable title for a declaration created from its name. */
export function titleFromName(name: string): string {
    return name.split(/[-_]+/).filter(part => part !== '')
        .map(part => part.charAt(0).toUpperCase() + part.slice(1)).join(' ');
}

/** `base`, or `base-2`, `base-3`, … : the first that `taken` does not hold. */
export function uniqueName(base: string, taken: (name: string) => boolean): string {
    if (!taken(base)) return base;
    for (let suffix = 2; ; suffix++) {
        if (!taken(`${base}-${suffix}`)) return `${base}-${suffix}`;
    }
}
