// Checks what `npm run package` puts into mandate.vsix, using `vsce ls`, which applies
// .vscodeignore and lists the files without building a package. Needs out/ (pretest builds it).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../', import.meta.url));
const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

/** Files the extension may ship; anything else in the listing is a packaging mistake. */
const ALLOWED = [
    /^package\.json$/,
    /^README\.md$/,
    /^CHANGELOG\.md$/,
    /^LICENSE$/,
    /^language-configuration\.json$/,
    /^syntaxes\/[^/]+\.tmLanguage\.json$/,
    /^out\/(client|server)\/.+\.cjs$/,
    /^out\/mandate\.(config|catalogue)\.schema\.json$/,
    /^docs\/rules\/[A-Za-z0-9-]+\.md$/
];

let files: string[];

beforeAll(() => {
    for (const bundle of ['out/client/extension.cjs', 'out/server/main.cjs']) {
        if (!existsSync(new URL(`../${bundle}`, import.meta.url))) throw new Error(`${bundle} is missing: run npm run build first`);
    }
    // The vsce bin script, run with this Node, so the test does not depend on a shell or npx.
    const vsce = createRequire(import.meta.url).resolve('@vscode/vsce/vsce');
    const output = execFileSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: root, encoding: 'utf8', timeout: 60_000 });
    files = output.split(/\r?\n/).map(line => line.trim()).filter(line => line !== '');
}, 90_000);

describe('the .vsix contents (vsce ls --no-dependencies)', () => {
    it('includes the manifest, the bundles, the grammar and the language configuration', () => {
        expect(files).toEqual(expect.arrayContaining([
            'package.json',
            'LICENSE',
            'out/client/extension.cjs',
            'out/server/main.cjs',
            'syntaxes/mandate.tmLanguage.json',
            'language-configuration.json'
        ]));
        if (existsSync(new URL('../README.md', import.meta.url))) expect(files).toContain('README.md');
    });

    it('includes every file package.json points the editor at', () => {
        const referenced = [
            manifest.main,
            ...manifest.contributes.grammars.map((grammar: { path: string }) => grammar.path),
            ...manifest.contributes.languages.map((language: { configuration: string }) => language.configuration),
            ...manifest.contributes.jsonValidation.map((validation: { url: string }) => validation.url)
        ].map((path: string) => path.replace(/^\.\//, ''));
        expect(files).toEqual(expect.arrayContaining(referenced));
    });

    it('includes no dependencies, sources, tests, examples or source maps', () => {
        const forbidden = files.filter(file =>
            /^(node_modules|language|server|client|cli|tests|examples|scripts|\.ci|\.cache|bench|reports|artifacts)\//.test(file)
            // Rule pages ship: diagnostics link to them. Nothing else under docs/.
            || (/^docs\//.test(file) && !/^docs\/rules\/[A-Za-z0-9-]+\.md$/.test(file))
            || /\.(ts|map|vsix)$/.test(file)
            || /^(tsconfig\.json|package-lock\.json|esbuild\.mjs|vitest\.config\.ts|langium-config\.json|polyfill\.cjs|\.gitignore)$/.test(file)
            || /(^|\/)\.vscodeignore$/.test(file));
        expect(forbidden).toEqual([]);
    });

    it('includes nothing outside the allow-list', () => {
        expect(files.filter(file => !ALLOWED.some(pattern => pattern.test(file)))).toEqual([]);
    });
});

describe('npm run package', () => {
    it('produces a .vsix with the same vsce flags (without rebuilding)', () => {
        const vsce = createRequire(import.meta.url).resolve('@vscode/vsce/vsce');
        const flags = String(manifest.scripts.package).split('vsce package ')[1].split(' ');
        const out = join(mkdtempSync(join(tmpdir(), 'mandate-vsix-')), 'mandate.vsix');
        const args = ['package', ...flags.map((flag, index) => (flags[index - 1] === '--out' ? out : flag))];
        execFileSync(process.execPath, [vsce, ...args], { cwd: root, encoding: 'utf8', timeout: 120_000 });
        expect(statSync(out).size).toBeGreaterThan(100_000);
    }, 150_000);
});
