import { describe, expect, it } from 'vitest';
import { parseCsv, raggedRowProblems } from '../language/import/csv-parser.js';

const cells = (text: string, delimiter?: ',' | ';' | '\t') => {
    const table = parseCsv(text, { delimiter });
    return [table.header.cells, ...table.rows.map(row => row.cells)];
};

describe('CSV parser (RFC 4180)', () => {
    it('reads quoted fields, doubled quotes, delimiters and line breaks inside quotes', () => {
        expect(cells('a,b,c\n"x, y","say ""hi""","line 1\nline 2"\n')).toEqual([
            ['a', 'b', 'c'], ['x, y', 'say "hi"', 'line 1\nline 2']
        ]);
    });

    it('reads CRLF and LF, a byte order mark, and keeps empty fields', () => {
        expect(cells('\uFEFFa,b\r\n1,\r\n,2\r\n')).toEqual([['a', 'b'], ['1', ''], ['', '2']]);
        expect(cells('a,b\n1,2')).toEqual([['a', 'b'], ['1', '2']]);
        expect(cells('a,b\r\n"1\r\n2",3')).toEqual([['a', 'b'], ['1\r\n2', '3']]);
    });

    it('detects ; and tab as the delimiter from the header, and takes one given', () => {
        expect(parseCsv('Name;E-Mail;Abteilung\nJörg;j@x.de;IT').delimiter).toBe(';');
        expect(parseCsv('a\tb\n1\t2').delimiter).toBe('\t');
        expect(parseCsv('"a;b",c\n1,2').delimiter).toBe(',');
        expect(cells('a;b,c\n1;2,3', ',')).toEqual([['a;b', 'c'], ['1;2', '3']]);
    });

    it('skips blank lines but keeps a quoted empty field', () => {
        expect(cells('a\n\n1\n\n""\n')).toEqual([['a'], ['1'], ['']]);
    });

    it('gives each cell its line and column, across quoted line breaks', () => {
        const table = parseCsv('a,b\n"x\ny",z\n1,2');
        expect(table.rows[0].lines).toEqual([2, 3]);
        expect(table.rows[0].columns).toEqual([1, 4]);
        expect(table.rows[1].lines).toEqual([4, 4]);
    });

    it('reports an unclosed quote at its opening, and text after a closing quote', () => {
        expect(parseCsv('a,b\n1,"open\n2,3\n').problems).toEqual([expect.objectContaining({ line: 2, column: 3, message: expect.stringMatching(/never closed/) })]);
        expect(parseCsv('a,b\n"x"y,2\n').problems).toEqual([expect.objectContaining({ line: 2, column: 4, message: expect.stringMatching(/after a closing quote/) })]);
    });

    it('reports ragged rows at the first extra or the last present field', () => {
        const problems = raggedRowProblems(parseCsv('a,b,c\n1,2,3,4\n1,2\n1,2,3'));
        expect(problems.map(problem => `${problem.line}:${problem.column} ${problem.message}`)).toEqual([
            '2:7 this row has 4 fields but the header has 3; a field holding a comma must be quoted',
            '3:3 this row has 2 fields but the header has 3'
        ]);
    });

    it('reads 10,000 rows', () => {
        const lines = ['id,name,email'];
        for (let i = 0; i < 10_000; i++) lines.push(`${i},"Person ${i}, Jr.",p${i}@example.com`);
        const table = parseCsv(lines.join('\r\n'));
        expect(table.rows).toHaveLength(10_000);
        expect(table.rows[9_999].cells).toEqual(['9999', 'Person 9999, Jr.', 'p9999@example.com']);
        expect(table.problems).toEqual([]);
    });
});
