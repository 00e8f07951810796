// Bundles the e2e suite and its two harnesses into out/e2e/ as CommonJS (`npm run build:e2e`,
// after `tsc -p tests/e2e` has typechecked them). VS Code loads out/e2e/suite/index.cjs, which
// runs the *.test.cjs next to it. `vscode` is provided by the extension host; mocha,
// playwright-core and @vscode/test-electron are loaded from node_modules, because the suite and
// the harnesses always run from a checkout.
import * as esbuild from 'esbuild';
import { readdirSync } from 'node:fs';

const suite = readdirSync('tests/e2e/suite')
    .filter(name => name === 'index.ts' || name.endsWith('.test.ts'))
    .map(name => `tests/e2e/suite/${name}`);

/** @type {import('esbuild').BuildOptions} */
const common = {
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    outExtension: { '.js': '.cjs' },
    sourcemap: 'inline',
    logLevel: 'warning',
    external: ['vscode', 'mocha', 'playwright-core', '@vscode/test-electron']
};

await Promise.all([
    esbuild.build({ ...common, entryPoints: suite, outdir: 'out/e2e/suite' }),
    esbuild.build({
        ...common,
        entryPoints: { 'run-code-server': 'tests/e2e/code-server/run.ts', 'run-desktop': 'tests/e2e/run-desktop.ts' },
        outdir: 'out/e2e'
    })
]);
