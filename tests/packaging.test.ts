// Checks what `npm run package` puts into mandate.vsix, using `vsce ls`, which applies
// .vscodeignore and lists the files without building a package; then builds the package and
// checks its size and that what it holds works on its own. Needs out/ (pretest builds it).
import { isAscii } from 'node:buffer';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { brotliDecompressSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GRAPH_REQUEST, type GraphResult } from '../language/lsp/mandate-protocol.js';
import { SERVED_RULE_DOCS } from '../language/lsp/rule-docs-option.js';
import { CLEAN_POLICY } from './helpers.js';
import { createWorkspace, disposeAllClients, LspClient, removeAllWorkspaces, workspaceUri } from './lsp-client.js';
import { zipEntries, type ZipEntry } from './zip-entries.js';

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
    /^out\/server\/mandate-server\.cjs\.br$/,
    /^out\/mandate\.(config|catalogue)\.schema\.json$/,
    /^out\/THIRD-PARTY-NOTICES\.txt$/,
    /^out\/rule-docs\.json\.br$/
];

let files: string[];

beforeAll(() => {
    for (const bundle of ['out/client/extension.cjs', 'out/server/main.cjs', 'out/server/mandate-server.cjs', 'out/server/mandate-server.cjs.br']) {
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
            'out/server/mandate-server.cjs.br',
            'syntaxes/mandate.tmLanguage.json',
            'language-configuration.json'
        ]));
        if (existsSync(new URL('../README.md', import.meta.url))) expect(files).toContain('README.md');
    });

    it('ships the server as one Brotli-compressed bundle and the loader that starts it with a code cache made before it runs (esbuild.mjs says why)', () => {
        expect(files.filter(file => file.startsWith('out/server/')).sort()).toEqual(['out/server/main.cjs', 'out/server/mandate-server.cjs.br']);
        const loader = readFileSync(new URL('../out/server/main.cjs', import.meta.url), 'utf8');
        expect(loader).toContain('"mandate-server.cjs"');
        expect(loader).toContain('"compile"');
        // The compressed bundle is the bundle built, byte for byte.
        expect(brotliDecompressSync(readFileSync(new URL('../out/server/mandate-server.cjs.br', import.meta.url))))
            .toEqual(readFileSync(new URL('../out/server/mandate-server.cjs', import.meta.url)));
        // The CLI's cache holds what a run called: it is made when the run ends.
        expect(readFileSync(new URL('../out/cli/main.cjs', import.meta.url), 'utf8')).toContain('"exit"');
    });

    it('ships ASCII bundles, which the loaders read as one-byte text (esbuild.mjs)', () => {
        for (const bundle of ['out/server/main.cjs', 'out/server/mandate-server.cjs', 'out/client/extension.cjs', 'out/cli/main.cjs', 'out/cli/mandate-cli.cjs']) {
            expect(isAscii(readFileSync(new URL(`../${bundle}`, import.meta.url))), bundle).toBe(true);
        }
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
            // The rule pages ship as one file, out/rule-docs.json.br: nothing under docs/.
            || /^docs\//.test(file)
            || /\.(ts|map|vsix)$/.test(file)
            || /^(tsconfig\.json|package-lock\.json|esbuild\.mjs|vitest\.config\.ts|langium-config\.json|polyfill\.cjs|\.gitignore)$/.test(file)
            || /(^|\/)\.vscodeignore$/.test(file));
        expect(forbidden).toEqual([]);
    });

    it('includes nothing outside the allow-list', () => {
        expect(files.filter(file => !ALLOWED.some(pattern => pattern.test(file)))).toEqual([]);
    });

    it('ships the licence notices of every package the client and server bundles contain', () => {
        expect(files).toContain('out/THIRD-PARTY-NOTICES.txt');
        const notices = readFileSync(new URL('../out/THIRD-PARTY-NOTICES.txt', import.meta.url), 'utf8');
        // The bundles' source maps name each file that went in, so the packages are found independently of the build's metafile.
        const packages = new Set<string>();
        for (const map of ['out/server/mandate-server.cjs.map', 'out/client/extension.cjs.map']) {
            const { sources } = JSON.parse(readFileSync(new URL(`../${map}`, import.meta.url), 'utf8')) as { sources: string[] };
            for (const source of sources) {
                const at = source.lastIndexOf('node_modules/');
                if (at < 0) continue;
                const [first, second] = source.slice(at + 'node_modules/'.length).split('/');
                packages.add(first.startsWith('@') ? `${first}/${second}` : first);
            }
        }
        expect([...packages]).toEqual(expect.arrayContaining(['langium', 'chevrotain', '@dagrejs/dagre', 'vscode-languageclient', 'vscode-languageserver']));
        const listed = new Set(notices.split('\n').map(line => / \d+\.\d+\.\d+\S* \(/.test(line) ? line.slice(0, line.indexOf(' ')) : undefined));
        expect([...packages].filter(name => !listed.has(name))).toEqual([]);
        expect(notices).toContain('Apache License');
        expect(notices).toContain('Permission is hereby granted, free of charge');
    });
});

