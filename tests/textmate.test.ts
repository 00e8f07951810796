// Tokenizes Mandate text with the real TextMate engine VS Code uses (vscode-textmate + the
// Oniguruma WebAssembly build) and checks the scopes syntaxes/mandate.tmLanguage.json assigns.
import { readFileSync } from 'node:fs';
import { EmptyFileSystem } from 'langium';
import { parseHelper } from 'langium/test';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadWASM, OnigScanner, OnigString } from 'vscode-oniguruma';
import { INITIAL, parseRawGrammar, Registry, type IGrammar } from 'vscode-textmate';
import type { Model } from '../language/generated/ast.js';
import { createMandateServices } from '../language/mandate-module.js';

const root = new URL('../', import.meta.url);
const GRAMMAR_PATH = new URL('syntaxes/mandate.tmLanguage.json', root);
const LANGIUM_GRAMMAR = readFileSync(new URL('language/mandate.langium', root), 'utf8');

interface Token {
    line: number;
    text: string;
    scopes: string[];
}

let grammar: IGrammar;

beforeAll(async () => {
    const wasm = readFileSync(new URL('node_modules/vscode-oniguruma/release/onig.wasm', root));
    await loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    const registry = new Registry({
        onigLib: Promise.resolve({
            createOnigScanner: patterns => new OnigScanner(patterns),
            createOnigString: text => new OnigString(text)
        }),
        loadGrammar: async scopeName =>
            scopeName === 'source.mandate' ? parseRawGrammar(readFileSync(GRAMMAR_PATH, 'utf8'), GRAMMAR_PATH.pathname) : null
    });
    const loaded = await registry.loadGrammar('source.mandate');
    if (!loaded) throw new Error('source.mandate did not load');
    grammar = loaded;
});

/** Every token of every line, carrying the rule stack across lines like the editor does. */
function tokenize(source: string): Token[] {
    const tokens: Token[] = [];
    let stack = INITIAL;
    source.split(/\r?\n/).forEach((lineText, line) => {
        const result = grammar.tokenizeLine(lineText, stack);
        for (const token of result.tokens) {
            tokens.push({ line, text: lineText.slice(token.startIndex, token.endIndex), scopes: token.scopes });
        }
        stack = result.ruleStack;
    });
    return tokens;
}

/** The scopes of the `occurrence`-th token whose text is exactly `text`; fails if there is none. */
function scopesOf(tokens: Token[], text: string, occurrence = 0): string[] {
    const matching = tokens.filter(token => token.text === text);
    const token = matching[occurrence];
    if (!token) {
        throw new Error(`no token ${JSON.stringify(text)} (#${occurrence}) in ${JSON.stringify(tokens.map(t => t.text))}`);
    }
    return token.scopes;
}

const isKeywordScope = (scope: string): boolean => scope.startsWith('keyword.') || scope.startsWith('storage.type.');

/** The keywords of the Langium grammar: every quoted literal outside comments and terminal rules. */
function langiumKeywords(grammarText: string): string[] {
    const withoutTerminals = grammarText
        .split(/\r?\n/)
        .filter(line => !/^\s*(hidden\s+)?terminal\b/.test(line))
        .join('\n');
    const withoutComments = withoutTerminals.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/[^\n]*/g, '');
    const keywords = new Set<string>();
    for (const match of withoutComments.matchAll(/'((?:\\.|[^'\\\n])*)'|"((?:\\.|[^"\\\n])*)"/g)) {
        keywords.add(match[1] ?? match[2]!);
    }
    return [...keywords].sort();
}

const SAMPLE = `// Roles of the ISMS, ISO/IEC 27001 clause 5.3
/* Reviewed by the board;
   see minutes "2024-02" */
organization acme "Acme \\"Anvils\\" Ltd" {
    top management board
}
role board "Board of Directors"
role ciso "Chief Information Security Officer" {
    designated CISO
    reports to board
    responsible for incident-response, report-to
    authorized to appoint-staff
    requires training security-awareness
}
responsibility incident-response "Handle security incidents" {
    satisfies ISO27001:5.3(b), NIST-CSF:GV.RR-02, HIPAA:164.308(a)(2)
    every 3 months
}
responsibility report-to "Report to top management"
authority appoint-staff "Appoint security staff" { may appoint any role }
training security-awareness "Security awareness" { audience everyone every year }
person jane-doe "Jane Doe" { employed since 2019-04-01 }
assign jane-doe to ciso since 2024-03-01 appointed by board {
    announced 2024-03-05 via intranet to all-staff
}
completed security-awareness by jane-doe on 2025-01-15
conflict between ciso and board "Independence"
`;

