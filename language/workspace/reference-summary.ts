import type { LangiumDocument, MultiReference, Reference } from 'langium';

/** What a document's references say about which export changes can affect it. */
interface ReferenceSummary {
    /** How many references the document had linked when this was worked out. */
    readonly count: number;
    /** Whether one failed to link: a new export may resolve it. */
    readonly unresolved: boolean;
    /** The names its references are written with: one that appears or disappears may resolve them differently. */
    readonly names: ReadonlySet<string>;
    /** The documents its references resolved into. */
    readonly targets: ReadonlySet<string>;
}

/**
 * Summaries by the document's list of linked references. Linking fills a new list (Langium's
 * `unlink` replaces it), and nothing else sets a reference's target or error, so a summary holds
 * while the list is the same one of the same length: after an edit that renames a declaration,
 * only the relinked documents are looked at again, not every reference of the workspace.
 */
const summaries = new WeakMap<ReadonlyArray<Reference | MultiReference>, ReferenceSummary>();

function summaryOf(document: LangiumDocument): ReferenceSummary {
    const references = document.references;
    const known = summaries.get(references);
    if (known && known.count === references.length) return known;
    const names = new Set<string>();
    const targets = new Set<string>();
    let unresolved = false;
    for (const reference of references) {
        if (reference.error !== undefined) unresolved = true;
        names.add(reference.$refText);
        // The grammar has single references only (no multi-references).
        const target = '$nodeDescription' in reference ? (reference as Reference).$nodeDescription?.documentUri : undefined;
        if (target) targets.add(target.toString());
    }
    const summary = { count: references.length, unresolved, names, targets };
    summaries.set(references, summary);
    return summary;
}

function intersects(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
    const [small, large] = a.size <= b.size ? [a, b] : [b, a];
    for (const value of small) if (large.has(value)) return true;
    return false;
}

/**
 * Whether an export change may resolve one of the document's references differently: it has an
 * unresolved reference, one written with a name that appeared or disappeared (a duplicate can take
 * over a name), or one into a document whose exports changed.
 */
export function mayResolveDifferently(document: LangiumDocument, changedNames: ReadonlySet<string>, changedUris: ReadonlySet<string>): boolean {
    const summary = summaryOf(document);
    return summary.unresolved || intersects(changedNames, summary.names) || intersects(changedUris, summary.targets);
}
