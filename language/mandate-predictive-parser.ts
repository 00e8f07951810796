import { DatatypeSymbol, type AstNode, type CompositeCstNode, type GrammarAST, type LangiumParser, type LexerResult, type ParseResult, type ParserOptions } from 'langium';
import type { IToken, TokenType } from 'chevrotain';
import { readsPrefixFirst, recordCompleteReading } from './mandate-bounded-parser.js';
import type { LinearCstNodeBuilder } from './mandate-cst-node-builder.js';
import { leafInPlaceOf } from './mandate-datatype-leaves.js';
import { LONGEST_PACKED_TOKEN, OffsetLeafCstNode } from './mandate-leaf-cst-node.js';
import { LazyCompositeCstNode } from './mandate-composite-cst-node.js';
import { attachPendingTokens, PendingTokens } from './mandate-pending-tokens.js';
import type { MandateLexer } from './mandate-lexer.js';
import { TokenList } from './mandate-token-list.js';
import { AMBIGUOUS, NONE, UnsupportedGrammar } from './mandate-lookahead.js';
import { compileGrammar, type CompiledRule, type Step } from './mandate-predictive-grammar.js';
import { linkAndListNodes } from './util/syntax-nodes.js';
import { LEAF_WHEN_ASKED } from './mandate-reference.js';

type Assignment = GrammarAST.Assignment;
type Element = GrammarAST.AbstractElement;

/** The parts of Langium's parser (langium ~4.4, src/parser/langium-parser.ts) that build the tree, with Mandate's changes to them. */
interface TreeBuilding {
    nodeBuilder: LinearCstNodeBuilder;
    stack: Array<Record<string, unknown> & { $type: string | symbol }>;
    converter: { convert(text: string, cstNode: unknown): { toString(): string } };
    readonly current: Record<string, unknown> & { $type: string | symbol };
    getAssignment(feature: Element): { assignment?: Assignment; crossRef?: 'single' | 'multi' };
    assign(operator: string, feature: string, value: unknown, cstNode: unknown, crossRef: unknown): void;
    construct(): unknown;
    performSubruleAssignment(result: unknown, feature: Element, cstNode: unknown): void;
    linkCstNode(item: unknown): void;
}

/** A file's tokens and comments, as the predictive parser reads them. */
interface Lexed {
    readonly tokens: TokenList;
    readonly hidden: IToken[];
    readonly report: LexerResult['report'];
}

const EMPTY = new TokenList('', [], false);

/** Thrown to leave a file the predictive parser cannot read alone; allocated once. */
const GIVE_UP = new Error('predictive parse abandoned');

/**
 * Reads a file without syntax errors straight from its tokens, building the tree Langium's parser
 * builds, and leaves every other file to that parser. Chevrotain's recognizer decides each choice
 * with closures and lookahead functions built on every visit and keeps state for error recovery:
 * half of a cold check's parsing, which is a third of the check. A file with a syntax error, a
 * choice the next tokens cannot settle (mandate-lookahead.ts) or text the token scanner does not
 * read goes to Langium's parser from its start; nothing built until then is kept.
 *
 * The tree is built by the parser's own methods (`assign`, `construct`, the CST builder, the value
 * converter, the datatype leaves), called in the order Langium's rules call them: only the
 * recognition is new. tests/predictive-parser.test.ts compares every tree, node by node, with the
 * one Langium's parser builds.
 */
export class PredictiveParser {
    private readonly entry: CompiledRule;
    private tokens = EMPTY;
    private position = 0;
    private hidden: readonly IToken[] = [];
    private nextHidden = 0;
    private pending = new PendingTokens();

    private constructor(grammar: GrammarAST.Grammar, vocabulary: Record<string, TokenType>, private readonly builder: TreeBuilding) {
        this.entry = compileGrammar(grammar, vocabulary, feature => builder.getAssignment(feature));
    }

    /** The parser for `grammar`, or undefined when it uses what this parser does not read (actions, unordered groups, guards, …). */
    static for(grammar: GrammarAST.Grammar, vocabulary: Record<string, TokenType>, parser: LangiumParser): PredictiveParser | undefined {
        try {
            return new PredictiveParser(grammar, vocabulary, parser as unknown as TreeBuilding);
        } catch (error) {
            if (error instanceof UnsupportedGrammar) return undefined;
            throw error;
        }
    }