/**
 * The issue's goal for the .vsix, in decimal KB as the issue and the benchmark count them. 0.1.0's
 * was 1,039 KB; 952 KB before the graph was laid out by
 * dagre (48 KB of JavaScript, in the server bundle) instead of Graphviz's WebAssembly build (380 KB
 * compressed). The editor features of issue 12 added about 29 KB; issues 13 and 14 (queries, policy
 * tests and the Testing view, directory drift with its CSV and SCIM readers, the report's
 * recorded-by, changes and redaction) about 120 KB.
 */
const VSIX_LIMIT = 600_000;

describe('npm run package', () => {
    let vsix: Buffer;
    let entries: ZipEntry[];
    let extracted: string;

    beforeAll(() => {
        const vsce = createRequire(import.meta.url).resolve('@vscode/vsce/vsce');
        const flags = String(manifest.scripts.package).split('vsce package ')[1].split(' ');
        const out = join(mkdtempSync(join(tmpdir(), 'mandate-vsix-')), 'mandate.vsix');
        const args = ['package', ...flags.map((flag, index) => (flags[index - 1] === '--out' ? out : flag))];
        execFileSync(process.execPath, [vsce, ...args], { cwd: root, encoding: 'utf8', timeout: 120_000 });
        vsix = readFileSync(out);
        expect(statSync(out).size).toBe(vsix.length);
        entries = zipEntries(vsix);
        // The installed layout: what VS Code unpacks from the package's extension/ folder, and nothing else.
        extracted = join(dirname(out), 'installed');
        for (const entry of entries.filter(candidate => candidate.name.startsWith('extension/'))) {
            const target = join(extracted, entry.name.slice('extension/'.length));
            mkdirSync(dirname(target), { recursive: true });
            writeFileSync(target, entry.content());
        }
    }, 150_000);

    afterAll(async () => {
        await disposeAllClients();
        await removeAllWorkspaces();
        if (extracted) rmSync(dirname(extracted), { recursive: true, force: true });
    });

    it('produces a .vsix with the same vsce flags (without rebuilding) that holds the files vsce ls lists', () => {
        // vsce stores the licence and the README under the names the Marketplace expects.
        const packaged = entries.map(entry => entry.name).filter(name => name.startsWith('extension/'))
            .map(name => name.slice('extension/'.length).replace(/^LICENSE\.txt$/, 'LICENSE').replace(/^readme\.md$/, 'README.md'));
        expect(packaged.sort()).toEqual([...files].sort());
    });

    it(`is at most ${VSIX_LIMIT / 1000} KB`, () => {
        expect(vsix.length).toBeLessThanOrEqual(VSIX_LIMIT);
        // Bundles are minified: nothing shipped is a bundle as esbuild writes it unminified (0.1.0's was 3.6 MB,
        // this release's is 3.9 MB); the minified server is about 1.0 MB with the catalogues and editor features.
        const server = brotliDecompressSync(entries.find(entry => entry.name === 'extension/out/server/mandate-server.cjs.br')!.content());
        expect(server.length, 'the server bundle').toBeLessThan(1_500_000);
        expect(entries.find(entry => entry.name === 'extension/out/client/extension.cjs')!.size, 'the client bundle').toBeLessThan(1_500_000);
    });

    it('activates from the installed layout alone: the client loads and exports activate and deactivate', () => {
        // VS Code provides the `vscode` module to extensions; a stand-in answers anything the client reads on load.
        const stub = join(extracted, 'node_modules', 'vscode', 'index.js');
        mkdirSync(dirname(stub), { recursive: true });
        writeFileSync(stub, 'const any = new Proxy(function () {}, { get: (_, key) => (key === Symbol.toPrimitive ? () => 0 : any), apply: () => any, construct: () => any });\nmodule.exports = any;\n');
        const client = createRequire(pathToFileURL(join(extracted, 'package.json')).href)(join(extracted, manifest.main));
        expect(typeof client.activate).toBe('function');
        expect(typeof client.deactivate).toBe('function');
        rmSync(join(extracted, 'node_modules'), { recursive: true, force: true });
    });

    it('starts its language server from the installed layout alone: diagnostics link to the rule pages it ships, and the graph is drawn', async () => {
        const policy = { ...CLEAN_POLICY, 'roles.mandate': CLEAN_POLICY['roles.mandate'].replace('designated CISO', '') };
        const folder = await createWorkspace(policy);
        const serverPath = join(extracted, 'out', 'server', 'main.cjs');
        const cisoMissingLink = async (client: LspClient) => {
            const diagnostics = await client.waitForDiagnostics(workspaceUri(folder, 'organization.mandate'),
                published => published.some(diagnostic => diagnostic.code === 'ciso-missing'));
            return diagnostics.find(diagnostic => diagnostic.code === 'ciso-missing')!.codeDescription!.href;
        };
        // The installed layout has no docs/ folder: for the VS Code client, which says it serves the pages
        // from the bundled file, the link names the page it serves.
        const client = await LspClient.start({
            workspaceFolders: [folder], settings: { mandate: { asOf: '2025-06-30' } }, serverPath, initializationOptions: SERVED_RULE_DOCS
        });
        expect(await cisoMissingLink(client)).toBe('mandate-doc:/rules/ciso-missing.md');
        const pages = JSON.parse(brotliDecompressSync(readFileSync(join(extracted, 'out', 'rule-docs.json.br'))).toString('utf8')) as Record<string, string>;
        expect(pages['ciso-missing']).toBe(readFileSync(new URL('../docs/rules/ciso-missing.md', import.meta.url), 'utf8'));
        const documented = readdirSync(new URL('../docs/rules/', import.meta.url)).filter(name => /^[a-z0-9-]+\.md$/.test(name)).map(name => name.slice(0, -3));
        expect(Object.keys(pages).sort()).toEqual(documented.sort());
        // The graph's layout (dagre) is bundled: the installed server draws it with nothing else.
        const graph = await client.connection.sendRequest<GraphResult>(GRAPH_REQUEST, { webview: { nonce: 'cGFja2FnZWQtbGF5b3V0', cspSource: 'vscode-webview:' } });
        expect(graph.html).toContain('<svg');
        expect(graph.html).not.toContain('could not be drawn');
        // Another editor (Neovim, say) cannot open mandate-doc: links: it gets the pages as files in its cache folder.
        const cache = mkdtempSync(join(tmpdir(), 'mandate-cache-'));
        try {
            const other = await LspClient.start({
                workspaceFolders: [folder], settings: { mandate: { asOf: '2025-06-30' } }, serverPath, environment: { XDG_CACHE_HOME: cache }
            });
            const href = await cisoMissingLink(other);
            expect(href).toMatch(/^file:\/\/.*\/mandate\/rule-docs\/[0-9a-f]{16}\/docs\/rules\/ciso-missing\.md$/);
            expect(fileURLToPath(href).startsWith(cache)).toBe(true);
            expect(readFileSync(fileURLToPath(href), 'utf8')).toBe(pages['ciso-missing']);
            expect(readFileSync(fileURLToPath(new URL('../../README.md', href)), 'utf8')).toBe(readFileSync(join(extracted, 'readme.md'), 'utf8'));
            await other.dispose();
        } finally {
            rmSync(cache, { recursive: true, force: true });
        }
    }, 120_000);
});
