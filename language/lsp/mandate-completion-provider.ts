import {
    AstUtils, GrammarAST, GrammarUtils, stream, URI, type AstNodeDescription, type LangiumDocument, type MaybePromise, type ReferenceInfo, type Stream
} from 'langium';
import {
    DefaultCompletionProvider, findNextFeatures, type CompletionAcceptor, type CompletionBacktrackingInformation, type LangiumServices, type CompletionContext, type CompletionProviderOptions,
    type CompletionValueItem, type NextFeature
} from 'langium/lsp';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
    CompletionItemKind, CompletionList, InsertTextFormat, type CancellationToken, type CompletionItem, type CompletionParams, type Position
} from 'vscode-languageserver';
import type { MandateSharedServices } from '../mandate-module.js';
import type { SyntaxDiagnostics } from '../mandate-syntax-diagnostics.js';
import { localElementsOf, prefixSearchOf } from '../mandate-scope-provider.js';
import { ACTIVITIES } from '../standards/activities.js';
import type { WorkspaceModel } from '../workspace/workspace-model.js';
import { isNameKeyword, isNameRuleName, phraseOf, startsDeclaration } from './completion-phrases.js';
import { insideLineComment, TRIGGER_CHARACTERS, triggerMayComplete } from './completion-triggers.js';
import { asOfStatus, audienceSuggestions, channelSuggestions, selectSuggestions, suggestionItems, typedValue, type Suggestion } from './completion-values.js';
import { declarationData } from './completion-documentation.js';
import { completionLexEnd, completionParseStart } from './completion-parse-start.js';
import { ownNameOf, REFERENCE_COMPLETION_CAP, selectCandidates, type CandidateRank } from './reference-candidates.js';
import { isRequirementFeature, mayStartRequirement, requirementItems, requirementWordAt } from './requirement-completion.js';
import { SNIPPETS } from './snippets.js';
import { ruleSuggestions, statusSuggestions, suppressionCompletion } from './completion-rule-ids.js';
import { lineStart } from '../util/line-breaks.js';

/** What one completion request learnt while its contexts were completed. */
interface CompletionRequest {
    /** A reference (or a value: audiences, channels) offered only the best of more than the cap. */
    capped: boolean;
    /** Requirement IDs were offered: their filter depends on the framework and clause typed (requirement-completion.ts). */
    requirements: boolean;
    readonly ranks: Map<AstNodeDescription, CandidateRank>;
    /** The workspace and as-of date for the status of names, read once per request. */
    asOf?: { model: WorkspaceModel; date: string };
}

/**
 * Adds what a compliance lead needs on top of Langium's keyword and reference completion:
 * titles next to names, the standards catalogue after `satisfies`, announcement channels
 * after `via`, the activity catalogue after `activity`, and snippets for whole blocks.
 */
export class MandateCompletionProvider extends DefaultCompletionProvider {
    private readonly shared: MandateSharedServices;
    private readonly syntax: SyntaxDiagnostics;
    private readonly requests = new WeakMap<CompletionContext, CompletionRequest>();
    /** The document buildContexts is building for, read once by backtrackToAnyToken in the same synchronous step. */
    private backtrackIn: LangiumDocument | undefined;
    /** A space after a keyword that takes a name, and the colon of a requirement ID, open the list (completion-triggers.ts). */
    override readonly completionOptions: CompletionProviderOptions = { triggerCharacters: TRIGGER_CHARACTERS };

    constructor(services: LangiumServices & { shared: MandateSharedServices, syntax: { SyntaxDiagnostics: SyntaxDiagnostics } }) {
        super(services);
        this.shared = services.shared;
        this.syntax = services.syntax.SyntaxDiagnostics;
    }