describe('TextMate grammar (syntaxes/mandate.tmLanguage.json)', () => {
    it('the sample is valid Mandate', async () => {
        const parse = parseHelper<Model>(createMandateServices(EmptyFileSystem).Mandate);
        const document = await parse(SAMPLE);
        expect(document.parseResult.lexerErrors).toEqual([]);
        expect(document.parseResult.parserErrors).toEqual([]);
    });

    it('scopes keywords', () => {
        const tokens = tokenize(SAMPLE);
        expect(scopesOf(tokens, 'satisfies')).toContain('keyword.other.mandate');
        expect(scopesOf(tokens, 'since')).toContain('keyword.control.mandate');
        expect(scopesOf(tokens, 'CISO')).toContain('keyword.other.ciso.mandate');
        expect(scopesOf(tokens, 'every')).toContain('keyword.control.cadence.mandate');
        expect(scopesOf(tokens, 'months')).toContain('keyword.other.unit.mandate');
        expect(scopesOf(tokens, 'responsible')).toContain('keyword.other.raci.mandate');
        expect(scopesOf(tokens, 'assign')).toContain('storage.type.declaration.mandate');
        expect(scopesOf(tokens, 'completed')).toContain('storage.type.declaration.mandate');
        expect(scopesOf(tokens, 'conflict')).toContain('storage.type.declaration.mandate');
        // 'to' of 'reports to', 'authorized to' and 'assign … to' is a keyword every time.
        for (let i = 0; i < 4; i++) expect(scopesOf(tokens, 'to', i)).toContain('keyword.other.mandate');
    });

    it('scopes declarations: keyword and declared name', () => {
        const tokens = tokenize(SAMPLE);
        expect(scopesOf(tokens, 'role')).toContain('storage.type.role.mandate');
        expect(scopesOf(tokens, 'ciso')).toContain('entity.name.type.role.mandate');
        expect(scopesOf(tokens, 'responsibility')).toContain('storage.type.responsibility.mandate');
        expect(scopesOf(tokens, 'incident-response', 1)).toContain('entity.name.type.responsibility.mandate');
        expect(scopesOf(tokens, 'appoint-staff', 1)).toContain('entity.name.type.authority.mandate');
        expect(scopesOf(tokens, 'jane-doe')).toContain('entity.name.type.person.mandate');
        expect(scopesOf(tokens, 'acme')).toContain('entity.name.type.organization.mandate');
        // 'training' after 'requires' is a keyword followed by a reference, not a declaration.
        expect(scopesOf(tokens, 'training')).toContain('keyword.other.mandate');
        expect(scopesOf(tokens, 'training').some(scope => scope.startsWith('storage.type.'))).toBe(false);
        expect(scopesOf(tokens, 'security-awareness')).toContain('variable.other.name.mandate');
        expect(scopesOf(tokens, 'security-awareness', 1)).toContain('entity.name.type.training.mandate');
        // Nor is 'role' in 'may appoint any role'.
        const anyRole = tokenize('authority a "A" { may appoint any role }');
        expect(scopesOf(anyRole, 'role')).toContain('keyword.other.mandate');
        expect(scopesOf(anyRole, 'role')).not.toContain('storage.type.role.mandate');
    });

    it('scopes strings with escapes', () => {
        const tokens = tokenize(SAMPLE);
        const title = tokens.filter(token => token.line === 3 && token.scopes.includes('string.quoted.double.mandate'));
        expect(title.map(token => token.text)).toEqual(['"', 'Acme ', '\\"', 'Anvils', '\\"', ' Ltd', '"']);
        expect(title[0]!.scopes).toContain('punctuation.definition.string.begin.mandate');
        expect(title[2]!.scopes).toContain('constant.character.escape.mandate');
        expect(title[6]!.scopes).toContain('punctuation.definition.string.end.mandate');
        // Keywords, dates and comment markers inside a string are plain string text.
        const inside = tokenize('role x "reports to 2024-01-01 // not a comment"');
        expect(scopesOf(inside, 'reports to 2024-01-01 // not a comment')).toEqual(['source.mandate', 'string.quoted.double.mandate']);
        // A string never spans lines: an unterminated one ends with its line.
        const unterminated = tokenize('role x "open\nrole y "Y"');
        expect(scopesOf(unterminated, 'role', 1)).toContain('storage.type.role.mandate');
    });

    it('scopes dates and integers', () => {
        const tokens = tokenize(SAMPLE);
        for (const date of ['2019-04-01', '2024-03-01', '2024-03-05', '2025-01-15']) {
            expect(scopesOf(tokens, date)).toContain('constant.numeric.date.mandate');
        }
        expect(scopesOf(tokens, '3')).toContain('constant.numeric.integer.mandate');
    });

    it('scopes requirement IDs as one token each', () => {
        const tokens = tokenize(SAMPLE);
        for (const requirement of ['ISO27001:5.3(b)', 'NIST-CSF:GV.RR-02', 'HIPAA:164.308(a)(2)']) {
            expect(scopesOf(tokens, requirement)).toContain('constant.other.requirement.mandate');
        }
        expect(scopesOf(tokenize('satisfies ISO27001:A.5.3'), 'ISO27001:A.5.3')).toContain('constant.other.requirement.mandate');
    });

    it('scopes identifiers, keeping hyphenated names whole even when a part is a keyword', () => {
        const tokens = tokenize(SAMPLE);
        for (const name of ['board', 'report-to', 'incident-response', 'all-staff', 'intranet']) {
            const scopes = scopesOf(tokens, name);
            expect(scopes.some(scope => scope === 'variable.other.name.mandate' || scope.startsWith('entity.name.type.'))).toBe(true);
            expect(scopes.some(isKeywordScope)).toBe(false);
        }
        expect(scopesOf(tokens, 'report-to')).toContain('variable.other.name.mandate');
        expect(scopesOf(tokens, 'report-to', 1)).toContain('entity.name.type.responsibility.mandate');
        // Keyword prefixes, suffixes and infixes never produce a keyword token.
        const tricky = tokenize('reports to to-do, role-owner, on-call, by-laws, every-day, since-2020, x-to-y, tool, ontology');
        for (const name of ['to-do', 'role-owner', 'on-call', 'by-laws', 'every-day', 'since-2020', 'x-to-y', 'tool', 'ontology']) {
            expect(scopesOf(tricky, name)).toEqual(['source.mandate', 'variable.other.name.mandate']);
        }
        expect(tricky.filter(token => token.scopes.some(isKeywordScope)).map(token => token.text)).toEqual(['reports', 'to']);
        // A declaration keyword with a hyphenated suffix at the start of a line is a name too.
        expect(scopesOf(tokenize('role-owner'), 'role-owner')).toEqual(['source.mandate', 'variable.other.name.mandate']);
    });

    it('scopes line and block comments', () => {
        const tokens = tokenize(SAMPLE);
        const line = tokens.filter(token => token.line === 0);
        expect(line.map(token => token.text)).toEqual(['//', ' Roles of the ISMS, ISO/IEC 27001 clause 5.3']);
        expect(line.every(token => token.scopes.includes('comment.line.double-slash.mandate'))).toBe(true);
        expect(line[0]!.scopes).toContain('punctuation.definition.comment.mandate');
        // The block comment spans two lines; the quoted date inside it stays comment text.
        const block = tokens.filter(token => token.line === 1 || token.line === 2);
        expect(block.every(token => token.scopes.includes('comment.block.mandate'))).toBe(true);
        expect(block.map(token => token.text).join('')).toBe('/* Reviewed by the board;   see minutes "2024-02" */');
        expect(scopesOf(tokens, '/*')).toContain('punctuation.definition.comment.begin.mandate');
        expect(scopesOf(tokens, '*/')).toContain('punctuation.definition.comment.end.mandate');
        // After the comment, highlighting resumes.
        expect(scopesOf(tokenize('/* a */ role x "X" // tail'), 'role')).toContain('storage.type.declaration.mandate');
    });

    it('scopes punctuation', () => {
        const tokens = tokenize(SAMPLE);
        expect(scopesOf(tokens, '{')).toContain('punctuation.section.block.begin.mandate');
        expect(scopesOf(tokens, '}')).toContain('punctuation.section.block.end.mandate');
        expect(scopesOf(tokens, ',')).toContain('punctuation.separator.comma.mandate');
    });

    it('leaves no text of the sample unscoped', () => {
        const unscoped = tokenize(SAMPLE).filter(token => token.text.trim() !== '' && token.scopes.length === 1);
        expect(unscoped).toEqual([]);
    });

    describe('every keyword of language/mandate.langium is highlighted', () => {
        const keywords = langiumKeywords(LANGIUM_GRAMMAR);
        const words = keywords.filter(keyword => /^[A-Za-z]/.test(keyword));
        const symbols = keywords.filter(keyword => !/^[A-Za-z]/.test(keyword));

        it('the extraction finds the grammar keywords', () => {
            expect(words).toEqual(expect.arrayContaining(['role', 'person', 'assign', 'delegate', 'satisfies', 'CISO', 'everyone', 'quarters']));
            expect(words.length).toBeGreaterThan(50);
            expect(symbols).toEqual([',', '{', '}']);
        });

        it.each(words)('%s', keyword => {
            for (const line of [keyword, `x ${keyword} y`, `{ ${keyword}, }`]) {
                const token = tokenize(line).find(candidate => candidate.text === keyword);
                expect(token, `${JSON.stringify(keyword)} is not a token of ${JSON.stringify(line)}`).toBeDefined();
                expect(token!.scopes.some(isKeywordScope), `${JSON.stringify(line)}: ${token!.scopes.join(' ')}`).toBe(true);
            }
        });

        it.each(symbols)('%s', symbol => {
            const token = tokenize(`x ${symbol} y`).find(candidate => candidate.text === symbol);
            expect(token?.scopes.some(scope => scope.startsWith('punctuation.'))).toBe(true);
        });
    });
});

