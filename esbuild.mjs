// Bundles the extension client, the language server and the CLI into out/ as CommonJS.
// Langium is ESM-only, so everything that ships is bundled; the .vsix needs no node_modules.
import * as esbuild from 'esbuild';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');
// Node 20 lacks Object.groupBy, which chevrotain calls at parser construction time.
const polyfill = readFileSync(new URL('./polyfill.cjs', import.meta.url), 'utf8');
const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

/** @type {import('esbuild').BuildOptions} */
const common = {
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    outExtension: { '.js': '.cjs' },
    sourcemap: !production,
    minify: production,
    logLevel: 'warning',
    banner: { js: polyfill },
    // Prefer packages' ESM builds: jsonc-parser's UMD build hides its requires from the bundler.
    mainFields: ['module', 'main'],
    // import.meta.url is used by some ESM dependencies; map it for the CJS output.
    define: { 'import.meta.url': 'importMetaUrl', MANDATE_VERSION: JSON.stringify(version) },
    inject: ['./scripts/import-meta-url.js']
};

const targets = [
    { entryPoints: { 'client/extension': 'client/extension.ts' }, external: ['vscode'] },
    { entryPoints: { 'server/main': 'server/main.ts' } },
    { entryPoints: { 'cli/main': 'cli/main.ts' } }
];

const contexts = await Promise.all(targets.map(target => esbuild.context({ ...common, ...target, outdir: 'out' })));
if (watch) {
    await Promise.all(contexts.map(context => context.watch()));
} else {
    await Promise.all(contexts.map(context => context.rebuild()));
    await Promise.all(contexts.map(context => context.dispose()));
    // The editor validates mandate.config.json against this schema (package.json jsonValidation);
    // it is generated from the rule registry, so it always lists exactly the rules that exist.
    writeFileSync('out/mandate.config.schema.json', execFileSync(process.execPath, ['out/cli/main.cjs', 'config-schema']));
    // Catalogue files of an organization's own frameworks (named in mandate.config.json) are validated with this one.
    writeFileSync('out/mandate.catalogue.schema.json', execFileSync(process.execPath, ['out/cli/main.cjs', 'config-schema', '--catalogue']));
}