    /**
     * Langium's, with one request record shared by the contexts. The list is complete (the editor
     * filters it as the user types) unless a reference left names out, or it holds requirement IDs,
     * which are asked again as before.
     */
    override async getCompletion(document: LangiumDocument, params: CompletionParams, _cancelToken?: CancellationToken): Promise<CompletionList | undefined> {
        // A file that is not a policy (SyntaxDiagnostics) has nothing to complete; lexing and parsing
        // megabytes of it again for each keystroke would take seconds.
        if (this.syntax.of(document.parseResult).unreadable) return CompletionList.create([], false);
        // A space typed where no name follows answers at once, before any parsing; a `//` comment has nothing to complete.
        const [text, offset] = [document.textDocument.getText(), document.textDocument.offsetAt(params.position)];
        if (!triggerMayComplete(text, offset, params.context)) return CompletionList.create([], false);
        // The one comment with something to complete: the rule IDs of a `// mandate-ignore`.
        if (insideLineComment(text, offset)) return suppressionCompletion(document.textDocument, text.slice(lineStart(text, offset), offset), offset) ?? CompletionList.create([], false);
        const request: CompletionRequest = { capped: false, requirements: false, ranks: new Map() };
        const items: CompletionItem[] = [];
        const acceptor: CompletionAcceptor = (context, value) => {
            const item = this.fillCompletionItem(context, value);
            if (item) items.push(item);
        };
        const completed: NextFeature[] = [];
        for (const context of this.buildContexts(document, params.position)) {
            this.requests.set(context, request);
            await Promise.all(stream(context.features)
                .distinct(next => (GrammarAST.isKeyword(next.feature) ? phraseOf(next.feature) : next.feature))
                .exclude(completed)
                .map(next => this.completionFor(context, next, acceptor)));
            completed.push(...context.features);
            if (!this.continueCompletion(items)) break;
        }
        return CompletionList.create(this.deduplicateItems(items), request.capped || request.requirements);
    }

    /** Langium's, parsing from the last top-level statement before `offset` rather than from the start of the file (completion-parse-start.ts). */
    protected override findFeaturesAt(document: TextDocument, offset: number): NextFeature[] {
        const text = document.getText();
        const start = completionParseStart(this.shared.workspace.LangiumDocuments.getDocument(URI.parse(document.uri)), text, offset);
        if (start === 0) return super.findFeaturesAt(document, offset);
        const parsed = this.completionParser.parse(text.slice(start, offset));
        if (parsed.tokenIndex === 0) {
            // Nothing of a statement yet: what may start one, as at the start of a file.
            return findNextFeatures([[this.buildSyntheticEntryRuleCall(GrammarUtils.getEntryRule(this.grammar)!)]], parsed.tokens);
        }
        return findNextFeatures([parsed.elementStack.map(feature => ({ feature }))], parsed.tokens.slice(parsed.tokenIndex));
    }

    /** The names that match what is typed, best first and at most REFERENCE_COMPLETION_CAP (reference-candidates.ts). */
    protected override getReferenceCandidates(refInfo: ReferenceInfo, context: CompletionContext): Stream<AstNodeDescription> {
        const typed = context.textDocument.getText().slice(context.tokenOffset, context.offset);
        const scope = this.scopeProvider.getScope(refInfo);
        const [all, local, prefixed] = [scope.getAllElements(), localElementsOf(scope), prefixSearchOf(scope)];
        // Left out before the cap is applied, so that the list still holds the best `cap` others.
        const own = ownNameOf(refInfo);
        const other = (description: AstNodeDescription) => description.name !== own;
        const selection = own === undefined
            ? selectCandidates(all, typed, context.document.uri.toString(), this.fuzzyMatcher, REFERENCE_COMPLETION_CAP, local, prefixed)
            : selectCandidates(
                all.filter(other), typed, context.document.uri.toString(), this.fuzzyMatcher, REFERENCE_COMPLETION_CAP,
                local?.filter(other), prefixed && (prefix => prefixed(prefix).filter(other))
            );
        const request = this.requests.get(context);
        if (request) {
            request.capped ||= selection.capped;
            for (const { description, rank } of selection.candidates) request.ranks.set(description, rank);
        }
        return stream(selection.candidates.map(candidate => candidate.description));
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
        // Langium's contexts start by finding the tokens around the cursor (backtrackToAnyToken), without the document.
        this.backtrackIn = document;
        yield* super.buildContexts(document, position);
    }

