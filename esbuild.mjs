// Bundles the extension client, the language server and the CLI into out/ as CommonJS.
// Langium is ESM-only, so everything that ships is bundled; the .vsix needs no node_modules.
// Bundles are always minified (smaller .vsix, faster start); source maps are separate .map files,
// which .vscodeignore keeps out of the .vsix (`--production` skips them).
import * as esbuild from 'esbuild';
import { isAscii } from 'node:buffer';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { brotliCompressSync, constants as zlibConstants } from 'node:zlib';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lazyBuiltins } from './scripts/lazy-builtins.mjs';
import { thirdPartyNotices } from './scripts/third-party-notices.mjs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');
// `--outdir=DIR` builds somewhere else than out/, e.g. to compare two builds side by side.
const outdir = process.argv.find(arg => arg.startsWith('--outdir='))?.slice('--outdir='.length) ?? 'out';
// Node 20 lacks Object.groupBy, which chevrotain calls at parser construction time. The banner
// goes into each bundle as given, so it is minified here as the bundles are.
const polyfill = esbuild.transformSync(readFileSync(new URL('./polyfill.cjs', import.meta.url), 'utf8'), { minify: true, loader: 'js', target: 'node20' }).code;
const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

/** @type {import('esbuild').BuildOptions} */
const common = {
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    outExtension: { '.js': '.cjs' },
    sourcemap: production ? false : 'linked',
    minify: true,
    // No `charset: 'utf8'`: non-ASCII characters in messages (→, —, …) become \u escapes, so the bundles
    // are ASCII and their loader reads them as one-byte text (scripts/code-cache-loader.cjs): decoding
    // 1.2 MB of UTF-8 took 10 ms of each start, and the text V8 keeps of the server's bundle is half as large.
    logLevel: 'warning',
    banner: { js: polyfill },
    // Prefer packages' ESM builds: jsonc-parser's UMD build hides its requires from the bundler.
    mainFields: ['module', 'main'],
    // import.meta.url is used by some ESM dependencies; map it for the CJS output.
    define: { 'import.meta.url': 'importMetaUrl', MANDATE_VERSION: JSON.stringify(version) },
    inject: ['./scripts/import-meta-url.js'],
    // Which packages went into each bundle: their licence notices are written beside them.
    metafile: true
};

// vscode-languageserver pins its own copy of the protocol, JSON-RPC and types packages, a patch
// (JSON-RPC: one bug fix) behind the copy Langium uses; bundling both would load ~130 KB twice.
// The server and the CLI bundle only the project's top-level copy.
const PROTOCOL_PACKAGES = /^(vscode-jsonrpc|vscode-languageserver-protocol|vscode-languageserver-types)(\/.*)?$/;
const PROJECT_ROOT = dirname(fileURLToPath(import.meta.url));
/** @type {import('esbuild').Plugin} */
const oneProtocolCopy = {
    name: 'one-protocol-copy',
    setup(build) {
        build.onResolve({ filter: PROTOCOL_PACKAGES }, args => (args.pluginData?.topLevel ? undefined
            : build.resolve(args.path, { kind: args.kind, resolveDir: PROJECT_ROOT, pluginData: { ...args.pluginData, topLevel: true } })));
    }
};

// An ES module that imports a CommonJS package gets its own copy of the package's exports from
// esbuild (__toESM): Langium's and our modules imported vscode-languageserver's 300 exports 19
// times, 25 ms of every start. Each such import goes through one ES module per package instead,
// which re-exports it once.
const CJS_PROTOCOL = /^(vscode-languageserver(\/node)?|vscode-languageserver-protocol|vscode-languageserver-types|vscode-jsonrpc(\/node)?|vscode-uri)$/;
/** @type {import('esbuild').Plugin} */
const oneNamespacePerPackage = {
    name: 'one-namespace-per-package',
    setup(build) {
        build.onResolve({ filter: CJS_PROTOCOL }, async args => {
            if (args.kind !== 'import-statement' || args.namespace !== 'file' || args.pluginData?.real) return undefined;
            const real = await build.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: { real: true } });
            if (real.errors.length > 0) return { errors: real.errors };
            return { path: real.path, namespace: 'one-namespace' };
        });
        build.onLoad({ filter: /.*/, namespace: 'one-namespace' }, args => ({
            contents: `export * from ${JSON.stringify(args.path)};`, resolveDir: dirname(args.path), loader: 'js'
        }));
    }
};

