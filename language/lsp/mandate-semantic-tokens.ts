import { interruptAndCheck, isReference, type AstNode, type AstReflection, type LangiumDocument } from 'langium';
import { AbstractSemanticTokenProvider, type LangiumServices, type SemanticTokenAcceptor } from 'langium/lsp';
import { SemanticTokenModifiers, SemanticTokenTypes, type CancellationToken } from 'vscode-languageserver';
import { isClaim, isCustomFramework, isCustomRequirement, isOrganization } from '../generated/ast.js';
import { positionIn } from '../mandate-leaf-cst-node.js';
import { propertySpans } from '../util/property-span.js';
import { forEachReference, syntaxNodes } from '../util/syntax-nodes.js';

/**
 * The semantic token type of each kind of name, on its declaration and on every reference to it.
 * Standard LSP types only, so every theme colours them; the README lists the mapping.
 */
export const SEMANTIC_TOKEN_TYPES: Readonly<Record<string, string>> = {
    Organization: SemanticTokenTypes.namespace,
    AppointingBody: SemanticTokenTypes.struct,
    Role: SemanticTokenTypes.class,
    Person: SemanticTokenTypes.variable,
    Responsibility: SemanticTokenTypes.method,
    Authority: SemanticTokenTypes.function,
    Training: SemanticTokenTypes.event
};

/** What an unresolved reference of each declared type would be, where only one kind fits. */
const REFERENCE_TYPES: Readonly<Record<string, string>> = {
    Role: SemanticTokenTypes.class, Person: SemanticTokenTypes.variable, Training: SemanticTokenTypes.event
};

/** Nodes whose `requirements` are requirement IDs (`satisfies …`, `not applicable …`). */
const WITH_REQUIREMENTS = new Set(['Responsibility', 'Authority', 'Training', 'Exclusion']);

/**
 * Semantic tokens that tell roles, people, duties, trainings and requirement IDs apart, which a
 * TextMate grammar cannot: in `delegate x from ciso to jane`, `jane` may be a role or a person.
 * Declared names carry the `declaration` modifier. Requirement IDs are `enumMember`, framework
 * prefixes (`claims ISO27001`, `framework ACME`) `enum`. Keywords, strings, dates and comments are
 * left to the TextMate grammar (syntaxes/mandate.tmLanguage.json), which VS Code keeps using
 * underneath: a token here only recolours the names it covers.
 */
export class MandateSemanticTokenProvider extends AbstractSemanticTokenProvider {
    private readonly reflection: AstReflection;

    constructor(services: LangiumServices) {
        super(services);
        this.reflection = services.shared.AstReflection;
    }

    /**
     * Langium's walk, over the nodes the parser listed (util/syntax-nodes.ts) instead of its streams,
     * when the whole document is asked for: after every edit of a file of 10,000 people. A range is
     * walked as Langium does, skipping what lies outside it.
     */
    protected override async computeHighlighting(document: LangiumDocument, acceptor: SemanticTokenAcceptor, cancelToken: CancellationToken): Promise<void> {
        if (this.currentRange) return super.computeHighlighting(document, acceptor, cancelToken);
        const nodes = syntaxNodes(document.parseResult.value);
        for (let index = 0; index < nodes.length; index++) {
            if (index % CHECK_EVERY === 0) await interruptAndCheck(cancelToken);
            this.highlightElement(nodes[index], acceptor);
        }
    }

    protected override highlightElement(node: AstNode, acceptor: SemanticTokenAcceptor): void | 'prune' {
        const type = SEMANTIC_TOKEN_TYPES[node.$type];
        if (type && (node as { name?: unknown }).name) {
            this.highlightSpans(node, 'name', acceptor, type, SemanticTokenModifiers.declaration);
        }
        if (isOrganization(node)) {
            // Only its `top management` references below.
        } else if (isClaim(node) && node.framework) {
            this.highlightSpans(node, 'framework', acceptor, SemanticTokenTypes.enum);
        } else if (isCustomFramework(node) && node.prefix) {
            this.highlightSpans(node, 'prefix', acceptor, SemanticTokenTypes.enum, SemanticTokenModifiers.declaration);
        } else if (isCustomRequirement(node) && node.id) {
            this.highlightSpans(node, 'id', acceptor, SemanticTokenTypes.enumMember, SemanticTokenModifiers.declaration);
        }
        if (WITH_REQUIREMENTS.has(node.$type)) {
            const requirements = (node as { requirements?: unknown }).requirements;
            // Each ID once, as Langium's highlightProperty with an index finds it.
            if (Array.isArray(requirements) && requirements.length > 0) {
                this.highlightSpans(node, 'requirements', acceptor, SemanticTokenTypes.enumMember, undefined, requirements.length);
            }
        }
        forEachReference(node, info => {
            const { reference } = info;
            if (!isReference(reference) || !reference.$refNode) return;
            // An unresolved name still gets its colour where only one kind of declaration fits (`assign ghost`).
            const target = reference.ref;
            const referenceType = target ? SEMANTIC_TOKEN_TYPES[target.$type] : REFERENCE_TYPES[this.reflection.getReferenceType(info)];
            if (referenceType) acceptor({ cst: reference.$refNode, type: referenceType });
        });
    }

    /**
     * Langium's highlightProperty, from the property's text found without making the leaves of the
     * node's tokens (util/property-span.ts); `count` spans at most.
     */
    private highlightSpans(node: AstNode, property: string, acceptor: SemanticTokenAcceptor, type: string, modifier?: string, count = Number.POSITIVE_INFINITY): void {
        const root = node.$cstNode?.root;
        if (!root) return;
        const spans = propertySpans(node, property);
        for (let index = 0; index < spans.length && index < count; index++) {
            const { offset, end } = spans[index];
            acceptor({ range: { start: positionIn(root, offset), end: positionIn(root, end) }, type, modifier });
        }
    }
}

/** How many nodes are highlighted between two checks for a cancellation (Langium checks at every node). */
const CHECK_EVERY = 256;
