/**
 * The rules of Langium's parser are built, and Chevrotain's grammar analysis runs, only when a file
 * needs Langium's parser (language/mandate-deferred-analysis.ts): a workspace without syntax errors
 * never pays for them, and the first file with one is parsed as it was before.
 */
import { EmptyFileSystem } from 'langium';
import { describe, expect, it } from 'vitest';
import { createMandateServices } from '../language/mandate-module.js';

function freshParser() {
    const parser = createMandateServices(EmptyFileSystem).Mandate.parser.LangiumParser;
    const analysed = () => (parser as unknown as { wrapper: { selfAnalysisDone?: boolean } }).wrapper.selfAnalysisDone === true;
    const rules = () => (parser as unknown as { allRules: Map<string, unknown> }).allRules.size;
    return { parser, analysed, rules };
}

describe('deferred grammar analysis', () => {
    it('is not run for files the predictive parser reads, including `audience everyone`', () => {
        const { parser, analysed, rules } = freshParser();
        const result = parser.parse('organization o "O" { top management board }\nrole board "Board"\n'
            + 'training t "T" { audience everyone every year }\nperson a "A" { employed since 2020-01-01 }\n');
        expect(result.parserErrors).toEqual([]);
        expect(result.value.$type).toBe('Model');
        expect(analysed()).toBe(false);
        expect(rules()).toBe(0);
    });

    it('runs once, before the first file that needs Langium\'s parser, which reads it as before', () => {
        const { parser, analysed, rules } = freshParser();
        const broken = parser.parse('person a "A" {\nassign ');
        expect(analysed()).toBe(true);
        expect(rules()).toBeGreaterThan(10);
        expect(broken.parserErrors.length).toBeGreaterThan(0);
        expect(broken.parserErrors[0].message).toMatch(/assign|file ends/);
        const again = parser.parse('person a "A" {\nassign ');
        expect(again.parserErrors.map(error => error.message)).toEqual(broken.parserErrors.map(error => error.message));
    });

    it('parses a file by a rule other than the entry rule, which only Langium\'s parser does', () => {
        const { parser, rules } = freshParser();
        const result = parser.parse('role ciso "CISO"', { rule: 'Role' });
        expect(rules()).toBeGreaterThan(10);
        expect(result.parserErrors).toEqual([]);
        expect(result.value.$type).toBe('Role');
    });
});
