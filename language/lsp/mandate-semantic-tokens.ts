import { AstUtils, isReference, type AstNode, type AstReflection } from 'langium';
import { AbstractSemanticTokenProvider, type LangiumServices, type SemanticTokenAcceptor } from 'langium/lsp';
import { SemanticTokenModifiers, SemanticTokenTypes } from 'vscode-languageserver';
import { isClaim, isCustomFramework, isCustomRequirement, isOrganization } from '../generated/ast.js';

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

    protected override highlightElement(node: AstNode, acceptor: SemanticTokenAcceptor): void | 'prune' {
        const type = SEMANTIC_TOKEN_TYPES[node.$type];
        if (type && (node as { name?: unknown }).name) {
            acceptor({ node, property: 'name' as never, type, modifier: SemanticTokenModifiers.declaration });
        }
        if (isOrganization(node)) {
            // Only its `top management` references below.
        } else if (isClaim(node) && node.framework) {
            acceptor({ node, property: 'framework', type: SemanticTokenTypes.enum });
        } else if (isCustomFramework(node) && node.prefix) {
            acceptor({ node, property: 'prefix', type: SemanticTokenTypes.enum, modifier: SemanticTokenModifiers.declaration });
        } else if (isCustomRequirement(node) && node.id) {
            acceptor({ node, property: 'id', type: SemanticTokenTypes.enumMember, modifier: SemanticTokenModifiers.declaration });
        }
        if (WITH_REQUIREMENTS.has(node.$type)) {
            const requirements = (node as { requirements?: unknown }).requirements;
            if (Array.isArray(requirements)) {
                requirements.forEach((_, index) => acceptor({ node, property: 'requirements' as never, index, type: SemanticTokenTypes.enumMember }));
            }
        }
        for (const info of AstUtils.streamReferences(node)) {
            const { reference } = info;
            if (!isReference(reference) || !reference.$refNode) continue;
            // An unresolved name still gets its colour where only one kind of declaration fits (`assign ghost`).
            const target = reference.ref;
            const referenceType = target ? SEMANTIC_TOKEN_TYPES[target.$type] : REFERENCE_TYPES[this.reflection.getReferenceType(info)];
            if (referenceType) acceptor({ cst: reference.$refNode, type: referenceType });
        }
    }
}
