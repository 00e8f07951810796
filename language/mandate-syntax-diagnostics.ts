import { GrammarUtils, type AstNode, type CstNode, type ParseResult, type RootCstNode } from 'langium';
import { DiagnosticSeverity, type Diagnostic, type Position, type Range } from 'vscode-languageserver-types';
import { MAX_PARSER_ERRORS, readingLimitsOf, type ReadingLimits } from './mandate-bounded-parser.js';
import type { GrammarKeywords } from './mandate-grammar-keywords.js';
import type { MandateServices } from './mandate-module.js';
import type { MandateParserErrorMessageProvider } from './mandate-parser-error-messages.js';
import { chunkAround, lexicalSpan, type LexicalSpan } from './util/lexical-spans.js';
import { lineIndexAt, lineStartOffsets } from './util/line-breaks.js';
import { syntaxNodes } from './util/syntax-nodes.js';
import { formatCount } from './util/format-count.js';
import { topLevelItems } from './util/top-level-items.js';
import { unfinishedByError, unfinishedIndex, unfinishedSpans } from './util/unfinished-declarations.js';
import type { Model } from './generated/ast.js';

type ParserError = ParseResult['parserErrors'][number];
type Token = ParserError['token'];

/** The syntax errors of one parse result, as diagnostics, and the text the lexing errors explain. */
export interface SyntaxFindings {
    readonly lexing: readonly Diagnostic[];
    readonly parsing: readonly Diagnostic[];
    /**
     * True when the file is mostly not Mandate (a binary, another language, random text): it gets
     * one finding that says so, instead of hundreds of syntax errors, and no other findings.
     */
    readonly unreadable: boolean;
    /**
     * True when `range` starts inside text a syntax error already explains: `jan` of `jané`, or
     * `ceo` in `reports ceo`, which the parser's recovery took for the name after a missing `to`.
     */
    explains(range: Range): boolean;
    /**
     * The unfinished declaration a finding at `range` lies in, as an index (the same for each), or
     * -1: a declaration a syntax error leaves unfinished (util/unfinished-declarations.ts), whose
     * other findings wait until it reads (mandate-withheld-findings.ts).
     */
    unfinishedAt(range: Range): number;
    /** The unfinished declaration the syntax error at `range` (one of `lexing` or `parsing`) leaves so, or -1. */
    unfinishedBy(range: Range): number;
}

/**
 * Turns lexer and parser errors into one diagnostic per mistake. The lexer and the parser each
 * report their view of the same typo (`jösé` is two unreadable letters to the lexer and a stray
 * `s` to the parser); the person gets the one message that explains it. A block left open is
 * named with the line of its `{`.
 */
export class SyntaxDiagnostics {
    private readonly keywords: GrammarKeywords;
    private readonly parserMessages: Partial<MandateParserErrorMessageProvider>;
    private readonly cache = new WeakMap<ParseResult, SyntaxFindings>();

    constructor(services: MandateServices) {
        this.keywords = services.syntax.GrammarKeywords;
        this.parserMessages = services.parser.ParserErrorMessageProvider as Partial<MandateParserErrorMessageProvider>;
    }

    of(parseResult: ParseResult): SyntaxFindings {
        let findings = this.cache.get(parseResult);
        if (!findings) {
            findings = this.compute(parseResult);
            this.cache.set(parseResult, findings);
        }
        return findings;
    }

