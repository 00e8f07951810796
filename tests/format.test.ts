import { EmptyFileSystem } from 'langium';
import { describe, expect, test } from 'vitest';
import { formatText, type FormatResult } from '../language/format/format-source.js';
import { createMandateServices } from '../language/mandate-module.js';

const services = createMandateServices(EmptyFileSystem).Mandate;

/** The formatted text; fails the test when the file was not formatted, or when formatting it again changes it. */
function format(text: string): string {
    const result = formatText(services, text);
    if (!result.ok) throw new Error(`not formatted: ${result.problem.message}`);
    const again = formatText(services, result.text);
    expect(again.ok && again.text).toBe(result.text);
    return result.text;
}

const lines = (...texts: string[]) => texts.map(text => `${text}\n`).join('');

describe('the canonical layout', () => {
    test('indents block items by four spaces, one item per line, and normalises the spaces between tokens', () => {
        expect(format('\n\n  role   ciso "CISO"{designated CISO\n\treports to   board   \n  responsible for a , b,c}\nrole board "Board"'))
            .toBe(lines(
                'role ciso "CISO" {',
                '    designated CISO',
                '    reports to board',
                '    responsible for a, b, c',
                '}',
                '',
                'role board "Board"'));
    });

    test('keeps one-line blocks on one line, and writes an empty block as { }', () => {
        const text = lines(
            'role x "X" {}',
            'role y "Y" {',
            '}',
            'role z "Z" {   reports to x }',
            'person p "P" { email "p@acme.example" employed since 2020-01-01 }');
        expect(format(text)).toBe(lines(
            'role x "X" { }',
            'role y "Y" { }',
            'role z "Z" { reports to x }',
            'person p "P" { email "p@acme.example" employed since 2020-01-01 }'));
    });

    test('expands a block written over several lines, nested blocks included', () => {
        const text = 'assign p to r since 2020-01-01 appointed by b { evidence "x"\n announced 2020-01-02 via email to all-staff { evidence "y" }\n'
            + ' announced 2020-01-03 via intranet to "All" {\n evidence "z" } }';
        expect(format(text)).toBe(lines(
            'assign p to r since 2020-01-01 appointed by b {',
            '    evidence "x"',
            '    announced 2020-01-02 via email to all-staff { evidence "y" }',
            '    announced 2020-01-03 via intranet to "All" {',
            '        evidence "z"',
            '    }',
            '}'));
    });

    test('puts each declaration on a line of its own, and a declaration header on one line', () => {
        expect(format('role a "A" role b "B" { key role } assign p\n  to a\n  since 2020-01-01'))
            .toBe(lines('role a "A"', 'role b "B" { key role }', 'assign p to a since 2020-01-01'));
    });

    test('tells a keyword that starts an item from the same word used as a name', () => {
        expect(format('role a "A" { reports to deputy deputy deputy }\nrole deputy "D"'))
            .toBe(lines('role a "A" { reports to deputy deputy deputy }', 'role deputy "D"'));
        expect(format('role a "A" {\nreports to deputy deputy deputy }\nrole deputy "D"'))
            .toBe(lines('role a "A" {', '    reports to deputy', '    deputy deputy', '}', '', 'role deputy "D"'));
    });

    test('keeps a long list broken where its author broke it, after a comma, one level deeper', () => {
        const text = 'role a "A" {\n    responsible for x,\n  y, // why\n z\n    accountable for x\n    , y\n}';
        expect(format(text)).toBe(lines(
            'role a "A" {',
            '    responsible for x,',
            '        y, // why',
            '        z',
            '    accountable for x, y',
            '}'));
    });

    test('never touches the text of a string, escapes and runs of spaces included', () => {
        const text = 'person p "Jane  \\"JD\\"  Doe \\\\ Ltd" {   email   "a  b@example.com"   }';
        expect(format(text)).toBe(lines('person p "Jane  \\"JD\\"  Doe \\\\ Ltd" { email "a  b@example.com" }'));
    });
});

describe('policy tests', () => {
    test('lays a test out like a declaration: one expectation per line, a what-if block inside it indented again', () => {
        expect(format('role ciso "CISO"\ntest "t" on 2025-06-30 { expect holders of ciso are a ,b\n expect no findings when a leaves on 2025-07-01 {expect finding ciso-vacant in "roles.mandate" line 3\nexpect status of ISO27001:5.3 is met}}'))
            .toBe(lines(
                'role ciso "CISO"',
                '',
                'test "t" on 2025-06-30 {',
                '    expect holders of ciso are a, b',
                '    expect no findings',
                '    when a leaves on 2025-07-01 {',
                '        expect finding ciso-vacant in "roles.mandate" line 3',
                '        expect status of ISO27001:5.3 is met',
                '    }',
                '}'));
    });
});

describe('blank lines', () => {
    test('one around every declaration that spans lines; one-line declarations keep their grouping; never more than one', () => {
        const text = lines('role a "A"', 'role b "B" {', ' key role', '}', 'role c "C"', 'role d "D"', 'role e "E" { key role }', '', '', '', 'role f "F"');
        expect(format(text)).toBe(lines(
            'role a "A"', '', 'role b "B" {', '    key role', '}', '', 'role c "C"', 'role d "D"', 'role e "E" { key role }', '', 'role f "F"'));
    });

    test('none at the start or end of the file, after `{` or before `}`; at most one between items', () => {
        const text = '\n\n\nrole a "A" {\n\n\n    key role\n\n\n\n    single holder\n\n}\n\n\n';
        expect(format(text)).toBe(lines('role a "A" {', '    key role', '', '    single holder', '}'));
    });

    test('the comments written above a declaration stay with it', () => {
        const text = lines('role a "A" {', '    key role', '}', '// about b', '// more about b', 'role b "B"', 'role c "C"');
        expect(format(text)).toBe(lines('role a "A" {', '    key role', '}', '', '// about b', '// more about b', 'role b "B"', 'role c "C"'));
    });
});