    /** The parse result of `input` from its tokens and comments, or undefined when Langium's parser must read it. */
    parse(input: string, lexed: Lexed): ParseResult<AstNode> | undefined {
        const builder = this.builder;
        const root = builder.nodeBuilder.buildRootNode(input);
        this.pending = new PendingTokens();
        attachPendingTokens(root, this.pending);
        this.tokens = lexed.tokens;
        this.hidden = lexed.hidden;
        this.position = 0;
        this.nextHidden = 0;
        let result: unknown;
        try {
            result = this.runRule(this.entry);
            if (this.position !== this.tokens.count) throw GIVE_UP;
        } catch (error) {
            if (error !== GIVE_UP) throw error;
            builder.stack.length = 0;
            return undefined;
        } finally {
            this.tokens = EMPTY;
            this.hidden = [];
        }
        this.pending.trim();
        builder.linkCstNode(result);
        builder.nodeBuilder.addHiddenNodes(lexed.hidden.slice(this.nextHidden));
        const value = result as AstNode;
        linkAndListNodes(value);
        return { value, lexerErrors: [], lexerReport: lexed.report, parserErrors: [] };
    }

    // ---- reading

    private run(step: Step): void {
        switch (step.kind) {
            case 'token': return this.consume(step);
            case 'call': return this.call(step);
            case 'sequence':
                for (const inner of step.steps) this.run(inner);
                return;
            case 'choice': {
                const chosen = step.decision!.choose(this.tokens, this.position);
                if (chosen < 0) throw GIVE_UP;
                return this.run(step.alternatives[chosen]);
            }
            case 'repeat': {
                const body = step.body;
                let count = 0;
                while (count < step.max) {
                    const chosen = step.decision!.choose(this.tokens, this.position);
                    if (chosen === AMBIGUOUS) throw GIVE_UP;
                    if (chosen === NONE) break;
                    this.run(body.kind === 'choice' ? body.alternatives[chosen] : body);
                    count++;
                }
                if (count < step.min) throw GIVE_UP;
            }
        }
    }

    /** LangiumParser.consume, with the comments before the token placed as withLinearCstBuilder places them. */
    private consume(step: Step & { kind: 'token' }): void {
        const tokens = this.tokens;
        const index = this.position;
        // A token too long for the compact leaf (half a megabyte on one line) is read by Langium's parser.
        if (index >= tokens.count || !step.accepts.has(tokens.types[index]) || tokens.lengths[index] > LONGEST_PACKED_TOKEN) throw GIVE_UP;
        this.position++;
        const offset = tokens.offsets[index];
        const builder = this.builder;
        const hidden = this.hidden;
        if (this.nextHidden < hidden.length && hidden[this.nextHidden].startOffset <= offset) {
            let end = this.nextHidden;
            while (end < hidden.length && hidden[end].startOffset <= offset) end++;
            builder.nodeBuilder.addHiddenNodes(hidden.slice(this.nextHidden, end));
            this.nextHidden = end;
        }
        // A token whose leaf nothing holds (a keyword, a title, a date) gets its leaf when the tree's node
        // is first asked for its children; a name's is read by a call of `Id` (deferDatatypeLeaf).
        if (!step.crossRef && builder.current.$type !== DatatypeSymbol && this.deferLeaf(step, offset, tokens.lengths[index], tokens.tokenType(index))) {
            if (step.assignment) {
                const image = step.text ?? tokens.image(index);
                // The value converter reads only the token's grammar element (the terminal rule it calls).
                const value = step.keyword ? image : builder.converter.convert(image, grammarSourceOf(step));
                builder.assign(step.assignment.operator, step.assignment.feature, value, undefined, undefined);
            }
            return;
        }
        const leaf = builder.nodeBuilder.buildOneLineLeaf(offset, tokens.lengths[index], tokens.tokenType(index), step.feature, step.leafKind);
        if (step.assignment) {
            const image = step.text ?? tokens.image(index);
            const value = step.keyword ? image : builder.converter.convert(image, leaf);
            builder.assign(step.assignment.operator, step.assignment.feature, value, leaf, step.crossRef);
        } else {
            const current = builder.current;
            if (current.$type === DatatypeSymbol) {
                const image = step.text ?? tokens.image(index);
                current.value += step.keyword ? image : builder.converter.convert(image, leaf).toString();
            }
        }
    }

    private deferLeaf(step: Step & { kind: 'token' }, offset: number, length: number, tokenType: TokenType): boolean {
        const composite: unknown = this.builder.nodeBuilder.current;
        if (!(composite instanceof LazyCompositeCstNode)) return false;
        const shape = OffsetLeafCstNode.packedShape(length, tokenType, step.feature, false, step.leafKind);
        if (shape === undefined) return false;
        composite.addPendingToken(this.pending.add(offset, shape));
        return true;
    }

    /** LangiumParser.subrule as withDatatypeLeaves changes it, for a rule that reads without error. */
    private call(step: Step & { kind: 'call' }): void {
        const builder = this.builder;
        let cstNode = builder.nodeBuilder.buildCompositeNode(step.feature);
        const result = this.runRule(step.rule);
        if (step.datatype) {
            const crossRef = this.deferDatatypeLeaf(step, cstNode);
            if (crossRef !== undefined) {
                if (result !== undefined) builder.performSubruleAssignment(result, step.feature, crossRef ? LEAF_WHEN_ASKED : undefined);
                return;
            }
            cstNode = leafInPlaceOf(cstNode as never) as unknown as typeof cstNode;
        }
        if (result !== undefined && cstNode.length > 0) builder.performSubruleAssignment(result, step.feature, cstNode);
    }

