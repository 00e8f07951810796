/**
 * The parser on any input up to 10 MB: no stack overflow, error recovery bounded, and a file that
 * is mostly garbage gets one finding ("this does not look like a Mandate policy") instead of
 * thousands. 0.1.0 ended "Maximum call stack size exceeded" in Chevrotain's error recovery on
 * 300 KB of random tokens after 9–104 s. Inputs come from fixed seeds; the only time bound is each
 * test's generous timeout.
 */
import { EmptyFileSystem, URI } from 'langium';
import { describe, expect, it } from 'vitest';
import { checkSources, type Finding } from '../language/engine/check-sources.js';
import { MAX_LEXER_ERRORS, MAX_PARSER_ERRORS } from '../language/mandate-bounded-parser.js';
import { createMandateServices } from '../language/mandate-module.js';
import { seededRandom as random } from '../bench/random-edits.js';

const KEYWORDS = [
    'role', 'person', 'assign', 'to', 'since', 'until', 'appointed', 'by', 'delegate', 'from', 'training', 'completed', 'on', 'every',
    'day', 'year', 'quarter', 'within', 'days', 'of', 'joining', 'responsibility', 'authority', 'may', 'appoint', 'organization', 'top',
    'management', 'reports', 'responsible', 'accountable', 'for', 'satisfies', 'designated', 'CISO', 'evidence', 'announced', 'via',
    'audience', 'everyone', 'description', 'employed', 'conflict', 'between', 'and', 'claims', 'framework', 'requirement', 'not', 'applicable'
];
const PUNCTUATION = ['{', '}', ',', '(', ')', ':', '.', '{', '}'];

/** About `bytes` of random Mandate tokens: keywords, names, punctuation, strings, dates and numbers, in random lines. */
function randomTokens(seed: number, bytes: number): string {
    const next = random(seed);
    const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)];
    const parts: string[] = [];
    let size = 0;
    while (size < bytes) {
        const kind = next();
        const token = kind < 0.45 ? pick(KEYWORDS)
            : kind < 0.65 ? `n${Math.floor(next() * 1000)}-${pick(['a', 'b', 'ciso'])}`
                : kind < 0.8 ? pick(PUNCTUATION)
                    : kind < 0.9 ? `"text ${Math.floor(next() * 100)}"`
                        : kind < 0.95 ? `20${10 + Math.floor(next() * 20)}-0${1 + Math.floor(next() * 9)}-1${Math.floor(next() * 9)}`
                            : String(Math.floor(next() * 100_000));
        const separator = next() < 0.12 ? '\n' : ' ';
        parts.push(token, separator);
        size += token.length + 1;
    }
    return parts.join('');
}

/** About `bytes` of characters no Mandate token starts with, and some that do, on long lines. */
function randomCharacters(seed: number, bytes: number): string {
    const next = random(seed);
    const alphabet = '#$%&*;<>?@[]^`|~\\=+!é€\u0000\u0007ab1 ';
    let text = '';
    const chunk: string[] = [];
    for (let index = 0; index < bytes; index++) {
        chunk.push(next() < 0.001 ? '\n' : alphabet[Math.floor(next() * alphabet.length)]);
        if (chunk.length === 65_536) {
            text += chunk.join('');
            chunk.length = 0;
        }
    }
    return text + chunk.join('');
}

function parser() {
    return createMandateServices(EmptyFileSystem).Mandate.parser.LangiumParser;
}

async function findingsOf(text: string): Promise<readonly Finding[]> {
    return (await checkSources([{ uri: 'file:///ws/garbage.mandate', text }], { asOf: '2025-06-30' })).findings;
}

function expectOneNotAPolicyFinding(findings: readonly Finding[], text: string): void {
    expect(findings.map(finding => finding.rule)).toEqual(['parsing-error']);
    const match = /^This does not look like a Mandate policy: ([\d,]+) of ([\d,]+) lines could not be read/.exec(findings[0].message);
    expect(match, findings[0].message).not.toBeNull();
    const [unreadable, lines] = [Number(match![1].replace(/,/g, '')), Number(match![2].replace(/,/g, ''))];
    expect(unreadable * 2).toBeGreaterThan(lines);
    expect(lines).toBeLessThanOrEqual(text.split('\n').length);
    expect(findings[0].message).not.toMatch(/undefined|NaN/);
}

