/** Case and punctuation are noise in IDs people type from memory: `iso27001:5.3b` means `ISO27001:5.3(b)`. */
function normalize(text: string): string {
    return text.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

// Suggestions compare one name with every declared name, once per unresolved reference: the
// normalised names are remembered (bounded, since names come from the policy being edited).
const NORMALIZED_CACHE_LIMIT = 100_000;
const normalized = new Map<string, string>();

function normalizedName(text: string): string {
    let value = normalized.get(text);
    if (value === undefined) {
        if (normalized.size >= NORMALIZED_CACHE_LIMIT) normalized.clear();
        value = normalize(text);
        normalized.set(text, value);
    }
    return value;
}

export function editDistance(a: string, b: string): number {
    return boundedEditDistance(a, b, Number.POSITIVE_INFINITY);
}

/** The edit distance of `a` and `b`, or any number above `bound` once it is certain to exceed it. */
function boundedEditDistance(a: string, b: string, bound: number): number {
    let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        let rowMinimum = i;
        for (let j = 1; j <= b.length; j++) {
            const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
            current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, substitution);
            if (current[j] < rowMinimum) rowMinimum = current[j];
        }
        // Every later row is at least this row's minimum.
        if (rowMinimum > bound) return rowMinimum;
        previous = current;
    }
    return previous[b.length];
}

/**
 * The candidate closest to `input`: an exact match after normalisation wins, otherwise the
 * smallest edit distance, if it is small relative to the input's length. Ties go to the
 * earlier candidate.
 */
export function closestMatch(input: string, candidates: readonly string[]): string | undefined {
    const wanted = normalize(input);
    const tolerance = Math.max(2, Math.floor(wanted.length / 3));
    let best: string | undefined;
    let bestDistance = Number.POSITIVE_INFINITY;
    for (const candidate of candidates) {
        const name = normalizedName(candidate);
        // Only a candidate within the tolerance can be the answer, and the distance is at least the
        // difference in length: skipping the others, or stopping once they exceed it, changes nothing.
        const bound = Math.min(tolerance, bestDistance - 1);
        if (Math.abs(name.length - wanted.length) > bound) continue;
        const distance = boundedEditDistance(wanted, name, bound);
        if (distance < bestDistance && distance <= bound) {
            best = candidate;
            bestDistance = distance;
        }
    }
    return bestDistance <= tolerance ? best : undefined;
}