    private compute(parseResult: ParseResult): SyntaxFindings {
        const text = (parseResult.value.$cstNode as RootCstNode | undefined)?.fullText ?? '';
        const positions = new Positions(text);
        const limits = readingLimitsOf(parseResult);
        if (limits && looksUnreadable(limits)) {
            return { lexing: [], parsing: [notAPolicy(limits, positions)], unreadable: true, explains: () => true, unfinishedAt: () => -1, unfinishedBy: () => -1 };
        }
        const spans: Array<{ span: LexicalSpan; message: string }> = [];
        for (const error of parseResult.lexerErrors) {
            const span = lexicalSpan(text, error.offset, error.length);
            const same = spans.find(known => known.span.start <= span.end && span.start < known.span.end);
            if (same) same.span = { ...same.span, start: Math.min(same.span.start, span.start), end: Math.max(same.span.end, span.end) };
            else spans.push({ span, message: error.message });
        }
        const parsing: Diagnostic[] = [];
        const explainedStray = new Set<LexicalSpan>();
        for (const error of parseResult.parserErrors) {
            const offset = errorOffset(error, text.length);
            const explaining = spans.find(({ span }) => inside(offset, span, text.length));
            if (explaining?.span.explainsParserErrors) continue;
            for (const { span } of spans) {
                if (!span.explainsParserErrors && inside(offset, { ...span, ...chunkAround(text, span.start, span.end) }, text.length)) explainedStray.add(span);
            }
            const message = this.isUnclosed(error) ? this.unclosedBlock(parseResult, error, offset, positions) ?? error.message : error.message;
            const range = errorRange(error, positions);
            if (!parsing.some(known => sameRange(known.range, range) && known.message === message)) {
                parsing.push({ severity: DiagnosticSeverity.Error, range, message, data: { code: 'parsing-error' } });
            }
        }
        const kept = spans.filter(({ span }) => !explainedStray.has(span));
        const lexing: Diagnostic[] = kept.map(({ span, message }) => ({
            severity: DiagnosticSeverity.Error,
            range: { start: positions.at(span.start), end: positions.at(span.end) },
            message,
            data: { code: 'lexing-error' }
        }));
        const explained: Array<{ start: number; end: number }> = kept.filter(({ span }) => span.explainsParserErrors).map(({ span }) => span);
        for (const error of parseResult.parserErrors) {
            if (isRealToken(error.token)) explained.push({ start: error.token.startOffset, end: (error.token.endOffset ?? error.token.startOffset) + 1 });
        }
        if (limits && (limits.stoppedAt || limits.droppedLexerErrors > 0)) parsing.push(stoppedReading(limits, positions));
        const errorOffsets = [...spans.map(({ span }) => span.start), ...parseResult.parserErrors.map(error => errorOffset(error, text.length))];
        const unfinished = errorOffsets.length === 0 ? [] : unfinishedSpans(topLevelItems(parseResult.value as Model), text, errorOffsets);
        return {
            lexing, parsing, unreadable: false,
            explains: range => explained.some(span => inside(positions.offsetOf(range.start), span, text.length)),
            unfinishedAt: range => unfinished.length === 0 ? -1 : unfinishedIndex(unfinished, positions.offsetOf(range.start)),
            unfinishedBy: range => unfinished.length === 0 ? -1 : unfinishedByError(unfinished, positions.offsetOf(range.start))
        };
    }

    private isUnclosed(error: ParserError): boolean {
        return this.parserMessages.isUnclosedBlockAfter?.((error as { previousToken?: Token }).previousToken) === true;
    }

    /** "The role `ciso` is not closed: its `{` on line 3 has no matching `}`. Add `}` before `role` on line 9." */
    private unclosedBlock(parseResult: ParseResult, error: ParserError, offset: number, positions: Positions): string | undefined {
        let best: { node: AstNode; brace: CstNode } | undefined;
        for (const node of syntaxNodes(parseResult.value)) {
            const brace = GrammarUtils.findNodeForKeyword(node.$cstNode, '{');
            if (!brace || brace.offset >= offset || GrammarUtils.findNodeForKeyword(node.$cstNode, '}')) continue;
            if (!best || brace.offset > best.brace.offset) best = { node, brace };
        }
        if (!best) return undefined;
        const block = `${this.keywords.noun(best.node.$type)}${label(best.node)}`;
        const line = best.brace.range.start.line + 1;
        const where = isRealToken(error.token)
            ? `before \`${error.token.image}\` on line ${positions.at(offset).line + 1}`
            : 'at the end of the file';
        return `The ${block} is not closed: its \`{\` on line ${line} has no matching \`}\`. Add \`}\` ${where}.`;
    }
}

/**
 * Most lines unreadable, and more than typos could explain: the parser gave up, or the lexer found
 * more unreadable characters than it reports, or there are many unreadable lines.
 */
function looksUnreadable(limits: ReadingLimits): boolean {
    const many = limits.stoppedAt !== undefined || limits.droppedLexerErrors > 0 || limits.unreadableLines >= 20;
    return many && limits.unreadableLines * 2 > limits.contentLines;
}

const count = formatCount;

/** The one finding of a file that is mostly not Mandate, on its first unreadable line. */
function notAPolicy(limits: ReadingLimits, positions: Positions): Diagnostic {
    const line = limits.firstUnreadableLine ?? 0;
    const message = `This does not look like a Mandate policy: ${count(limits.unreadableLines)} of ${count(limits.contentLines)} lines could not be read, `
        + `from line ${line + 1} on. Check that this is the file you meant; a policy declares roles, people and assignments, `
        + 'such as `role ciso "Chief Information Security Officer"`. (Syntax errors are not listed one by one for such a file.)';
    return { severity: DiagnosticSeverity.Error, range: positions.lineRange(line), message, data: { code: 'parsing-error' } };
}

