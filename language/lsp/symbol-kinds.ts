import { AstUtils, DocumentState, type AstNode, type Reference } from 'langium';
import { SymbolKind } from 'vscode-languageserver';

/**
 * One mapping from Mandate's declarations to LSP symbol kinds, used by the outline, breadcrumbs
 * and workspace symbols alike, so an icon means the same thing everywhere:
 *
 * | Declaration                                   | Kind        | Why                                                    |
 * |-----------------------------------------------|-------------|--------------------------------------------------------|
 * | organization                                  | Namespace   | everything else lives in it                            |
 * | appointing body                               | Struct      | a body outside the organization                        |
 * | role                                          | Class       | a type that people fill                                |
 * | person                                        | Object      | an instance: who holds roles                           |
 * | responsibility                                | Method      | what a role does                                       |
 * | authority                                     | Function    | what a role may do                                     |
 * | training                                      | Interface   | a contract roles `require`                             |
 * | assignment, delegation, completion            | Event       | dated records: who did or held what, since when        |
 * | announcement, acknowledgement (in assignment) | Event       | dated records too                                      |
 * | conflict                                      | Operator    | `a ↔ b`: a relation between two sides                  |
 * | claims (statement of applicability)           | Package     | a framework taken on                                   |
 * | framework (custom control set)                | Enum        | its requirements are its members                       |
 * | requirement, `not applicable` line            | EnumMember  | requirement IDs                                        |
 * | job description (in a role)                   | File        | a document                                             |
 * | duty line (`responsible for …`, in a role)    | Property    | a line of the role's job description                   |
 */
export const SYMBOL_KINDS: Readonly<Record<string, SymbolKind>> = {
    Organization: SymbolKind.Namespace,
    AppointingBody: SymbolKind.Struct,
    Role: SymbolKind.Class,
    Person: SymbolKind.Object,
    Responsibility: SymbolKind.Method,
    Authority: SymbolKind.Function,
    Training: SymbolKind.Interface,
    Assignment: SymbolKind.Event,
    Delegation: SymbolKind.Event,
    TrainingCompletion: SymbolKind.Event,
    Announcement: SymbolKind.Event,
    Acknowledgement: SymbolKind.Event,
    Conflict: SymbolKind.Operator,
    Claim: SymbolKind.Package,
    CustomFramework: SymbolKind.Enum,
    CustomRequirement: SymbolKind.EnumMember,
    Exclusion: SymbolKind.EnumMember,
    JobDescription: SymbolKind.File,
    DutyLink: SymbolKind.Property
};

/** The symbol kind of a declaration or block, by its AST type name. */
export function symbolKindOf(type: string): SymbolKind {
    return SYMBOL_KINDS[type] ?? SymbolKind.Field;
}

/** What people call a named declaration in a list of symbols: `role`, `appointing body`. */
export const DECLARATION_NOUNS: Readonly<Record<string, string>> = {
    Organization: 'organization', AppointingBody: 'appointing body', Role: 'role', Person: 'person',
    Responsibility: 'responsibility', Authority: 'authority', Training: 'training'
};

/**
 * What a reference points to, once its document is linked. A document not linked yet (an outline
 * asked for right after an edit) is read as written: resolving its references then would run ahead
 * of the build, against scopes not computed yet.
 */
function linkedTarget(reference: Reference | undefined): AstNode | undefined {
    const container = reference?.$refNode?.astNode;
    if (!container || AstUtils.getDocument(container).state < DocumentState.Linked) return undefined;
    return reference?.ref;
}

/** The name a reference was written with (even when it did not resolve), or `…` when the parser lost it. */
export function refName(reference: Reference | undefined): string {
    const target = linkedTarget(reference);
    return target && hasName(target) ? target.name : reference?.$refText || '…';
}

/** The title of what a reference points to, else its name as written (linkedTarget). */
export function refTitle(reference: Reference | undefined): string {
    const target = linkedTarget(reference) as { title?: unknown } | undefined;
    return typeof target?.title === 'string' && target.title ? target.title : refName(reference);
}

function hasName(node: AstNode): node is AstNode & { name: string } {
    const name = (node as { name?: unknown }).name;
    return typeof name === 'string' && name.length > 0;
}
