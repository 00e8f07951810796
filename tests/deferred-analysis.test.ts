/**
 * Chevrotain's grammar analysis runs only when a file needs Langium's parser
 * (language/mandate-deferred-analysis.ts): a workspace without syntax errors never pays for it, and
 * the first file with one is parsed as it was before.
 */
import { EmptyFileSystem } from 'langium';
import { describe, expect, it } from 'vitest';
import { createMandateServices } from '../language/mandate-module.js';

function freshParser() {
    const parser = createMandateServices(EmptyFileSystem).Mandate.parser.LangiumParser;
    const analysed = () => (parser as unknown as { wrapper: { selfAnalysisDone?: boolean } }).wrapper.selfAnalysisDone === true;
    return { parser, analysed };
}

describe('deferred grammar analysis', () => {
    it('is not run for files the predictive parser reads, including `audience everyone`', () => {
        const { parser, analysed } = freshParser();
        const result = parser.parse('organization o "O" { top management board }\nrole board "Board"\n'
            + 'training t "T" { audience everyone every year }\nperson a "A" { employed since 2020-01-01 }\n');
        expect(result.parserErrors).toEqual([]);
        expect(result.value.$type).toBe('Model');
        expect(analysed()).toBe(false);
    });

    it('runs once, before the first file that needs Langium\'s parser, which reads it as before', () => {
        const { parser, analysed } = freshParser();
        const broken = parser.parse('person a "A" {\nassign ');
        expect(analysed()).toBe(true);
        expect(broken.parserErrors.length).toBeGreaterThan(0);
        expect(broken.parserErrors[0].message).toMatch(/assign|file ends/);
        const again = parser.parse('person a "A" {\nassign ');
        expect(again.parserErrors.map(error => error.message)).toEqual(broken.parserErrors.map(error => error.message));
    });
});
