import { AstUtils, DatatypeSymbol, GrammarAST, type AstNode, type AstReflection, type LangiumParser, type ParseResult, type ParserOptions } from 'langium';
import { LazyCompositeCstNode } from './mandate-composite-cst-node.js';
import { noteRepeatedAssignment } from './util/repeated-assignments.js';
import { linkAndListNodes } from './util/syntax-nodes.js';
import { isDataTypeRule } from './util/grammar-facts.js';

/** The parts of Langium's parser (langium ~4.4, src/parser/langium-parser.ts) that `parse` and `construct` use. */
interface ParserInternals {
    nodeBuilder: { buildRootNode(input: string): unknown; addHiddenNodes(tokens: unknown[]): void; construct(node: unknown): void };
    lexer: { tokenize(input: string): { tokens: unknown[]; hidden: unknown[]; errors: ParseResult['lexerErrors']; report?: ParseResult['lexerReport'] } };
    lexerResult: unknown;
    wrapper: { input: unknown[]; errors: ParseResult['parserErrors'] };
    allRules: Map<string, unknown>;
    mainRule: unknown;
    unorderedGroups: Map<string, unknown>;
    stack: Array<Record<string, unknown> & { $type: string | symbol }>;
    operatorPrecedence: Map<string, unknown>;
    converter: { convert(text: unknown, cstNode: unknown): unknown };
    astReflection: AstReflection;
    isRecording(): boolean;
    doParse(rule: unknown): AstNode;
    construct(): unknown;
    constructInfix(node: unknown, precedence: unknown): unknown;
    readonly current: Record<string, unknown>;
    assign(operator: string, feature: string, value: unknown, cstNode: unknown, crossRef: unknown): void;
}

/**
 * Langium's parser, building the same trees with less work. Two of its steps walk every node with
 * `Object.entries` or `Object.values`, an array per node: 250 ms of a cold check at 100,000 lines,
 * and garbage besides.
 * - `parse` ends with one pass that sets the containers (as `linkContentToContainer` does) and
 *   lists the nodes for later walks (util/syntax-nodes.ts).
 * - `construct` gives a new node the defaults of its properties (`[]`, `false`) from a table per
 *   type, as `assignMandatoryProperties` does from the type's metadata on every call, and copies
 *   the lists `assign` filled to arrays of their exact length (V8 grows an empty array's store to
 *   17 slots at the first `push`: 73,000 lists of a 100,000-line workspace, 9 MB of the heap).
 * The packaging pins langium to ~4.4, whose two methods these follow; tests/syntax-nodes.test.ts
 * compares the trees with Langium's own steps.
 * - `construct` folds the node of a pass-through rule call into the node that calls it
 *   (flattenPassThroughCall): a declaration is one node of the syntax tree, not two.
 * And `assign` notes the nodes given a single-valued property twice (util/repeated-assignments.ts):
 * the properties are created by it alone, so one it finds already there was assigned before.
 */
