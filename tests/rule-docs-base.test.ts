/**
 * Where the language server links rule pages (language/lsp/rule-docs-base.ts): the repository's
 * docs/rules/ files when it runs from a clone; from the installed .vsix, which ships the pages as
 * one file and no docs/ folder, the extension's `mandate-doc:` pages for the VS Code client, and
 * for any other editor the pages written once to the user's cache folder.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { brotliCompressSync } from 'node:zlib';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { EXTENSION_RULE_DOCS, ruleDocsBase } from '../language/lsp/rule-docs-base.js';
import { userCacheFolder } from '../language/lsp/rule-docs-files.js';
import { clientServesRuleDocs, SERVED_RULE_DOCS } from '../language/lsp/rule-docs-option.js';

const folders: string[] = [];
const DOCS = new URL('../docs/rules/', import.meta.url);

function temporary(prefix: string): string {
    const folder = mkdtempSync(join(tmpdir(), prefix));
    folders.push(folder);
    return folder;
}

/** A server bundle's URL in a clone (docs/rules/ beside out/) or an installed extension (out/rule-docs.json.br and README.md). */
function layout(kind: 'clone' | 'installed' | 'bare', pages: Record<string, string> = shippedPages()): string {
    const root = temporary('mandate-layout-');
    mkdirSync(join(root, 'out', 'server'), { recursive: true });
    if (kind === 'clone') mkdirSync(join(root, 'docs', 'rules'), { recursive: true });
    if (kind === 'installed') {
        writeFileSync(join(root, 'out', 'rule-docs.json.br'), brotliCompressSync(JSON.stringify(pages)));
        // As vsce stores it.
        writeFileSync(join(root, 'readme.md'), '# Mandate\n\n## Directory drift\n');
    }
    return pathToFileURL(join(root, 'out', 'server', 'main.cjs')).href;
}

/** The pages as esbuild.mjs ships them: every docs/rules/<id>.md by rule ID. */
function shippedPages(): Record<string, string> {
    const names = readdirSync(DOCS).filter(name => /^[a-z0-9-]+\.md$/.test(name));
    return Object.fromEntries(names.map(name => [name.slice(0, -3), readFileSync(new URL(name, DOCS), 'utf8')]));
}

afterAll(() => {
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

describe('rule page links', () => {
    it('point at the docs/rules/ files of a clone, whichever the client', () => {
        const server = layout('clone');
        for (const serves of [true, false]) expect(ruleDocsBase(server, serves)).toEqual({ base: new URL('../../docs/rules/', server).href });
    });

    it('point at the pages the VS Code extension serves when the server is installed', () => {
        expect(ruleDocsBase(layout('installed'), true)).toEqual({ base: EXTENSION_RULE_DOCS });
        expect(EXTENSION_RULE_DOCS).toBe('mandate-doc:/rules/');
    });

    it('point another editor at the installed pages written to its cache folder, with the README their links name', () => {
        const cache = temporary('mandate-cache-');
        const { base, problem } = ruleDocsBase(layout('installed'), false, () => cache);
        expect(problem).toBeUndefined();
        expect(base).toMatch(/^file:\/\/.*\/mandate\/rule-docs\/[0-9a-f]{16}\/docs\/rules\/$/);
        expect(fileURLToPath(base!).startsWith(cache)).toBe(true);
        for (const [rule, page] of Object.entries(shippedPages())) {
            expect(readFileSync(fileURLToPath(new URL(`${rule}.md`, base)), 'utf8'), rule).toBe(page);
        }
        // Pages link the README's sections as ../../README.md#…, which resolves beside docs/.
        expect(readFileSync(fileURLToPath(new URL('../../README.md', base)), 'utf8')).toContain('## Directory drift');
        // Written under a temporary name and renamed: nothing else is left in the folder.
        expect(readdirSync(join(cache, 'mandate', 'rule-docs'))).toHaveLength(1);
    });

    it('write the pages of a release once, and the pages of another release to a folder of their own', () => {
        const cache = temporary('mandate-cache-');
        const server = layout('installed');
        const first = ruleDocsBase(server, false, () => cache).base!;
        const page = fileURLToPath(new URL('ciso-missing.md', first));
        const written = statSync(page).mtimeMs;
        expect(ruleDocsBase(server, false, () => cache).base).toBe(first);
        expect(statSync(page).mtimeMs).toBe(written);
        const changed = ruleDocsBase(layout('installed', { 'ciso-missing': '# ciso-missing\n\nA later text.\n' }), false, () => cache).base!;
        expect(changed).not.toBe(first);
        expect(readFileSync(fileURLToPath(new URL('ciso-missing.md', changed)), 'utf8')).toBe('# ciso-missing\n\nA later text.\n');
        expect(readFileSync(page, 'utf8')).toBe(shippedPages()['ciso-missing']);
    });

    it('give no link, and say why, when the pages cannot be written: never a link that opens nothing', () => {
        const cache = temporary('mandate-cache-');
        // A file where the cache's mandate folder would be.
        writeFileSync(join(cache, 'mandate'), 'not a folder');
        const { base, problem } = ruleDocsBase(layout('installed'), false, () => cache);
        expect(base).toBeUndefined();
        expect(problem).toMatch(/^Rule pages are not linked: they could not be written to the cache folder \(.+\)\.$/);
    });

    it('give no link, and say why, when the server has neither docs/rules/ nor the pages beside it', () => {
        const { base, problem } = ruleDocsBase(layout('bare'), false, () => temporary('mandate-cache-'));
        expect(base).toBeUndefined();
        expect(problem).toContain('rule-docs.json.br');
        expect(ruleDocsBase('https://example.com/out/server/main.cjs', false).base).toBeUndefined();
        expect(ruleDocsBase('https://example.com/out/server/main.cjs', true).base).toBe(EXTENSION_RULE_DOCS);
    });

    it('skip entries of the pages file that are not rule pages', () => {
        const cache = temporary('mandate-cache-');
        const base = ruleDocsBase(layout('installed', { 'ciso-missing': '# ciso-missing\n', '../escape': 'no', 'odd': 3 } as never), false, () => cache).base!;
        const rules = fileURLToPath(base);
        expect(readdirSync(rules)).toEqual(['ciso-missing.md']);
        expect(existsSync(join(rules, '..', 'escape.md'))).toBe(false);
    });
});

describe('the client option and the cache folder', () => {
    it('count only the option the VS Code extension sends as serving the pages', () => {
        expect(clientServesRuleDocs(SERVED_RULE_DOCS)).toBe(true);
        expect(clientServesRuleDocs({ ...SERVED_RULE_DOCS, other: 1 })).toBe(true);
        for (const options of [undefined, null, 'mandate-doc', {}, { ruleDocs: 'files' }, { ruleDocs: true }]) expect(clientServesRuleDocs(options)).toBe(false);
    });

    it('take XDG_CACHE_HOME when it is absolute, and each platform\'s own folder otherwise', () => {
        expect(userCacheFolder({ XDG_CACHE_HOME: '/var/cache/me' }, 'linux')).toBe('/var/cache/me');
        expect(userCacheFolder({ XDG_CACHE_HOME: 'relative/cache' }, 'linux')).toMatch(/\.cache$/);
        expect(userCacheFolder({}, 'darwin')).toMatch(/Library[\\/]Caches$/);
        expect(userCacheFolder({ LOCALAPPDATA: 'C:\\Users\\me\\AppData\\Local' }, 'win32')).toMatch(/AppData[\\/]Local$/);
    });
});
