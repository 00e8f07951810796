import { CstUtils, EmptyFileSystem, type LeafCstNode } from 'langium';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { formatText } from '../language/format/format-source.js';
import type { Model } from '../language/generated/ast.js';
import { createMandateServices } from '../language/mandate-module.js';
import { plainModel } from './format-helpers.js';

/**
 * Formatting never changes meaning: every example and every findings workspace, formatted once and
 * twice, parses into the same model with the same comments, and formatting is idempotent.
 */
const services = createMandateServices(EmptyFileSystem).Mandate;
const EXAMPLES = fileURLToPath(new URL('../examples/', import.meta.url));

function policyFiles(folder: string): string[] {
    return readdirSync(folder, { withFileTypes: true }).flatMap(entry => {
        const file = path.join(folder, entry.name);
        return entry.isDirectory() ? policyFiles(file) : entry.name.endsWith('.mandate') ? [file] : [];
    }).sort();
}

function parse(text: string): { model: unknown; comments: string[] } {
    const result = services.parser.LangiumParser.parse<Model>(text);
    expect(result.lexerErrors).toEqual([]);
    expect(result.parserErrors).toEqual([]);
    const comments = CstUtils.streamCst(result.value.$cstNode!)
        .filter((node): node is LeafCstNode => 'tokenType' in node && (node as LeafCstNode).hidden)
        .map(node => node.text.trimEnd()).toArray().sort();
    return { model: plainModel(result.value), comments };
}

function format(text: string): string {
    const result = formatText(services, text);
    if (!result.ok) throw new Error(`${result.problem.line}:${result.problem.column}: ${result.problem.message}`);
    return result.text;
}

/**
 * The same file laid out badly: no indentation, blanks at the ends of lines, a blank line after
 * every `{`. Lines inside a block comment are left alone: their blanks are the comment's text.
 */
function deformat(text: string): string {
    let inBlockComment = false;
    return text.split('\n').map(line => {
        const inside = inBlockComment;
        if (line.includes('/*')) inBlockComment = !line.slice(line.lastIndexOf('/*')).includes('*/');
        else if (line.includes('*/')) inBlockComment = false;
        if (inside || line.trim() === '') return line;
        if (inBlockComment) return line.trimStart(); // its end is the comment's text
        const bare = `${line.trimStart()}  \t`;
        return line.trimEnd().endsWith('{') ? `${bare}\n\n` : bare;
    }).join('\n');
}

describe('formatting the examples', () => {
    const files = policyFiles(EXAMPLES);

    test('finds the examples and every findings workspace', () => {
        expect(files.length).toBeGreaterThan(60);
        expect(files.some(file => file.includes(`${path.sep}findings${path.sep}`))).toBe(true);
    });

    test.each(files.map(file => [path.relative(EXAMPLES, file), file]))('%s: idempotent, same model, same comments', (_name, file) => {
        const text = readFileSync(file, 'utf8');
        const once = format(text);
        const twice = format(once);
        expect(twice).toBe(once);
        const before = parse(text);
        const after = parse(once);
        expect(after.model).toEqual(before.model);
        expect(after.comments).toEqual(before.comments);
        // Indentation and trailing blanks are the formatter's: a badly laid out copy comes out the same.
        expect(format(deformat(text))).toBe(once);
    });
});
