/**
 * How the report view keeps a large policy's report usable and linear in size: past `LARGE`
 * rows a listing is summarized with counts first and then grouped (per team, file or rule), each
 * group folded in HTML. A small report, like the acme example, keeps its plain tables.
 */
import type { Block, Inline } from './report-view.js';
import { plural, text } from './view-inline.js';

/** A table with more rows than this is grouped and folded. */
export const LARGE = 50;

/** At most this many names in a sentence; the rest are counted. */
export const NAMED_IN_TEXT = 10;

/** Groups items by key, in order of first appearance; linear. */
export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
    const groups = new Map<string, T[]>();
    for (const item of items) {
        const name = key(item);
        const group = groups.get(name);
        if (group) group.push(item); else groups.set(name, [item]);
    }
    return groups;
}

export function group(summary: readonly Inline[], blocks: readonly Block[]): Block {
    return { kind: 'group', summary, blocks };
}

/** `a, b, c and 7 more`: a list of names that stays short however long the list is. */
export function someNames(names: readonly string[], max = NAMED_IN_TEXT): string {
    if (names.length <= max) return names.join(', ');
    return `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
}

/** `12 roles` as the start of a group summary line. */
export function countText(count: number, singular: string, pluralForm?: string): Inline {
    return text(plural(count, singular, pluralForm));
}

/** One fact of a line in a grouped listing; `value` compares facts, `content` shows one. */
export interface Fact {
    readonly key: string;
    readonly value: string;
    readonly content: readonly Inline[];
}

/** The text of inline pieces, without their links and badges' styling. */
export function plainText(content: readonly Inline[]): string {
    return content.map(piece => (piece.kind === 'text' ? piece.text : piece.kind === 'badge' || piece.kind === 'ref' ? piece.label : '')).join('');
}

export function fact(key: string, content: readonly Inline[], value = plainText(content)): Fact {
    return { key, value, content };
}

/**
 * The facts a group says once instead of on every line: for a kind of fact every line states,
 * the value at least half of the lines (two or more) have alike, e.g. "since 2022-01-01,
 * appointed by Team 3 lead". A line with another value states its own.
 */
export function sharedFacts(rows: readonly (readonly Fact[])[]): Fact[] {
    if (rows.length < 2) return [];
    const shared: Fact[] = [];
    for (const candidate of rows[0]) {
        const values = new Map<string, { fact: Fact; count: number }>();
        let everywhere = true;
        for (const row of rows) {
            const own = row.find(other => other.key === candidate.key);
            if (!own) { everywhere = false; break; }
            const entry = values.get(own.value);
            if (entry) entry.count++; else values.set(own.value, { fact: own, count: 1 });
        }
        if (!everywhere) continue;
        const best = [...values.values()].reduce((a, b) => (b.count > a.count ? b : a));
        if (best.count >= 2 && best.count * 2 >= rows.length) shared.push(best.fact);
    }
    return shared;
}

/** A line's facts without those the group says for it, joined with `, `. */
export function unsharedFacts(row: readonly Fact[], shared: readonly Fact[], separator = ', '): Inline[] {
    const said = new Map(shared.map(entry => [entry.key, entry.value]));
    return joinFacts(row.filter(entry => said.get(entry.key) !== entry.value), separator);
}

export function joinFacts(facts: readonly Fact[], separator = ', '): Inline[] {
    return facts.flatMap((entry, index) => [...(index > 0 ? [text(separator)] : []), ...entry.content]);
}

/** The one file all sources are in, if they are: then links in the group can be labelled by line only. */
export function oneFile(files: readonly string[]): string | undefined {
    return files.length > 0 && files.every(file => file === files[0]) ? files[0] : undefined;
}
