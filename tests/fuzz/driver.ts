/**
 * Runs fuzz cases in process, through the engine's own services and the language server's update
 * path (tests/workspace-helpers.ts): one workspace on a virtual disk is reused from case to case,
 * as a long-running server is, and each case replaces its files. Every operation is timed and its
 * output searched for internal errors (problems.ts); console output from the engine (Langium logs
 * the exceptions it catches) is a problem too.
 */
import { format } from 'node:util';
import type { LangiumDocument } from 'langium';
import type { CodeAction, Command, Diagnostic, Position } from 'vscode-languageserver-types';
import { formatText } from '../../cli/format.js';
import { collectFindings } from '../../language/engine/check-sources.js';
import type { MandateCodeLensProvider } from '../../language/lsp/mandate-code-lens.js';
import type { MandateServices } from '../../language/mandate-module.js';
import { buildReport } from '../../language/report/build-report.js';
import { exportSarif } from '../../language/report/export-sarif.js';
import { OscalSspError, REPORT_FORMATS, renderReport } from '../../language/report/formats.js';
import { renderGraphPage } from '../../language/report/render-graph-page.js';
import type { Random } from '../random-edits.js';
import { Workspace } from '../workspace-helpers.js';
import { leak, OPERATION_BUDGET_MS, thrown, type Problem } from './problems.js';

export interface RunOptions {
    /** Completion, hover, symbols and code actions at positions the case's seed picks. */
    readonly probes: boolean;
    /** Every report format. */
    readonly reports: boolean;
    /** Probe every token start instead of a few positions (regression fixtures: few, and worth it). */
    readonly exhaustive?: boolean;
    /** The one file to probe; every policy file when absent. */
    readonly focus?: string;
}

export interface CaseResult {
    readonly problems: Problem[];
    readonly operations: number;
    readonly slowestMs: number;
    readonly slowest: string;
    /** Milliseconds per kind of operation (its first word: check, hover, report, …). */
    readonly msByKind: ReadonlyMap<string, number>;
}

const CONSOLE = ['log', 'info', 'debug', 'warn', 'error', 'trace'] as const;
/** Inputs the fuzzer writes into the hostile strings: they must never come out unescaped. */
const ACTIVE_CONTENT = ['<script>alert(1)</script>', '<img src=x onerror', '<svg onload'];
const REPORT_OPTIONS = { toolVersion: '9.9.9', generatedAt: '2025-06-30T12:00:00Z', repository: { git: false } } as const;

export class FuzzDriver {
    private files: string[] = [];

    private constructor(private readonly workspace: Workspace) {}

    static async create(): Promise<FuzzDriver> {
        // A file that is not a policy, so the workspace folder exists on the virtual disk.
        return new FuzzDriver(await Workspace.open({ 'README.md': '' }));
    }

    private get services(): MandateServices {
        return this.workspace.shared.ServiceRegistry.all[0] as MandateServices;
    }

    async run(files: Readonly<Record<string, string>>, random: Random, options: RunOptions): Promise<CaseResult> {
        const run = new CaseRun();
        const saved = CONSOLE.map(method => console[method]);
        for (const method of CONSOLE) console[method] = () => undefined;
        for (const method of ['warn', 'error'] as const) {
            console[method] = (...args: unknown[]) => run.problem({ operation: run.current, message: `console.${method}: ${format(...args).split('\n')[0]}`, stack: format(...args) });
        }
        try {
            await this.check(run, files);
            const documents = this.documents();
            for (const document of documents) this.inspectDiagnostics(run, document);
            if (options.probes) for (const document of documents.filter(document => !options.focus || fileName(document) === options.focus)) await this.probe(run, document, random, options.exhaustive ?? false);
            if (options.reports) await this.reports(run, documents);
        } finally {
            CONSOLE.forEach((method, index) => { console[method] = saved[index]; });
        }
        return run.result();
    }

    /** Replaces the previous case's files with these, in one update, as a server sees a batch of file events. */
    private async check(run: CaseRun, files: Readonly<Record<string, string>>): Promise<void> {
        const disk = this.workspace.disk;
        const names = Object.keys(files);
        const gone = this.files.filter(name => !(name in files));
        for (const name of gone) disk.delete(this.workspace.uri(name));
        for (const [name, text] of Object.entries(files)) disk.insert(this.workspace.uri(name), text);
        this.files = names;
        const policies = (list: readonly string[]) => list.filter(name => name.endsWith('.mandate')).map(name => this.workspace.uri(name));
        await run.timed('check', () => this.workspace.shared.workspace.DocumentBuilder.update(policies(names), policies(gone)));
    }

    private documents(): LangiumDocument[] {
        return this.files.filter(name => name.endsWith('.mandate')).flatMap(name => {
            const document = this.workspace.shared.workspace.LangiumDocuments.getDocument(this.workspace.uri(name));
            return document ? [document] : [];
        });
    }

