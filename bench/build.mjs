// Bundles the benchmark runner into out/bench/main.cjs, the way esbuild.mjs bundles the shipped code,
// so that `npm run bench` runs TypeScript with no extra dependency. The runner loads no engine code:
// it drives each build's CLI and server as child processes.
import * as esbuild from 'esbuild';

await esbuild.build({
    entryPoints: { 'bench/main': 'bench/main.ts' },
    outdir: 'out',
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    outExtension: { '.js': '.cjs' },
    sourcemap: true,
    logLevel: 'warning',
    // The tests' LSP client reads import.meta.url; map it for the CJS output as esbuild.mjs does.
    define: { 'import.meta.url': 'importMetaUrl' },
    inject: ['./scripts/import-meta-url.js']
});
