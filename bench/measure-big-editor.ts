/**
 * Typing in the one-file workload (an HR import of 10,000 people in one file), and what an editor
 * asks of the file after each edit: the outline, folding ranges, semantic tokens, code lenses and inlay hints
 * of a screenful, and Format Selection of 100 lines. The issue gives no number for these; its "as
 * fast as the best language servers our users know" is taken as at most a second for each, the
 * most a view that follows typing may lag.
 */
import type { CodeLens } from 'vscode-languageserver-protocol';
import type { TextEdit } from '../tests/lsp-client.js';
import { missing, record, type BenchContext } from './context.js';
import type { BuildSlot } from './figures.js';
import { BenchSession, serverLaunchOf } from './lsp-session.js';
import { formatBytes, formatMs, median, percentile } from './stats.js';

export const BIG_EDITOR_FIGURE = 'big-editor';
export const BIG_EDIT_FIGURE = 'edit-big-comment';
export const BIG_DATE_FIGURE = 'edit-big-date';
const EDIT_FIGURES = [BIG_EDIT_FIGURE, BIG_DATE_FIGURE, BIG_EDITOR_FIGURE];
const ROUNDS = 3;
/** The lines an editor shows at once, around the middle of the file. */
const SCREEN = 60;

interface Request {
    readonly name: string;
    /** Sends the request (and what an editor sends with it): the time to the answers, and their bytes. */
    readonly send: (session: BenchSession, uri: string, middle: number) => Promise<{ ms: number; bytes: number }>;
}

const REQUESTS: readonly Request[] = [
    { name: 'outline', send: (session, uri) => session.timedRequest('textDocument/documentSymbol', { textDocument: { uri } }) },
    { name: 'folding ranges', send: (session, uri) => session.timedRequest('textDocument/foldingRange', { textDocument: { uri } }) },
    { name: 'semantic tokens', send: (session, uri) => session.timedRequest('textDocument/semanticTokens/full', { textDocument: { uri } }) },
    {
        name: 'code lenses, a screenful resolved',
        send: async (session, uri, middle) => {
            const listed = await session.timedRequest<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
            const shown = (listed.result ?? []).filter(lens => lens.range.start.line >= middle && lens.range.start.line < middle + SCREEN && !lens.command);
            // Sent at once, as an editor does; answered one after the other.
            const resolved = await Promise.all(shown.map(lens => session.timedRequest('codeLens/resolve', lens)));
            return { ms: listed.ms + Math.max(0, ...resolved.map(answer => answer.ms)), bytes: listed.bytes + resolved.reduce((sum, answer) => sum + answer.bytes, 0) };
        }
    },
    { name: 'inlay hints of a screenful', send: (session, uri, middle) => session.timedRequest('textDocument/inlayHint', { textDocument: { uri }, range: lines(middle, SCREEN) }) },
    {
        name: 'Format Selection of 100 lines',
        send: (session, uri, middle) => session.timedRequest('textDocument/rangeFormatting', { textDocument: { uri }, range: lines(middle, 100), options: { tabSize: 4, insertSpaces: true } })
    }
];

function lines(first: number, count: number) {
    return { start: { line: first, character: 0 }, end: { line: first + count, character: 0 } };
}

