/**
 * Paths a policy names are resolved for real and never leave the workspace (issue 11): symbolic
 * links inside the workspace that lead outside, `file:` URLs, percent-encoding, `~`, Windows
 * separators and special files. A canary file outside the workspace is linked from the policy;
 * every `node:fs` call the engine makes is recorded, and the canary is never looked up, opened or
 * read, and its content reaches no finding, no report format and no hover.
 */
import { readFile, realpath, rm, stat, utimes, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { URI } from 'langium';
import { NodeFileSystem, NodeFileSystemProvider } from 'langium/node';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadProject } from '../language/config/config-loader.js';
import { checkSources, collectFindings, type CheckedWorkspace } from '../language/engine/check-sources.js';
import { createMandateServices } from '../language/mandate-module.js';
import { buildReport } from '../language/report/build-report.js';
import { REPORT_FORMATS, renderReport } from '../language/report/formats.js';
import { resolvePolicyPath } from '../language/util/policy-paths.js';
import { locatePolicyPath } from '../language/workspace/policy-path.js';
import { NODE_PATH_PROBE } from '../language/workspace/path-probe.js';
import { AS_OF } from './helpers.js';
import { expectedFindings, hostileWorkspace, type HostileWorkspace } from './policy-paths-fixture.js';

// Every path given to a `node:fs` function by the engine's own modules, and to Langium's file
// system provider, with the function's name: to prove what is never touched.
const touched = vi.hoisted(() => [] as Array<{ fn: string; path: string }>);
vi.mock('node:fs', async importOriginal => {
    const actual = await importOriginal<Record<string, unknown>>();
    const record = (fn: string, first: unknown) => {
        if (typeof first === 'string' || first instanceof URL || Buffer.isBuffer(first)) touched.push({ fn, path: first instanceof URL ? first.pathname : String(first) });
    };
    const wrap = (target: Record<string, unknown>) => {
        const wrapped: Record<string, unknown> = {};
        for (const [name, value] of Object.entries(target)) {
            if (typeof value !== 'function' || !/^[a-z]/.test(name)) {
                wrapped[name] = value;
                continue;
            }
            const original = value as (...args: unknown[]) => unknown;
            const spy: ((...args: unknown[]) => unknown) & { native?: unknown } = Object.assign((...args: unknown[]) => {
                record(name, args[0]);
                return original.apply(target, args);
            }, original);
            if (typeof (original as { native?: unknown }).native === 'function') {
                const native = (original as unknown as { native: (...args: unknown[]) => unknown }).native;
                spy.native = (...args: unknown[]) => {
                    record(name, args[0]);
                    return native(...args);
                };
            }
            wrapped[name] = spy;
        }
        return wrapped;
    };
    const wrapped = wrap(actual);
    wrapped.promises = wrap(actual.promises as Record<string, unknown>);
    return { ...wrapped, default: wrapped };
});
// Langium's provider uses its own copy of `fs`: every call through it is recorded too.
for (const name of ['stat', 'statSync', 'exists', 'existsSync', 'readFile', 'readFileSync', 'readBinary', 'readBinarySync', 'readDirectory', 'readDirectorySync'] as const) {
    const prototype = NodeFileSystemProvider.prototype as unknown as Record<string, (uri: URI) => unknown>;
    const original = prototype[name];
    prototype[name] = function (this: unknown, uri: URI) {
        touched.push({ fn: `provider.${name}`, path: uri.fsPath });
        return original.call(this, uri);
    };
}

/** Functions that never follow a final symbolic link: only the path given counts. */
const NO_FOLLOW = new Set(['lstat', 'lstatSync', 'readlink', 'readlinkSync', 'realpath', 'realpathSync']);

let workspace: HostileWorkspace;
let checked: CheckedWorkspace;
let outputs: Map<string, string>;
let canaryAtime: number;

const rootUri = () => URI.file(workspace.root).toString();

function rows(findings: ReadonlyArray<{ uri: string; line: number; rule: string }>, rules = ['path-outside-workspace', 'evidence-missing']): string[] {
    return findings.filter(finding => rules.includes(finding.rule))
        .map(finding => `${path.basename(URI.parse(finding.uri).fsPath)}:${finding.line} ${finding.rule}`).sort();
}

/** Whether `file` is the canary, its folder, or anything else outside the workspace that the policy links to. */
function isOutside(file: string): boolean {
    const absolute = path.resolve(file);
    return absolute === workspace.outside || absolute.startsWith(workspace.outside + path.sep)
        || absolute === '/etc/passwd' || absolute === '/dev/zero';
}

/**
 * The recorded calls that reached outside the workspace: by the path given, or, for a function
 * that follows links (stat, exists, open, read…), by where that path really leads.
 */
async function outsideAccesses(): Promise<string[]> {
    const found: string[] = [];
    for (const { fn, path: file } of touched) {
        const real = NO_FOLLOW.has(fn) ? file : await realpath(file).catch(() => file);
        if (isOutside(file) || isOutside(real)) found.push(`${fn}(${file})`);
    }
    return found;
}

