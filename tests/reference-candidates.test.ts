// Completion's selection of names (language/lsp/reference-candidates.ts): given the declarations of
// the edited document, it stops scanning the workspace once the rest cannot change the answer. The
// answer must be exactly that of a scan of everything, whatever the names, files and typed text.
import { URI, type AstNodeDescription } from 'langium';
import { DefaultFuzzyMatcher } from 'langium/lsp';
import { describe, expect, it } from 'vitest';
import { selectCandidates } from '../language/lsp/reference-candidates.js';

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
        }
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
