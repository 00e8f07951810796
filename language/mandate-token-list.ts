import type { LexerResult } from 'langium';

type IToken = LexerResult['tokens'][number];
type TokenType = IToken['tokenType'];

/**
 * The tokens of a text, each on one line, as columns of numbers: what the predictive parser reads.
 * A 100,000-line workspace has 600,000 tokens; as Chevrotain's token objects (with their images)
 * they were 84 MB of short-lived garbage per cold check, which the parser, keeping offsets and
 * lengths in its leaves, never needed. `token(index)` builds the object Chevrotain would.
 */
export class TokenList {
    // Plain arrays of small integers, on the JavaScript heap: typed arrays are allocated outside it,
    // and a server that lexes a file per keystroke would fragment its native memory with them.
    /** `tokenTypeIdx` of each token, for lookahead. */
    readonly types: number[] = [];
    readonly offsets: number[] = [];
    readonly lengths: number[] = [];
    /** Start lines and columns (1-based, as Chevrotain counts), kept only for a list asked for token objects. */
    private readonly lines: number[] | undefined;
    private readonly columns: number[] | undefined;
    /** How many lines hold a token: tokens come in text order, so a line is counted where its first token is. */
    lineCount = 0;
    private lastLine = 0;

    /** `typeTable`: the token types by `tokenTypeIdx`; `positions`: whether `token(index)` will be asked. */
    constructor(readonly text: string, private readonly typeTable: readonly TokenType[], positions: boolean) {
        if (positions) {
            this.lines = [];
            this.columns = [];
        }
    }

    get count(): number {
        return this.types.length;
    }

    push(type: TokenType, offset: number, length: number, line: number, column: number): void {
        this.types.push(type.tokenTypeIdx!);
        this.offsets.push(offset);
        this.lengths.push(length);
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
