/**
 * Invisible whitespace and other line breaks (issue 11): a byte-order mark after the start of the
 * file, U+2028/U+2029, vertical tab, form feed, U+0085, a zero-width space and a no-break space,
 * between tokens, in quoted texts and in comments, and a lone `\r` ending lines. The lexer, the
 * `invisible-character` rule and the formatter agree on each character, and every position a
 * finding gives is right as the Language Server Protocol counts lines (`\r\n`, `\n`, a lone `\r`;
 * not U+2028, which JavaScript calls a line terminator), in process and over LSP.
 */
import { EmptyFileSystem } from 'langium';
import { afterAll, describe, expect, it } from 'vitest';
import type { Finding } from '../language/engine/check-sources.js';
import { formatText } from '../language/format/format-source.js';
import { triggerMayComplete } from '../language/lsp/completion-triggers.js';
import { createMandateServices } from '../language/mandate-module.js';
import { check } from './helpers.js';
import { createWorkspace, disposeAllClients, LspClient, removeAllWorkspaces, workspaceUri } from './lsp-client.js';

/** How each character reads: a blank between tokens, or a character no token may hold (a lexing error). */
const CHARACTERS = [
    { name: 'U+FEFF after the start', char: '\uFEFF', blank: true, warned: true },
    { name: 'U+2028 LINE SEPARATOR', char: '\u2028', blank: true, warned: true },
    { name: 'U+2029 PARAGRAPH SEPARATOR', char: '\u2029', blank: true, warned: true },
    { name: 'vertical tab', char: '\v', blank: true, warned: true },
    { name: 'form feed', char: '\f', blank: true, warned: true },
    { name: 'U+0085 NEXT LINE', char: '\u0085', blank: false, warned: true },
    { name: 'U+200B ZERO WIDTH SPACE', char: '\u200B', blank: false, warned: true },
    { name: 'U+00A0 NO-BREAK SPACE', char: '\u00A0', blank: true, warned: false }
] as const;

/** A policy with `c` in a title, between tokens, before a reference, in a comment and after a stray word. */
const policyWith = (c: string) => `person a "A${c}B" ${c} person b "B"\n`
    + `role r "R" ${c} { reports to missing-one }${c}\n`
    + `assign a to ${c}missing-two since 2024-01-01 // see${c}minutes\n`
    + `role q "Q" { reports to r } bogus ${c} {\n`;

/** Offsets of the starts of lines as the protocol counts them; independent of the code under test. */
function lspLineStarts(text: string): number[] {
    const starts = [0];
    for (const match of text.matchAll(/\r\n|\r|\n/g)) starts.push(match.index + match[0].length);
    return starts;
}

/** The text a finding's 1-based range covers, read with the protocol's lines. */
function covered(text: string, finding: Finding): string {
    const starts = lspLineStarts(text);
    return text.slice(starts[finding.line - 1] + finding.column - 1, starts[finding.endLine - 1] + finding.endColumn - 1);
}

const QUIET = new Set(['person-without-role', 'top-management-missing', 'ciso-missing', 'isms-conformance-unassigned', 'isms-reporting-unassigned',
    'assignment-not-communicated', 'appointment-authority', 'assignment-date-missing', 'confusable-name']);

async function findingsOf(text: string): Promise<Finding[]> {
    return (await check({ 'x.mandate': text })).filter(finding => !QUIET.has(finding.rule));
}

describe('invisible whitespace: the lexer, the rule and the positions agree', () => {
    it.each(CHARACTERS)('$name', async ({ char, blank, warned }) => {
        const text = policyWith(char);
        const findings = await findingsOf(text);
        const by = (rule: string) => findings.filter(finding => finding.rule === rule);
        // Every occurrence is reported where it is (none for a visible blank), whatever else goes wrong around it.
        expect(by('invisible-character').map(finding => covered(text, finding))).toEqual(warned ? Array(7).fill(char) : []);
        // A blank separates tokens; anything else between tokens is a lexing error at the character, with its name.
        const lexing = by('lexing-error');
        if (blank) expect(lexing).toEqual([]);
        else {
            expect(lexing.length).toBeGreaterThan(0);
            for (const finding of lexing) expect(covered(text, finding)).toContain(char);
        }
        // The findings after the character, on its line and the next ones, are still on their words.
        // (`missing-two` right after a character that is not a blank is part of the word the lexing error names.)
        expect(by('linking-error').map(finding => covered(text, finding))).toEqual(blank ? ['missing-one', 'missing-two'] : ['missing-one']);
        expect(by('parsing-error').map(finding => covered(text, finding))).toEqual(['bogus']);
    });

    it('accepts a byte-order mark at the start of the file, as a blank', async () => {
        const findings = await findingsOf(`\uFEFFperson a "A"\nrole r "R" { reports to missing-one }\n`);
        expect(findings.map(finding => `${finding.rule} ${finding.line}:${finding.column}`)).toEqual(['linking-error 2:25']);
    });
});

