import { AstUtils, GrammarAST, type AstNodeDescription, type LangiumDocument, type MaybePromise, type ReferenceInfo } from 'langium';
import {
    DefaultCompletionProvider, type CompletionAcceptor, type LangiumServices, type CompletionContext, type CompletionValueItem, type NextFeature
} from 'langium/lsp';
import { CompletionItemKind, InsertTextFormat, type Position } from 'vscode-languageserver';
import type { MandateSharedServices } from '../mandate-module.js';
import { ACTIVITIES } from '../standards/activities.js';
import { mayStartRequirement, requirementItems, requirementWordAt } from './requirement-completion.js';
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

    /**
     * A half-typed requirement ID (`ISO27001:`, `ISO27001:A.`, `5.3(`) is no token yet, so Langium
     * would not know a requirement is being written; start a context at the start of the ID.
     */
    protected override *buildContexts(document: LangiumDocument, position: Position): IterableIterator<CompletionContext> {
        const textDocument = document.textDocument;
        const text = textDocument.getText();
        const offset = textDocument.offsetAt(position);
        const { start, end } = requirementWordAt(text, offset);
        if (start < offset && mayStartRequirement(text, start)) {
            const features = this.findFeaturesAt(textDocument, start).filter(next => isRequirementFeature(next));
            if (features.length > 0) yield { document, textDocument, offset, position, tokenOffset: start, tokenEndOffset: end, features };
        }
        yield* super.buildContexts(document, position);
    }

    protected override completionFor(context: CompletionContext, next: NextFeature, acceptor: CompletionAcceptor): MaybePromise<void> {
        const assignment = AstUtils.getContainerOfType(next.feature, GrammarAST.isAssignment);
        if (isRequirementFeature(next)) {
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
        const text = context.textDocument.getText();
        const { start, end } = requirementWordAt(text, context.offset);
        const range = { start: context.textDocument.positionAt(start), end: context.textDocument.positionAt(end) };
        const catalogue = this.shared.mandate.WorkspaceModel.get().catalogue;
        for (const item of requirementItems(catalogue, text.slice(start, context.offset), range)) acceptor(context, item);
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

/** The requirement IDs of `satisfies` and `not applicable` (a custom framework's own `requirement` IDs are new, not completed). */
function isRequirementFeature(next: NextFeature): boolean {
    return GrammarAST.isRuleCall(next.feature) && AstUtils.getContainerOfType(next.feature, GrammarAST.isAssignment)?.feature === 'requirements';
}
