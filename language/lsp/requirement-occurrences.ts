import { CstUtils, GrammarUtils, type AstNode, type CstNode, type LangiumDocument } from 'langium';
import type { Location, Position } from 'vscode-languageserver';
import { isCustomRequirement, type CustomRequirement } from '../generated/ast.js';
import type { RequirementCatalogue } from '../standards/requirement-catalogue.js';
import { syntaxNodes } from '../util/syntax-nodes.js';
import type { WorkspaceModel } from '../workspace/workspace-model.js';

/**
 * Requirement IDs are values, not references: `satisfies ISO27001:5.3(b)`, `not applicable
 * ACME:AC-02`, `expect status of …`, and `requirement ACME:AC-01 "…"` where an organization
 * declares its own. Go to definition and find references follow them by their canonical ID.
 */

/** The canonical ID of the requirement written at `position`, when the catalogue knows it. */
export function requirementIdAt(document: LangiumDocument, position: Position, catalogue: RequirementCatalogue): string | undefined {
    const root = document.parseResult?.value?.$cstNode;
    const leaf = root ? CstUtils.findLeafNodeAtOffset(root, document.textDocument.offsetAt(position)) : undefined;
    if (!leaf || !('tokenType' in leaf) || (leaf as { tokenType: { name: string } }).tokenType.name !== 'REQUIREMENT') return undefined;
    return catalogue.find(leaf.text)?.id;
}

/** The policy's own declaration of the requirement `id`, if an organization declared it. */
export function requirementDeclaration(model: WorkspaceModel, id: string): CustomRequirement | undefined {
    const canonical = model.catalogue.find(id)?.id;
    if (canonical === undefined) return undefined;
    for (const framework of model.customFrameworks) {
        for (const requirement of framework.requirements) if (model.catalogue.find(requirement.id)?.id === canonical) return requirement;
    }
    return undefined;
}

/** Where the policy writes the requirement `id`, in document order; its declaration only when `withDeclaration`. */
export function requirementOccurrences(model: WorkspaceModel, id: string, withDeclaration: boolean): Location[] {
    const locations: Location[] = [];
    for (const document of model.documents) {
        const uri = document.textDocument.uri;
        for (const node of syntaxNodes(document.parseResult.value)) {
            for (const cst of requirementNodes(node, withDeclaration)) {
                if (model.catalogue.find(cst.text)?.id === id) locations.push({ uri, range: cst.range });
            }
        }
    }
    return locations;
}

/** The CST nodes of the requirement IDs `node` writes. */
function requirementNodes(node: AstNode, withDeclaration: boolean): CstNode[] {
    const cst = node.$cstNode;
    if (!cst) return [];
    if (isCustomRequirement(node)) return withDeclaration ? GrammarUtils.findNodesForProperty(cst, 'id') : [];
    const record = node as unknown as Record<string, unknown>;
    const written = (property: string) => {
        const value = record[property];
        return typeof value === 'string' || (Array.isArray(value) && value.length > 0 && typeof value[0] === 'string');
    };
    return [...(written('requirements') ? GrammarUtils.findNodesForProperty(cst, 'requirements') : []),
        ...(written('requirement') ? GrammarUtils.findNodesForProperty(cst, 'requirement') : [])];
}
