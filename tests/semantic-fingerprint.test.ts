import { EmptyFileSystem, type ParseResult } from 'langium';
import { describe, expect, test } from 'vitest';
import type { Model } from '../language/generated/ast.js';
import { createMandateServices } from '../language/mandate-module.js';
import { commentLeaves } from '../language/util/comment-leaves.js';
import { fingerprintAfterCommentEdit, semanticFingerprint } from '../language/workspace/semantic-fingerprint.js';
import { fuzzCase, regressionFixtures } from './fuzz/cases.js';
import { Random } from './random-edits.js';

/**
 * Typing in a comment (language/workspace/semantic-fingerprint.ts, fingerprintAfterCommentEdit):
 * the fingerprint is taken from the text before without a walk of the new tree, and must be the one
 * the walk gives whenever it is taken so.
 */
const services = createMandateServices(EmptyFileSystem).Mandate;

function parse(text: string): ParseResult<Model> {
    return services.parser.LangiumParser.parse<Model>(text);
}

/** The fingerprint a walk of a fresh parse of `text` gives. */
function walked(text: string) {
    return semanticFingerprint(parse(text));
}

function afterEdit(text: string, offset: number, removed: number, inserted: string) {
    const before = parse(text);
    semanticFingerprint(before);
    const edited = text.slice(0, offset) + inserted + text.slice(offset + removed);
    return { edited, fast: fingerprintAfterCommentEdit(before, parse(edited)) };
}

const TYPED = ['a', ' ', 'é', '*', '/', '*/', '//', '"', '{', '\n', 'x y', '/*'];

describe('the fingerprint after typing in a comment', () => {
    test('is the one a walk of the new tree gives, on the comments of the fuzz inputs', () => {
        const random = new Random(17);
        let taken = 0;
        let declined = 0;
        const problems: string[] = [];
        for (const fuzz of [...regressionFixtures(), ...Array.from({ length: 300 }, (_, index) => fuzzCase(21, index))]) {
            for (const [file, text] of Object.entries(fuzz.files)) {
                if (!file.endsWith('.mandate')) continue;
                const root = parse(text).value.$cstNode;
                for (const comment of root ? commentLeaves(root).slice(0, 3) : []) {
                    const offset = comment.offset + random.int(comment.length + 1);
                    const removed = random.chance(0.3) ? Math.min(random.int(4), comment.end - offset) : 0;
                    const { edited, fast } = afterEdit(text, offset, removed, random.pick(TYPED));
                    if (!fast) { declined++; continue; }
                    taken++;
                    if (JSON.stringify(fast) !== JSON.stringify(walked(edited))) problems.push(`${fuzz.id} ${file} at ${offset}`);
                }
            }
        }
        expect(problems.slice(0, 5)).toEqual([]);
        expect(taken).toBeGreaterThan(100);
        // Line breaks, closing or opening a comment, and comments that say something are declined.
        expect(declined).toBeGreaterThan(10);
    });

    const PERSON = '// People\nperson jane "Jane Doe" // directory key: 42\nrole ciso "CISO" { key role } // the CISO\n';

    test('takes a letter typed in a comment, and nothing else', () => {
        const at = PERSON.indexOf('the CISO');
        expect(afterEdit(PERSON, at, 0, 'x').fast).toEqual(walked(PERSON.slice(0, at) + 'x' + PERSON.slice(at)));
        // The start of a file could make it a generated file's header.
        expect(afterEdit(PERSON, 3, 0, 'x').fast).toBeUndefined();
        // In a title, in the code, a line break, the directory key: each says something else, or may.
        expect(afterEdit(PERSON, PERSON.indexOf('Doe'), 0, 'x').fast).toBeUndefined();
        expect(afterEdit(PERSON, PERSON.indexOf('key role'), 0, 'x').fast).toBeUndefined();
        expect(afterEdit(PERSON, at, 0, '\n').fast).toBeUndefined();
        expect(afterEdit(PERSON, PERSON.indexOf('42'), 0, '7').fast).toBeUndefined();
    });

    test('takes a line break typed in a block comment only where no node moves to another line', () => {
        const text = `${PERSON}/* about the analyst */\nrole analyst "Analyst"\n`;
        const at = text.indexOf('the analyst');
        expect(afterEdit(text, at, 0, '\n').fast).toBeUndefined();
        expect(afterEdit(text, at, 0, 'x').fast).toEqual(walked(text.slice(0, at) + 'x' + text.slice(at)));
    });
});
