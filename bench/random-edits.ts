/**
 * Seeded random edits of policy text, the kind a person makes while typing: characters and
 * keywords inserted, spans deleted, names swapped for other names, dates changed, lines
 * duplicated. Deterministic for a seed, so a drift can be reproduced.
 */

/** mulberry32: a small, fast, seedable generator; good enough to pick edits. */
export function seededRandom(seed: number): () => number {
    let state = seed >>> 0;
    return () => {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

export interface RandomEdit {
    readonly offset: number;
    readonly length: number;
    readonly text: string;
}

const FRAGMENTS = [
    ' ', '\n', 'x', '-', '"', '{', '}', ',', '// ', 'role ', 'assign ', 'person ', 'until 2025-01-01 ',
    'since 2024-02-30 ', ' appointed by board', ' reports to ', ' responsible for ', ' accountable for ',
    ' key role', ' designated CISO', ' every year', 'delegate ', ' to ', ' from '
];

const NAME = /[a-z][a-z0-9]*(?:-[a-z0-9]+)*/g;
const DATE = /\d{4}-\d{2}-\d{2}/g;

function pick<T>(random: () => number, items: readonly T[]): T {
    return items[Math.floor(random() * items.length)];
}

function occurrences(pattern: RegExp, text: string): Array<{ index: number; value: string }> {
    return [...text.matchAll(pattern)].map(match => ({ index: match.index ?? 0, value: match[0] }));
}

/** One random edit of `text`; `names` are identifiers that occur anywhere in the workspace. */
export function randomEdit(random: () => number, text: string, names: readonly string[]): RandomEdit {
    const offset = Math.floor(random() * (text.length + 1));
    const kind = random();
    if (kind < 0.3) return { offset, length: 0, text: pick(random, FRAGMENTS) };
    if (kind < 0.5) return { offset, length: Math.min(text.length - offset, 1 + Math.floor(random() * 30)), text: '' };
    if (kind < 0.75) {
        // A name swapped for another: references break, retarget, or start to resolve again.
        const found = occurrences(NAME, text);
        if (found.length > 0 && names.length > 0) {
            const target = pick(random, found);
            return { offset: target.index, length: target.value.length, text: pick(random, names) };
        }
    }
    if (kind < 0.9) {
        const found = occurrences(DATE, text);
        if (found.length > 0) {
            const target = pick(random, found);
            const year = Number(target.value.slice(0, 4)) + (random() < 0.5 ? -1 : 1);
            return { offset: target.index, length: 4, text: String(year) };
        }
    }
    // A line duplicated, as with copy and paste: duplicate declarations, repeated properties.
    const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
    const lineEnd = text.indexOf('\n', offset);
    const line = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd + 1);
    return { offset: lineStart, length: 0, text: line.endsWith('\n') ? line : `${line}\n` };
}

const DECLARATION = /\b(?:organization|role|person|responsibility|authority|training)\s+([a-z][a-z0-9]*(?:-[a-z0-9]+)*)/g;

/** The names declared in the texts, for name swaps. */
export function namesIn(texts: Iterable<string>): string[] {
    const names = new Set<string>();
    for (const text of texts) for (const match of text.matchAll(DECLARATION)) names.add(match[1]);
    return [...names];
}
