import { detachedCopy } from './detached-string.js';

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
        // The key outlives the document version the name was cut from (detached-string.ts).
        normalized.set(detachedCopy(text), value);
    }
    return value;
}

export function editDistance(a: string, b: string): number {
    return boundedEditDistance(a, b, Number.POSITIVE_INFINITY);
}

// Two rows of the distance table, reused: a suggestion compares one name with thousands.
let previousRow = new Int32Array(64);
let currentRow = new Int32Array(64);

/** The edit distance of `a` and `b`, or any number above `bound` once it is certain to exceed it. */
function boundedEditDistance(a: string, b: string, bound: number): number {
    if (previousRow.length <= b.length) {
        previousRow = new Int32Array(b.length * 2 + 1);
        currentRow = new Int32Array(b.length * 2 + 1);
    }
    let previous = previousRow;
    let current = currentRow;
    for (let j = 0; j <= b.length; j++) previous[j] = j;
    for (let i = 1; i <= a.length; i++) {
        current[0] = i;
        let rowMinimum = i;
        const charA = a.charCodeAt(i - 1);
        for (let j = 1; j <= b.length; j++) {
            const substitution = previous[j - 1] + (charA === b.charCodeAt(j - 1) ? 0 : 1);
            const value = Math.min(previous[j] + 1, current[j - 1] + 1, substitution);
            current[j] = value;
            if (value < rowMinimum) rowMinimum = value;
        }
        // Every later row is at least this row's minimum.
        if (rowMinimum > bound) return rowMinimum;
        [previous, current] = [current, previous];
    }
    return previous[b.length];
}

/**
 * The candidate closest to `input`: an exact match after normalisation wins, otherwise the
 * smallest edit distance, if it is small relative to the input's length. Ties go to the
 * earlier candidate.
 */
export function closestMatch(input: string, candidates: readonly string[]): string | undefined {
    // A renamed declaration leaves every reference to its old name unresolved, each asking the same
    // question of the same (cached) list of names: it is answered once.
    let answers = answersByCandidates.get(candidates);
    // A list kept for the life of the server (the activity catalogue) hears new inputs forever: bounded.
    if (!answers || answers.size >= MAX_ANSWERS_PER_LIST) answersByCandidates.set(candidates, answers = new Map());
    if (answers.has(input)) return answers.get(input);
    const answer = computeClosestMatch(input, candidates);
    // A list of the catalogue's lives as long as the server: the input, cut from a policy's text, must not keep that text.
    answers.set(detachedCopy(input), answer);
    return answer;
}

/** Answers per list of candidates; a list is never changed once asked about (callers build a new one). */
const answersByCandidates = new WeakMap<readonly string[], Map<string, string | undefined>>();
const MAX_ANSWERS_PER_LIST = 10_000;

function computeClosestMatch(input: string, candidates: readonly string[]): string | undefined {
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