beforeAll(async () => {
    workspace = await hostileWorkspace();
    // An access time before the modification time: on a relatime mount (Linux's default) any read updates it.
    await utimes(workspace.canaryPath, new Date('2001-01-01T00:00:00Z'), new Date('2002-01-01T00:00:00Z'));
    canaryAtime = (await stat(workspace.canaryPath)).atimeMs;
    touched.length = 0;
    const sources = await Promise.all(['organization.mandate', 'roles.mandate', 'people.mandate'].map(async name => ({
        uri: URI.file(path.join(workspace.root, name)).toString(), text: await readFile(path.join(workspace.root, name), 'utf8')
    })));
    checked = await checkSources(sources, { asOf: AS_OF, roots: [rootUri()], fileSystem: NodeFileSystem.fileSystemProvider });
    const report = buildReport(checked.services.shared, checked.findings, {
        toolVersion: '0.0.0-test', generatedAt: '2025-06-30T00:00:00.000Z', repository: { git: false }
    });
    outputs = new Map();
    for (const format of REPORT_FORMATS) outputs.set(format, await renderReport(report, format));
    // Hover over every evidence line and the job description, as the editor would.
    const hover = checked.services.lsp.HoverProvider!;
    for (const document of checked.documents) {
        const lines = document.textDocument.getText().split('\n');
        for (const [line, text] of lines.entries()) {
            const at = text.indexOf('"');
            if (at < 0) continue;
            const result = await hover.getHoverContent(document, { textDocument: { uri: document.uri.toString() }, position: { line, character: at + 2 } });
            outputs.set(`hover ${path.basename(document.uri.fsPath)}:${line + 1}`, JSON.stringify(result ?? null));
        }
    }
}, 120_000);

afterAll(async () => {
    await workspace?.remove();
});

describe('paths named in a policy, resolved for real', () => {
    it('reports every link out of the workspace, file: URL, encoded and ~ path, FIFO and loop, and nothing else', () => {
        expect(rows(checked.findings)).toEqual(expectedFindings(workspace));
        expect(workspace.cases.size).toBeGreaterThan(20);
    });

    it('names the path as written and, for a link, the link that leads outside', () => {
        const people = checked.findings.filter(finding => finding.uri.endsWith('/people.mandate'));
        for (const [line, entry] of workspace.cases) {
            const finding = people.find(candidate => candidate.line === line && candidate.rule === entry.rule);
            if (!entry.rule) {
                expect(people.filter(candidate => candidate.line === line)).toEqual([]);
                continue;
            }
            expect(finding?.message, entry.text).toContain(`'${entry.text}'`);
            expect(finding?.message, entry.text).toMatch(entry.message!);
            expect(finding?.message).not.toMatch(/undefined/);
        }
        const jobDescription = checked.findings.find(finding => finding.uri.endsWith('/roles.mandate') && finding.rule === 'path-outside-workspace');
        expect(jobDescription?.message).toBe("'docs/ciso.md' is not inside the workspace folder: 'docs/ciso.md' is a symbolic link that leads outside the workspace folder. "
            + 'Copy the document into the repository in place of the link; Mandate never follows a link out of the workspace.');
    });

    it('never looks up, opens or reads anything outside the workspace, and the canary reaches no output', async () => {
        // The recorder works: the engine did look up entries inside the workspace.
        expect(touched.some(call => path.resolve(call.path).startsWith(workspace.root + path.sep))).toBe(true);
        expect(await outsideAccesses()).toEqual([]);
        expect((await stat(workspace.canaryPath)).atimeMs).toBe(canaryAtime);
        expect(outputs.size).toBeGreaterThan(REPORT_FORMATS.length);
        for (const [name, text] of [...outputs, ['findings', JSON.stringify(checked.findings)] as const]) {
            expect(text.includes(workspace.canaryText), name).toBe(false);
            expect(text.includes(workspace.canarySha256), name).toBe(false);
        }
    });

    it('hashes and links the files that are inside for real, also through a link inside the workspace', () => {
        const json = JSON.parse(outputs.get('json')!) as { provenance: { documents: Array<{ file: string }> }; roles: Array<{ jobDescriptionFile?: string }> };
        expect(json.provenance.documents.map(document => document.file)).toEqual(['evidence/board minutes.pdf', 'evidence/board.pdf', 'linked-evidence/board.pdf']);
        // The job description is a link to the canary: named, never linked.
        expect(json.roles.map(role => role.jobDescriptionFile).filter(Boolean)).toEqual([]);
    });

    it('gives the language server the same findings as the CLI engine', async () => {
        const { shared } = createMandateServices({ ...NodeFileSystem });
        shared.mandate.Settings.setAsOf(AS_OF);
        await shared.workspace.WorkspaceManager.initializeWorkspace([{ name: 'ws', uri: rootUri() }]);
        const findings = collectFindings(shared.workspace.LangiumDocuments.all);
        const key = (list: readonly (typeof findings)[number][]) => list.map(finding => `${path.basename(URI.parse(finding.uri).fsPath)}:${finding.line}:${finding.column} ${finding.rule} ${finding.message}`).sort();
        expect(key(findings)).toEqual(key(checked.findings));
        expect(await outsideAccesses()).toEqual([]);
    });
});

