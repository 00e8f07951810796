import { Cancellation, DefaultLinker, type AstNode, type AstNodeDescription, type LangiumDocument, type LinkingError, type Reference, type ReferenceInfo } from 'langium';
import { CancellationPoints } from './util/cancellation-points.js';
import { suggestionNamesOf } from './mandate-scope-provider.js';
import { closestMatch } from './util/did-you-mean.js';
import { referenceKind } from './util/reference-kinds.js';
import { forEachReference, syntaxNodes } from './util/syntax-nodes.js';

// Suggestions scan the candidates once per unresolved name; past this size the hint is not worth it.
const MAX_CANDIDATES_FOR_SUGGESTION = 5000;

/** Unresolved references say what kind of thing is missing, suggest a near name and how to declare it. */
export class MandateLinker extends DefaultLinker {
    /** Langium's loop, without an `await` per node (CancellationPoints); with Langium's when profiling. */
    override async link(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        if (this.profiler?.isActive('linking')) return super.link(document, cancelToken);
        const points = new CancellationPoints(cancelToken);
        for (const node of syntaxNodes(document.parseResult.value)) {
            const pause = points.next();
            if (pause) await pause;
            forEachReference(node, reference => this.doLink(reference, document));
        }
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
     * order), as after Langium's unlink and link, so what is remembered per list is worked out anew.
     */
    relinkSome(document: LangiumDocument, again: (reference: Reference) => boolean): void {
        const references = document.references;
        document.references = [];
        for (const reference of references) {
            if (!('_ref' in reference) || !again(reference as Reference)) {
                document.references.push(reference);
                continue;
            }
            const linked = reference as Reference & LinkedReference;
            linked._ref = undefined;
            delete linked._nodeDescription;
            this.doLink(referenceInfo(linked), document); // lists it again, in its place
        }
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