describe('a lone carriage return ends a line, for every position', () => {
    // Lines ended by \r alone (classic Mac OS), with an unclosed quote, a stray word and a suppression.
    const text = ['person a "A"', 'role r "R" { reports to missing-one }', 'bogus', 'role u "U', '// mandate-ignore linking-error: the role comes next quarter',
        'assign a to missing-two since 2024-01-01', ''].join('\r');

    it('places lexing, parsing and linking errors on the lines an editor shows', async () => {
        const findings = await findingsOf(text);
        expect(findings.map(finding => `${finding.rule} ${finding.line}:${finding.column} ${JSON.stringify(covered(text, finding))}`)).toEqual([
            'linking-error 2:25 "missing-one"',
            'parsing-error 3:1 "bogus"',
            'lexing-error 4:8 "\\"U"',
            'linking-error 6:13 "missing-two"'
        ]);
        expect(findings.filter(finding => finding.suppressed).map(finding => finding.rule)).toEqual(['linking-error']);
    });

    it('applies a suppression to the next line', async () => {
        const findings = await check({ 'x.mandate': text });
        const suppressed = findings.filter(finding => finding.suppressed);
        expect(suppressed.map(finding => `${finding.rule} ${finding.line}`)).toEqual(['linking-error 6']);
        expect(findings.map(finding => finding.rule)).not.toContain('suppression-unused');
    });

    it('completes after a typed space on a line that follows a comment line ended by a lone \\r', () => {
        const text = 'role r "R" // the board\rrole s "S" { reports to ';
        expect(triggerMayComplete(text, text.length, { triggerKind: 2, triggerCharacter: ' ' })).toBe(true);
    });
});

describe('the formatter', () => {
    const services = createMandateServices(EmptyFileSystem).Mandate;

    it.each(CHARACTERS.filter(({ blank }) => blank))('keeps $name in quoted texts and comments, and lays out the blanks between tokens', ({ char }) => {
        const text = `person a "A${char}B" ${char} person b "B"\n// see${char}minutes\nrole r "R"${char}{ reports to a }\n`;
        const result = formatText(services, text);
        expect(result.ok && result.text).toBe(`person a "A${char}B"\nperson b "B"\n// see${char}minutes\nrole r "R" { reports to a }\n`);
        const again = formatText(services, result.ok ? result.text : '');
        expect(again.ok && again.text).toBe(result.ok && result.text);
    });

    it('refuses a file where a character is not a blank, naming its line and column as an editor counts them', () => {
        const result = formatText(services, 'person a "A"\rrole r "R" {\r    reports to a\u200B\r}\r');
        expect(result.ok).toBe(false);
        expect(!result.ok && `${result.problem.line}:${result.problem.column}`).toBe('3:16');
    });
});

describe('over LSP', () => {
    afterAll(async () => {
        await disposeAllClients();
        await removeAllWorkspaces();
    });

    it('publishes ranges at the protocol\'s lines, and hovers on a name after U+2028 on the same line', { timeout: 120_000 }, async () => {
        const text = `person jane "Jane\u2028Doe" \u2028 role r "R" { reports to missing-one }\rrole s "S" { reports to missing-two }\n`;
        const folder = await createWorkspace({ 'x.mandate': text });
        const uri = workspaceUri(folder, 'x.mandate');
        const client = await LspClient.start({ workspaceFolders: [folder], settings: { mandate: { asOf: '2025-06-30' } } });
        await client.openDocument(uri, text);
        const diagnostics = await client.waitForDiagnostics(uri, published => published.filter(d => d.code === 'linking-error').length === 2);
        const starts = lspLineStarts(text);
        const at = (position: { line: number; character: number }) => starts[position.line] + position.character;
        const shown = diagnostics.filter(d => d.code === 'linking-error' || d.code === 'invisible-character')
            .map(d => `${d.code} ${d.range.start.line}:${d.range.start.character} ${JSON.stringify(text.slice(at(d.range.start), at(d.range.end)))}`);
        expect(shown.sort()).toEqual([
            'invisible-character 0:17 "\u2028"', 'invisible-character 0:23 "\u2028"',
            'linking-error 0:49 "missing-one"', 'linking-error 1:24 "missing-two"'
        ].sort());
        const hover = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 30 } }) as { contents: { value: string } } | null;
        expect(hover?.contents.value).toMatch(/^\*\*Role\*\* `r`: R\n/);
    });
});