describe('TextMate scopes of frameworks and the statement of applicability', () => {
    const source = `claims ISO27001 {
    not applicable ISO27001:A.7.4 "No premises of our own"
}
framework ACME "Acme Security Controls" {
    requirement ACME:AC-01 "Production access is reviewed every quarter"
}`;

    it('scopes the keywords, the declared prefix and the requirement IDs', () => {
        const tokens = tokenize(source);
        expect(scopesOf(tokens, 'claims')).toContain('storage.type.declaration.mandate');
        expect(scopesOf(tokens, 'not')).toContain('keyword.other.mandate');
        expect(scopesOf(tokens, 'applicable')).toContain('keyword.other.mandate');
        expect(scopesOf(tokens, 'ISO27001:A.7.4')).toContain('constant.other.requirement.mandate');
        expect(scopesOf(tokens, 'framework')).toContain('storage.type.framework.mandate');
        expect(scopesOf(tokens, 'ACME')).toContain('entity.name.type.framework.mandate');
        expect(scopesOf(tokens, 'requirement')).toContain('storage.type.declaration.mandate');
        expect(scopesOf(tokens, 'ACME:AC-01')).toContain('constant.other.requirement.mandate');
    });
});

describe('language-configuration.json', () => {
    const configuration = JSON.parse(readFileSync(new URL('language-configuration.json', root), 'utf8'));
    const manifest = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));

    it('is the configuration and grammar package.json contributes', () => {
        expect(manifest.contributes.languages).toContainEqual(expect.objectContaining({ id: 'mandate', configuration: './language-configuration.json' }));
        expect(manifest.contributes.grammars).toContainEqual({ language: 'mandate', scopeName: 'source.mandate', path: './syntaxes/mandate.tmLanguage.json' });
        expect(JSON.parse(readFileSync(GRAMMAR_PATH, 'utf8')).scopeName).toBe('source.mandate');
    });

    it('declares the comment tokens and brackets', () => {
        expect(configuration.comments).toEqual({ lineComment: '//', blockComment: ['/*', '*/'] });
        expect(configuration.brackets).toEqual([['{', '}'], ['(', ')']]);
        expect(configuration.autoClosingPairs).toContainEqual({ open: '"', close: '"', notIn: ['string', 'comment'] });
    });

    it('has a word pattern that keeps hyphenated names, dates and requirement IDs whole', () => {
        const words = 'responsible for incident-response, report-to since 2024-03-01 satisfies NIST-CSF:GV.RR-02 every 3 months';
        expect(words.match(new RegExp(configuration.wordPattern, 'g'))).toEqual([
            'responsible', 'for', 'incident-response', 'report-to', 'since', '2024-03-01', 'satisfies', 'NIST-CSF:GV.RR-02', 'every', '3', 'months'
        ]);
    });

    it('indents after an opening brace and outdents on a closing one', () => {
        const increase = new RegExp(configuration.indentationRules.increaseIndentPattern);
        const decrease = new RegExp(configuration.indentationRules.decreaseIndentPattern);
        expect(increase.test('role ciso "CISO" {')).toBe(true);
        expect(increase.test('role ciso "CISO" { // the one')).toBe(true);
        expect(increase.test('role ciso "CISO" { designated CISO }')).toBe(false);
        expect(increase.test('// role ciso "CISO" {')).toBe(false);
        expect(decrease.test('    }')).toBe(true);
    });
});
