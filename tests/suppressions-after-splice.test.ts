/**
 * Whether a file holds a suppression comment is carried from tree to tree as statements of a large
 * file are parsed alone (suppression/suppressions.ts): only the statement's span is searched. A
 * suppression typed inside a statement, and taken out again, must read as in a cold build.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { generateBigFile } from '../bench/generate-workspace.js';
import { statementReparse } from '../language/statement-edit/statement-reparse.js';
import { Workspace } from './workspace-helpers.js';

describe('suppressions in a large file edited statement by statement', () => {
    const MIN_LENGTH = statementReparse.minLength;
    afterEach(() => { statementReparse.minLength = MIN_LENGTH; });

    it('are found as a cold build finds them, typed in, kept and taken out', async () => {
        statementReparse.minLength = 64 * 1024;
        const files = generateBigFile(12, 20);
        const workspace = await Workspace.open(files);
        let text = files['people.mandate'];
        const dated = (from: number) => text.indexOf('employed since ', from) + 'employed since 2021-02-01'.length;
        const comment = ' // mandate-ignore date-in-future: planned';
        const edits: Array<[string, () => string]> = [
            ['a date typed', () => { const at = dated(text.length / 3) - 1; return text.slice(0, at) + '7' + text.slice(at + 1); }],
            ['a suppression typed inside a statement', () => { const at = dated(text.length / 2); return text.slice(0, at) + comment + text.slice(at); }],
            ['another statement edited', () => { const at = dated(text.length / 4) - 1; return text.slice(0, at) + '8' + text.slice(at + 1); }],
            ['the suppression taken out', () => text.replace(comment, '')],
            ['a date typed again', () => { const at = dated(text.length / 3) - 1; return text.slice(0, at) + '9' + text.slice(at + 1); }]
        ];
        for (const [label, make] of edits) {
            const spliced = statementReparse.spliced;
            text = make();
            await workspace.burst([['people.mandate', text]]);
            expect(statementReparse.spliced, label).toBe(spliced + 1);
            const cold = await Workspace.open({ ...files, 'people.mandate': text });
            expect(workspace.diagnostics(), label).toEqual(cold.diagnostics());
            const suppressionFindings = [...workspace.diagnostics().values()].flat().filter(line => line.includes('mandate-ignore') || line.includes('suppress'));
            expect(suppressionFindings.length > 0, label).toBe(text.includes(comment));
        }
    });
});
