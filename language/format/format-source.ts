import type { ParseResult, RootCstNode } from 'langium';
import type { Model } from '../generated/ast.js';
import type { MandateServices } from '../mandate-module.js';
import { layoutGaps } from './format-layout.js';
import { layoutTokens, type LayoutToken } from './format-tokens.js';

/**
 * Mandate's formatter. It is a token printer rather than Langium's AbstractFormatter: that one
 * formats around AST nodes and moves comments with whatever node the CST builder hung them on, and
 * it cannot express the author's choices this layout keeps (a one-line block, a list broken after a
 * comma, one-line declarations grouped without blank lines, aligned trailing comments). Here only
 * the whitespace between tokens is rewritten, every token and comment is copied as it is, and the
 * result is lexed again and compared token by token before anyone sees it.
 */

/** Whitespace that replaces `[offset, end)` of the original text. */
export interface FormatEdit {
    readonly offset: number;
    readonly end: number;
    readonly text: string;
}

/** Why a file was not formatted, at a 1-based line and column. */
export interface FormatProblem {
    readonly line: number;
    readonly column: number;
    readonly message: string;
}

export type FormatResult =
    | { readonly ok: true; readonly text: string; readonly edits: readonly FormatEdit[] }
    | { readonly ok: false; readonly problem: FormatProblem };

const BYTE_ORDER_MARK = '\uFEFF';

/** The file's own line ending (of its first line), so a CRLF file stays CRLF and a classic-Mac CR file CR. */
function lineEnding(text: string): string {
    return /\r\n|\r|\n/.exec(text)?.[0] ?? '\n';
}

/** Formats a policy file's text; a file with a syntax error is never formatted. */
export function formatText(services: MandateServices, text: string): FormatResult {
    return formatParsed(services, services.parser.LangiumParser.parse<Model>(text), text);
}

/** Formats a file already parsed (an open document), as `formatText` does. */
export function formatParsed(services: MandateServices, parseResult: ParseResult<Model>, text: string): FormatResult {
    const problem = syntaxProblem(services, parseResult);
    if (problem) return { ok: false, problem };
    const tokens = tokensOf(services, parseResult);
    if (!tokens) return unreadable();
    const start = text.startsWith(BYTE_ORDER_MARK) ? 1 : 0;
    const laid = layOut(services, text, tokens, { from: start, to: text.length });
    return laid ? { ok: true, text: text.slice(0, start) + laid.text, edits: laid.edits } : unreadable();
}

/** The first syntax error of a parsed file, which keeps it from being formatted. */
export function syntaxProblem(services: MandateServices, parseResult: ParseResult<Model>): FormatProblem | undefined {
    const syntax = services.syntax.SyntaxDiagnostics.of(parseResult);
    const first = [...syntax.lexing, ...syntax.parsing].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character)[0];
    if (!first) return undefined;
    return { line: first.range.start.line + 1, column: first.range.start.character + 1, message: typeof first.message === 'string' ? first.message : first.message.value };
}

/**
 * Lays out `tokens`, consecutive tokens of `text`: the whitespace edits between them, and the
 * formatted text from the first token to the last. The gap before the first token is laid out only
 * when `from` says where it starts (the start of the file), and the gap after the last only when
 * `to` says where it ends: a few declarations from the middle of a file (format-range.ts) have
 * neither. Undefined when the result would not read as the same tokens.
 */
export function layOut(services: MandateServices, text: string, tokens: readonly LayoutToken[], edges: { from?: number; to?: number }): { text: string; edits: FormatEdit[] } | undefined {
    const gaps = layoutGaps(text, tokens, lineEnding(text));
    const edits: FormatEdit[] = [];
    const parts: string[] = [];
    for (let i = 0; i <= tokens.length; i++) {
        const offset = i === 0 ? edges.from : tokens[i - 1].end;
        const end = i === tokens.length ? edges.to : tokens[i].offset;
        if (offset !== undefined && end !== undefined) {
            if (text.slice(offset, end) !== gaps[i]) edits.push({ offset, end, text: gaps[i] });
            parts.push(gaps[i]);
        }
        if (i < tokens.length) parts.push(tokens[i].text);
    }
    const formatted = parts.join('');
    if (edits.length > 0 && !sameTokens(services, tokens, formatted)) return undefined;
    return { text: formatted, edits };
}

function tokensOf(services: MandateServices, parseResult: ParseResult<Model>): LayoutToken[] | undefined {
    const root = parseResult.value.$cstNode as RootCstNode | undefined;
    if (!root) return [];
    // A policy test starts a top-level block like a declaration does.
    return layoutTokens(root, [...parseResult.value.declarations, ...parseResult.value.tests], services.Grammar);
}

/**
 * The formatted text reads as the same tokens and comments in the same order, so the parser reads
 * the same model from it: its meaning is unchanged. Lexing is enough (the parser sees only the
 * tokens), and takes a fraction of a parse on a large file.
 */
function sameTokens(services: MandateServices, original: readonly LayoutToken[], formatted: string): boolean {
    const lexed = services.parser.Lexer.tokenize(formatted);
    if (lexed.errors.length > 0) return false;
    const again = [...lexed.tokens, ...lexed.hidden].sort((a, b) => a.startOffset - b.startOffset);
    return again.length === original.length && again.every((token, i) => {
        const text = token.tokenType.name === 'SL_COMMENT' ? token.image.replace(/[ \t]+$/, '') : token.image;
        return text === original[i].text;
    });
}

/** Never expected: a check that keeps the file as it is rather than risk a character of it. */
function unreadable(): FormatResult {
    return { ok: false, problem: { line: 1, column: 1, message: 'The formatter could not lay out this file without changing a token of it, so it left the file unchanged; please report this.' } };
}
