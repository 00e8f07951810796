// An esbuild plugin that loads some of Node's own modules when a bundle first uses them instead of
// when it starts. A bundle runs every `require` of its modules at start: node:child_process (for
// git, and vscode-languageserver's lookup of global npm folders), node:crypto (hashes for
// fingerprints and reports, vscode-jsonrpc's pipe names) and node:worker_threads (the CLI's side
// threads, Langium's worker parser) cost the language server 15–20 ms before it could answer
// `initialize`, and a small CLI check about as much, though most runs need few of them.
//
// Each import of such a module gets a stand-in whose properties are getters, one per export of the
// real module (listed here, at build time, from the Node.js that builds), which load it on first
// read. A property read is all any importer does with these modules, so nothing else changes.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const NAMESPACE = 'lazy-builtin';

/** @type {(modules: readonly string[]) => import('esbuild').Plugin} */
export const lazyBuiltins = modules => ({
    name: 'lazy-builtins',
    setup(build) {
        const names = modules.map(name => name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|');
        build.onResolve({ filter: new RegExp(`^(node:)?(${names})$`) }, args => (args.namespace === NAMESPACE
            // The stand-in's own require of the real module.
            ? { path: args.path, external: true }
            : { path: args.path.replace(/^node:/, ''), namespace: NAMESPACE }));
        build.onLoad({ filter: /.*/, namespace: NAMESPACE }, args => {
            const exports = Object.keys(require(`node:${args.path}`)).filter(key => key !== 'default' && /^[A-Za-z_$][\w$]*$/.test(key));
            const contents = [
                'let real;',
                `const load = () => (real ??= require(${JSON.stringify(`node:${args.path}`)}));`,
                ...exports.map(key => `Object.defineProperty(exports, ${JSON.stringify(key)}, { enumerable: true, get: () => load()[${JSON.stringify(key)}] });`)
            ].join('\n');
            return { contents, loader: 'js' };
        });
    }
});