describe('the path resolver', () => {
    const ROOT = URI.file('/ws');

    it.each([
        ['file:///etc/passwd', /`file:` URL outside/],
        ['FILE://localhost/etc/passwd', /`file:` URL outside/],
        ['file://server/share/x.pdf', /another computer/],
        ['file:evidence/x.pdf', /without an absolute path/],
        ['%2e%2e/secrets.txt', /percent-encoding/],
        ['%2E%2E%2Fsecrets.txt', /percent-encoding/],
        ['%25252e%25252e/secrets.txt', /percent-encoding/],
        ['..%5c..%5csecrets.txt', /percent-encoding/],
        ['evidence/%00.pdf', /control character/],
        ['~/secrets.txt', /starts with `~`/],
        ['~', undefined],
        ['~admin/secrets.txt', /starts with `~`/],
        ['..\\..\\secrets.txt', /`\.\.` segments climb/],
        ['C:\\Windows\\win.ini', /absolute path outside/],
        ['C:secrets.txt', /another drive/],
        ['\\\\server\\share\\secrets.txt', /absolute path outside/]
    ])('refuses %s before any file system access', (text, reason) => {
        const resolved = resolvePolicyPath(text, ROOT);
        if (reason === undefined) {
            expect(resolved.kind).toBe('reference'); // `~` alone names nothing to read
            return;
        }
        expect(resolved).toMatchObject({ kind: 'outside', reason: expect.stringMatching(reason) });
    });

    it.each([
        ['file:///ws/evidence/x.pdf', 'evidence/x.pdf', true],
        ['evidence/a%20b.pdf', 'evidence/a b.pdf', false],
        ['evidence\\x.pdf', 'evidence/x.pdf', false],
        ['100%.pdf', '100%.pdf', false]
    ])('normalises %s to %s', (text, relative, absolute) => {
        expect(resolvePolicyPath(text, ROOT)).toMatchObject({ kind: 'inside', relative, absolute });
    });

    it('walks a workspace with no file system access beyond it', async () => {
        const located = locatePolicyPath('evidence/chain.pdf', URI.file(workspace.root), NODE_PATH_PROBE);
        expect(located).toMatchObject({ kind: 'outside', link: 'evidence/canary.pdf' });
        const linked = locatePolicyPath('linked-evidence/board.pdf', URI.file(workspace.root), NODE_PATH_PROBE);
        expect(linked).toMatchObject({ kind: 'inside', relative: 'linked-evidence/board.pdf', entry: { type: 'file' } });
        expect(linked.kind === 'inside' && linked.entry.type === 'file' ? linked.entry.real.fsPath : undefined).toBe(path.join(workspace.root, 'evidence', 'board.pdf'));
        expect(locatePolicyPath('evidence/nothing.pdf', URI.file(workspace.root), NODE_PATH_PROBE)).toMatchObject({ kind: 'inside', entry: { type: 'missing' } });
        expect(locatePolicyPath('evidence/board.pdf/x.pdf', URI.file(workspace.root), NODE_PATH_PROBE)).toMatchObject({ kind: 'inside', entry: { type: 'missing' } });
        expect(await outsideAccesses()).toEqual([]);
    });
});

describe('catalogue files named in mandate.config.json, by the same resolver', () => {
    it('refuses a FIFO, a folder and a link out of the workspace without opening them', async () => {
        const config = path.join(workspace.root, 'mandate.config.json');
        const entries = ['evidence/canary.pdf', 'evidence/outside-folder/minutes.pdf', 'evidence', ...(workspace.fifo ? ['evidence/pipe.pdf'] : [])];
        await writeFile(config, JSON.stringify({ catalogues: entries }));
        try {
            touched.length = 0;
            const loaded = await loadProject(NodeFileSystem.fileSystemProvider(), [URI.file(workspace.root)]);
            expect(loaded.catalogues.configProblems.map(problem => problem.message)).toEqual([
                "'evidence/canary.pdf' leads outside the workspace folder through a symbolic link; catalogue files are only read from inside it.",
                "'evidence/outside-folder/minutes.pdf' leads outside the workspace folder through a symbolic link; catalogue files are only read from inside it.",
                "'evidence' is a folder, not a catalogue file; catalogue files are only read from regular files.",
                ...(workspace.fifo ? ["'evidence/pipe.pdf' is a named pipe (FIFO), not a catalogue file; catalogue files are only read from regular files."] : [])
            ]);
            expect(await outsideAccesses()).toEqual([]);
        } finally {
            await rm(config, { force: true });
        }
    }, 20_000);
});

