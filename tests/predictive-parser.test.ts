/**
 * The predictive parser (language/mandate-predictive-parser.ts) must build, for every file it reads,
 * the tree Langium's parser builds: the same syntax-tree nodes with the same properties in the same
 * order, the same CST (node kinds, offsets, grammar sources, comments in the same places), the same
 * references, reading limits and repeated-assignment notes. Every file it declines goes to Langium's
 * parser whole. Compared here node by node on the examples, the crash inputs, the fuzz regressions,
 * generated workspaces, grammar-generated policies and mutations of the examples.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EmptyFileSystem, type AstNode, type ParseResult } from 'langium';
import { describe, expect, it } from 'vitest';
import { generateWorkspace as generateBenchWorkspace } from '../bench/generate-workspace.js';
import { createMandateServices } from '../language/mandate-module.js';
import { predictiveParsing } from '../language/mandate-predictive-parser.js';
import { generateWorkspace } from './fuzz/grammar-generator.js';
import { exampleWorkspaces, mutateExample } from './fuzz/mutate.js';
import { Random } from './random-edits.js';
import { expectSameParse } from './tree-compare.js';

const parser = createMandateServices(EmptyFileSystem).Mandate.parser.LangiumParser;
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CRASHES = fileURLToPath(new URL('../../shared/crashes/', import.meta.url));

function policyTexts(folder: string): string[] {
    return readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter(name => name.endsWith('.mandate')).map(name => readFileSync(join(folder, name), 'utf8'));
}

/** Both parsers' results for `text`, and whether the predictive one read it. */
function parseBoth(text: string): { predictive: ParseResult; reference: ParseResult; read: boolean } {
    const before = predictiveParsing.files;
    const predictive = parser.parse(text);
    const read = predictiveParsing.files > before;
    predictiveParsing.enabled = false;
    try {
        return { predictive, reference: parser.parse(text), read };
    } finally {
        predictiveParsing.enabled = true;
    }
}

/** Parses `text` both ways and compares everything; returns whether the predictive parser read it. */
function expectSameTree(text: string): boolean {
    const { predictive, reference, read } = parseBoth(text);
    expectSameParse(predictive, reference, JSON.stringify(text.slice(0, 60)));
    return read;
}

describe('predictive parser', () => {
    it('builds Langium\'s tree for every example and reads almost all of them itself', () => {
        const texts = [...policyTexts(join(ROOT, 'examples')), ...policyTexts(join(ROOT, 'tests'))];
        expect(texts.length).toBeGreaterThan(50);
        const read = texts.filter(text => expectSameTree(text)).length;
        // Files with syntax errors go to Langium's parser.
        expect(read).toBeGreaterThan(texts.length / 2);
    });

    it('builds Langium\'s tree for the crash inputs', () => {
        for (const text of policyTexts(CRASHES)) expectSameTree(text);
    });

    it('reads generated team files itself, with comments, into the same trees', () => {
        const files = generateBenchWorkspace(6);
        const teams = Object.entries(files).filter(([name]) => name.startsWith('team-'));
        for (const [, text] of teams) {
            expect(expectSameTree(text)).toBe(true);
            const commented = text.replace(/\n {4}/g, '\n    /* note */ ').replace(/\}\n/g, '} // end\n');
            expect(expectSameTree(commented)).toBe(true);
            expect(expectSameTree(`// header\n\n${text}\n// trailer\n/* last */`)).toBe(true);
        }
    });

    it('builds Langium\'s tree for grammar-generated policies', () => {
        const random = new Random(20261203);
        let read = 0;
        let total = 0;
        for (let round = 0; round < 60; round++) {
            for (const text of Object.values(generateWorkspace(random))) {
                total++;
                if (expectSameTree(text)) read++;
            }
        }
        expect(read).toBeGreaterThan(total / 4);
    });

    it('builds Langium\'s tree for mutations of the examples, read or declined', () => {
        const random = new Random(3);
        const examples = exampleWorkspaces();
        let read = 0;
        let declined = 0;
        for (let round = 0; round < 300; round++) {
            const { files, target } = mutateExample(examples[round % examples.length], random);
            if (expectSameTree(files[target])) read++;
            else declined++;
        }
        expect(read).toBeGreaterThan(0);
        expect(declined).toBeGreaterThan(0);
    });

    it('reads a keyword that is also a name as Chevrotain does where both read the same tokens, and leaves other ties to it', () => {
        // `everyone` alone: the keyword or a role named so, read alike: Chevrotain takes the first alternative.
        const text = 'training awareness "Awareness" { audience everyone }\nrole everyone "Everyone"\n';
        expect(expectSameTree(text)).toBe(true);
        expect((parser.parse(text).value as unknown as { declarations: Array<{ everyone?: boolean }> }).declarations[0].everyone).toBe(true);
        expect(expectSameTree('training t "T" { audience everyone every year }\n')).toBe(true);
        // `everyone, staff` is a list of roles: the alternatives read different tokens, so Chevrotain decides.
        expect(expectSameTree('training t "T" { audience everyone, staff }\nrole staff "S"\nrole everyone "E"\n')).toBe(false);
        expect(expectSameTree('training t "T" { audience staff, everyone }\nrole staff "S"\n')).toBe(true);
        expect(expectSameTree('person evidence "E" { email "e@x" }\nrole test "Test" { reports to evidence }\n')).toBe(true);
    });

    it('leaves files with syntax errors and non-ASCII text to the parsers that handle them', () => {
        expect(expectSameTree('person a "A" {\n')).toBe(false);
        expect(expectSameTree('person a "A" } person b "B"')).toBe(false);
        expect(expectSameTree('person a "Zoë" { email "z@x" }')).toBe(true);
        // A no-break space is a blank to Chevrotain and to the token scanner: a large file with one is read predictively too.
        expect(expectSameTree(`person a "${'x'.repeat(120_000)}"\u00a0person b "B"`)).toBe(true);
        expect(expectSameTree('person a "A"\u00a0person b "B"')).toBe(true);
        // A large file with a lexing error goes to the bounded parser, which lexes a prefix first.
        expect(expectSameTree(`person a "${'x'.repeat(120_000)}" @ person b "B"`)).toBe(false);
        expect(expectSameTree('')).toBe(true);
        expect(expectSameTree('// only a comment')).toBe(true);
    });

    it('reads a file again predictively once its misspelt keywords are read as keywords (mandate-typo-recovery.ts)', () => {
        const text = 'person a "A"\npersn b "B"\nperson c "C"\n';
        const before = predictiveParsing.files;
        const result = parser.parse(text);
        // The first reading fails at `persn` and goes to Langium's parser; the second, with `persn` a keyword, is predictive.
        expect(predictiveParsing.files).toBe(before + 1);
        expect(result.parserErrors.map(error => error.message)).toEqual(['`persn` is not a keyword. Did you mean `person`?']);
        expect((result.value as AstNode & { declarations: Array<{ name: string }> }).declarations.map(declaration => declaration.name)).toEqual(['a', 'b', 'c']);
    });
});