    /**
     * What leafInPlaceOf does for an assigned call that read one token (a name, or the name a reference
     * gives), with the token left without a leaf in its parent (PendingTokens): a reference finds its
     * leaf when asked (LEAF_WHEN_ASKED), a name's node is found as any token's. Whether the assignment
     * is a cross-reference; undefined when the call keeps its node.
     */
    private deferDatatypeLeaf(step: Step & { kind: 'call' }, composite: CompositeCstNode): boolean | undefined {
        const { assignment, crossRef } = this.builder.getAssignment(step.feature);
        if (!assignment || crossRef === 'multi' || !(composite instanceof LazyCompositeCstNode)) return undefined;
        const children = composite.rawChildren;
        const parent = composite.container;
        const leaf = children.length === 1 ? children[0] : undefined;
        if (!(parent instanceof LazyCompositeCstNode) || parent.rawChildren.at(-1) !== composite || !(leaf instanceof OffsetLeafCstNode) || leaf.hidden) return undefined;
        const shape = OffsetLeafCstNode.packedShape(leaf.length, leaf.tokenType, step.feature, false);
        if (shape === undefined) return undefined;
        parent.replaceLastWithPendingToken(this.pending.add(leaf.offset, shape));
        return crossRef !== undefined;
    }

    /** The rule's implementation as Langium's `startImplementation` wraps it. */
    private runRule(rule: CompiledRule): unknown {
        const node: Record<string, unknown> & { $type: string | symbol } = { $type: rule.type };
        this.builder.stack.push(node);
        if (rule.type === DatatypeSymbol) node.value = '';
        this.run(rule.body!);
        return this.builder.construct();
    }
}

const grammarSources = new WeakMap<Step, { readonly grammarSource: Element }>();

/** What the value converter reads of a token's leaf (DefaultValueConverter.convert): its grammar element. */
function grammarSourceOf(step: Step & { kind: 'token' }): { readonly grammarSource: Element } {
    let source = grammarSources.get(step);
    if (!source) grammarSources.set(step, source = Object.freeze({ grammarSource: step.feature }));
    return source;
}

/** The parts of the bounded parser's `parse` (mandate-bounded-parser.ts) this one reads around. */
interface ParserWithLexer {
    lexer: MandateLexer;
    parse(input: string, options?: ParserOptions): ParseResult<AstNode>;
}

/**
 * The parser, reading files without syntax errors predictively (PredictiveParser) and the rest as
 * before. A large file is read predictively only when the token scanner reads it: the bounded parser
 * first lexes a prefix of large files, so that megabytes of garbage are not lexed whole.
 */
export function withPredictiveParsing(parser: LangiumParser, grammar: GrammarAST.Grammar): LangiumParser {
    const target = parser as unknown as ParserWithLexer;
    const predictive = PredictiveParser.for(grammar, target.lexer.definition as Record<string, TokenType>, parser);
    if (!predictive) return parser;
    (parser as unknown as { predictive: PredictiveParser }).predictive = predictive;
    const parse = target.parse.bind(parser);
    (parser as { parse: LangiumParser['parse'] }).parse = <T extends AstNode = AstNode>(input: string, options: ParserOptions = {}): ParseResult<T> => {
        if (options.rule === undefined && predictiveParsing.enabled) {
            const lexed = lexedWithoutErrors(target.lexer, input);
            const result = lexed && predictive.parse(input, lexed);
            if (result) {
                recordCompleteReading(result, lexed!.tokens.lineCount);
                predictiveParsing.files++;
                return result as ParseResult<T>;
            }
        }
        return parse(input, options) as ParseResult<T>;
    };
    return parser;
}

/**
 * The tokens of `input` if it lexes without an error: from the token scanner, or, when the grammar
 * has terminals the scanner was not written for, for a file too small for the bounded parser's
 * prefix, from Chevrotain.
 */
function lexedWithoutErrors(lexer: MandateLexer, input: string): Lexed | undefined {
    const scanned = lexer.scanList(input);
    if (scanned || lexer.scanner || readsPrefixFirst(input)) return scanned;
    const lexed = lexer.tokenize(input);
    if (lexed.errors.length > 0 || lexer.stoppedAt !== undefined) return undefined;
    const tokens = TokenList.of(input, lexed.tokens);
    return tokens && { tokens, hidden: lexed.hidden, report: lexed.report };
}

/** A parser that reads files without syntax errors predictively: statement-edit/ parses one statement of a file with it. */
export interface WithPredictiveParser {
    readonly predictive: PredictiveParser;
    readonly lexer: MandateLexer;
}

/** Switch and count, for the tests that compare both parsers' trees. */
export const predictiveParsing = { enabled: true, files: 0 };
