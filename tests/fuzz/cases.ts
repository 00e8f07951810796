/**
 * The fuzz cases of a run: deterministic for a run seed, each reproducible on its own from its
 * index (its seed is derived from the run seed and the index, not from the cases before it).
 * Even indexes are generated from the grammar, odd ones mutate an example workspace.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { Random } from '../random-edits.js';
import { generateWorkspace } from './grammar-generator.js';
import { exampleWorkspaces, mutateExample } from './mutate.js';
import type { Problem } from './problems.js';

export interface FuzzCase {
    /** `<run seed>-<index>`, e.g. `1-4711`: MANDATE_FUZZ_CASE=1-4711 replays it alone. */
    readonly id: string;
    readonly seed: number;
    /** `generated`, or the example folder and the mutations applied to it. */
    readonly origin: string;
    readonly files: Readonly<Record<string, string>>;
    /** The file the language features are probed in; every policy file when absent. */
    readonly focus?: string;
}

const EXAMPLES = exampleWorkspaces();
const ACME = EXAMPLES.findIndex(example => example.name === 'acme');

/** A 32-bit seed for case `index` of run `runSeed` (murmur3's finalizer over both). */
export function caseSeed(runSeed: number, index: number): number {
    let h = Math.imul(runSeed ^ 0x9E3779B9, 0x85EBCA6B) ^ Math.imul(index + 1, 0xC2B2AE35);
    h ^= h >>> 16;
    h = Math.imul(h, 0x85EBCA6B);
    h ^= h >>> 13;
    h = Math.imul(h, 0xC2B2AE35);
    return (h ^ (h >>> 16)) >>> 0;
}

export function fuzzCase(runSeed: number, index: number): FuzzCase {
    const seed = caseSeed(runSeed, index);
    const random = new Random(seed);
    const id = `${runSeed}-${index}`;
    if (index % 2 === 0) return { id, seed, origin: 'generated from the grammar', files: generateWorkspace(random) };
    // The realistic policy is large: one mutation case in 40 takes it, the others a small findings example.
    const example = EXAMPLES[random.chance(0.025) ? ACME : random.int(EXAMPLES.length)];
    const { files, target, steps } = mutateExample(example, random);
    return { id, seed, origin: `examples/${example.name}, mutated: ${steps.join('; ')}`, files, focus: target };
}

/** The random source of a case's probes (positions, diagnostics), apart from the one that made its text. */
export function probeRandom(fuzzCase: Pick<FuzzCase, 'seed'>): Random {
    return new Random(fuzzCase.seed ^ 0x5BD1E995);
}

const FUZZ = import.meta.dirname;
export const FOUND = join(FUZZ, 'found');
export const REGRESSIONS = join(FUZZ, 'regressions');

/** Writes a failing case to tests/fuzz/found/<id>/: its files as they were, and case.json saying what failed. */
export function saveFound(fuzzCase: FuzzCase, problems: readonly Problem[], reproducedAlone: boolean): string {
    const folder = join(FOUND, fuzzCase.id.replace(/[^A-Za-z0-9_.-]/g, '_'));
    rmSync(folder, { recursive: true, force: true });
    for (const [name, text] of Object.entries(fuzzCase.files)) {
        mkdirSync(dirname(join(folder, name)), { recursive: true });
        writeFileSync(join(folder, name), text);
    }
    const record = { id: fuzzCase.id, seed: fuzzCase.seed, origin: fuzzCase.origin, reproducedAlone, problems };
    writeFileSync(join(folder, 'case.json'), JSON.stringify(record, null, 2) + '\n');
    return folder;
}

/**
 * The regression fixtures: each tests/fuzz/regressions/*.mandate is a one-file workspace, each
 * sub-folder a workspace of every file under it.
 */
export function regressionFixtures(): FuzzCase[] {
    let entries: string[];
    try {
        entries = readdirSync(REGRESSIONS).sort();
    } catch {
        return [];
    }
    const fixtures: FuzzCase[] = [];
    for (const entry of entries) {
        const full = join(REGRESSIONS, entry);
        if (statSync(full).isDirectory()) {
            const files: Record<string, string> = {};
            const walk = (path: string): void => {
                for (const name of readdirSync(path).sort()) {
                    const child = join(path, name);
                    if (statSync(child).isDirectory()) walk(child); else if (!name.endsWith('.json')) files[relative(full, child)] = readFileSync(child, 'utf8');
                }
            };
            walk(full);
            fixtures.push({ id: entry, seed: 0, origin: `tests/fuzz/regressions/${entry}/`, files });
        } else if (entry.endsWith('.mandate')) {
            fixtures.push({ id: entry, seed: 0, origin: `tests/fuzz/regressions/${entry}`, files: { [entry]: readFileSync(full, 'utf8') } });
        }
    }
    return fixtures;
}
