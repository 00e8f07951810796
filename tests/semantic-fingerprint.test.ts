import { EmptyFileSystem, type ParseResult } from 'langium';
import { describe, expect, test } from 'vitest';
import type { Model } from '../language/generated/ast.js';
import { createMandateServices } from '../language/mandate-module.js';
import { fingerprintAfterEdit, semanticFingerprint, type SemanticFingerprint } from '../language/workspace/semantic-fingerprint.js';
import { fuzzCase, regressionFixtures } from './fuzz/cases.js';
import { Random } from './random-edits.js';

/**
 * Typing in one token, or blanks and comments between tokens (language/workspace/semantic-fingerprint.ts,
 * fingerprintAfterEdit): the fingerprint is taken from the one before without a walk of the new tree.
 * It may say "changed" where the walk says "the same" (a rule then runs again for nothing), never the
 * other way round, and where it says nothing changed at all it is exactly the walk's.
 */
const services = createMandateServices(EmptyFileSystem).Mandate;

function parse(text: string): ParseResult<Model> {
    return services.parser.LangiumParser.parse<Model>(text);
}

/** The fingerprint a walk of a fresh parse of `text` gives. */
function walked(text: string): SemanticFingerprint {
    return semanticFingerprint(parse(text));
}

function afterEdit(text: string, offset: number, removed: number, inserted: string) {
    const before = parse(text);
    const old = semanticFingerprint(before);
    const edited = text.slice(0, offset) + inserted + text.slice(offset + removed);
    return { old, edited, fast: fingerprintAfterEdit(before, parse(edited)) };
}

/** What is wrong with a fingerprint taken after an edit, against the walk's: nothing, if it never says "the same" wrongly. */
function unsound(old: SemanticFingerprint, fast: SemanticFingerprint, walk: SemanticFingerprint): string | undefined {
    if (fast.lines === old.lines && walk.lines !== old.lines) return 'lines';
    if (fast.semantic === old.semantic && walk.semantic !== old.semantic) return 'semantic';
    if (fast.structure === old.structure && walk.structure !== old.structure) return 'structure';
    if (fast === old && JSON.stringify(walk) !== JSON.stringify(old)) return 'unchanged';
    return undefined;
}

const TYPED = ['a', 'Z', '1', ' ', 'é', '-', '*', '/', '*/', '//', '"', '{', '\n', 'x y', '/*', ':', '\n\n', '// note\n', '  ', '\t', '/* c */'];

describe('the fingerprint after typing in one token', () => {
    test('never says "the same" where a walk of the new tree says otherwise, on the fuzz inputs', () => {
        const random = new Random(17);
        let taken = 0;
        let declined = 0;
        const problems: string[] = [];
        for (const fuzz of [...regressionFixtures(), ...Array.from({ length: 300 }, (_, index) => fuzzCase(21, index))]) {
            for (const [file, text] of Object.entries(fuzz.files)) {
                if (!file.endsWith('.mandate')) continue;
                for (let edit = 0; edit < 6; edit++) {
                    const offset = random.int(text.length + 1);
                    const removed = random.chance(0.3) ? random.int(3) : 0;
                    const { old, edited, fast } = afterEdit(text, offset, removed, random.pick(TYPED));
                    if (!fast) { declined++; continue; }
                    taken++;
                    const problem = unsound(old, fast, walked(edited));
                    if (problem) problems.push(`${fuzz.id} ${file} at ${offset}: ${problem}`);
                }
            }
        }
        expect(problems.slice(0, 5)).toEqual([]);
        expect(taken).toBeGreaterThan(300);
        expect(declined).toBeGreaterThan(100);
    });

    const PERSON = '// The people of the security team\nperson jane "Jane Doe" // directory key: 42\nrole ciso "CISO" { key role } // the CISO\n';

    test('takes a letter typed in a comment as no change at all, and in a title as a change of titles only', () => {
        const at = PERSON.indexOf('the CISO');
        expect(afterEdit(PERSON, at, 0, 'x').fast).toEqual(walked(PERSON.slice(0, at) + 'x' + PERSON.slice(at)));
        const title = afterEdit(PERSON, PERSON.indexOf('Doe'), 0, 'x');
        expect(title.fast!.structure).toBe(title.old.structure);
        expect(title.fast!.semantic).not.toBe(title.old.semantic);
        const name = afterEdit(PERSON, PERSON.indexOf('jane'), 0, 'x');
        expect(name.fast!.structure).not.toBe(name.old.structure);
    });

    test('declines a line break, a token split or joined, the start of a file and the directory key', () => {
        const at = PERSON.indexOf('the CISO');
        expect(afterEdit(PERSON, at, 0, '\n').fast).toBeUndefined();
        expect(afterEdit(PERSON, PERSON.indexOf('key role'), 0, 'x').fast).toBeUndefined(); // `xkey`: a name where a keyword was
        expect(afterEdit(PERSON, PERSON.indexOf('Doe'), 0, '"').fast).toBeUndefined();
        // The start of a file could make it a generated file's header.
        expect(afterEdit(PERSON, 3, 0, 'x').fast).toBeUndefined();
        expect(afterEdit(PERSON, PERSON.indexOf('42'), 0, '7').fast).toBeUndefined();
    });

    test('takes blank lines and comment lines typed between declarations as the same meaning on other lines', () => {
        const at = PERSON.indexOf('role ciso');
        for (const typed of ['\n', '\n\n', '// a note\n', '   ']) {
            const { old, edited, fast } = afterEdit(PERSON, at, 0, typed);
            expect(fast, JSON.stringify(typed)).toBeDefined();
            expect(unsound(old, fast!, walked(edited))).toBeUndefined();
            expect([fast!.semantic, fast!.structure]).toEqual([old.semantic, old.structure]);
            expect(fast!.lines === old.lines).toBe(!typed.includes('\n'));
        }
        // Blanks deleted between two tokens that would then read as one: declined.
        const joined = afterEdit(PERSON, PERSON.indexOf(' ciso "CISO"'), 1, '');
        expect(joined.fast).toBeUndefined();
    });

    test('declines a line break that moves a directory key away from its person', () => {
        const after = PERSON.indexOf('"Jane Doe"') + '"Jane Doe"'.length;
        const moved = afterEdit(PERSON, after, 0, '\n');
        expect(moved.fast).toBeUndefined();
        expect(walked(moved.edited).semantic).not.toBe(moved.old.semantic);
    });

    test('takes a line break typed in a block comment as the same meaning on other lines', () => {
        const text = `${PERSON}/* about the analyst */\nrole analyst "Analyst"\n`;
        const at = text.indexOf('the analyst');
        const broken = afterEdit(text, at, 0, '\n');
        expect(unsound(broken.old, broken.fast!, walked(broken.edited))).toBeUndefined();
        expect(broken.fast!.lines).not.toBe(broken.old.lines);
        expect(afterEdit(text, at, 0, 'x').fast).toEqual(walked(text.slice(0, at) + 'x' + text.slice(at)));
    });
});
