import { EmptyFileSystem, type ParseResult } from 'langium';
import { describe, expect, test } from 'vitest';
import { formatRange, formatWindow } from '../language/format/format-range.js';
import { topLevelItems } from '../language/util/top-level-items.js';
import { formatParsed, type FormatEdit } from '../language/format/format-source.js';
import type { Model } from '../language/generated/ast.js';
import { createMandateServices } from '../language/mandate-module.js';
import { fuzzCase, regressionFixtures } from './fuzz/cases.js';
import { Random } from './random-edits.js';

/**
 * Range and on-type formatting lay out only the declarations around the range
 * (language/format/format-range.ts). Their edits must be exactly those of the whole file that touch
 * the range, whatever the layout around it: aligned trailing comments, comments between
 * declarations, one-liners grouped, a byte order mark, CRLF. MANDATE_FORMAT_CASES=5000 runs more.
 */
const services = createMandateServices(EmptyFileSystem).Mandate;
const CASES = Number(process.env.MANDATE_FORMAT_CASES ?? 300);

function parse(text: string): ParseResult<Model> {
    return services.parser.LangiumParser.parse<Model>(text);
}

/** The whole file's edits that touch `[start, end]`, as the formatter gave them before it laid out a window. */
function wholeFileEdits(parsed: ParseResult<Model>, text: string, start: number, end: number): FormatEdit[] | undefined {
    const result = formatParsed(services, parsed, text);
    return result.ok ? result.edits.filter(edit => edit.end >= start && edit.offset <= end) : undefined;
}

/** Ranges worth trying in a text: random ones, and each declaration's own span (the on-type range). */
function rangesOf(parsed: ParseResult<Model>, text: string, random: Random): Array<[number, number]> {
    const ranges: Array<[number, number]> = [];
    for (const item of topLevelItems(parsed.value)) ranges.push([item.$cstNode!.offset, item.$cstNode!.end]);
    for (let i = 0; i < 6; i++) {
        const start = random.int(text.length + 1);
        ranges.push([start, Math.min(text.length, start + random.int(200))]);
    }
    ranges.push([0, 0], [text.length, text.length], [0, text.length]);
    return ranges;
}

function mismatches(name: string, text: string, random: Random): string[] {
    const parsed = parse(text);
    const problems: string[] = [];
    for (const [start, end] of rangesOf(parsed, text, random)) {
        const expected = wholeFileEdits(parsed, text, start, end);
        const actual = formatRange(services, parsed, text, start, end);
        if (JSON.stringify(actual ?? []) !== JSON.stringify(expected ?? [])) {
            problems.push(`${name} [${start}, ${end}]: ${JSON.stringify(actual)} instead of ${JSON.stringify(expected)}`);
        }
    }
    return problems;
}

describe('formatting a range', () => {
    test('layouts that reach across declarations give the whole file\'s edits', () => {
        const texts = [
            // Trailing comments aligned across one-line declarations, and a run broken by a blank line.
            'person a "A" // one\nperson bb "B"   // two\n\nperson c "C" // three\nrole r "R" { key role }\n',
            // Comments between declarations, above one, and at the end of the file.
            '// header\n\nrole a "A" {\n  key role\n}\n// about b\nrole b "B" { key role }\n   // trailing\n',
            // One-liners grouped without blank lines next to a block, which gets blank lines around it.
            'person a "A"\nperson b "B"\nrole r "R" {\nkey role\n}\nperson c "C"\n',
            // No whitespace at all between two declarations, a byte order mark, and CRLF line ends.
            '\uFEFFperson a "A"person b "B"\r\nrole r "R" {\r\n key role }\r\n',
            // A policy test between declarations.
            'person a "A"\ntest "a holds nothing" {\n  as of 2025-01-01\n  expect no findings\n}\nperson b "B"\n'
        ];
        const random = new Random(7);
        const problems = texts.flatMap((text, index) => mismatches(`text ${index}`, text, random));
        expect(problems).toEqual([]);
    });

    test(`${CASES} fuzz workspaces: the edits of every range equal the whole file's`, () => {
        const random = new Random(11);
        const problems: string[] = [];
        for (const fuzz of [...regressionFixtures(), ...Array.from({ length: CASES }, (_, index) => fuzzCase(3, index))]) {
            for (const [file, text] of Object.entries(fuzz.files)) {
                if (file.endsWith('.mandate')) problems.push(...mismatches(`${fuzz.id} ${file}`, text, random));
            }
        }
        expect(problems.slice(0, 3)).toEqual([]);
    }, 300_000);

    test('lays out the declarations around the range, not the file', () => {
        const blocks: string[] = [];
        for (let i = 0; i < 2000; i++) blocks.push(`person p${i} "P ${i}" {\n  job title "Engineer"\n}\nrole r${i} "R ${i}" { key role }\n`);
        const text = blocks.join('');
        const parsed = parse(text);
        const start = text.indexOf('person p1000 ');
        const end = text.indexOf('}', start) + 1;
        const window = formatWindow(topLevelItems(parsed.value), text, start, end);
        // The person, and a declaration on either side to reach a gap beyond the range.
        expect(window.last - window.first).toBeLessThanOrEqual(3);
        expect(window.to - window.from).toBeLessThan(200);
        expect(formatRange(services, parsed, text, start, end)).toEqual(wholeFileEdits(parsed, text, start, end));
    });

    test('a file with a syntax error gets no edits', () => {
        const text = 'role a "A" {\n key role\n';
        expect(formatRange(services, parse(text), text, 0, text.length)).toBeUndefined();
    });
});
