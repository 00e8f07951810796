/**
 * The syntax tree's leaves work their line and column out from their offset
 * (language/mandate-leaf-cst-node.ts). Every leaf must report the range Langium's own leaf reports,
 * which is the one the lexer gives its token: compared here on every token of the examples, the
 * crash inputs, fuzzed workspaces and texts with each kind of line break. The start line alone
 * (startLineOf, which the report reads) must be the range's, on every node.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CstUtils, EmptyFileSystem, GrammarAST, isLeafCstNode, type CompositeCstNode, type LangiumDocument } from 'langium';
import type { Range } from 'vscode-languageserver-types';
import { parseHelper } from 'langium/test';
import { describe, expect, it } from 'vitest';
import type { Model } from '../language/generated/ast.js';
import { leafKindCount, LONGEST_PACKED_TOKEN, OffsetLeafCstNode, startLineOf } from '../language/mandate-leaf-cst-node.js';
import { createMandateServices } from '../language/mandate-module.js';
import { generateWorkspace } from './fuzz/grammar-generator.js';
import { Random } from './random-edits.js';

const services = createMandateServices(EmptyFileSystem).Mandate;
const parse = parseHelper<Model>(services);
const CRASHES = fileURLToPath(new URL('../../shared/crashes/', import.meta.url));
const EXAMPLES = fileURLToPath(new URL('../examples/', import.meta.url));

function policyFiles(folder: string): string[] {
    return readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter(name => name.endsWith('.mandate')).map(name => join(folder, name));
}

/**
 * A composite node's range as Langium's CompositeCstNodeImpl defines it, from its children's ranges:
 * from the first child that is not a comment to the last (the leaves' ranges are compared with the
 * lexer's below, so every level is Langium's by induction).
 */
function langiumCompositeRange(node: CompositeCstNode): Range {
    const content = node.content;
    const first = content.find(child => !child.hidden) ?? content[0];
    const last = [...content].reverse().find(child => !child.hidden) ?? content.at(-1);
    if (!first || !last) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    return { start: first.range.start, end: last.range.end.line < first.range.start.line ? first.range.start : last.range.end };
}

/** Compares every leaf of `text`'s tree with the lexer's token at its offset; returns how many leaves compute their range. */
async function expectLexerRanges(text: string): Promise<number> {
    const document: LangiumDocument<Model> = await parse(text);
    const lexed = services.parser.Lexer.tokenize(text);
    const tokens = new Map([...lexed.tokens, ...lexed.hidden].map(token => [token.startOffset, token]));
    let computed = 0;
    for (const node of CstUtils.streamCst(document.parseResult.value.$cstNode!)) {
        // The report's source lines come from startLineOf: the line Langium's range starts on, composite nodes included.
        expect(startLineOf(node), `the start line at ${node.offset}`).toBe(node.range.start.line);
        if (!isLeafCstNode(node)) {
            expect(node.range, `the range of the node at ${node.offset}`).toEqual(langiumCompositeRange(node as CompositeCstNode));
            continue;
        }
        const token = tokens.get(node.offset);
        expect(token, `a token at ${node.offset}`).toBeDefined();
        expect(node.range).toEqual({
            start: { line: token!.startLine! - 1, character: token!.startColumn! - 1 },
            end: { line: token!.endLine! - 1, character: token!.endColumn! }
        });
        expect(node.length).toBe(token!.image.length);
        // The compact leaf packs its token type and comment flag into a kind: they are the lexer's.
        expect(node.tokenType, `the token type at ${node.offset}`).toBe(token!.tokenType);
        expect(node.hidden, `hidden at ${node.offset}`).toBe(lexed.hidden.includes(token!));
        if (node.hidden) expect(node.grammarSource).toBeUndefined();
        else expect(node.grammarSource, `the grammar element at ${node.offset}`).toBeDefined();
        if (node instanceof OffsetLeafCstNode) computed++;
    }
    return computed;
}

