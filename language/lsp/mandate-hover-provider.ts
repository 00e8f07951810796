import { CstUtils, type AstNode, type LangiumDocument, type MaybePromise } from 'langium';
import { MultilineCommentHoverProvider, type LangiumServices } from 'langium/lsp';
import type { Hover, HoverParams } from 'vscode-languageserver';
import { isPerson, isRole, type Role } from '../generated/ast.js';
import type { MandateSharedServices } from '../mandate-module.js';
import { findRequirement, frameworkOf } from '../standards/requirements.js';

const KIND_LABELS: Record<string, string> = {
    Organization: 'Organization', Person: 'Person', Role: 'Role', Responsibility: 'Responsibility',
    Authority: 'Authority', Training: 'Training programme'
};

/** Markdown text with the characters that would change its meaning escaped. */
function plain(text: string): string {
    return text.replace(/[\\`*_{}[\]<>()#+!|]/g, character => `\\${character}`);
}

/**
 * Hovers show what a reviewer needs without leaving the file: a requirement's title from the
 * catalogue, and for a name its kind, title, description and, for roles, who holds it.
 */
export class MandateHoverProvider extends MultilineCommentHoverProvider {
    private readonly shared: MandateSharedServices;

    constructor(services: LangiumServices & { shared: MandateSharedServices }) {
        super(services);
        this.shared = services.shared;
    }

    override async getHoverContent(document: LangiumDocument, params: HoverParams): Promise<Hover | undefined> {
        const root = document.parseResult?.value?.$cstNode;
        const leaf = root ? CstUtils.findLeafNodeAtOffset(root, document.textDocument.offsetAt(params.position)) : undefined;
        if (leaf && 'tokenType' in leaf && (leaf as { tokenType: { name: string } }).tokenType.name === 'REQUIREMENT') {
            const requirement = findRequirement(leaf.text);
            if (!requirement) return undefined; // requirement-unknown already explains it
            return { contents: { kind: 'markdown', value: `**${plain(requirement.id)}**: ${plain(requirement.title)}\n\n${frameworkOf(requirement).name}, ${plain(requirement.clause)}` } };
        }
        return super.getHoverContent(document, params);
    }

    protected override getAstNodeHoverContent(node: AstNode): MaybePromise<string | undefined> {
        const named = node as { name?: string; title?: string; description?: string };
        const kind = KIND_LABELS[node.$type];
        if (!kind || !named.name) return super.getAstNodeHoverContent(node);
        const lines = [`**${kind}** \`${named.name}\`${named.title ? `: ${plain(named.title)}` : ''}`];
        if (named.description) lines.push(plain(named.description));
        if (isRole(node)) lines.push(...this.roleFacts(node));
        if (isPerson(node) && node.jobTitle) lines.push(plain(node.jobTitle));
        const comment = super.getAstNodeHoverContent(node);
        if (typeof comment === 'string' && comment.trim() !== '') lines.push(comment);
        return lines.join('\n\n');
    }

    private roleFacts(role: Role): string[] {
        const asOf = this.shared.mandate.Settings.asOf();
        const model = this.shared.mandate.WorkspaceModel.get();
        const holders = model.holdersOn(role, asOf)
            .map(assignment => `${plain(assignment.person?.ref?.title ?? assignment.person?.$refText ?? "?")}${assignment.since ? ` since ${assignment.since}` : ''}`);
        return [
            ...(role.ciso ? ['Designated CISO'] : []),
            holders.length > 0 ? `Held on ${asOf} by ${holders.join(', ')}` : `Vacant on ${asOf}`
        ];
    }
}
