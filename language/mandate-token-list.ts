import type { LexerResult } from 'langium';

type IToken = LexerResult['tokens'][number];
type TokenType = IToken['tokenType'];

const INITIAL_CAPACITY = 64;

/**
 * The tokens of a text, each on one line, as columns of numbers: what the predictive parser reads.
 * A 100,000-line workspace has 600,000 tokens; as Chevrotain's token objects (with their images)
 * they were 84 MB of short-lived garbage per cold check, which the parser, keeping offsets and
 * lengths in its leaves, never needed. `token(index)` builds the object Chevrotain would.
 */
export class TokenList {
    count = 0;
    /** `tokenTypeIdx` of each token, for lookahead. */
    types = new Int32Array(INITIAL_CAPACITY);
    offsets = new Int32Array(INITIAL_CAPACITY);
    lengths = new Int32Array(INITIAL_CAPACITY);
    /** 1-based, as Chevrotain counts. */
    lines = new Int32Array(INITIAL_CAPACITY);
    columns = new Int32Array(INITIAL_CAPACITY);
    readonly tokenTypes: TokenType[] = [];

    constructor(readonly text: string) {}

    push(type: TokenType, offset: number, length: number, line: number, column: number): void {
        const index = this.count;
        if (index === this.types.length) this.grow();
        this.types[index] = type.tokenTypeIdx!;
        this.offsets[index] = offset;
        this.lengths[index] = length;
        this.lines[index] = line;
        this.columns[index] = column;
        this.tokenTypes.push(type);
        this.count++;
    }

    /** The token's text. */
    image(index: number): string {
        const offset = this.offsets[index];
        return this.text.substring(offset, offset + this.lengths[index]);
    }

    /** The token as Chevrotain's lexer (with full position tracking) gives it. */
    token(index: number): IToken {
        const offset = this.offsets[index];
        const length = this.lengths[index];
        const line = this.lines[index];
        const column = this.columns[index];
        return {
            image: this.text.substring(offset, offset + length), startOffset: offset, endOffset: offset + length - 1,
            startLine: line, endLine: line, startColumn: column, endColumn: column + length - 1,
            tokenTypeIdx: this.types[index], tokenType: this.tokenTypes[index]
        };
    }

    /** Every token as an object. */
    all(): IToken[] {
        const tokens = new Array<IToken>(this.count);
        for (let index = 0; index < this.count; index++) tokens[index] = this.token(index);
        return tokens;
    }

    /** How many lines hold a token: tokens come in text order, so a line is counted where it starts. */
    get lineCount(): number {
        let count = 0;
        for (let index = 0; index < this.count; index++) if (index === 0 || this.lines[index] !== this.lines[index - 1]) count++;
        return count;
    }

    /** Chevrotain's tokens of `text` as a list; undefined if one spans lines (a token here has one line). */
    static of(text: string, tokens: readonly IToken[]): TokenList | undefined {
        const list = new TokenList(text);
        for (const token of tokens) {
            if (token.startLine === undefined || token.startColumn === undefined || token.startLine !== token.endLine) return undefined;
            list.push(token.tokenType, token.startOffset, token.image.length, token.startLine, token.startColumn);
        }
        return list;
    }

    private grow(): void {
        const capacity = this.types.length * 2;
        const grown = (from: Int32Array) => {
            const to = new Int32Array(capacity);
            to.set(from);
            return to;
        };
        this.types = grown(this.types);
        this.offsets = grown(this.offsets);
        this.lengths = grown(this.lengths);
        this.lines = grown(this.lines);
        this.columns = grown(this.columns);
    }
}