// The CLI and the language server start through a small loader, main.cjs, that runs their bundle
// with V8's code cache (scripts/code-cache-loader.cjs); the cache file is named by the bundle's
// hash. The CLI's cache holds the functions a run called. The server's holds only what V8 compiles
// before the bundle runs: a server started from a cache that held the functions of its first build
// answered edits about a quarter slower for as long as it ran (100k lines: an employment date typed
// 57 → 75 ms, a shared rename 210 → 265 ms), while with this one its edits took as long as without
// a cache, in alternating runs, and it answers `initialize` about 40 ms sooner.
/** @type {(when: 'exit' | 'compile', compressed?: boolean) => import('esbuild').Plugin} */
const codeCacheLoader = (when, compressed = false) => ({
    name: 'code-cache-loader',
    setup(build) {
        build.onEnd(result => {
            if (result.errors.length > 0) return;
            for (const entry of Object.keys(build.initialOptions.entryPoints ?? {})) {
                const bundle = join(build.initialOptions.outdir ?? 'out', `${entry}.cjs`);
                const hash = createHash('sha256').update(readFileSync(bundle)).digest('hex').slice(0, 32);
                const loader = readFileSync('scripts/code-cache-loader.cjs', 'utf8')
                    .replace('__BUNDLE__', basename(bundle)).replace('__BUNDLE_HASH__', hash).replace('__CACHE_WHEN__', when)
                    .replace('__COMPRESSED__', String(compressed));
                // The .vsix ships the server's bundle Brotli-compressed, which its loader reads (~70 KB less than the .vsix's deflate).
                if (compressed) {
                    const text = readFileSync(bundle);
                    writeFileSync(`${bundle}.br`, brotliCompressSync(text, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: text.length } }));
                }
                // Minified like the bundles: its comments are for the repository, and the .vsix is near its size limit.
                writeFileSync(join(dirname(bundle), 'main.cjs'), esbuild.transformSync(loader, { minify: true, loader: 'js', format: 'cjs', target: 'node20' }).code);
            }
        });
    }
});

// Loaded on first use rather than at start (scripts/lazy-builtins.mjs).
const nodePlugins = [oneNamespacePerPackage, oneProtocolCopy, lazyBuiltins(['child_process', 'crypto', 'worker_threads', 'zlib'])];

const targets = [
    // vscode-languageclient imports two semver functions for one version check; their subset is 20 KB smaller (client/semver/).
    {
        entryPoints: { 'client/extension': 'client/extension.ts' }, external: ['vscode'],
        alias: { 'semver/functions/parse': './client/semver/parse.cjs', 'semver/functions/satisfies': './client/semver/satisfies.cjs' }
    },
    { entryPoints: { 'server/mandate-server': 'server/main.ts' }, plugins: [...nodePlugins, codeCacheLoader('compile', true)] },
    { entryPoints: { 'cli/mandate-cli': 'cli/main.ts' }, plugins: [...nodePlugins, codeCacheLoader('exit')] }
];

const contexts = await Promise.all(targets.map(target => esbuild.context({ ...common, ...target, outdir })));
if (watch) {
    await Promise.all(contexts.map(context => context.watch()));
} else {
    const results = await Promise.all(contexts.map(context => context.rebuild()));
    await Promise.all(contexts.map(context => context.dispose()));
    for (const file of results.flatMap(result => Object.keys(result.metafile.outputs)).filter(name => name.endsWith('.cjs'))) {
        // esbuild escapes non-ASCII text but leaves regular expressions as written: write those characters as \u escapes.
        const bytes = readFileSync(file);
        if (!isAscii(bytes)) throw new Error(`${file} is not ASCII at byte ${bytes.findIndex(byte => byte > 0x7f)}: write the characters of that regular expression as \\u escapes`);
    }
    writeFileSync(`${outdir}/THIRD-PARTY-NOTICES.txt`, thirdPartyNotices(results.map(result => result.metafile), 'Mandate'));
    // The editor validates mandate.config.json against this schema (package.json jsonValidation);
    // it is generated from the rule registry, so it always lists exactly the rules that exist.
    // Both are written without indentation: they ship in the .vsix, where only the editor reads them.
    const noCache = { env: { ...process.env, MANDATE_COMPILE_CACHE: 'off' } };
    const schema = (...args) => JSON.stringify(JSON.parse(execFileSync(process.execPath, [`${outdir}/cli/main.cjs`, 'config-schema', ...args], { ...noCache, encoding: 'utf8' })));
    writeFileSync(`${outdir}/mandate.config.schema.json`, schema());
    // Catalogue files of an organization's own frameworks (named in mandate.config.json) are validated with this one.
    writeFileSync(`${outdir}/mandate.catalogue.schema.json`, schema('--catalogue'));
    // The rule pages as one file ({ "rule-id": "markdown" }), which the extension serves (client/rule-docs.ts):
    // 54 small files, each compressed alone and with its own zip entry, took twice the space in the .vsix.
    const ruleDocs = join(PROJECT_ROOT, 'docs', 'rules');
    const pages = readdirSync(ruleDocs).filter(name => /^[a-z0-9-]+\.md$/.test(name)).sort()
        .map(name => [name.slice(0, -'.md'.length), readFileSync(join(ruleDocs, name), 'utf8')]);
    // Brotli-compressed (RULE_DOCS_FILE in language/lsp/mandate-protocol.ts): 35 KB instead of the 44 KB the .vsix's
    // deflate made of the text, which kept the package under its size goal; read once, when a page is first shown.
    writeFileSync(`${outdir}/rule-docs.json.br`, brotliCompressSync(JSON.stringify(Object.fromEntries(pages)), { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11 } }));
}
