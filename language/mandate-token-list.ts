import type { LexerResult } from 'langium';

type IToken = LexerResult['tokens'][number];
type TokenType = IToken['tokenType'];

/** The number columns of a token list, which a scanner hands from one list to the next. */
export interface TokenColumns {
    readonly types: Int32Array;
    readonly offsets: Int32Array;
    readonly lengths: Int32Array;
}

const INITIAL_CAPACITY = 1024;
/**
 * A policy's tokens take about six characters each, with the blanks between them: a list made for
 * `length / 4` tokens nearly never grows. Room never written costs no memory: large typed arrays
 * are mapped lazily.
 */
const CHARACTERS_PER_TOKEN = 4;

/**
 * The tokens of a text, each on one line, as columns of numbers: what the predictive parser reads.
 * A 100,000-line workspace has 600,000 tokens; as Chevrotain's token objects (with their images)
 * they were 84 MB of short-lived garbage per cold check, which the parser, keeping offsets and
 * lengths in its leaves, never needed. `token(index)` builds the object Chevrotain would.
 * The number columns are typed arrays, which the scanner hands from one list to the next: a list is
 * read before the next scan, and a server that lexes a file per keystroke allocates them once.
 */
export class TokenList {
    /** `tokenTypeIdx` of each token, for lookahead; then each token's offset and length. */
    types: Int32Array;
    offsets: Int32Array;
    lengths: Int32Array;
    count = 0;
    /** Start lines and columns (1-based, as Chevrotain counts), kept only for a list asked for token objects. */
    private readonly lines: number[] | undefined;
    private readonly columns: number[] | undefined;
    /** How many lines hold a token: tokens come in text order, so a line is counted where its first token is. */
    lineCount = 0;
    private lastLine = 0;

    /**
     * `typeTable`: the token types by `tokenTypeIdx`; `positions`: whether `token(index)` will be asked;
     * `columns`: the arrays of a list nobody reads any more, to fill again.
     */
    constructor(readonly text: string, private readonly typeTable: readonly TokenType[], positions: boolean, columns?: TokenColumns) {
        // Room for the tokens a text of this length usually has: growing by doubling from a small
        // list copied a 6 MB file's columns eleven times (~70 ms, and as many large allocations).
        const capacity = Math.max(INITIAL_CAPACITY, Math.ceil(text.length / CHARACTERS_PER_TOKEN));
        const reused = columns !== undefined && columns.types.length >= capacity ? columns : undefined;
        this.types = reused?.types ?? new Int32Array(capacity);
        this.offsets = reused?.offsets ?? new Int32Array(capacity);
        this.lengths = reused?.lengths ?? new Int32Array(capacity);
        if (positions) {
            this.lines = [];
            this.columns = [];
        }
    }

    /** The number columns, for the next list once this one is read (they may have grown). */
    get numberColumns(): TokenColumns {
        return { types: this.types, offsets: this.offsets, lengths: this.lengths };
    }

    push(type: TokenType, offset: number, length: number, line: number, column: number): void {
        const index = this.count++;
        if (index === this.types.length) this.grow();
        this.types[index] = type.tokenTypeIdx!;
        this.offsets[index] = offset;
        this.lengths[index] = length;
        if (line !== this.lastLine) {
            this.lineCount++;
            this.lastLine = line;
        }
        if (this.lines) {
            this.lines.push(line);
            this.columns!.push(column);
        }
    }

    tokenType(index: number): TokenType {
        return this.typeTable[this.types[index]];
    }

    /** The token's text. */
    image(index: number): string {
        const offset = this.offsets[index];
        return this.text.substring(offset, offset + this.lengths[index]);
    }

    /** The token as Chevrotain's lexer (with full position tracking) gives it; for a list made with positions. */
    token(index: number): IToken {
        if (!this.lines || !this.columns) throw new Error('This token list keeps no positions');
        const offset = this.offsets[index];
        const length = this.lengths[index];
        const line = this.lines[index];
        const column = this.columns[index];
        return {
            image: this.text.substring(offset, offset + length), startOffset: offset, endOffset: offset + length - 1,
            startLine: line, endLine: line, startColumn: column, endColumn: column + length - 1,
            tokenTypeIdx: this.types[index], tokenType: this.tokenType(index)
        };
    }

    /** Every token as an object. */
    all(): IToken[] {
        const tokens = new Array<IToken>(this.count);
        for (let index = 0; index < this.count; index++) tokens[index] = this.token(index);
        return tokens;
    }

    private grow(): void {
        const grown = (from: Int32Array) => {
            const to = new Int32Array(from.length * 2);
            to.set(from);
            return to;
        };
        this.types = grown(this.types);
        this.offsets = grown(this.offsets);
        this.lengths = grown(this.lengths);
    }

    /** Chevrotain's tokens of `text` as a list; undefined if one spans lines (a token here has one line). */
    static of(text: string, tokens: readonly IToken[]): TokenList | undefined {
        const table: TokenType[] = [];
        for (const token of tokens) table[token.tokenTypeIdx] = token.tokenType;
        const list = new TokenList(text, table, false);
        for (const token of tokens) {
            if (token.startLine === undefined || token.startColumn === undefined || token.startLine !== token.endLine) return undefined;
            list.push(token.tokenType, token.startOffset, token.image.length, token.startLine, token.startColumn);
        }
        return list;
    }
}
