import { URI, type LangiumDocument } from 'langium';
import { VirtualFileSystemProvider } from 'langium/test';
import type { Diagnostic } from 'vscode-languageserver-types';
import { createMandateServices, type MandateSharedServices } from '../language/mandate-module.js';
import { AS_OF } from './helpers.js';
import { EditGenerator, Random, type Texts } from './random-edits.js';

/** A workspace on a virtual disk, driven through the same update path the language server uses. */
export class Workspace {
    readonly disk = new VirtualFileSystemProvider();
    readonly shared: MandateSharedServices;

    constructor(files: Record<string, string>, asOf = AS_OF) {
        for (const [name, text] of Object.entries(files)) this.disk.insert(this.uri(name), text);
        this.shared = createMandateServices({ fileSystemProvider: () => this.disk }).shared;
        this.shared.mandate.Settings.setAsOf(asOf);
    }

    /** A workspace with these files, built as the language server builds it at start-up. */
    static async open(files: Record<string, string>, asOf = AS_OF): Promise<Workspace> {
        const workspace = new Workspace(files, asOf);
        await workspace.open();
        return workspace;
    }

    uri(name: string): URI {
        return URI.parse(`file:///ws/${name}`);
    }

    async open(): Promise<void> {
        await this.shared.workspace.WorkspaceManager.initializeWorkspace([{ name: 'ws', uri: 'file:///ws' }]);
    }

    async write(name: string, text: string): Promise<void> {
        this.disk.insert(this.uri(name), text);
        await this.shared.workspace.DocumentBuilder.update([this.uri(name)], []);
    }

    /** Writes several files and builds them together, as one update (a branch switch, a save of all files). */
    async writeAll(files: Record<string, string>): Promise<void> {
        for (const [name, text] of Object.entries(files)) this.disk.insert(this.uri(name), text);
        await this.shared.workspace.DocumentBuilder.update(Object.keys(files).map(name => this.uri(name)), []);
    }

    async delete(name: string): Promise<void> {
        this.disk.delete(this.uri(name));
        await this.shared.workspace.DocumentBuilder.update([], [this.uri(name)]);
    }

    /**
     * Queues updates as the language server does while someone types: each one goes through the
     * workspace lock and cancels the build before it. `undefined` deletes the file. Resolves when
     * the last update is done.
     */
    async burst(edits: ReadonlyArray<readonly [name: string, text: string | undefined]>): Promise<void> {
        const lock = this.shared.workspace.WorkspaceLock;
        const builder = this.shared.workspace.DocumentBuilder;
        const pending: Array<Promise<void>> = [];
        for (const [name, text] of edits) {
            if (text === undefined) this.disk.delete(this.uri(name)); else this.disk.insert(this.uri(name), text);
            const uri = this.uri(name);
            pending.push(lock.write(token => text === undefined ? builder.update([], [uri], token) : builder.update([uri], [], token)));
        }
        await Promise.all(pending);
    }

    document(name: string): LangiumDocument {
        return this.shared.workspace.LangiumDocuments.getDocument(this.uri(name))!;
    }

    codes(name: string): string[] {
        return (this.document(name).diagnostics ?? []).map(diagnostic => String(diagnostic.code)).sort();
    }

    /** Every document's diagnostics as comparable lines, keyed by file name. */
    diagnostics(): Map<string, string[]> {
        const result = new Map<string, string[]>();
        for (const document of this.shared.workspace.LangiumDocuments.all) {
            const name = document.uri.path.replace(/^\/ws\//, '');
            result.set(name, (document.diagnostics ?? [{ message: '(not validated)' } as Diagnostic]).map(diagnosticLine).sort());
        }
        return result;
    }
}

/** Code, range, severity, message and the places it links: what an editor shows of a diagnostic. */
export function diagnosticLine(diagnostic: Diagnostic): string {
    const { start, end } = diagnostic.range ?? { start: { line: -1, character: -1 }, end: { line: -1, character: -1 } };
    const message = typeof diagnostic.message === 'string' ? diagnostic.message : JSON.stringify(diagnostic.message);
    const related = (diagnostic.relatedInformation ?? []).map(({ location: { uri, range } }) =>
        ` [${uri.slice(uri.lastIndexOf('/') + 1)}:${range.start.line + 1}:${range.start.character + 1}-${range.end.line + 1}:${range.end.character + 1}]`).join('');
    return `${start.line + 1}:${start.character + 1}-${end.line + 1}:${end.character + 1} ${diagnostic.severity} ${String(diagnostic.code)} ${message}${related}`;
}

/**
 * Opens `files` as a workspace and applies `edits` random edits (random-edits.ts) with `seed`,
 * calling `check` first on the opened workspace and then after each edit, with the texts now
 * and the labels of the edits so far.
 */
export async function afterRandomEdits(files: Record<string, string>, seed: number, edits: number,
    check: (workspace: Workspace, texts: ReadonlyMap<string, string>, log: readonly string[]) => void | Promise<void>): Promise<void> {
    const texts: Texts = new Map(Object.entries(files));
    const workspace = await Workspace.open(files, AS_OF);
    const generator = new EditGenerator(texts, new Map(texts), new Random(seed));
    const log: string[] = [];
    await check(workspace, texts, log);
    for (let done = 0; done < edits; done++) {
        const step = generator.next();
        log.push(step.label);
        await workspace.burst(step.changes);
        await check(workspace, texts, log);
    }
}
