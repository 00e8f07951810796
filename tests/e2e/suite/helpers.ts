/**
 * Shared helpers of the extension-host suite.
 *
 * Mandate treats all .mandate files of a workspace as one policy, so the example folders cannot
 * all be open at once (every findings example declares `acme`, `ciso`, ...). The suite's
 * workspace is a throw-away folder (tests/e2e/workspace.ts makes it) and `stage()` swaps one
 * example at a time into it, as a copy, so no test ever touches the repository's files. The
 * language server learns about the swap through the client's file watcher, as it would when a
 * person copies files in.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'mandate.mandate';
/** How long the server may take to react to a change before a test fails. */
export const SETTLE_TIMEOUT_MS = 30_000;
/** A build has settled when no diagnostics changed for this long after every file was published. */
const QUIET_MS = 750;

export function extension(): vscode.Extension<unknown> {
    const found = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(found, `extension ${EXTENSION_ID} is not loaded`);
    return found;
}

/** The repository's examples/, found through the extension under test (its folder is the repo root). */
export function examplesFolder(): string {
    return path.join(extension().extensionPath, 'examples');
}

export function workspaceFolder(): string {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the suite needs a workspace folder (tests/e2e/workspace.ts)');
    return folder.uri.fsPath;
}

export function policyFiles(folder: string): string[] {
    return fs.readdirSync(folder, { recursive: true, encoding: 'utf8' })
        .filter(name => name.endsWith('.mandate'))
        .map(name => path.join(folder, name))
        .sort();
}

export interface Finding {
    /** Path relative to the staged folder, with forward slashes. */
    readonly file: string;
    /** 1-based, like the `// expect:` markers and the CLI. */
    readonly line: number;
    readonly rule: string;
}

export const brief = (finding: Finding): string => `${finding.file}:${finding.line} ${finding.rule}`;

const MARKER = /\/\/\s*expect:\s*([a-z0-9-]+(?:\s*,\s*[a-z0-9-]+)*)\s*$/;
/** For a line that cannot end in a marker (a suppression comment runs to the end of its line). */
const NEXT_LINE_MARKER = /^\s*\/\/\s*expect-next-line:\s*([a-z0-9-]+(?:\s*,\s*[a-z0-9-]+)*)\s*$/;

/**
 * `// expect: rule-id[, rule-id]` at the end of a line, or `// expect-next-line: rule-id` alone on
 * the line above, parsed as tests/examples.test.ts does.
 */
export function expectedFindings(folder: string): Finding[] {
    return policyFiles(folder).flatMap(file => fs.readFileSync(file, 'utf8').split(/\r?\n/).flatMap((text, index) => {
        const nextLine = NEXT_LINE_MARKER.exec(text);
        const match = nextLine ?? MARKER.exec(text);
        if (!match) return [];
        const line = nextLine ? index + 2 : index + 1;
        return match[1].split(',').map(rule => ({ file: relative(folder, file), line, rule: rule.trim() }));
    })).sort(byPosition);
}

function relative(folder: string, file: string): string {
    return path.relative(folder, file).split(path.sep).join('/');
}

function byPosition(a: Finding, b: Finding): number {
    return a.file.localeCompare(b.file) || a.line - b.line || a.rule.localeCompare(b.rule);
}

export function ruleOf(diagnostic: vscode.Diagnostic): string {
    const code = diagnostic.code;
    return String(typeof code === 'object' && code !== null ? code.value : code ?? '');
}

/** Every diagnostic VS Code holds for files under `folder`, optionally only these severities. */
export function findingsUnder(folder: string, severities?: readonly vscode.DiagnosticSeverity[]): Finding[] {
    return vscode.languages.getDiagnostics()
        .filter(([uri]) => uri.scheme === 'file' && isInside(folder, uri.fsPath))
        .flatMap(([uri, diagnostics]) => diagnostics
            .filter(diagnostic => !severities || severities.includes(diagnostic.severity))
            .map(diagnostic => ({ file: relative(folder, uri.fsPath), line: diagnostic.range.start.line + 1, rule: ruleOf(diagnostic) })))
        .sort(byPosition);
}