export async function measureBigEditor(context: BenchContext): Promise<void> {
    const workload = context.workloads.bigFile(10_000);
    context.results.note(BIG_EDITOR_FIGURE, `On ${workload.description}, with people.mandate open: a comment line is typed in the middle of the file, and once the server has finished its work each request an editor sends after an edit is timed from send to answer (${REQUESTS.map(request => request.name).join(', ')}); median of ${ROUNDS} edits per request, the slowest request is the figure.`);
    const samples = context.settings.samples + (context.settings.samples % 2);
    context.results.note(BIG_EDIT_FIGURE, `On ${workload.description}, with people.mandate open: ${samples} edits, alternately a comment line typed in the middle of the file (a new text each time) and removed; each is one didChange, timed until the server has finished all work it caused, as the edit figures at 100k lines are.`);
    context.results.note(BIG_DATE_FIGURE, `On ${workload.description}, with people.mandate open: ${samples} edits, alternately the day of the \`employed since\` of a person in the middle of the file changed (to a new day each time) and put back, timed as the comment edits are.`);
    for (const { slot, build } of context.builds) {
        // A build whose check of this file was stopped (0.1.0: minutes) would not finish its server's first build either.
        const cold = context.results.get('big-10k', slot);
        if (cold && (cold.value === undefined || cold.lowerBound)) {
            for (const id of EDIT_FIGURES) record(context, id, slot, missing('not run: the cold check of this file did not finish'));
            continue;
        }
        const session = await BenchSession.start(serverLaunchOf(build), workload.folder);
        try {
            if (!await session.settleWithin(context.settings.timeoutMs)) {
                for (const id of EDIT_FIGURES) record(context, id, slot, missing(`not run: the initial build had not finished after ${formatMs(context.settings.timeoutMs)}`));
                continue;
            }
            const uri = await session.open('people.mandate');
            const middle = Math.floor(session.text(uri).split('\n').length / 2);
            const comments = await timedEdits(session, uri, samples, i => {
                const at = offsetOfLine(session.text(uri), middle);
                const note = `// bench edit ${i / 2}\n`;
                return i % 2 === 0 ? session.insertAt(uri, at, note) : session.replaceAt(uri, at, `// bench edit ${(i - 1) / 2}\n`.length, '');
            });
            recordEdits(context, BIG_EDIT_FIGURE, build.name, slot, comments);
            const day = () => {
                const since = session.text(uri).indexOf('employed since ', offsetOfLine(session.text(uri), middle));
                if (since < 0) throw new Error('no `employed since` after the middle of people.mandate');
                return since + 'employed since YYYY-MM-'.length;
            };
            const original = session.text(uri).slice(day(), day() + 2);
            const dates = await timedEdits(session, uri, samples, i => session.replaceAt(uri, day(), 2, i % 2 === 0 ? String(10 + ((i / 2) % 18)) : original));
            recordEdits(context, BIG_DATE_FIGURE, build.name, slot, dates);
            const times = new Map<string, number[]>();
            const sizes = new Map<string, number>();
            for (let round = 0; round < ROUNDS; round++) {
                await session.client.changeDocument(uri, [session.insertAt(uri, offsetOfLine(session.text(uri), middle), `// bench note ${round}\n`)]);
                await session.settle();
                for (const request of REQUESTS) {
                    const { ms, bytes } = await request.send(session, uri, middle);
                    sizes.set(request.name, bytes);
                    times.set(request.name, [...times.get(request.name) ?? [], ms]);
                }
            }
            const medians = REQUESTS.map(request => ({ name: request.name, ms: median(times.get(request.name)!) }));
            const slowest = medians.reduce((a, b) => (b.ms > a.ms ? b : a));
            record(context, BIG_EDITOR_FIGURE, slot, { value: slowest.ms, text: `${formatMs(slowest.ms)} (${slowest.name})` });
            const each = `${build.name}: ${medians.map(({ name, ms }) => `${name} ${formatMs(ms)} (${formatBytes(sizes.get(name)!)})`).join(', ')}.`;
            context.results.note(BIG_EDITOR_FIGURE, each);
            context.log(`      ${each}`);
        } catch (error) {
            for (const id of EDIT_FIGURES) if (!context.results.get(id, slot)) record(context, id, slot, missing(`failed: ${(error as Error).message.split('\n')[0]}`));
        } finally {
            await session.dispose();
        }
    }
}

/** `count` edits, each one didChange timed until the server has finished the work it caused. */
async function timedEdits(session: BenchSession, uri: string, count: number, edit: (index: number) => TextEdit): Promise<number[]> {
    const times: number[] = [];
    for (let i = 0; i < count; i++) times.push((await session.timedEdit(uri, [edit(i)])).ms);
    return times;
}

function recordEdits(context: BenchContext, id: string, name: string, slot: BuildSlot, times: readonly number[]): void {
    const p95 = percentile(times, 95);
    record(context, id, slot, { value: p95, text: formatMs(p95) });
    context.results.note(id, `${name}: median ${formatMs(median(times))}.`);
}

function offsetOfLine(text: string, line: number): number {
    let offset = 0;
    for (let i = 0; i < line; i++) offset = text.indexOf('\n', offset) + 1;
    return offset;
}
