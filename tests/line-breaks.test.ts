import { TextDocument } from 'vscode-languageserver-textdocument';
import { describe, expect, test } from 'vitest';
import { openedTextDocument, updatedTextDocument } from '../language/lsp/mandate-text-documents.js';
import { endsLine, lineStart, lineStartOffsets } from '../language/util/line-breaks.js';

/** A text of random short lines with every kind of break, from a fixed seed. */
function randomText(seed: number, breaks: readonly string[]): string {
    let state = seed;
    const next = (n: number) => { state = (state * 1103515245 + 12345) % 2147483648; return state % n; };
    let text = '';
    for (let line = 0; line < 200; line++) text += 'abc def'.slice(0, next(8)) + breaks[next(breaks.length)];
    return text;
}

/** The line starts as the definition says: after each character that ends a line. */
function startsByDefinition(text: string): number[] {
    const starts = [0];
    for (let index = 0; index < text.length; index++) if (endsLine(text, index)) starts.push(index + 1);
    return starts;
}

describe('line starts', () => {
    test('lineStartOffsets agrees with the definition, with and without a \\r in the text', () => {
        for (const breaks of [['\n'], ['\n', '\r\n', '\r'], ['\r\n'], ['\r']]) {
            for (let seed = 1; seed <= 5; seed++) {
                const text = randomText(seed, breaks);
                expect(lineStartOffsets(text)).toEqual(startsByDefinition(text));
            }
        }
        expect(lineStartOffsets('')).toEqual([0]);
        expect(lineStartOffsets('a\n')).toEqual([0, 2]);
    });

    test('lineStart is the start of the line an offset is on, whatever the break', () => {
        for (const text of [randomText(7, ['\n']), randomText(8, ['\n', '\r\n', '\r'])]) {
            const starts = startsByDefinition(text);
            for (let offset = 0; offset <= text.length; offset++) {
                const line = starts.filter(start => start <= offset).length - 1;
                expect(lineStart(text, offset)).toBe(starts[line]);
            }
        }
        expect(lineStart('abc', 99)).toBe(0);
        expect(lineStart('a\nbc', 99)).toBe(2);
    });
});

describe('documents the editor opens', () => {
    test('have their line starts before the first edit, so the first keystroke does not work them out', () => {
        const text = randomText(3, ['\n']);
        const document = openedTextDocument('file:///a.mandate', 'mandate', 1, text);
        // Fails when the text-document library renames its cache: then the first edit is slow again.
        expect((document as unknown as { _lineOffsets?: number[] })._lineOffsets).toEqual(startsByDefinition(text));
        // A client that sends the whole text with each change: the library forgets the starts, and they are found again.
        const whole = randomText(4, ['\n', '\r\n']);
        const updated = updatedTextDocument(document, [{ text: whole }], 2);
        expect((updated as unknown as { _lineOffsets?: number[] })._lineOffsets).toEqual(startsByDefinition(whole));
    });

    test('answer positions as the library does, through a sequence of edits', () => {
        let state = 17;
        const next = (n: number) => { state = (state * 1103515245 + 12345) % 2147483648; return state % n; };
        for (const breaks of [['\n'], ['\n', '\r\n', '\r']]) {
            const text = randomText(11, breaks);
            let ours = openedTextDocument('file:///a.mandate', 'mandate', 1, text);
            let library = TextDocument.create('file:///a.mandate', 'mandate', 1, text);
            for (let edit = 0; edit < 50; edit++) {
                const length = library.getText().length;
                const start = library.positionAt(next(length + 1));
                const end = library.positionAt(library.offsetAt(start) + next(20));
                const change = { range: { start, end }, text: ['', 'x', '\n', 'ab\r\ncd', '\r'][next(5)] };
                ours = updatedTextDocument(ours, [change], edit + 2);
                library = TextDocument.update(library, [change], edit + 2);
                expect(ours.getText()).toBe(library.getText());
                for (let probe = 0; probe < 20; probe++) {
                    const offset = next(length + 5);
                    expect(ours.positionAt(offset)).toEqual(library.positionAt(offset));
                    const position = { line: next(ours.lineCount + 1), character: next(12) };
                    expect(ours.offsetAt(position)).toBe(library.offsetAt(position));
                }
            }
        }
    });
});