function isInside(folder: string, file: string): boolean {
    const rel = path.relative(folder, file);
    return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/**
 * Resolves once `condition()` holds, checking after every diagnostics change and every 100 ms;
 * rejects after `timeoutMs` with `describe()`, so a failure says what was there instead.
 */
export function waitFor(condition: () => boolean, describe: () => string, timeoutMs = SETTLE_TIMEOUT_MS): Promise<void> {
    return new Promise((resolve, reject) => {
        const check = (): void => {
            if (!condition()) return;
            cleanup();
            resolve();
        };
        const subscription = vscode.languages.onDidChangeDiagnostics(check);
        const interval = setInterval(check, 100);
        const timer = setTimeout(() => {
            cleanup();
            reject(new Error(`timed out after ${timeoutMs} ms: ${describe()}`));
        }, timeoutMs);
        const cleanup = (): void => {
            subscription.dispose();
            clearInterval(interval);
            clearTimeout(timer);
        };
        check();
    });
}

/**
 * Watches diagnostics publications. The client publishes every validated document, with an empty
 * list when it is clean, so "every file was published and then nothing changed for a moment"
 * tells that the server has finished checking them: an empty result is then a real result.
 */
export class DiagnosticsWatcher implements vscode.Disposable {
    private readonly published = new Set<string>();
    private lastChange = Date.now();
    private readonly subscription: vscode.Disposable;

    constructor() {
        this.subscription = vscode.languages.onDidChangeDiagnostics(event => {
            event.uris.forEach(uri => this.published.add(uri.toString()));
            this.lastChange = Date.now();
        });
    }

    /** Waits until every one of `files` was published since this watcher started, and all is quiet. */
    async settled(files: readonly string[], timeoutMs = SETTLE_TIMEOUT_MS): Promise<void> {
        const uris = files.map(file => vscode.Uri.file(file).toString());
        const pending = (): string[] => uris.filter(uri => !this.published.has(uri));
        await waitFor(() => pending().length === 0 && Date.now() - this.lastChange >= QUIET_MS,
            () => `no diagnostics were published for ${pending().map(uri => path.basename(uri)).join(', ') || '(all published, never quiet)'}`,
            timeoutMs);
    }

    dispose(): void {
        this.subscription.dispose();
    }
}

/** Names the example the workspace holds; tests/e2e/workspace.ts writes it for the first one. */
const STAGED_MARKER = path.join('.vscode', 'mandate-e2e-example');

/**
 * Makes `example` (a folder under examples/, e.g. 'findings/ciso-missing') the workspace's only
 * policy, copied to the workspace root: paths in a policy (job descriptions, evidence) resolve
 * against the workspace folder, so a copy in a subfolder would not be the same policy.
 * The old files go first, and the server must have forgotten them before the new ones come:
 * most examples have a policy.mandate, and an old diagnostic must never pass for a new one.
 * Returns the workspace root.
 */
export async function stage(example: string): Promise<string> {
    return stageCopy(path.join(examplesFolder(), example), example);
}

/** The suite's own policies, which are no example: tests/e2e/fixtures/<name>. */
export function fixtureFolder(name: string): string {
    return path.join(extension().extensionPath, 'tests', 'e2e', 'fixtures', name);
}

/**
 * Like `stage`, for a fixture of the suite (tests/e2e/fixtures/<name>). Its marker never equals
 * an example's name, so the next `staged(example)` stages that example afresh.
 */
export async function stageFixture(name: string): Promise<string> {
    return stageCopy(fixtureFolder(name), `e2e-fixture:${name}`);
}

async function stageCopy(source: string, marker: string): Promise<string> {
    await closeAllEditors();
    const root = workspaceFolder();
    const old = policyFiles(root);
    await whileWatching(old, () => clearWorkspace(root));
    await waitFor(() => findingsUnder(root).length === 0,
        () => `diagnostics of deleted files were not cleared: ${formatFindings(findingsUnder(root))}`);

    fs.cpSync(source, root, { recursive: true });
    fs.writeFileSync(path.join(root, STAGED_MARKER), marker);
    await whileWatching(policyFiles(root), () => undefined);
    return root;
}

/** Runs `change`, then waits until the server has published diagnostics for every one of `files`. */
async function whileWatching(files: readonly string[], change: () => void): Promise<void> {
    if (files.length === 0) {
        change();
        return;
    }
    const watcher = new DiagnosticsWatcher();
    try {
        change();
        await watcher.settled(files);
    } finally {
        watcher.dispose();
    }
}

/**
 * The workspace root, with `example` staged unless it is there already, untouched. The workspace
 * starts with acme, which the server has checked since start-up. Tests that edit files always
 * stage() afresh, so what this finds is as the repository has it.
 */
export async function staged(example: string): Promise<string> {
    const root = workspaceFolder();
    const marker = path.join(root, STAGED_MARKER);
    if (fs.existsSync(marker) && fs.readFileSync(marker, 'utf8') === example) return root;
    return stage(example);
}

/**
 * Deletes everything but .vscode/. Files go one by one before their folders: a file watcher may
 * report a deleted folder as one event, which a `**\/*.mandate` watcher does not match.
 */
function clearWorkspace(root: string): void {
    policyFiles(root).forEach(file => fs.rmSync(file));
    for (const entry of fs.readdirSync(root)) {
        if (entry !== '.vscode') fs.rmSync(path.join(root, entry), { recursive: true, force: true });
    }
    fs.rmSync(path.join(root, STAGED_MARKER), { force: true });
}

export async function closeAllEditors(): Promise<void> {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/**
 * The 0-based position `offset` characters into the first occurrence of `text` on a line that is
 * not a comment (the examples' comments quote the policy lines they explain).
 */
export function positionOf(document: vscode.TextDocument, text: string, offset = 0): vscode.Position {
    for (let line = 0; line < document.lineCount; line++) {
        const content = document.lineAt(line).text;
        const column = content.indexOf(text);
        if (column >= 0 && !content.trimStart().startsWith('//')) return new vscode.Position(line, column + offset);
    }
    assert.fail(`'${text}' is not on any line of ${path.basename(document.uri.fsPath)}`);
}

export function formatFindings(findings: readonly Finding[]): string {
    return findings.length === 0 ? '(none)' : findings.map(brief).join(', ');
}

/**
 * Like `waitFor`, for conditions that must ask something asynchronously (the language server, a
 * webview's HTML after a redraw): checks every 100 ms until `condition()` resolves true.
 */
export async function eventually(condition: () => Promise<boolean> | boolean, describe: () => string, timeoutMs = SETTLE_TIMEOUT_MS): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
        if (await condition()) return;
        if (Date.now() >= deadline) throw new Error(`timed out after ${timeoutMs} ms: ${describe()}`);
        await new Promise(resolve => setTimeout(resolve, 100));
    }
}

