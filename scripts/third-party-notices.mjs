// The licence notices of every package the bundles contain (esbuild.mjs writes them to
// out/THIRD-PARTY-NOTICES.txt, which ships in the .vsix): the MIT, ISC, Apache-2.0 and Blue Oak
// licences of Langium, Chevrotain, dagre, the LSP libraries and the rest all ask that their notice
// goes with every copy, and the bundles are copies. The packages come from esbuild's metafiles, so
// a new dependency is listed by the next build; one without a licence file stops the build. A
// package may ship a prebuilt file that holds other packages (dagre holds graphlib, vscode-uri
// holds path-browserify): the source map beside that file names them, and they are listed too.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Packages that a dependency embeds without depending on them, so they are not installed: their
 * licence as their own package ships it.
 */
const NOT_INSTALLED = {
    'path-browserify': {
        version: '1.0.1', license: 'MIT',
        text: `MIT License

Copyright (c) 2013 James Halliday

Permission is hereby granted, free of charge, to any person obtaining a copy of
this software and associated documentation files (the "Software"), to deal in
the Software without restriction, including without limitation the rights to
use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of
the Software, and to permit persons to whom the Software is furnished to do so,
subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS
FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR
COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER
IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN
CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.`
    }
};

/** The package a path inside node_modules belongs to: the name after the last `node_modules/`. */
function packageNameIn(path) {
    const at = path.lastIndexOf('node_modules/');
    if (at < 0) return undefined;
    const [first, second] = path.slice(at + 'node_modules/'.length).split('/');
    return first.startsWith('@') ? `${first}/${second}` : first;
}

/** Packages named by the source map beside a prebuilt file, other than the file's own. */
function embeddedIn(file, own) {
    const map = `${file}.map`;
    if (!existsSync(map)) return [];
    const { sources = [] } = JSON.parse(readFileSync(map, 'utf8'));
    return [...new Set(sources.map(packageNameIn).filter(name => name && name !== own))];
}

/** Where Node would find package `name` from `folder`: its node_modules, then each parent's. */
function installedFolder(name, folder) {
    for (let dir = folder; ; dir = dirname(dir)) {
        const candidate = join(dir, 'node_modules', name);
        if (existsSync(join(candidate, 'package.json'))) return candidate;
        if (dirname(dir) === dir) return undefined;
    }
}

const LICENCE_FILE = /^(licen[cs]e|copying)(\.(md|txt))?$/i;

/** The folder of each package a metafile's inputs come from (nested ones included), and the packages those embed. */
function packageFolders(metafiles) {
    const folders = new Set();
    const notInstalled = new Set();
    for (const metafile of metafiles) {
        for (const input of Object.keys(metafile.inputs)) {
            // A plugin's virtual module (`one-namespace:…`) stands for a file that is an input itself.
            if (/^[a-z-]+:/.test(input)) continue;
            const path = input.replace(/\\/g, '/');
            const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(path);
            if (!match) continue;
            folders.add(match[1]);
            for (const name of embeddedIn(path, packageNameIn(path))) {
                const folder = installedFolder(name, match[1]);
                if (folder) folders.add(folder);
                else if (NOT_INSTALLED[name]) notInstalled.add(name);
                else throw new Error(`${path} embeds ${name}, which is not installed: add its notice to NOT_INSTALLED in scripts/third-party-notices.mjs`);
            }
        }
    }
    return { folders: [...folders], notInstalled: [...notInstalled] };
}

function licenceOf(folder) {
    const file = readdirSync(folder).find(name => LICENCE_FILE.test(name));
    if (!file) throw new Error(`${folder} has no licence file: add its notice to scripts/third-party-notices.mjs by hand before shipping it`);
    return readFileSync(join(folder, file), 'utf8').replace(/\r\n/g, '\n').trim();
}

/** The notices: packages sharing a licence text are listed together above it, in name order. */
export function thirdPartyNotices(metafiles, projectName) {
    const byText = new Map();
    const add = (name, version, license, text) => {
        const entry = byText.get(text) ?? { packages: new Set(), text };
        entry.packages.add(`${name} ${version} (${license ?? 'see below'})`);
        byText.set(text, entry);
    };
    const { folders, notInstalled } = packageFolders(metafiles);
    for (const folder of folders) {
        const { name, version, license } = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8'));
        add(name, version, license, licenceOf(folder));
    }
    for (const name of notInstalled) add(name, NOT_INSTALLED[name].version, NOT_INSTALLED[name].license, NOT_INSTALLED[name].text);
    const groups = [...byText.values()]
        .map(entry => ({ packages: [...entry.packages].sort(), text: entry.text }))
        .sort((a, b) => a.packages[0].localeCompare(b.packages[0]));
    const rule = '-'.repeat(78);
    return [
        `${projectName} bundles the following packages. Their licences ask that these notices go with every copy.`,
        '',
        ...groups.flatMap(group => [rule, ...group.packages, rule, '', group.text, '']),
    ].join('\n');
}
