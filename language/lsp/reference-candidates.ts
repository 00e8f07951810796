/**
 * Which declarations completion offers for a reference (`assign |`, `to |`, `appointed by |`).
 * A large workspace declares thousands of people and roles; sending them all costs more than
 * the editor can show. The list is filtered by what is typed of the name, ranked, and capped;
 * past the cap the editor is told the list is incomplete, so it asks again as the user types.
 */
import type { AstNodeDescription, Reference, ReferenceInfo } from 'langium';
import type { FuzzyMatcher } from 'langium/lsp';
import { isConflict, isDelegation, isRole } from '../generated/ast.js';

/**
 * At most this many names are offered for one reference (clangd's default too): the editor shows a
 * dozen, and asks again as the user types. Each item costs time on every keystroke.
 */
export const REFERENCE_COMPLETION_CAP = 100;

/**
 * Ranks, best first: 0 the typed text starts the name and it is declared in this document, 1 it
 * starts the name, 2 it only matches loosely, in this document, 3 it only matches loosely.
 */
export type CandidateRank = 0 | 1 | 2 | 3;
const RANKS = 4;

export interface RankedCandidate {
    readonly description: AstNodeDescription;
    readonly rank: CandidateRank;
}

export interface CandidateSelection {
    /** Best first; within a rank in scope order (by file, then by position in the file). */
    readonly candidates: readonly RankedCandidate[];
    /** Whether more declarations matched than the cap let through. */
    readonly capped: boolean;
}

/**
 * The best `cap` of `all` for `typed` (the part of the name before the cursor), in one pass and
 * without sorting the workspace. A name must pass the editor's fuzzy match (its first character
 * starts a word, the rest follow in order), as Langium would filter it anyway; one that starts
 * with the typed text, ignoring case, ranks first. Declarations of `documentUri` come before
 * others of the same rank: the names of the file being edited are the likeliest.
 *
 * Given `local`, the declarations of `documentUri` (which `all` holds too), they are ranked first
 * and the pass over `all` stops as soon as the rest cannot change the answer: after `assign ` in
 * a workspace of 10,000 people, the first 100 names of other files decide it. Given `prefixed`
 * too (the declarations whose lower-case name starts with a text, in scope order), the names that
 * start with what is typed are looked up rather than found by reading every name, and the pass
 * over `all` only looks for loose matches, until there are enough.
 */
export function selectCandidates(
    all: Iterable<AstNodeDescription>, typed: string, documentUri: string, matcher: FuzzyMatcher, cap = REFERENCE_COMPLETION_CAP,
    local?: readonly AstNodeDescription[], prefixed?: (lowerCasePrefix: string) => readonly AstNodeDescription[]
): CandidateSelection {
    const wanted = typed.toLowerCase();
    const buckets: RankedCandidate[][] = Array.from({ length: RANKS }, () => []);
    let matched = 0;
    const consider = (description: AstNodeDescription, here: boolean) => {
        const name = description.name;
        const prefix = startsWithIgnoringCase(name, wanted);
        if (!prefix && !matcher.match(typed, name)) return;
        matched++;
        const rank: CandidateRank = prefix ? (here ? 0 : 1) : (here ? 2 : 3);
        // No bucket needs more than `cap` entries: only the first `cap` overall are kept.
        if (buckets[rank].length < cap) buckets[rank].push({ description, rank });
    };
    const kept = () => buckets[0].length + buckets[1].length + buckets[2].length + buckets[3].length;
    if (local && prefixed && wanted !== '') {
        for (const description of prefixed(wanted)) {
            matched++;
            const rank: CandidateRank = description.documentUri.toString() === documentUri ? 0 : 1;
            if (buckets[rank].length < cap) buckets[rank].push({ description, rank });
        }
        // Only loose matches are left to find: the local ones, then the others in scope order, until the list is full.
        for (const description of local) if (!startsWithIgnoringCase(description.name, wanted)) consider(description, true);
        for (const description of all) {
            if (kept() >= cap && matched > cap) break;
            if (startsWithIgnoringCase(description.name, wanted) || description.documentUri.toString() === documentUri) continue;
            consider(description, false);
        }
    } else if (local) {
        for (const description of local) consider(description, true);
        for (const description of all) {
            if (description.documentUri.toString() === documentUri) continue; // ranked above
            consider(description, false);
            // Every local name is in; later names rank 1 at best, after those already kept.
            if (buckets[0].length + buckets[1].length >= cap && matched > cap) break;
        }
    } else {
        for (const description of all) consider(description, description.documentUri.toString() === documentUri);
    }
    return { candidates: buckets.flat().slice(0, cap), capped: matched > cap };
}

/** `name.toLowerCase().startsWith(lowerCasePrefix)`, without building a string per name when both are ASCII. */
export function startsWithIgnoringCase(name: string, lowerCasePrefix: string): boolean {
    if (name.length < lowerCasePrefix.length) return false;
    for (let index = 0; index < lowerCasePrefix.length; index++) {
        const char = name.charCodeAt(index);
        const wanted = lowerCasePrefix.charCodeAt(index);
        if (char > 127 || wanted > 127) return name.toLowerCase().startsWith(lowerCasePrefix);
        if (char !== wanted && !(char >= 65 && char <= 90 && char + 32 === wanted)) return false;
    }
    return true;
}

/**
 * The name a reference must not be completed with: the role being declared, after its own
 * `reports to` or `deputy` (a role reporting to itself, or its own deputy); the other party of a
 * delegation (`delegate d from r to r`: a role delegating to itself) or side of a conflict
 * (`conflict between r and r`: a conflict of a role or duty with itself), as already written. By
 * name, as the reference links: a role of the same name elsewhere would be a duplicate, and mean
 * itself too.
 */
export function ownNameOf(refInfo: ReferenceInfo): string | undefined {
    const { container, property } = refInfo;
    if (isRole(container)) return property === 'reportsTo' || property === 'deputy' ? container.name || undefined : undefined;
    if (isDelegation(container)) return writtenName(property === 'to' ? container.from : property === 'from' ? container.to : undefined);
    if (isConflict(container)) return writtenName(property === 'right' ? container.left : property === 'left' ? container.right : undefined);
    return undefined;
}

/** The name a reference is written as, if any. */
function writtenName(reference: Reference | undefined): string | undefined {
    return reference?.$refText || undefined;
}