    private inspectDiagnostics(run: CaseRun, document: LangiumDocument): void {
        const name = fileName(document);
        for (const diagnostic of document.diagnostics ?? []) {
            const where = `${name}:${diagnostic.range.start.line + 1}:${diagnostic.range.start.character + 1}`;
            if (diagnostic.code === undefined) run.problem({ operation: 'check', message: `${where}: a diagnostic without a rule ID: ${diagnostic.message}` });
            run.inspect('check', `${where} ${String(diagnostic.code)}`, typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value);
        }
    }

    private async probe(run: CaseRun, document: LangiumDocument, random: Random, exhaustive: boolean): Promise<void> {
        const lsp = this.services.lsp;
        const name = fileName(document);
        const textDocument = { uri: document.uri.toString() };
        const text = document.textDocument.getText();
        const symbols = await run.timed(`symbols ${name}`, () => lsp.DocumentSymbolProvider!.getSymbols(document, { textDocument }));
        run.inspect(`symbols ${name}`, 'symbols', JSON.stringify(symbols ?? []));
        await this.views(run, document, random);

        const positions = exhaustive ? tokenStarts(text).map(offset => document.textDocument.positionAt(offset)) : this.positions(document, random);
        for (const [index, position] of positions.entries()) {
            const at = `${name} ${position.line + 1}:${position.character + 1}`;
            // Completion is the costliest request: at the first position only, hover at all of them.
            if (exhaustive || index === 0) {
                const completion = await run.timed(`completion ${at}`, () => lsp.CompletionProvider!.getCompletion(document, { textDocument, position }));
                for (const item of completion?.items.slice(0, 200) ?? []) {
                    run.inspect(`completion ${at}`, item.label, [item.detail, typeof item.documentation === 'string' ? item.documentation : item.documentation?.value].join(' '));
                }
            }
            const hover = await run.timed(`hover ${at}`, () => lsp.HoverProvider!.getHoverContent(document, { textDocument, position }));
            const contents = hover?.contents;
            run.inspect(`hover ${at}`, 'hover', typeof contents === 'string' ? contents : JSON.stringify(contents ?? ''));
        }

        const diagnostics = document.diagnostics ?? [];
        const chosen = exhaustive ? diagnostics : Array.from({ length: Math.min(3, diagnostics.length) }, () => random.pick(diagnostics));
        const requests: Array<[string, Diagnostic[], Diagnostic['range']]> = chosen.map(diagnostic => [`${diagnostic.code}`, [diagnostic], diagnostic.range]);
        const whole = { start: { line: 0, character: 0 }, end: document.textDocument.positionAt(text.length) };
        requests.push(['whole file', diagnostics.slice(0, 20), whole]);
        for (const [label, context, range] of requests) {
            const operation = `code actions ${name} ${range.start.line + 1}:${range.start.character + 1} (${label})`;
            const actions = await run.timed(operation, () => lsp.CodeActionProvider!.getCodeActions(document, { textDocument, range, context: { diagnostics: context, triggerKind: 1 } }));
            for (const action of (actions ?? []) as Array<CodeAction | Command>) run.inspect(operation, 'title', action.title);
        }
    }

    /** What an editor asks of a file after each edit (folds, colours, lenses), and a range formatted. */
    private async views(run: CaseRun, document: LangiumDocument, random: Random): Promise<void> {
        const lsp = this.services.lsp;
        const name = fileName(document);
        const textDocument = { uri: document.uri.toString() };
        const folds = await run.timed(`folding ${name}`, () => lsp.FoldingRangeProvider!.getFoldingRanges(document, { textDocument }));
        run.inspect(`folding ${name}`, 'folding', JSON.stringify(folds ?? []));
        await run.timed(`tokens ${name}`, () => lsp.SemanticTokenProvider!.semanticHighlight(document, { textDocument }));
        const lensProvider = lsp.CodeLensProvider as MandateCodeLensProvider;
        const lenses = await run.timed(`lenses ${name}`, async () =>
            (await lensProvider.provideCodeLens(document, { textDocument }) ?? []).map(lens => lensProvider.resolveCodeLens(lens)));
        for (const lens of lenses ?? []) run.inspect(`lenses ${name}`, 'lens', `${lens.command?.title ?? ''} ${lens.command?.tooltip ?? ''}`);
        const text = document.textDocument.getText();
        const start = random.int(text.length + 1);
        const range = { start: document.textDocument.positionAt(start), end: document.textDocument.positionAt(start + random.int(400)) };
        const edits = await run.timed(`format ${name}`, () => lsp.Formatter!.formatDocumentRange(document, { textDocument, range, options: { tabSize: 4, insertSpaces: true } }));
        run.inspect(`format ${name}`, 'edits', JSON.stringify(edits ?? []));
    }

