import { afterEach, describe, expect, it } from 'vitest';
import { generateBigFile } from '../bench/generate-workspace.js';
import { invisibleReading } from '../language/rules/invisible-character.js';
import { spliceOf } from '../language/statement-edit/splice-tree.js';
import { statementReparse } from '../language/statement-edit/statement-reparse.js';
import { invisibleRuns, invisibleRunsAfterEdit } from '../language/util/invisible-characters.js';
import { Random } from './random-edits.js';
import { Workspace } from './workspace-helpers.js';

/**
 * The runs of hidden characters of a large file are read again around the statement a keystroke
 * edited (language/util/invisible-characters.ts, `invisibleRunsAfterEdit`), not in the whole text.
 * They must be the runs a reading of the whole new text finds, whatever the edit puts next to them.
 */
const PIECES = ['a', 'b', ' ', '\n', '"', 'é', 'ی', 'م', '\u200B', '\u200C', '\u200D', '\u202E', '\uFEFF', '\uFE0F', '\u00AD', '\u0007',
    '\u{E0041}', '\u{E0100}', '\u{1F600}', '😀', '\u2028', '\u0085'];

function randomText(random: Random, length: number): string {
    let text = '';
    while (text.length < length) text += random.pick(PIECES);
    return text;
}

describe('hidden characters read again around an edit', () => {
    it('are the runs of the whole new text, after many random edits', () => {
        const random = new Random(20261207);
        for (let round = 0; round < 3000; round++) {
            const text = randomText(random, 20 + random.int(60));
            // The statement: a span the edit lies in, as a splice reports it.
            const start = random.int(text.length);
            const oldEnd = start + random.int(text.length - start + 1);
            const at = start + random.int(oldEnd - start + 1);
            const removed = random.int(oldEnd - at + 1);
            const inserted = random.chance(0.8) ? randomText(random, random.int(4)) : '';
            const next = text.slice(0, at) + inserted + text.slice(at + removed);
            const newEnd = oldEnd + inserted.length - removed;
            const label = JSON.stringify({ text, next, start, oldEnd, newEnd });
            expect(invisibleRunsAfterEdit(next, [...invisibleRuns(text)], start, oldEnd, newEnd), label).toEqual([...invisibleRuns(next)]);
        }
    });

    describe('in a large file whose statements are parsed alone', () => {
        const MIN_LENGTH = statementReparse.minLength;
        afterEach(() => { statementReparse.minLength = MIN_LENGTH; });

        it('are reported where a cold build reports them', async () => {
            statementReparse.minLength = 0;
            const files = generateBigFile(2, 4);
            let text = files['people.mandate'].replace('"Person 0-1"', '"Person\u200B 0-1"');
            const workspace = await Workspace.open({ ...files, 'people.mandate': text });
            const findings = (space: Workspace) => (space.document('people.mandate').diagnostics ?? []).filter(diagnostic => diagnostic.code === 'invisible-character')
                .map(diagnostic => `${diagnostic.range.start.line}:${diagnostic.range.start.character}-${diagnostic.range.end.line}:${diagnostic.range.end.character} ${diagnostic.message}`);
            const edits: Array<[label: string, from: string, to: string]> = [
                ['evidence in a statement before it made longer', 'evidence "HR-0-0"', 'evidence "HR-0-0 file"'],
                ['a hidden character typed into another title', '"Person 1-2"', '"Person 1-2\u202E"'],
                ['the first one deleted', '"Person\u200B 0-1"', '"Person 0-1"'],
                ['the evidence put back', 'evidence "HR-0-0 file"', 'evidence "HR-0-0"']
            ];
            const seen: number[] = [];
            for (const [label, from, to] of edits) {
                expect(text.includes(from), label).toBe(true);
                text = text.replace(from, to);
                const around = invisibleReading.around;
                await workspace.burst([['people.mandate', text]]);
                expect(invisibleReading.around, label).toBe(around + 1);
                expect(spliceOf(workspace.document('people.mandate').parseResult.value), label).toBeDefined();
                const cold = await Workspace.open({ ...files, 'people.mandate': text });
                expect(findings(workspace), label).toEqual(findings(cold));
                seen.push(findings(workspace).length);
            }
            // The edits moved, added and removed findings.
            expect(seen).toEqual([1, 2, 1, 1]);
        });
    });
});
