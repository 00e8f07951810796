// Starts a bundle with V8's code cache, so a start does not compile again what the last one did.
// esbuild.mjs writes this file as out/<cli|server>/main.cjs, next to the bundle it starts (BUNDLE),
// with that bundle's SHA-256 (BUNDLE_HASH), which names its cache file, and with when the cache is
// made (CACHE_WHEN):
// - 'exit' (the CLI): written when the process exits or a few seconds after start (a long run, or
//   a diff's side thread), then including the functions that ran meanwhile: a small check runs
//   much the same functions each time.
// - 'compile' (the language server): made as soon as the bundle is compiled, before it runs, so it
//   holds only what V8 compiles up front (the bundle's top level); every function compiles when
//   first called, as without a cache. A server started from a cache that held the functions of its
//   first build answered edits more slowly for as long as it ran.
//
// Compiling the 1.2 MB bundle costs a small CLI check about a fifth of its time, and the server
// about 80 ms before it can answer `initialize`. Node 22+ caches compiled code itself
// (module.enableCompileCache); on Node 20 the cache is V8's, through the vm module.
//
// The cache lives in a folder of the user's own under the temporary folder, which is used only if
// it belongs to the user and nobody else may write it; a cache V8 rejects is written again.
// MANDATE_COMPILE_CACHE=off turns it off, MANDATE_COMPILE_CACHE=<folder> puts it elsewhere.
'use strict';
const fs = require('node:fs');
const Module = require('node:module');
const os = require('node:os');
const path = require('node:path');
const vm = require('node:vm');

const BUNDLE = '__BUNDLE__';
const BUNDLE_HASH = '__BUNDLE_HASH__';
const CACHE_WHEN = '__CACHE_WHEN__';
// The language server's bundle ships Brotli-compressed (BUNDLE + '.br', ~330 KB where the .vsix's
// deflate made ~400 KB); decompressing it takes a few milliseconds of the start. When the file is
// there it is what runs, in the repository too, so that tests and benchmarks start what ships.
const COMPRESSED = '__COMPRESSED__' === 'true';
const WRITE_AFTER_MS = 5000;
// The CLI keeps one file per command, the server one.
const KEEP_FILES = 16;

const bundle = path.join(__dirname, BUNDLE);
const setting = process.env.MANDATE_COMPILE_CACHE;

/** The cache folder, or undefined when it cannot be trusted or made. */
function cacheFolder() {
    if (setting === 'off') return undefined;
    const uid = typeof process.getuid === 'function' ? process.getuid() : undefined;
    const folder = setting || path.join(os.tmpdir(), `mandate-compile-cache${uid === undefined ? '' : `-${uid}`}`);
    try {
        fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
        const stat = fs.statSync(folder);
        if (!stat.isDirectory()) return undefined;
        // Someone else's folder, or one others may write to, could hold code that is not ours.
        if (uid !== undefined && (stat.uid !== uid || (stat.mode & 0o022) !== 0)) return undefined;
        return folder;
    } catch {
        return undefined;
    }
}

function runBundle() {
    require(bundle);
}

/** The compressed bundle's bytes, or undefined when there is none (the bundle runs as Node loads it). */
function compressedBundle() {
    if (!COMPRESSED) return undefined;
    try {
        return require('node:zlib').brotliDecompressSync(fs.readFileSync(`${bundle}.br`));
    } catch {
        return undefined;
    }
}

/** Runs the bundle from its text, with V8's cache in `folder` (none when undefined); `bytes`: the text, when read already. */
function runWithV8Cache(folder, bytes = fs.readFileSync(bundle)) {
    // A CLI command (`check`, `report`, …) runs code of its own: each keeps its own cache.
    const command = CACHE_WHEN === 'exit' && /^[a-z][a-z-]*$/.test(process.argv[2] ?? '') ? `-${process.argv[2]}` : '';
    const file = folder && path.join(folder, `${path.basename(BUNDLE, '.cjs')}${command}-${BUNDLE_HASH}-${process.version}-${process.arch}.bin`);
    let cachedData;
    try {
        cachedData = file && fs.readFileSync(file);
    } catch {
        cachedData = undefined;
    }
    const write = data => {
        if (!file) return;
        try {
            // A diff's side thread runs this loader too: the thread's id keeps the two writes apart.
            const temporary = `${file}.${process.pid}-${require('node:worker_threads').threadId}.tmp`;
            fs.writeFileSync(temporary, data());
            fs.renameSync(temporary, file);
            forgetOldFiles(folder, file);
        } catch {
            // A cache that cannot be written only means the next start compiles again.
        }
    };
    // The bundles are ASCII (esbuild.mjs), which read as Latin-1 is the same text, made twice as fast as
    // by decoding UTF-8 and kept by V8 in one byte a character; anything else is read as UTF-8.
    const source = require('node:buffer').isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
    // What Node's own loader would hand the bundle: its module, and a require relative to it.
    const bundleModule = new Module(bundle, module);
    bundleModule.filename = bundle;
    const args = [bundleModule.exports, Module.createRequire(bundle), bundleModule, bundle, __dirname];
    if (CACHE_WHEN === 'compile') {
        // As Node's loader compiles a module (vm.compileFunction), with the cache made there and then.
        const run = vm.compileFunction(source, ['exports', 'require', 'module', '__filename', '__dirname'], {
            filename: bundle, cachedData, produceCachedData: cachedData === undefined
        });
        if (cachedData === undefined && run.cachedDataProduced) write(() => run.cachedData);
        // A cache V8 refuses (another build of V8, a damaged file) goes; the next start writes a new one.
        if (cachedData !== undefined && run.cachedDataRejected) forget(file);
        run.apply(bundleModule.exports, args);
    } else {
        const script = new vm.Script(Module.wrap(source), { filename: bundle, cachedData });
        if (cachedData === undefined || script.cachedDataRejected) {
            const writeNow = () => write(() => script.createCachedData());
            // Written at exit, or after a few seconds if that comes first.
            process.once('exit', writeNow);
            setTimeout(() => {
                process.removeListener('exit', writeNow);
                writeNow();
            }, WRITE_AFTER_MS).unref();
        }
        script.runInThisContext()(...args);
    }
    bundleModule.loaded = true;
}

function forget(file) {
    try {
        fs.rmSync(file, { force: true });
    } catch {
        // Left for the next start to refuse again.
    }
}

/** Keeps the most recent cache files only: each build of the bundle leaves one. */
function forgetOldFiles(folder, keep) {
    const files = fs.readdirSync(folder).filter(name => name.endsWith('.bin')).map(name => path.join(folder, name))
        .map(name => ({ name, time: fs.statSync(name).mtimeMs })).sort((a, b) => b.time - a.time);
    for (const { name } of files.slice(KEEP_FILES)) if (name !== keep) fs.rmSync(name, { force: true });
}

const folder = cacheFolder();
const compressed = compressedBundle();
if (compressed) {
    runWithV8Cache(folder, compressed);
} else if (folder && typeof Module.enableCompileCache === 'function') {
    Module.enableCompileCache(folder);
    runBundle();
} else if (folder) {
    runWithV8Cache(folder);
} else {
    runBundle();
}
