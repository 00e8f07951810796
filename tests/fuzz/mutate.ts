/**
 * Mutation fuzzing: the example policies (examples/**), each folder one workspace, with one file
 * changed by a few random operations on lines, tokens and characters: deleted, duplicated,
 * swapped, inserted (grammar keywords, values, hostile strings, raw characters) and truncated.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { readTextFolder } from '../folder-helpers.js';
import type { Random } from '../random-edits.js';
import { KEYWORDS } from './grammar-generator.js';
import { randomCharacter, randomToken } from './vocabulary.js';

const EXAMPLES = join(import.meta.dirname, '..', '..', 'examples');

export interface ExampleWorkspace {
    /** The folder, relative to examples/, e.g. `acme` or `findings/sod-conflict`. */
    readonly name: string;
    /** Every text file of the folder by relative path; configuration and catalogue files (JSON) are left out: this fuzzes policies. */
    readonly files: Readonly<Record<string, string>>;
}

/** Every example workspace: a folder holding .mandate files directly. */
export function exampleWorkspaces(): ExampleWorkspace[] {
    const result: ExampleWorkspace[] = [];
    const visit = (folder: string): void => {
        const entries = readdirSync(folder).sort();
        if (entries.some(entry => entry.endsWith('.mandate'))) {
            result.push({ name: relative(EXAMPLES, folder), files: readTextFolder(folder, name => !name.endsWith('.json')) });
            return;
        }
        for (const entry of entries) if (statSync(join(folder, entry)).isDirectory()) visit(join(folder, entry));
    };
    visit(EXAMPLES);
    return result;
}

/** Tokens as the mutations see them: words, strings, punctuation and the whitespace between them. */
const TOKEN = /"(?:\\.|[^"\\\n])*"?|[A-Za-z0-9_:.()-]+|\s+|./g;

type Mutation = (text: string, random: Random) => string;

function lines(text: string): string[] {
    return text.split('\n');
}

function withLines(text: string, change: (all: string[]) => void): string {
    const all = lines(text);
    change(all);
    return all.join('\n');
}

function tokens(text: string): string[] {
    return text.match(TOKEN) ?? [];
}

function withTokens(text: string, change: (all: string[], significant: number[]) => void): string {
    const all = tokens(text);
    const significant = all.map((token, index) => [token, index] as const).filter(([token]) => token.trim() !== '').map(([, index]) => index);
    if (significant.length > 0) change(all, significant);
    return all.join('');
}

const MUTATIONS: ReadonlyArray<readonly [string, number, Mutation]> = [
    ['delete a line', 3, (text, random) => withLines(text, all => { all.splice(random.int(all.length), 1); })],
    ['duplicate a line', 3, (text, random) => withLines(text, all => { const at = random.int(all.length); all.splice(at, 0, all[at]); })],
    ['swap two lines', 2, (text, random) => withLines(text, all => {
        const a = random.int(all.length);
        const b = random.int(all.length);
        [all[a], all[b]] = [all[b], all[a]];
    })],
    ['move a line', 1, (text, random) => withLines(text, all => { const [line] = all.splice(random.int(all.length), 1); all.splice(random.int(all.length + 1), 0, line); })],
    ['delete a token', 4, (text, random) => withTokens(text, (all, significant) => { all[random.pick(significant)] = ''; })],
    ['duplicate a token', 2, (text, random) => withTokens(text, (all, significant) => { const at = random.pick(significant); all[at] = `${all[at]} ${all[at]}`; })],
    ['swap two tokens', 3, (text, random) => withTokens(text, (all, significant) => {
        const a = random.pick(significant);
        const b = random.pick(significant);
        [all[a], all[b]] = [all[b], all[a]];
    })],
    ['replace a token', 3, (text, random) => withTokens(text, (all, significant) => { all[random.pick(significant)] = randomToken(random, KEYWORDS); })],
    ['insert a token', 4, (text, random) => {
        const at = random.int(text.length + 1);
        return `${text.slice(0, at)} ${randomToken(random, KEYWORDS)} ${text.slice(at)}`;
    }],
    ['insert a character', 3, (text, random) => {
        const at = random.int(text.length + 1);
        return text.slice(0, at) + randomCharacter(random) + text.slice(at);
    }],
    ['delete characters', 2, (text, random) => {
        const at = random.int(text.length + 1);
        return text.slice(0, at) + text.slice(at + 1 + random.int(40));
    }],
    ['truncate', 2, (text, random) => text.slice(0, random.int(text.length + 1))],
    ['repeat a block', 1, (text, random) => {
        const at = random.int(text.length + 1);
        const block = text.slice(at, at + random.int(400));
        return text.slice(0, at) + block.repeat(2 + random.int(20)) + text.slice(at);
    }]
];

const TOTAL_WEIGHT = MUTATIONS.reduce((sum, [, weight]) => sum + weight, 0);

/** One to four mutations of one .mandate file of the example; returns the changed files and what was done. */
export function mutateExample(example: ExampleWorkspace, random: Random): { files: Record<string, string>; target: string; steps: string[] } {
    const files = { ...example.files };
    const policies = Object.keys(files).filter(name => name.endsWith('.mandate'));
    const target = random.pick(policies);
    const steps: string[] = [];
    let text = files[target];
    const count = 1 + random.int(4);
    for (let index = 0; index < count; index++) {
        let roll = random.int(TOTAL_WEIGHT);
        const [label, , mutation] = MUTATIONS.find(([, weight]) => (roll -= weight) < 0)!;
        text = mutation(text, random);
        steps.push(`${target}: ${label}`);
    }
    files[target] = text;
    return { files, target, steps };
}
