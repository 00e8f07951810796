import { AstUtils, GrammarAST, GrammarUtils, type AstNode, type CstNode } from 'langium';
import { LazyCompositeCstNode } from '../mandate-composite-cst-node.js';

/** A stretch of a file's text, as offsets. */
export interface Span {
    readonly offset: number;
    readonly end: number;
}

/**
 * Where the text of `node`'s property `property` lies: the spans of the nodes Langium's
 * `GrammarUtils.findNodesForProperty` finds, in order, found without making the leaves of the
 * tokens of Mandate's syntax tree (mandate-composite-cst-node.ts), which Langium's search reads as
 * children. The outline and the semantic tokens ask this of every declaration of a file after every
 * edit (tests/property-span.test.ts compares both searches).
 */
export function propertySpans(node: AstNode, property: string): Span[] {
    const spans: Span[] = [];
    const cst = node.$cstNode;
    if (cst) collect(cst, property, node, spans, Number.POSITIVE_INFINITY);
    return spans;
}

/** The first of `propertySpans`: a list's first value, as `GrammarUtils.findNodeForProperty` gives it. */
export function propertySpan(node: AstNode, property: string): Span | undefined {
    const spans: Span[] = [];
    const cst = node.$cstNode;
    if (cst) collect(cst, property, node, spans, 1);
    return spans[0];
}

/** Adds the spans of `cst`'s children that hold `property` of `element`, until `limit` are found. */
function collect(cst: CstNode, property: string, element: AstNode, spans: Span[], limit: number): void {
    if (!(cst instanceof LazyCompositeCstNode)) {
        for (const node of GrammarUtils.findNodesForProperty(cst, property)) if (spans.length < limit) spans.push({ offset: node.offset, end: node.end });
        return;
    }
    cst.findChild((child, offset, end, feature) => {
        if (assigns(feature, property)) spans.push({ offset, end });
        // A node of a rule that makes no node of its own (a fragment, a datatype rule) holds its caller's properties.
        else if (child instanceof LazyCompositeCstNode && !child.hasOwnAstNode) collect(child, property, element, spans, limit);
        return spans.length >= limit ? true : undefined;
    });
}

function assigns(feature: GrammarAST.AbstractElement | undefined, property: string): boolean {
    return feature !== undefined && assignedPropertyOf(feature) === property;
}

/** The property a grammar element assigns what it reads to ('' for none). */
export function assignedPropertyOf(feature: GrammarAST.AbstractElement): string {
    let assigned = assignedProperties.get(feature);
    if (assigned === undefined) assignedProperties.set(feature, assigned = AstUtils.getContainerOfType(feature, GrammarAST.isAssignment)?.feature ?? '');
    return assigned;
}

/** The property each grammar element assigns ('' for none): a grammar has a few hundred elements, asked about for every token. */
const assignedProperties = new WeakMap<GrammarAST.AbstractElement, string>();