describe('comments', () => {
    test('every comment is kept, on its own line or trailing the line it trailed', () => {
        const text = '// head\n\n\n/* block\n   comment */ role x "X" { // on brace\n  // own line\n  key role /* inline */ single holder // trailing\n'
            + '      // before close\n} // after close\n// end';
        expect(format(text)).toBe(lines(
            '// head',
            '',
            '/* block',
            '   comment */',
            'role x "X" { // on brace',
            '    // own line',
            '    key role /* inline */',
            '    single holder // trailing',
            '    // before close',
            '} // after close',
            '// end'));
    });

    test('a comment at the end of the file without a line break, and a file of comments only', () => {
        expect(format('role a "A" // last')).toBe(lines('role a "A" // last'));
        expect(format('  // only a comment')).toBe(lines('// only a comment'));
        expect(format('/* a */ /* b */')).toBe(lines('/* a */ /* b */'));
    });

    test('comments inside a header and between list items', () => {
        expect(format('role /* id */ a "A" {\n    responsible for x, /* y */ z\n}'))
            .toBe(lines('role /* id */ a "A" {', '    responsible for x, /* y */ z', '}'));
        expect(format('role a "A" // note\n{\n key role\n}')).toBe(lines('role a "A" // note', '{', '    key role', '}'));
        expect(format('assign p to a // why\n since 2020-01-01')).toBe(lines('assign p to a // why', '    since 2020-01-01'));
    });

    test('comments trailing consecutive lines of a block are aligned, a single one gets one space', () => {
        const text = lines(
            'assign p to a since 2020-01-01 {',
            '    evidence "a.pdf" // expect: x',
            '    evidence "longer-name.pdf"  // expect: y',
            '',
            '    evidence "c.pdf"        // alone',
            '}');
        expect(format(text)).toBe(lines(
            'assign p to a since 2020-01-01 {',
            '    evidence "a.pdf"           // expect: x',
            '    evidence "longer-name.pdf" // expect: y',
            '',
            '    evidence "c.pdf" // alone',
            '}'));
    });

    test('blanks at the end of a line go, also after a line comment', () => {
        expect(format('role a "A" { \t\n    key role // why  \t\n}   \n// end \t')).toBe(lines('role a "A" {', '    key role // why', '}', '// end'));
    });

    test('the characters inside a block comment stay as they are', () => {
        const text = 'role a "A" {\n        /*   keep\n      this   */\n key role\n}';
        expect(format(text)).toBe(lines('role a "A" {', '    /*   keep', '      this   */', '    key role', '}'));
    });
});

describe('what the file is made of', () => {
    test('keeps CRLF line endings and a byte order mark', () => {
        expect(format('role a "A" {\r\n  key role\r\n}')).toBe('role a "A" {\r\n    key role\r\n}\r\n');
        expect(format('\uFEFF  role a "A"')).toBe('\uFEFFrole a "A"\n');
    });

    test('keeps lone CR line endings: a formatted CR file is left as it is', () => {
        expect(format('role a "A" {\r  key role\r}')).toBe('role a "A" {\r    key role\r}\r');
        expect(format('role a "A" {\r    key role\r}\r')).toBe('role a "A" {\r    key role\r}\r');
        // Trailing comments align as in an LF file.
        const aligned = format('person a "A" // x\nperson bbbbbb "B" // y\n');
        expect(aligned).toBe('person a "A"      // x\nperson bbbbbb "B" // y\n');
        expect(format(aligned.replace(/\n/g, '\r'))).toBe(aligned.replace(/\n/g, '\r'));
    });

    test('an empty file stays empty', () => {
        expect(format('')).toBe('');
        expect(format('\n\n   \n')).toBe('');
    });

    test('the edits replace only whitespace, and applied to the text give the formatted text', () => {
        const text = 'role  a "A" {key role\n}';
        const result = formatText(services, text) as Extract<FormatResult, { ok: true }>;
        expect(result.ok).toBe(true);
        let applied = text;
        for (const edit of [...result.edits].reverse()) {
            expect(text.slice(edit.offset, edit.end)).toMatch(/^\s*$/);
            applied = applied.slice(0, edit.offset) + edit.text + applied.slice(edit.end);
        }
        expect(applied).toBe(result.text);
        expect(formatText(services, result.text)).toMatchObject({ ok: true, edits: [] });
    });
});

describe('files that do not parse', () => {
    test('are never formatted, and the first syntax error is given with its line and column', () => {
        expect(formatText(services, 'role a "A" {\n  key role')).toEqual({
            ok: false,
            problem: { line: 2, column: 11, message: expect.stringContaining('not closed') }
        });
        const stray = formatText(services, 'role a "A"\n\nperson "no name"');
        expect(stray.ok).toBe(false);
        expect(stray).toMatchObject({ problem: { line: 3 } });
    });

    test('nor are files with characters that are not Mandate', () => {
        expect(formatText(services, 'role a "A" @@@').ok).toBe(false);
    });
});
