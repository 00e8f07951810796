// Loads a CommonJS module stored Brotli-compressed next to this file: `graph-layout.cjs` loads
// `graph-layout.cjs.br`. esbuild.mjs ships Graphviz (@viz-js/viz, 1.2 MB, mostly its embedded
// WebAssembly) this way: 350 KB instead of the 470 KB the .vsix would hold zipped. It is only read
// when a graph is first drawn; decompressing takes a few milliseconds.
'use strict';
const { readFileSync } = require('node:fs');
const { runInThisContext } = require('node:vm');
const { brotliDecompressSync } = require('node:zlib');

const file = `${__filename}.br`;
const source = brotliDecompressSync(readFileSync(file)).toString('utf8');
// The same wrapper Node puts around a CommonJS file; the module's exports become this module's.
const wrapper = runInThisContext(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: file });
wrapper.call(module.exports, module.exports, require, module, file, __dirname);
