/**
 * Where the language server links rule pages (language/lsp/rule-docs-base.ts): the repository's
 * docs/rules/ files when it runs from a clone, the extension's `mandate-doc:` pages when it runs
 * from the installed .vsix, which ships the pages as one file and no docs/ folder.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { EXTENSION_RULE_DOCS, ruleDocsBase } from '../language/lsp/rule-docs-base.js';

const folders: string[] = [];

function layout(withDocs: boolean): string {
    const root = mkdtempSync(join(tmpdir(), 'mandate-layout-'));
    folders.push(root);
    mkdirSync(join(root, 'out', 'server'), { recursive: true });
    if (withDocs) mkdirSync(join(root, 'docs', 'rules'), { recursive: true });
    return pathToFileURL(join(root, 'out', 'server', 'main.cjs')).href;
}

afterAll(() => {
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

describe('rule page links', () => {
    it('point at the docs/rules/ files of a clone', () => {
        const server = layout(true);
        expect(ruleDocsBase(server)).toBe(new URL('../../docs/rules/', server).href);
    });

    it('point at the pages the extension serves when there is no docs/ folder beside the server', () => {
        expect(ruleDocsBase(layout(false))).toBe(EXTENSION_RULE_DOCS);
        expect(EXTENSION_RULE_DOCS).toBe('mandate-doc:/rules/');
    });

    it('never point at a folder that is not on disk', () => {
        expect(ruleDocsBase('https://example.com/out/server/main.cjs')).toBe(EXTENSION_RULE_DOCS);
    });
});
