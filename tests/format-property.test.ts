import { EmptyFileSystem } from 'langium';
import { describe, expect, test } from 'vitest';
import { formatText } from '../language/format/format-source.js';
import type { Model } from '../language/generated/ast.js';
import { createMandateServices } from '../language/mandate-module.js';
import { fuzzCase, regressionFixtures } from './fuzz/cases.js';
import { plainModel } from './format-helpers.js';

/**
 * The formatter on the fuzz suite's inputs (grammar-generated workspaces with hostile values, and
 * mutated examples, tests/fuzz/cases.ts): it never throws, never formats a file that does not parse,
 * and whatever it formats parses into the same model and formats to itself again.
 * MANDATE_FORMAT_CASES=20000 MANDATE_FORMAT_SEED=7 runs more, or others.
 */
const services = createMandateServices(EmptyFileSystem).Mandate;
const CASES = Number(process.env.MANDATE_FORMAT_CASES ?? 400);
const SEED = Number(process.env.MANDATE_FORMAT_SEED ?? 1);

let formatted = 0;

function problemsOf(name: string, text: string): string[] {
    const parsed = services.parser.LangiumParser.parse<Model>(text);
    const syntax = services.syntax.SyntaxDiagnostics.of(parsed);
    const parses = parsed.lexerErrors.length === 0 && parsed.parserErrors.length === 0 && syntax.lexing.length === 0 && syntax.parsing.length === 0;
    const result = formatText(services, text);
    if (!result.ok) return parses ? [`${name}: not formatted although it parses: ${result.problem.message}`] : [];
    if (!parses) return [`${name}: formatted although it does not parse`];
    formatted++;
    const again = formatText(services, result.text);
    const problems: string[] = [];
    if (!again.ok || again.text !== result.text) problems.push(`${name}: formatting again changes it:\n${result.text}`);
    const after = services.parser.LangiumParser.parse<Model>(result.text);
    if (JSON.stringify(plainModel(after.value)) !== JSON.stringify(plainModel(parsed.value))) problems.push(`${name}: the model changed`);
    return problems;
}

describe('formatting the fuzz inputs', () => {
    test(`${CASES} cases of seed ${SEED} and every regression fixture: never a throw, never a changed meaning, idempotent`, () => {
        const problems: string[] = [];
        const cases = [...regressionFixtures(), ...Array.from({ length: CASES }, (_, index) => fuzzCase(SEED, index))];
        for (const fuzz of cases) {
            for (const [file, text] of Object.entries(fuzz.files)) {
                if (!file.endsWith('.mandate')) continue;
                problems.push(...problemsOf(`${fuzz.id} ${file}`, text));
            }
        }
        expect(problems.slice(0, 5)).toEqual([]);
        // Most generated workspaces parse; mutated examples mostly do not, and are left alone.
        expect(formatted).toBeGreaterThan(CASES / 2);
    }, 300_000);
});
