import { AstUtils, GrammarAST, type AstNodeDescription, type MaybePromise, type ReferenceInfo } from 'langium';
import {
    DefaultCompletionProvider, type CompletionAcceptor, type LangiumServices, type CompletionContext, type CompletionValueItem, type NextFeature
} from 'langium/lsp';
import { CompletionItemKind, InsertTextFormat } from 'vscode-languageserver';
import type { MandateSharedServices } from '../mandate-module.js';
import { ACTIVITIES } from '../standards/activities.js';
import { KNOWN_CHANNELS, SNIPPETS } from './snippets.js';

/**
 * Adds what a compliance lead needs on top of Langium's keyword and reference completion:
 * titles next to names, the standards catalogue after `satisfies`, announcement channels
 * after `via`, the activity catalogue after `activity`, and snippets for whole blocks.
 */
export class MandateCompletionProvider extends DefaultCompletionProvider {
    private readonly shared: MandateSharedServices;

    constructor(services: LangiumServices & { shared: MandateSharedServices }) {
        super(services);
        this.shared = services.shared;
    }

    protected override completionFor(context: CompletionContext, next: NextFeature, acceptor: CompletionAcceptor): MaybePromise<void> {
        const assignment = AstUtils.getContainerOfType(next.feature, GrammarAST.isAssignment);
        if (GrammarAST.isRuleCall(next.feature) && assignment?.feature === 'requirements') {
            this.completeRequirements(context, acceptor);
            return;
        }
        // Channels are open-ended names; offer the usual ones instead of the bare `email` keyword.
        if (assignment?.feature === 'channel') {
            for (const [channel, detail] of KNOWN_CHANNELS) {
                acceptor(context, { label: channel, detail, kind: CompletionItemKind.EnumMember, sortText: '0' });
            }
            return;
        }
        // Activities come from the built-in catalogue that the segregation-of-duties check reads.
        if (assignment?.feature === 'activity' || this.isActivityId(context, next)) {
            ACTIVITIES.forEach((activity, index) => acceptor(context, {
                label: activity.id, detail: activity.title, kind: CompletionItemKind.EnumMember,
                sortText: String(index).padStart(2, '0')
            }));
            return;
        }
        return super.completionFor(context, next, acceptor);
    }

    /**
     * `activity` is followed by an `Id`, a datatype rule: Langium offers the features inside it
     * (ID and the keywords usable as names), which have no assignment of their own, so the
     * `activity` keyword just before the cursor tells the place.
     */
    private isActivityId(context: CompletionContext, next: NextFeature): boolean {
        if (AstUtils.getContainerOfType(next.feature, GrammarAST.isParserRule)?.name !== 'Id') return false;
        const before = context.textDocument.getText().slice(0, context.tokenOffset);
        return /(^|[^\w-])activity\s+$/.test(before);
    }

    private completeRequirements(context: CompletionContext, acceptor: CompletionAcceptor): void {
        const catalogue = this.shared.mandate.WorkspaceModel.get().catalogue;
        catalogue.requirements.forEach((requirement, index) => acceptor(context, {
            label: requirement.id,
            detail: requirement.title,
            documentation: `${catalogue.frameworkOf(requirement).name}, ${requirement.clause}: ${requirement.title}`,
            kind: CompletionItemKind.Constant,
            // Keep catalogue order: clause 5.3 first, as people expect to read it.
            sortText: String(index).padStart(3, '0')
        }));
    }

    protected override createReferenceCompletionItem(
        description: AstNodeDescription, refInfo: ReferenceInfo, context: CompletionContext
    ): CompletionValueItem {
        const item = super.createReferenceCompletionItem(description, refInfo, context);
        const title = (description.node as { title?: unknown } | undefined)?.title;
        return {
            ...item,
            detail: typeof title === 'string' ? title : description.type,
            labelDetails: { description: description.type }
        };
    }

    protected override completionForKeyword(context: CompletionContext, keyword: GrammarAST.Keyword, acceptor: CompletionAcceptor): MaybePromise<void> {
        const result = super.completionForKeyword(context, keyword, acceptor);
        for (const snippet of SNIPPETS.filter(candidate => candidate.keyword === keyword.value)) {
            acceptor(context, {
                label: snippet.label,
                detail: snippet.detail,
                kind: CompletionItemKind.Snippet,
                insertText: snippet.body,
                insertTextFormat: InsertTextFormat.Snippet,
                sortText: '2'
            });
        }
        return result;
    }
}