describe('leaves that compute their range', () => {
    it('report the lexer\'s ranges in the examples', async () => {
        const files = policyFiles(EXAMPLES);
        expect(files.length).toBeGreaterThan(5);
        let computed = 0;
        for (const file of files) computed += await expectLexerRanges(readFileSync(file, 'utf8'));
        expect(computed).toBeGreaterThan(1000);
    });

    it('report the lexer\'s ranges with every kind of line break, tabs, astral characters and comments', async () => {
        const lines = [
            '// a comment\tafter a tab', 'organization acme "Acme 😀 Ltd" {', '\ttop management ceo', '}',
            'role ciso "Chief\u00a0ISO" {', '  responsible for isms-conformance // trailing', '}', '/* a block', 'comment */ person p "P"',
            'person "unterminated', 'role 𝒳 "astral name"', ''
        ];
        for (const breakText of ['\n', '\r\n', '\r']) {
            expect(await expectLexerRanges(lines.join(breakText))).toBeGreaterThan(10);
        }
        // Mixed breaks in one file, and blank lines of each kind.
        expect(await expectLexerRanges(lines.map((line, index) => line + ['\n', '\r\n', '\r', '\n\r\n'][index % 4]).join(''))).toBeGreaterThan(10);
    });

    it('report the lexer\'s ranges in fuzzed workspaces', async () => {
        const random = new Random(5301);
        for (let run = 0; run < 20; run++) {
            for (const text of Object.values(generateWorkspace(random))) await expectLexerRanges(text);
        }
    });

    it('report the lexer\'s ranges in the inputs that crashed 0.1.0', async ctx => {
        let files: string[];
        try {
            files = policyFiles(CRASHES);
        } catch {
            ctx.skip(`${CRASHES} is not there`);
            return;
        }
        // The two biggest are minutes of work for this comparison and have no line-break cases the others lack.
        for (const file of files.filter(name => !/quadratic|chain|flood/.test(name))) await expectLexerRanges(readFileSync(file, 'utf8'));
    });
});

describe('compact leaves', () => {
    it('read a token longer than a packed leaf holds with Langium\'s leaf, in its range', async () => {
        const title = 'x'.repeat(LONGEST_PACKED_TOKEN + 10);
        const text = `person p "${title}"\nperson q "Q"\n`;
        const document = await parse(text);
        expect(document.parseResult.lexerErrors).toEqual([]);
        expect(document.parseResult.parserErrors).toEqual([]);
        const leaves = CstUtils.streamCst(document.parseResult.value.$cstNode!).filter(isLeafCstNode).toArray();
        const long = leaves.find(leaf => leaf.length > LONGEST_PACKED_TOKEN)!;
        expect(long).toBeDefined();
        expect(long).not.toBeInstanceOf(OffsetLeafCstNode);
        expect(long.text).toBe(`"${title}"`);
        expect(long.range).toEqual({ start: { line: 0, character: 9 }, end: { line: 0, character: 9 + title.length + 2 } });
        expect(leaves.filter(leaf => leaf instanceof OffsetLeafCstNode).length).toBe(leaves.length - 1);
        expect(document.parseResult.value.declarations.map(declaration => (declaration as { title?: string }).title)).toEqual([title, 'Q']);
    });

    it('keep their token type, grammar element and comment flag aside once the kinds run out', () => {
        // More kinds than the packed shape numbers: the late ones keep what they stand for in a side table.
        const features = services.Grammar.rules.filter(GrammarAST.isParserRule).slice(0, 3).map(rule => rule.definition);
        const made: Array<{ leaf: OffsetLeafCstNode; tokenType: object; feature: unknown; hidden: boolean; length: number }> = [];
        for (let index = 0; index < 5000; index++) {
            const tokenType = { name: `T${index}`, PATTERN: `t${index}` };
            const feature = index % 4 === 0 ? undefined : features[index % 3];
            const hidden = feature === undefined;
            const length = index % 1000;
            made.push({ leaf: OffsetLeafCstNode.make(index * 7, length, tokenType as never, feature, hidden), tokenType, feature, hidden, length });
        }
        for (const { leaf, tokenType, feature, hidden, length } of made) {
            expect(leaf.tokenType).toBe(tokenType);
            expect(leaf.grammarSource).toBe(feature);
            expect(leaf.hidden).toBe(hidden);
            expect(leaf.length).toBe(length);
        }
        // A datatype rule's leaf takes its call's grammar element later (mandate-datatype-leaves.ts).
        for (const { leaf, tokenType, hidden, length } of made.slice(-10)) {
            leaf.grammarSource = features[0];
            expect(leaf.grammarSource).toBe(features[0]);
            expect(leaf.tokenType).toBe(tokenType);
            expect(leaf.hidden).toBe(hidden);
            expect(leaf.length).toBe(length);
        }
    });
});

describe('the kinds of leaf across services', () => {
    // The editor checks a copy of the workspace, in services of its own, for each what-if and each run of
    // the policy tests: the table of kinds is the process's, and must not grow with each copy (it held 4,095).
    it('adds none for services made again, which share the token types', () => {
        const text = readFileSync(join(EXAMPLES, 'acme', 'roles.mandate'), 'utf8');
        const first = createMandateServices(EmptyFileSystem).Mandate;
        first.parser.LangiumParser.parse(text);
        const kinds = leafKindCount();
        for (let copy = 0; copy < 5; copy++) {
            const services = createMandateServices(EmptyFileSystem).Mandate;
            const model = services.parser.LangiumParser.parse<Model>(text).value;
            expect(model.declarations.length).toBeGreaterThan(0);
            for (const [name, type] of Object.entries(services.parser.Lexer.definition)) expect(type, name).toBe(first.parser.Lexer.definition[name]);
        }
        expect(leafKindCount()).toBe(kinds);
    });
});