export function withLeanTreeBuilding(parser: LangiumParser): LangiumParser {
    const target = parser as unknown as ParserInternals;
    (parser as { parse: LangiumParser['parse'] }).parse = <T extends AstNode = AstNode>(input: string, options: ParserOptions = {}): ParseResult<T> => {
        target.nodeBuilder.buildRootNode(input);
        const lexerResult = target.lexer.tokenize(input);
        target.lexerResult = lexerResult;
        target.wrapper.input = lexerResult.tokens;
        const ruleMethod = options.rule ? target.allRules.get(options.rule) : target.mainRule;
        if (!ruleMethod) throw new Error(options.rule ? `No rule found with name '${options.rule}'` : 'No main rule available.');
        const result = target.doParse(ruleMethod);
        target.nodeBuilder.addHiddenNodes(lexerResult.hidden);
        target.unorderedGroups.clear();
        target.lexerResult = undefined;
        linkAndListNodes(result);
        return { value: result as T, lexerErrors: lexerResult.errors, lexerReport: lexerResult.report, parserErrors: target.wrapper.errors };
    };
    const defaults = new Map<string, ReadonlyArray<readonly [string, unknown]>>();
    const defaultsOf = (type: string): ReadonlyArray<readonly [string, unknown]> => {
        let list = defaults.get(type);
        if (!list) {
            list = Object.values(target.astReflection.getTypeMetaData(type).properties)
                .filter(property => property.defaultValue !== undefined)
                .map(property => [property.name, property.defaultValue] as const);
            defaults.set(type, list);
        }
        return list;
    };
    const assign = target.assign.bind(parser);
    target.assign = (operator, feature, value, cstNode, crossRef) => {
        if (operator !== '+=' && Object.hasOwn(target.current, feature)) noteRepeatedAssignment(target.current as unknown as AstNode);
        assign(operator, feature, value, cstNode, crossRef);
    };
    target.construct = () => {
        if (target.isRecording()) return undefined;
        const node = target.stack.pop()!;
        target.nodeBuilder.construct(node);
        if (node.$type !== DatatypeSymbol) flattenPassThroughCall(node.$cstNode);
        if ('$infixName' in node) return target.constructInfix(node, target.operatorPrecedence.get(node.$infixName as string));
        if (node.$type === DatatypeSymbol) return target.converter.convert(node.value, node.$cstNode);
        for (const [name, value] of defaultsOf(node.$type as string)) {
            const current = node[name];
            if (current === undefined) node[name] = copyDefault(value);
            // A list grown by `push` keeps room for 17 items: an exact copy saves 128 bytes per list.
            else if (Array.isArray(current) && current.length > 0) node[name] = current.slice();
        }
        return node;
    };
    return parser;
}

/**
 * A default as a node holds it. An empty list is one shared, frozen list: most lists of most nodes
 * stay empty (the evidence, duties and findings a statement does not give), and one array each was
 * a fifth of the objects of a parsed workspace, every one copied by the scavenger. Frozen, so that
 * nothing can add to the one list every node shares: the tree is not changed after parsing.
 */
function copyDefault(value: unknown): unknown {
    if (!Array.isArray(value)) return value;
    return value.length === 0 ? NO_ITEMS : value.map(copyDefault);
}

const NO_ITEMS: readonly unknown[] = Object.freeze([]);

/**
 * A rule that is one of several alternatives, each a call of another rule (`Declaration: Role |
 * Person | ...`), gives the called rule's node to its caller: Langium's tree then has a node for
 * the caller's rule holding a node for the called rule's call, which has the same AST node and
 * nothing else. Every declaration had both: 47,000 nodes and their lists at 100,000 lines, 5.7 MB
 * of the heap. The inner node's children move up into the outer one; what a search of the tree
 * finds (a property's node, a keyword's node, a comment before a declaration, a position) is the same.
 */
function flattenPassThroughCall(outer: unknown): void {
    // Nodes built by Mandate's CST builder; their children are read as they are, tokens without leaves included.
    if (!(outer instanceof LazyCompositeCstNode) || outer.holdsTokensOnly) return;
    const content = outer.rawChildren;
    if (content.length !== 1) return;
    const inner = content[0];
    if (!(inner instanceof LazyCompositeCstNode) || inner.hasOwnAstNode || !isPassThroughCall(inner.grammarSource)) return;
    inner.moveChildrenTo(outer);
}

const passThrough = new WeakMap<GrammarAST.AbstractElement, boolean>();

/** An unassigned call of a parser rule that makes an AST node (not a fragment, not a datatype rule). */
function isPassThroughCall(feature: GrammarAST.AbstractElement | undefined): boolean {
    if (!feature) return false;
    let result = passThrough.get(feature);
    if (result === undefined) {
        const rule = GrammarAST.isRuleCall(feature) ? feature.rule.ref : undefined;
        result = GrammarAST.isParserRule(rule) && !rule.fragment && !isDataTypeRule(rule)
            && !AstUtils.getContainerOfType(feature, GrammarAST.isAssignment);
        passThrough.set(feature, result);
    }
    return result;
}