    /** A few positions: the start of random words, a random offset, and now and then one past the end of the text. */
    private positions(document: LangiumDocument, random: Random): Position[] {
        const text = document.textDocument.getText();
        const starts = tokenStarts(text);
        const offsets = [random.int(text.length + 1), ...Array.from({ length: 2 }, () => starts.length > 0 ? random.pick(starts) : 0)];
        const positions = offsets.map(offset => document.textDocument.positionAt(offset));
        if (random.chance(0.1)) positions.push(random.pick([{ line: 1_000_000, character: 3 }, { line: 0, character: 1_000_000 }]));
        return positions;
    }

    private async reports(run: CaseRun, documents: readonly LangiumDocument[]): Promise<void> {
        const shared = this.workspace.shared;
        const findings = collectFindings(documents);
        const report = await run.timed('report model', () => buildReport(shared, findings, REPORT_OPTIONS));
        if (!report) return;
        for (const format of REPORT_FORMATS) {
            const output = await run.timed(`report ${format}`, () => renderReport(report, format, { linkBase: '../' }), error => error instanceof OscalSspError);
            if (output !== undefined) this.inspectReport(run, format, output);
        }
        const sarif = await run.timed('report sarif', () => exportSarif(findings, { toolVersion: '9.9.9', root: 'file:///ws/', catalogue: shared.mandate.WorkspaceModel.get().catalogue }));
        if (sarif !== undefined) this.inspectReport(run, 'sarif', sarif);
        const text = await run.timed('report text', () => formatText(findings, documents.length));
        if (text !== undefined) run.inspect('report text', 'output', text);
        const graph = await run.timed('graph page', () => renderGraphPage(report.graph, 'Graph', 'As of 2025-06-30.'));
        if (graph !== undefined) this.inspectReport(run, 'graph page', graph);
    }

    private inspectReport(run: CaseRun, format: string, output: string): void {
        const operation = `report ${format}`;
        run.inspect(operation, 'output', output);
        if (output.includes('could not be drawn')) run.problem({ operation, message: `the graph layout failed: ${/could not be drawn[^<]*/.exec(output)?.[0]}` });
        if (/json|oscal|sarif/.test(format)) {
            try {
                JSON.parse(output);
            } catch (error) {
                run.problem(thrown(`${operation} (not JSON)`, error));
            }
        }
        if (format === 'md' || format === 'html' || format === 'graph page') {
            for (const active of ACTIVE_CONTENT) if (output.includes(active)) run.problem({ operation, message: `active content passed through unescaped: ${active}` });
        }
    }
}

/** What one case observed: its problems, and how many operations it timed. */
class CaseRun {
    readonly problems: Problem[] = [];
    current = 'check';
    private operations = 0;
    private slowestMs = 0;
    private slowest = '';
    private readonly msByKind = new Map<string, number>();

    problem(problem: Problem): void {
        if (this.problems.length < 50) this.problems.push(problem);
    }

    /** Runs one operation, timed; an exception is a problem unless `expected` accepts it. Returns undefined when it threw. */
    async timed<T>(operation: string, work: () => T | Promise<T>, expected: (error: unknown) => boolean = () => false): Promise<T | undefined> {
        this.current = operation;
        this.operations++;
        const start = performance.now();
        try {
            return await work();
        } catch (error) {
            if (!expected(error)) this.problem(thrown(operation, error));
            return undefined;
        } finally {
            const ms = performance.now() - start;
            const kind = operation.split(' ')[0];
            this.msByKind.set(kind, (this.msByKind.get(kind) ?? 0) + ms);
            if (ms > this.slowestMs) {
                this.slowestMs = ms;
                this.slowest = operation;
            }
            if (ms > OPERATION_BUDGET_MS) this.problem({ operation, message: `took ${Math.round(ms)} ms, over the ${OPERATION_BUDGET_MS} ms budget` });
        }
    }

    inspect(operation: string, label: string, text: string | undefined): void {
        const found = text === undefined ? undefined : leak(text);
        if (found) this.problem({ operation, message: `${label}: ${found}` });
    }

    result(): CaseResult {
        return { problems: this.problems, operations: this.operations, slowestMs: this.slowestMs, slowest: this.slowest, msByKind: this.msByKind };
    }
}

function fileName(document: LangiumDocument): string {
    return document.uri.path.replace(/^\/ws\//, '');
}

/** Offsets where a word, a string or a punctuation mark starts; at most `limit`, spread over the text. */
function tokenStarts(text: string, limit = 400): number[] {
    const all = [...text.matchAll(/[A-Za-z0-9_"{}(),:]+/g)].map(match => match.index!);
    const step = Math.max(1, all.length / limit);
    return all.length <= limit ? all : Array.from({ length: limit }, (_, index) => all[Math.floor(index * step)]);
}
