import { AstUtils, GrammarUtils, type AstNode } from 'langium';
import type { DiagnosticRelatedInformation, Range } from 'vscode-languageserver-types';
import type { RelatedPlace } from '../rules/rule.js';

/** The editor's links from a finding to the declarations its message names elsewhere (`also declared here`). */
export function relatedInformation(related: readonly RelatedPlace[] | undefined): DiagnosticRelatedInformation[] | undefined {
    if (!related || related.length === 0) return undefined;
    return related.flatMap(place => {
        const range = rangeOf(place.node);
        return range ? [{ location: { uri: AstUtils.getDocument(place.node).uri.toString(), range }, message: place.message }] : [];
    });
}

/**
 * Where the related places stand, as text: a finding carried over an edit names the same places,
 * but an edit of their file may have moved them along their line, or moved their end only (a line
 * inserted inside an assignment the place is), so what was published must be compared by where they
 * are now, start and end (workspace-findings.ts, `staleDocuments`).
 */
export function relatedSignature(related: readonly RelatedPlace[] | undefined): string {
    if (!related || related.length === 0) return '';
    return related.map(place => {
        const range = rangeOf(place.node);
        const at = range ? `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}` : '-';
        return `${AstUtils.getDocument(place.node).uri.toString()}@${at}:${place.message}`;
    }).join(',');
}

/** The declaration's name, where a reader looks for it; the whole node when it has none. */
function rangeOf(node: AstNode): Range | undefined {
    const cst = node.$cstNode;
    return cst && (GrammarUtils.findNodeForProperty(cst, 'name')?.range ?? cst.range);
}