/** Every open tab, in every editor group. */
export function allTabs(): vscode.Tab[] {
    return vscode.window.tabGroups.all.flatMap(group => group.tabs);
}

/** The open tabs as a failure message can show them: label and what the tab holds. */
export function describeTabs(): string {
    const tabs = allTabs().map(tab => {
        const input = tab.input;
        const what = input instanceof vscode.TabInputWebview ? `webview ${input.viewType}`
            : input instanceof vscode.TabInputText ? `text ${input.uri.toString()}`
            : input instanceof vscode.TabInputCustom ? `custom ${input.viewType} ${input.uri.toString()}`
            : input === undefined ? 'no input' : `other ${JSON.stringify(input)}`;
        return `'${tab.label}' (${what})`;
    });
    return tabs.length === 0 ? 'no tabs are open' : `open tabs: ${tabs.join(', ')}`;
}

/** What the extension's activate() returns; only what the suite uses. */
export interface MandateApi {
    readonly client: { sendRequest<R>(method: string, params: unknown): Promise<R> };
    /** The status bar item as the user sees it (client/status-bar.ts). */
    readonly statusBar: { readonly text: string; readonly tooltip: string };
    /** The Testing view's policy tests (client/policy-tests.ts): the controller and the latest outcome of each test. */
    readonly policyTests: {
        readonly controller: vscode.TestController;
        readonly outcomes: Map<string, {
            readonly state: 'passed' | 'failed' | 'skipped' | 'errored';
            readonly messages: ReadonlyArray<{ readonly message: string; readonly expected?: string; readonly actual?: string; readonly uri?: string; readonly line?: number }>;
        }>;
    };
}

/** The running extension's API, activating the extension if needed. */
export async function mandateApi(): Promise<MandateApi> {
    const api = await extension().activate() as MandateApi | undefined;
    assert.ok(api?.client, 'activate() returned no language client');
    return api;
}