    /**
     * Langium's lexes the whole text for the tokens around the cursor, at every request: 1,200
     * tokens in a 200-line team file, 60,000 in an imported directory. The text from the start of
     * the statement at the cursor (completion-parse-start.ts) to the start of the next has the same
     * tokens there; where the answer needs a token before that statement, the one before is lexed too.
     */
    protected override backtrackToAnyToken(text: string, offset: number): CompletionBacktrackingInformation {
        const document = this.backtrackIn;
        this.backtrackIn = undefined;
        // Nor does it need the text after the statement at the cursor (completion-parse-start.ts).
        const end = completionLexEnd(document, text, offset);
        // A cursor on the first token of its statement needs the last token of the statement before.
        for (let start = completionParseStart(document, text, offset); start > 0; start = completionParseStart(document, text, start)) {
            const near = super.backtrackToAnyToken(text.slice(start, end), offset - start);
            if (near.previousTokenStart !== undefined && near.previousTokenEnd !== undefined) {
                return {
                    nextTokenStart: near.nextTokenStart + start, nextTokenEnd: near.nextTokenEnd + start,
                    previousTokenStart: near.previousTokenStart + start, previousTokenEnd: near.previousTokenEnd + start
                };
            }
        }
        return super.backtrackToAnyToken(text.slice(0, end), offset);
    }

    protected override completionFor(context: CompletionContext, next: NextFeature, acceptor: CompletionAcceptor): MaybePromise<void> {
        const assignment = AstUtils.getContainerOfType(next.feature, GrammarAST.isAssignment);
        if (isRequirementFeature(next)) {
            this.completeRequirements(context, acceptor, AstUtils.getContainerOfType(next.feature, GrammarAST.isParserRule)?.name === 'Exclusion');
            return;
        }
        const rule = AstUtils.getContainerOfType(next.feature, GrammarAST.isParserRule)?.name;
        // Channels and audiences are open-ended; offer those in use and the usual ones, never keywords.
        if (assignment?.feature === 'channel') {
            this.acceptSuggestions(context, acceptor, channelSuggestions(this.shared.mandate.WorkspaceModel.get()));
            return;
        }
        if (assignment?.feature === 'audience' && rule === 'Announcement') {
            this.acceptSuggestions(context, acceptor, audienceSuggestions(this.shared.mandate.WorkspaceModel.get()));
            return;
        }
        // `claims` names a framework of the catalogue (built-in, or the organization's own).
        if ((assignment?.feature === 'framework' && rule === 'Claim') || this.isIdAfter(context, next, 'claims')) {
            const catalogue = this.shared.mandate.WorkspaceModel.get().catalogue;
            this.acceptSuggestions(context, acceptor, catalogue.frameworks.map(framework => ({ label: framework.prefix, detail: framework.name, insertText: framework.prefix })));
            return;
        }
        // A policy test names a rule after `expect finding` and a status after `is`: known lists.
        if (this.isIdAfter(context, next, 'finding')) {
            this.acceptSuggestions(context, acceptor, ruleSuggestions(true));
            return;
        }
        if (this.isIdAfter(context, next, 'is')) {
            this.acceptSuggestions(context, acceptor, statusSuggestions());
            return;
        }
        // Activities come from the built-in catalogue that the segregation-of-duties check reads.
        if (assignment?.feature === 'activity' || this.isIdAfter(context, next, 'activity')) {
            ACTIVITIES.forEach((activity, index) => acceptor(context, {
                label: activity.id, detail: activity.title, kind: CompletionItemKind.EnumMember,
                sortText: String(index).padStart(2, '0')
            }));
            return;
        }
        // A keyword that is only a way to spell a name (`email`, `owner`, …) is not offered where a name goes.
        if (GrammarAST.isKeyword(next.feature) && isNameKeyword(next.feature)) return;
        return super.completionFor(context, next, acceptor);
    }

    private acceptSuggestions(context: CompletionContext, acceptor: CompletionAcceptor, suggestions: Iterable<Suggestion>): void {
        const selection = selectSuggestions(suggestions, typedValue(context), this.fuzzyMatcher);
        const request = this.requests.get(context);
        if (request) request.capped ||= selection.capped;
        for (const item of suggestionItems(context, selection.suggestions)) acceptor(context, item);
    }

    /**
     * `activity` and `claims` are followed by an `Id`, a datatype rule: Langium offers the features
     * inside it (ID and the keywords usable as names), which have no assignment of their own, so
     * the keyword just before the cursor tells the place.
     */
    private isIdAfter(context: CompletionContext, next: NextFeature, keyword: 'activity' | 'claims' | 'finding' | 'is'): boolean {
        if (!isNameRuleName(AstUtils.getContainerOfType(next.feature, GrammarAST.isParserRule)?.name)) return false;
        const before = context.textDocument.getText().slice(Math.max(0, context.tokenOffset - 40), context.tokenOffset);
        return new RegExp(`(^|[^\\w-])${keyword}\\s+$`).test(before);
    }

