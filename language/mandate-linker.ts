import { Cancellation, DefaultLinker, isLinkingError, type AstNode, type AstNodeDescription, type CstNode, type LangiumDocument, type LinkingError, type Reference, type ReferenceInfo } from 'langium';
import { CompactReference } from './mandate-reference.js';
import { clearLinks, linkSpliced, takeLinks, type UnlinkedReferences } from './statement-edit/spliced-links.js';
import { forgetKeptTargets } from './statement-edit/kept-targets.js';
import { carryReferencesByName } from './statement-edit/references-by-name.js';
import { statementReparse } from './statement-edit/statement-reparse.js';
import type { ExportComparison } from './workspace/export-changes.js';
import { CancellationPoints } from './util/cancellation-points.js';
import { suggestionNamesOf } from './mandate-scope-provider.js';
import { closestMatch } from './util/did-you-mean.js';
import { referenceKind } from './util/reference-kinds.js';
import { forEachReference, syntaxNodes } from './util/syntax-nodes.js';
import { keepTally, referenceState, referenceStateWith, TallyDraft } from './workspace/reference-tally.js';

// Suggestions scan the candidates once per unresolved name; past this size the hint is not worth it.
const MAX_CANDIDATES_FOR_SUGGESTION = 5000;

/** Unresolved references say what kind of thing is missing, suggest a near name and how to declare it. */
export class MandateLinker extends DefaultLinker {
    /** The references of large documents as linking left them, taken at unlink and still linked: a spliced tree keeps most (statement-edit/). */
    private readonly unlinked = new WeakMap<LangiumDocument, UnlinkedReferences>();
    /** The export changes of the build under way (MandateDocumentBuilder), which tell the references a spliced tree keeps. */
    exportComparison: ExportComparison | undefined;

    /** Langium's loop, without an `await` per node (CancellationPoints); with Langium's when profiling. */
    override async link(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        forgetKeptTargets(document.parseResult.value);
        if (this.profiler?.isActive('linking')) return super.link(document, cancelToken);
        const before = this.unlinked.get(document);
        this.unlinked.delete(document);
        const comparison = this.exportComparison;
        if (before) {
            const linking = comparison && { comparison, documents: this.langiumDocuments(), locator: this.astNodeLocator, link: (info: ReferenceInfo) => this.doLink(info, document) };
            if (linking && linkSpliced(document, before, linking)) return;
            // Not kept: a reference still linked would not be linked again (Langium links only those without a target).
            clearLinks(before);
        }
        const points = new CancellationPoints(cancelToken);
        for (const node of syntaxNodes(document.parseResult.value)) {
            const pause = points.next();
            if (pause) await pause;
            forEachReference(node, reference => this.doLink(reference, document));
        }
    }

    /** Langium's reference, in the shape linking leaves it (mandate-reference.ts). */
    override buildReference(node: AstNode, property: string, refNode: CstNode | undefined, refText: string): Reference {
        return new CompactReference(this.referenceResolver, node, property, refNode, refText);
    }

    protected override doLink(refInfo: ReferenceInfo, document: LangiumDocument): void {
        super.doLink(refInfo, document);
        if (refInfo.reference instanceof CompactReference) refInfo.reference.shareTextWithTarget();
    }

    /**
     * Langium's, clearing what linking set rather than deleting it: the references keep their shape.
     * A large document's references are taken as they are instead, still linked: if its next tree is
     * spliced from this one (statement-edit/), the statements kept keep their links, and clearing and
     * setting 100,000 of them again cost a tenth of a keystroke in a file of 10,000 people. Linking
     * clears those it does not keep.
     */
    override unlink(document: LangiumDocument): void {
        // Unlinked again before it was linked: its next tree is not spliced from the one they were taken from.
        const taken = this.unlinked.get(document);
        if (taken) clearLinks(taken);
        const keep = (document.parseResult.value.$cstNode?.root.fullText.length ?? 0) >= statementReparse.minLength && document.references.length > 0;
        if (keep) this.unlinked.set(document, takeLinks(document));
        else this.unlinked.delete(document);
        // Taken: they stay linked, and Langium's unlink would clear them (its list is replaced with an empty one either way).
        if (keep) document.references = [];
        const others: LangiumDocument['references'] = [];
        for (const reference of document.references) {
            if (!(reference instanceof CompactReference)) others.push(reference);
            else {
                reference._ref = undefined;
                reference._nodeDescription = undefined;
            }
        }
        document.references = others;
        super.unlink(document);
    }

    protected override createLinkingError(refInfo: ReferenceInfo, targetDescription?: AstNodeDescription): LinkingError {
        const error = super.createLinkingError(refInfo, targetDescription);
        const name = refInfo.reference.$refText;
        const type = this.reflection.getReferenceType(refInfo);
        const kind = referenceKind(type);
        const suggestion = closestMatch(name, suggestionNamesOf(this.scopeProvider.getScope(refInfo), MAX_CANDIDATES_FOR_SUGGESTION));
        const hint = suggestion ? ` Did you mean '${suggestion}'?` : ` Declare it with \`${kind.declare} ${name} "..."\`.`;
        return { ...error, message: `No ${kind.noun} named '${name}' is declared in this workspace.${hint}` };
    }

    /**
     * Links again the references of a linked document that `again` selects, in place: the others
     * keep their targets. The document gets a new list of references (the same ones, in the same
     * order), as after Langium's unlink and link, and the tally of the old list updated with what
     * changed (reference-tally.ts): the 500 team files a shared rename relinks are not counted again.
     * `again` may point a reference it keeps at the new node of the same declaration.
     */
    relinkSome(document: LangiumDocument, again: (reference: Reference) => boolean): void {
        forgetKeptTargets(document.parseResult.value);
        const draft = TallyDraft.of(document);
        const references = document.references;
        document.references = [];
        for (const reference of references) {
            const linked = reference as Reference & LinkedReference;
            const description = linked._nodeDescription;
            const failed = '_ref' in linked && isLinkingError(linked._ref);
            if (!('_ref' in reference) || !again(linked)) {
                if (linked._nodeDescription !== description) draft.move(referenceStateWith(linked, failed, description), referenceState(linked));
                document.references.push(reference);
                continue;
            }
            const was = referenceState(linked);
            linked._ref = undefined;
            linked._nodeDescription = undefined;
            this.doLink(referenceInfo(linked), document); // lists it again, in its place
            draft.move(was, referenceState(linked));
        }
        keepTally(document, draft);
        carryReferencesByName(references as Reference[], document.references as Reference[], [], []);
    }
}

/** The internals of Langium's DefaultReferenceImpl (langium/lib/references/linker.js): its node and property, and what linking set. */
interface LinkedReference {
    readonly node: AstNode;
    readonly property: string;
    _ref?: unknown;
    _nodeDescription?: AstNodeDescription;
}

/** What the linker was given for the reference, as forEachReference lists it. */
function referenceInfo(reference: Reference & LinkedReference): ReferenceInfo {
    const value = (reference.node as unknown as Record<string, unknown>)[reference.property];
    const index = Array.isArray(value) ? value.indexOf(reference) : -1;
    return index < 0 ? { reference, container: reference.node, property: reference.property } : { reference, container: reference.node, property: reference.property, index };
}