describe('random tokens', () => {
    it('parses 300 KB of random tokens without a stack overflow, keeping at most the capped errors', () => {
        const text = randomTokens(11, 300_000);
        const result = parser().parse(text);
        expect(result.parserErrors.length).toBeLessThanOrEqual(MAX_PARSER_ERRORS);
        expect(result.lexerErrors.length).toBeLessThanOrEqual(MAX_LEXER_ERRORS);
        expect(result.value.$type).toBe('Model');
    }, 60_000);

    it.each([1, 2, 3])('gives 300 KB of random tokens (seed %i) one finding: it does not look like a Mandate policy', async seed => {
        const text = randomTokens(seed, 300_000);
        expectOneNotAPolicyFinding(await findingsOf(text), text);
    }, 60_000);

    it('gives 10 MB of random tokens one finding, in seconds', async () => {
        const text = randomTokens(7, 10_000_000);
        expect(text.length).toBeGreaterThanOrEqual(10_000_000);
        expectOneNotAPolicyFinding(await findingsOf(text), text);
    }, 120_000);

    it('gives 2 MB of unreadable characters one finding, with the lexer errors capped', async () => {
        const text = randomCharacters(5, 2_000_000);
        const result = parser().parse(text);
        expect(result.lexerErrors.length).toBe(MAX_LEXER_ERRORS);
        expectOneNotAPolicyFinding(await findingsOf(text), text);
    }, 120_000);

    it('parses a 10 MB line without a blank in bounded time per error', async () => {
        const text = 'role'.concat('@'.repeat(5_000_000), ' x "', 'y'.repeat(5_000_000));
        const findings = await findingsOf(text);
        const syntax = findings.filter(finding => ['lexing-error', 'parsing-error'].includes(finding.rule));
        expect(syntax.length).toBeGreaterThan(0);
        expect(syntax.length).toBeLessThanOrEqual(10);
        for (const finding of findings) {
            expect(finding.message.length).toBeLessThan(1000);
            expect(finding.message).not.toMatch(/error occurred|Maximum call stack/);
        }
    }, 120_000);
});

describe('policies with syntax errors are still read as policies', () => {
    const declarations = (count: number) => Array.from({ length: count }, (_, index) => `role r${index} "Role ${index}"`);

    it('lists each typo of a policy that is mostly readable, without the summary', async () => {
        const lines = declarations(50);
        for (const index of [3, 17, 30]) lines[index] = `rol r${index} "Role ${index}"`;
        const findings = await findingsOf(lines.join('\n') + '\n');
        const syntax = findings.filter(finding => finding.rule === 'parsing-error');
        expect(syntax.map(finding => finding.line)).toEqual([4, 18, 31]);
        expect(findings.some(finding => /does not look like|stopped reading/.test(finding.message))).toBe(false);
    });

    it('stops after the capped errors of a long policy with many typos, says where, and keeps what it read', async () => {
        const lines = declarations(3000);
        for (let index = 0; index < 3000; index += 20) lines[index] = `rol r${index} "Role ${index}"`; // 150 typos, one line in twenty
        const text = lines.join('\n') + '\n';
        const checked = await checkSources([{ uri: 'file:///ws/roles.mandate', text }], { asOf: '2025-06-30' });
        const syntax = checked.findings.filter(finding => finding.rule === 'parsing-error');
        expect(syntax.length).toBeLessThanOrEqual(MAX_PARSER_ERRORS + 1);
        const stopped = syntax.filter(finding => finding.message.startsWith(`Mandate stopped reading this file after ${MAX_PARSER_ERRORS} syntax errors`));
        expect(stopped).toHaveLength(1);
        expect(stopped[0].message).toMatch(/from here on \(line \d+\) it was not checked/);
        expect(checked.findings.some(finding => /does not look like/.test(finding.message))).toBe(false);
        // The roles before the stop were read.
        const roles = checked.documents[0].parseResult.value.declarations.length;
        expect(roles).toBeGreaterThan(1000);
    }, 60_000);
});

describe('large files', () => {
    it('reads a large policy with typos whole: the first look at its beginning does not decide for it', async () => {
        const lines = Array.from({ length: 20_000 }, (_, index) => `role r${index} "Role ${index}"`);
        for (let index = 0; index < 20_000; index += 400) lines[index] = `rol r${index} "Role ${index}"`; // 50 typos
        const text = lines.join('\n') + '\n';
        expect(text.length).toBeGreaterThan(400_000);
        const checked = await checkSources([{ uri: 'file:///ws/roles.mandate', text }], { asOf: '2025-06-30' });
        const syntax = checked.findings.filter(finding => finding.rule === 'parsing-error');
        expect(syntax).toHaveLength(50);
        expect(syntax.some(finding => /does not look like|stopped reading/.test(finding.message))).toBe(false);
        // Each misspelt `role` is reported, and its declaration read as a role (mandate-typo-recovery.ts).
        expect(checked.documents[0].parseResult.value.declarations).toHaveLength(20_000);
    }, 60_000);

    it('gives a large file whose beginning is garbage and whose end is a policy the one finding, counting every line', async () => {
        const garbage = randomTokens(17, 300_000);
        const policy = Array.from({ length: 10_000 }, (_, index) => `role r${index} "Role ${index}"`).join('\n');
        const text = `${garbage}\n${policy}\n`;
        const findings = await findingsOf(text);
        expectOneNotAPolicyFinding(findings, text);
        const lines = Number(/ of ([\d,]+) lines/.exec(findings[0].message)![1].replace(/,/g, ''));
        expect(lines).toBe(text.split('\n').filter(line => line.trim() !== '').length);
    }, 60_000);
});

describe('completion in a file of garbage', () => {
    it('answers at the end of 300 KB of random tokens without a stack overflow', async () => {
        const text = randomTokens(13, 300_000);
        const { shared, Mandate } = createMandateServices(EmptyFileSystem);
        const document = shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse('file:///ws/garbage.mandate'));
        shared.workspace.LangiumDocuments.addDocument(document);
        await shared.workspace.DocumentBuilder.build([document], { validation: true });
        const end = document.textDocument.positionAt(text.length);
        const list = await Mandate.lsp.CompletionProvider!.getCompletion(document, { textDocument: { uri: document.uri.toString() }, position: end });
        expect(list).toBeDefined();
    }, 60_000);
});