    /** Requirement IDs; under `not applicable`, only those of the framework the enclosing `claims` names (applicability-invalid rejects others). */
    private completeRequirements(context: CompletionContext, acceptor: CompletionAcceptor, excluding: boolean): void {
        const text = context.textDocument.getText();
        const { start, end } = requirementWordAt(text, context.offset);
        const range = { start: context.textDocument.positionAt(start), end: context.textDocument.positionAt(end) };
        const catalogue = this.shared.mandate.WorkspaceModel.get().catalogue;
        const request = this.requests.get(context);
        if (request) request.requirements = true;
        const claimed = excluding ? /\bclaims\s+([A-Za-z][\w-]*)\s*\{[^{}]*$/.exec(text.slice(0, start))?.[1] : undefined;
        for (const item of requirementItems(catalogue, text.slice(start, context.offset), range, claimed)) acceptor(context, item);
    }

    /**
     * A keyword written where a name goes (`may appoint n1, delegate, x`, `assign person to …`) makes
     * the parser's recovery start a new declaration there, so the node at the cursor is a Delegation
     * or a Person, which has no `appoints` or `person` reference: Langium would log "is not a
     * reference" and offer nothing. The names are completed for a stand-in of the declaration the
     * reference belongs to instead.
     */
    protected override completionForCrossReference(context: CompletionContext, next: NextFeature<GrammarAST.CrossReference>, acceptor: CompletionAcceptor): MaybePromise<void> {
        const assignment = AstUtils.getContainerOfType(next.feature, GrammarAST.isAssignment);
        const rule = AstUtils.getContainerOfType(next.feature, GrammarAST.isParserRule);
        const type = next.type ?? context.node?.$type;
        if (assignment && rule && context.node && type && !this.isReference(type, assignment.feature)) {
            const owner = GrammarUtils.getTypeName(rule);
            if (!this.isReference(owner, assignment.feature)) return;
            return super.completionForCrossReference(context, { ...next, type: owner }, acceptor);
        }
        return super.completionForCrossReference(context, next, acceptor);
    }

    private isReference(type: string, property: string): boolean {
        try {
            return this.astReflection.getTypeMetaData(type).properties[property]?.referenceType !== undefined;
        } catch {
            return false;
        }
    }

    protected override createReferenceCompletionItem(
        description: AstNodeDescription, refInfo: ReferenceInfo, context: CompletionContext
    ): CompletionValueItem {
        const item = super.createReferenceCompletionItem(description, refInfo, context);
        const title = (description.node as { title?: unknown } | undefined)?.title;
        const request = this.requests.get(context);
        const rank = request?.ranks.get(description);
        const status = request ? this.statusOf(description, request) : undefined;
        const name = typeof title === 'string' && title !== '' ? title : description.type;
        return {
            ...item,
            // The comment above the declaration is read when the editor shows the item (completion-documentation.ts).
            data: declarationData(description),
            detail: status ? `${name} (${status})` : name,
            labelDetails: { description: description.type },
            // The editor orders by sortText before the label: names the typed text starts, and this file's, first.
            ...(rank === undefined ? {} : { sortText: `0${rank}` })
        };
    }

    /** Read on resolve instead (completion-documentation.ts). */
    protected override getReferenceDocumentation(): undefined {
        return undefined;
    }

    /** On the as-of date: a person who has left or not joined, a role's holders or vacancy (completion-values.ts). */
    private statusOf(description: AstNodeDescription, request: CompletionRequest): string | undefined {
        if (description.type !== 'Person' && description.type !== 'Role') return undefined;
        request.asOf ??= { model: this.shared.mandate.WorkspaceModel.get(), date: this.shared.mandate.Settings.asOf() };
        return asOfStatus(description.node, request.asOf.model, request.asOf.date);
    }

    /**
     * A keyword the grammar requires others after is offered as the whole phrase (`reports to`,
     * `designated CISO`, completion-phrases.ts); a keyword that starts a declaration brings its snippets.
     */
    protected override completionForKeyword(context: CompletionContext, keyword: GrammarAST.Keyword, acceptor: CompletionAcceptor): MaybePromise<void> {
        if (!this.filterKeyword(context, keyword)) return;
        const phrase = phraseOf(keyword);
        acceptor(context, { label: phrase, kind: CompletionItemKind.Keyword, detail: 'Keyword', sortText: '1' });
        if (!startsDeclaration(keyword)) return;
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
    }
}