/** A policy with more syntax errors than are listed: where reading stopped, and what was left out. */
function stoppedReading(limits: ReadingLimits, positions: Positions): Diagnostic {
    const parts: string[] = [];
    const stopped = limits.stoppedAt && Number.isFinite(limits.stoppedAt.line) ? limits.stoppedAt.line : undefined;
    if (limits.stoppedAt) {
        parts.push(stopped === undefined
            ? `Mandate stopped reading this file after ${MAX_PARSER_ERRORS} syntax errors, at its end.`
            : `Mandate stopped reading this file after ${MAX_PARSER_ERRORS} syntax errors: from here on (line ${stopped + 1}) it was not checked.`);
    }
    if (limits.droppedLexerErrors > 0) parts.push(`${count(limits.droppedLexerErrors)} more unreadable characters are not listed.`);
    parts.push('Fix the errors above, and the rest will be checked.');
    const line = stopped ?? limits.firstUnreadableLine ?? 0;
    return { severity: DiagnosticSeverity.Error, range: positions.lineRange(line), message: parts.join(' '), data: { code: 'parsing-error' } };
}

/** ` \`ciso\``, ` of \`jane\` to \`ciso\``: how a message names the block that is open. */
function label(node: AstNode): string {
    const values = node as unknown as Record<string, unknown>;
    const ref = (property: string): string => {
        const text = (values[property] as { $refText?: string } | undefined)?.$refText;
        return text ? `\`${text}\`` : '';
    };
    if (typeof values.name === 'string' && values.name) return ` \`${values.name}\``;
    const parts: Record<string, Array<[string, string]>> = {
        Assignment: [['of', ref('person')], ['to', ref('role')]],
        Delegation: [['of', ref('duty')], ['from', ref('from')]],
        TrainingCompletion: [['of', ref('training')], ['by', ref('person')]],
        Conflict: [['between', ref('left')], ['and', ref('right')]],
        Announcement: [['of', typeof values.date === 'string' ? values.date : '']],
        Acknowledgement: [['of', typeof values.date === 'string' ? values.date : '']]
    };
    return (parts[node.$type] ?? []).filter(([, value]) => value).map(([word, value]) => ` ${word} ${value}`).join('');
}

function isRealToken(token: Token): boolean {
    return Number.isFinite(token.startOffset) && token.startOffset >= 0 && token.tokenType.name !== 'EOF' && !token.isInsertedInRecovery;
}

/** Where the parser stumbled: its token, or the end of the token before an inserted or missing one. */
function errorOffset(error: ParserError, end: number): number {
    if (isRealToken(error.token)) return error.token.startOffset;
    const previous = (error as { previousToken?: Token }).previousToken;
    return previous && isRealToken(previous) && error.token.tokenType.name !== 'EOF' ? (previous.endOffset ?? previous.startOffset) + 1 : end;
}

function errorRange(error: ParserError, positions: Positions): Range {
    const token = error.token;
    if (isRealToken(token)) return { start: positions.at(token.startOffset), end: positions.at((token.endOffset ?? token.startOffset) + 1) };
    const previous = (error as { previousToken?: Token }).previousToken;
    const position = previous && isRealToken(previous) ? positions.at((previous.endOffset ?? previous.startOffset) + 1) : { line: 0, character: 0 };
    return { start: position, end: position };
}

function inside(offset: number, span: { start: number; end: number }, length: number): boolean {
    return span.start <= offset && (offset < span.end || (offset === span.end && span.end === length));
}

function sameRange(a: Range, b: Range): boolean {
    return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/** Offsets to LSP positions and back, for one text (line breaks as the protocol counts them). */
class Positions {
    private starts: number[] | undefined;
    private readonly length: number;

    constructor(private readonly text: string) {
        this.length = text.length;
    }

    /** Worked out when a position is first asked for: a file without a syntax error asks for none (a cold check of 500 files spent 26 ms on them). */
    private get lineStarts(): number[] {
        return this.starts ??= lineStartOffsets(this.text);
    }

    at(offset: number): Position {
        const line = lineIndexAt(this.lineStarts, offset);
        return { line, character: offset - this.lineStarts[line] };
    }

    offsetOf(position: Position): number {
        return (this.lineStarts[position.line] ?? 0) + position.character;
    }

    /** A line, up to its first 200 characters (a line of garbage can be megabytes long). */
    lineRange(line: number): Range {
        const last = this.lineStarts.length - 1;
        const start = Math.min(Math.max(line, 0), last);
        let end = start < last ? this.lineStarts[start + 1] : this.length;
        while (end > this.lineStarts[start] && (this.text[end - 1] === '\n' || this.text[end - 1] === '\r')) end--;
        return { start: { line: start, character: 0 }, end: { line: start, character: Math.max(0, Math.min(end - this.lineStarts[start], 200)) } };
    }
}
