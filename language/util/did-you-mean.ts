/** Case and punctuation are noise in IDs people type from memory: `iso27001:5.3b` means `ISO27001:5.3(b)`. */
function normalize(text: string): string {
    return text.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

export function editDistance(a: string, b: string): number {
    let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        for (let j = 1; j <= b.length; j++) {
            const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
            current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, substitution);
        }
        previous = current;
    }
    return previous[b.length];
}

/**
 * The candidate closest to `input`: an exact match after normalisation wins, otherwise the
 * smallest edit distance, if it is small relative to the input's length.
 */
export function closestMatch(input: string, candidates: readonly string[]): string | undefined {
    const wanted = normalize(input);
    let best: string | undefined;
    let bestDistance = Number.POSITIVE_INFINITY;
    for (const candidate of candidates) {
        const distance = editDistance(wanted, normalize(candidate));
        if (distance < bestDistance) {
            best = candidate;
            bestDistance = distance;
        }
    }
    const tolerance = Math.max(2, Math.floor(wanted.length / 3));
    return bestDistance <= tolerance ? best : undefined;
}
