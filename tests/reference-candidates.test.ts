// Completion's selection of names (language/lsp/reference-candidates.ts): given the declarations of
// the edited document, it stops scanning the workspace once the rest cannot change the answer. The
// answer must be exactly that of a scan of everything, whatever the names, files and typed text.
import { URI, type AstNodeDescription } from 'langium';
import { DefaultFuzzyMatcher } from 'langium/lsp';
import { describe, expect, it } from 'vitest';
import { selectCandidates } from '../language/lsp/reference-candidates.js';
import { PrefixIndex } from '../language/util/prefix-index.js';

const matcher = new DefaultFuzzyMatcher();

/** A small deterministic generator (mulberry32), so a failure names its seed. */
function randomOf(seed: number): () => number {
    let state = seed;
    return () => {
        state = (state + 0x6d2b79f5) | 0;
        let t = Math.imul(state ^ (state >>> 15), 1 | state);
        t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

const PARTS = ['p', 'ada', 'ciso', 'board', 'Zoë', 'x1', '7', 'team', 'ops', 'dpo'];

function workspace(random: () => number, size: number, files: number): AstNodeDescription[] {
    const uris = Array.from({ length: files }, (_, index) => URI.parse(`file:///ws/f${String(index).padStart(3, '0')}.mandate`));
    const byFile = uris.map(() => [] as AstNodeDescription[]);
    for (let index = 0; index < size; index++) {
        const words = Array.from({ length: 1 + Math.floor(random() * 3) }, () => PARTS[Math.floor(random() * PARTS.length)]);
        const file = Math.floor(random() * files);
        byFile[file].push({ name: `${words.join('-')}-${index}`, type: 'Person', documentUri: uris[file], path: '' } as AstNodeDescription);
    }
    return byFile.flat(); // scope order: by file, then by position
}

/** Declarations by document, each in scope order, as the scope provider's name table holds them. */
function byUri(all: readonly AstNodeDescription[]): Map<string, AstNodeDescription[]> {
    const grouped = new Map<string, AstNodeDescription[]>();
    for (const description of all) {
        const uri = description.documentUri.toString();
        grouped.set(uri, [...grouped.get(uri) ?? [], description]);
    }
    return grouped;
}

const summary = (selection: ReturnType<typeof selectCandidates>) => ({
    names: selection.candidates.map(candidate => `${candidate.rank}:${candidate.description.name}`), capped: selection.capped
});

describe('selectCandidates', () => {
    it('gives the answer of a full scan when it is told the local declarations and stops early', () => {
        for (let seed = 1; seed <= 300; seed++) {
            const random = randomOf(seed);
            const all = workspace(random, Math.floor(random() * 400), 1 + Math.floor(random() * 6));
            const documentUri = `file:///ws/f00${Math.floor(random() * 3)}.mandate`;
            const local = all.filter(description => description.documentUri.toString() === documentUri);
            const typed = ['', 'p', 'ad', 'c', 'z', 'x', '7', 'B', 'ops-', 'qq'][Math.floor(random() * 10)];
            const cap = [1, 5, 20, 200][Math.floor(random() * 4)];
            const full = selectCandidates(all, typed, documentUri, matcher, cap);
            const early = selectCandidates(all, typed, documentUri, matcher, cap, local);
            expect(summary(early), `seed ${seed}`).toEqual(summary(full));
            const index = PrefixIndex.of(byUri(all));
            const looked = selectCandidates(all, typed, documentUri, matcher, cap, local, prefix => index.startingWith(prefix));
            expect(summary(looked), `seed ${seed}, by prefix index`).toEqual(summary(full));
        }
    });

    it('reads only the loose matches it needs once the names that start with the typed text are looked up', () => {
        const random = randomOf(11);
        const all = workspace(random, 5000, 50);
        const index = PrefixIndex.of(byUri(all));
        let read = 0;
        const counted = { *[Symbol.iterator]() { for (const description of all) { read++; yield description; } } };
        const local = all.filter(description => description.documentUri.toString() === 'file:///ws/f001.mandate');
        const selection = selectCandidates(counted, 'p', 'file:///ws/f001.mandate', matcher, 20, local, prefix => index.startingWith(prefix));
        expect(selection).toMatchObject({ capped: true });
        expect(summary(selection)).toEqual(summary(selectCandidates(all, 'p', 'file:///ws/f001.mandate', matcher, 20)));
        expect(read).toBeLessThan(all.length / 10);
    });

    it('stops reading the workspace once the list is full of names that start with the typed text', () => {
        const random = randomOf(7);
        const all = workspace(random, 5000, 50);
        let read = 0;
        const counted = { *[Symbol.iterator]() { for (const description of all) { read++; yield description; } } };
        const selection = selectCandidates(counted, '', 'file:///ws/f001.mandate', matcher, 200, all.filter(description => description.documentUri.toString() === 'file:///ws/f001.mandate'));
        expect(selection.candidates).toHaveLength(200);
        expect(selection.capped).toBe(true);
        expect(read).toBeLessThan(400);
    });
});

describe('PrefixIndex', () => {
    it('patched after documents change, again and again, equals one built from scratch, and finds exactly the names that start with a text', () => {
        for (let seed = 1; seed <= 60; seed++) {
            const random = randomOf(seed);
            let table = byUri(workspace(random, Math.floor(random() * 300), 1 + Math.floor(random() * 6)));
            let patched = PrefixIndex.of(table);
            // A chain of patches: small ones stay beside the sorted base, larger ones are merged into it.
            for (let step = 0; step < 8; step++) {
                const after = byUri(workspace(random, Math.floor(random() * 300), 1 + Math.floor(random() * 6)));
                const changed = new Set([...table.keys(), ...after.keys()].filter(() => random() < (step % 3 === 0 ? 0.5 : 0.05)));
                // The table after the change: changed documents read as `after`, the others as before.
                const next = new Map<string, AstNodeDescription[]>();
                for (const uri of new Set([...table.keys(), ...after.keys()])) {
                    const entries = changed.has(uri) ? after.get(uri) : table.get(uri);
                    if (entries) next.set(uri, entries);
                }
                table = next;
                patched = patched.patched(table, changed);
                const scratch = PrefixIndex.of(table);
                const inScopeOrder = [...table.keys()].sort().flatMap(uri => table.get(uri)!);
                for (const prefix of ['', 'p', 'ad', 'ciso-', 'zo', 'x1-', 'q']) {
                    const expected = inScopeOrder.filter(description => description.name.toLowerCase().startsWith(prefix));
                    expect(patched.startingWith(prefix), `seed ${seed}, step ${step}, ${prefix}`).toEqual(expected);
                    expect(scratch.startingWith(prefix), `seed ${seed}, step ${step}, ${prefix}`).toEqual(expected);
                }
            }
        }
    });
});
