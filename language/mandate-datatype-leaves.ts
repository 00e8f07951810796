import { GrammarAST, type CstNode, type LangiumParser } from 'langium';
import { LazyCompositeCstNode } from './mandate-composite-cst-node.js';
import { isDataTypeRule } from './util/grammar-facts.js';

/** A CST node as the builder sees it: Langium's composite (with `content`) or a leaf (with `tokenType`). */
type BuiltNode = CstNode & { container?: BuiltNode; grammarSource?: GrammarAST.AbstractElement; content?: BuiltNode[]; tokenType?: unknown };

/** The parts of Langium's parser (langium ~4.4, src/parser/langium-parser.ts) that `subrule` uses. */
interface SubruleInternals {
    nodeBuilder: { buildCompositeNode(feature: GrammarAST.AbstractElement): BuiltNode };
    wrapper: { wrapSubrule(idx: number, rule: unknown, args: unknown): unknown };
    isRecording(): boolean;
    construct(): unknown;
    performSubruleAssignment(result: unknown, feature: GrammarAST.AbstractElement, cstNode: BuiltNode): void;
    subrule(idx: number, rule: unknown, fragment: boolean, feature: GrammarAST.AbstractElement, args: unknown): void;
}

/**
 * Langium wraps every call of a datatype rule in a composite node of the CST. In Mandate that is
 * every name and every reference (`Id returns string: ID | NameKeyword`): 180,000 composites of
 * one token in a 100,000-line workspace, each with its list of children, 12% of the server's
 * heap. Here a call that read one token is that token's leaf, in the composite's place and with
 * its grammar source (the rule call of the assignment or cross-reference): Langium finds a
 * property's node, a reference's node and the assignment of a node by the grammar source of the
 * node and its containers, so each finds the leaf where it found the composite, with the same
 * text and range. A call with comments inside, or of several tokens, keeps its composite.
 * `subrule` follows Langium's, which the packaging pins to ~4.4 (tests/datatype-leaves.test.ts).
 */
export function withDatatypeLeaves(parser: LangiumParser): LangiumParser {
    const target = parser as unknown as SubruleInternals;
    const datatypeCalls = new Map<GrammarAST.AbstractElement, boolean>();
    const isDatatypeCall = (feature: GrammarAST.AbstractElement): boolean => {
        let known = datatypeCalls.get(feature);
        if (known === undefined) datatypeCalls.set(feature, known = callsDatatypeRule(feature));
        return known;
    };
    target.subrule = (idx, rule, fragment, feature, args) => {
        let cstNode = !target.isRecording() && !fragment ? target.nodeBuilder.buildCompositeNode(feature) : undefined;
        let result: unknown;
        try {
            result = target.wrapper.wrapSubrule(idx, rule, args);
        } finally {
            if (!target.isRecording()) {
                // A recognition error leaves the rule unfinished: Langium finishes it here.
                if (result === undefined && !fragment) result = target.construct();
                if (cstNode && isDatatypeCall(feature)) cstNode = leafInPlaceOf(cstNode);
                if (result !== undefined && cstNode && cstNode.length > 0) target.performSubruleAssignment(result, feature, cstNode);
            }
        }
    };
    return parser;
}

/** Whether `feature`, a rule call or a cross-reference, calls a datatype rule (such as `Id`). */
export function callsDatatypeRule(feature: GrammarAST.AbstractElement): boolean {
    // A cross-reference calls the rule of its name with itself as the feature.
    const call = GrammarAST.isCrossReference(feature) ? feature.terminal : feature;
    const rule = GrammarAST.isRuleCall(call) ? call.rule.ref : undefined;
    return GrammarAST.isParserRule(rule) && isDataTypeRule(rule);
}

/** The composite's only child, if that is a token, put in its place; else the composite. */
export function leafInPlaceOf(composite: BuiltNode): BuiltNode {
    const children = composite.content;
    const parent = composite.container;
    // A node that keeps tokens without leaves is not asked for its children (which would make them).
    const siblings = parent instanceof LazyCompositeCstNode ? parent.rawChildren : parent?.content;
    if (children?.length !== 1 || !parent || !siblings) return composite;
    const leaf = children[0];
    if (leaf.tokenType === undefined || leaf.hidden) return composite;
    const index = siblings.lastIndexOf(composite);
    if (index < 0) return composite;
    siblings[index] = leaf;
    leaf.container = parent;
    leaf.grammarSource = composite.grammarSource;
    return leaf;
}
