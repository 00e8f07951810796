/**
 * The figures measured with each build's language server over stdio: start-up, memory after the
 * initial build, edits, renames, completion and the editor's reports at 100k lines, and drift
 * after random edits.
 */
import type { BuildSlot } from './figures.js';
import { missing, record, type BenchContext } from './context.js';
import { measureDrift } from './drift.js';
import { teamFileName } from './generate-workspace.js';
import type { CompletionItem } from 'vscode-languageserver-protocol/node';
import { BenchSession, serverLaunchOf, type CompletionSample, type EditSample } from './lsp-session.js';
import { positionAt, type TextEdit } from '../tests/lsp-client.js';
import { formatBytes, formatCount, formatMs, median, percentile } from './stats.js';
import { EDITOR_REPORT_FIGURES, measureEditorReports, noteEditorReports } from './measure-editor-reports.js';

const EDITOR_FIGURES = ['server-rss', 'edit-leaf-comment', 'edit-leaf-title', 'edit-leaf-date', 'edit-org-comment', 'rename-local', 'rename-shared', 'completion'];
const COMMENT = '// bench note\n';
const LEAF_TEAM = 7;

/** How every server figure starts a build's server: as its extension does (bench/builds.ts, server/node-options.ts). */
function serverStart(context: BenchContext): string {
    const options = context.builds.map(({ build }) => {
        const given = [...build.serverNodeOptions, ...Object.entries(build.serverEnvironment).map(([name, value]) => `${name}=${value}`)];
        return `${build.name} ${given.map(option => `\`${option}\``).join(' ') || 'none'}`;
    });
    return `Each server is started with the Node.js options and environment variables its extension gives it (${options.join(', ')}).`;
}

export async function measureServerReady(context: BenchContext): Promise<void> {
    const workload = context.workloads.manyFiles(1_000);
    const count = Math.max(context.settings.runs, 10);
    context.results.note('server-ready', `From spawning \`node out/server/main.cjs --stdio\` to the initialize result, on ${workload.description}; median of ${count} starts. ${serverStart(context)}`);
    for (const { slot, build } of context.builds) {
        try {
            const times: number[] = [];
            for (let i = 0; i < count; i++) {
                const session = await BenchSession.start(serverLaunchOf(build), workload.folder);
                times.push(session.readyMs);
                await session.dispose();
            }
            const ms = median(times);
            record(context, 'server-ready', slot, { value: ms, text: formatMs(ms) });
        } catch (error) {
            record(context, 'server-ready', slot, missing(`failed: ${(error as Error).message.split('\n')[0]}`));
        }
    }
}

/** One server per build on the 100k-line workload: memory after the first build, then edits and completion. */
export async function measureEditor(context: BenchContext): Promise<void> {
    const workload = context.workloads.manyFiles(100_000);
    const samples = context.settings.samples + (context.settings.samples % 2);
    context.results.note('server-rss', `VmRSS of the server process once the initial build of ${workload.description} has finished. ${serverStart(context)}`);
    noteEditorReports(context, workload.description);
    context.results.note('edit-leaf-comment', `Each edit is one didChange; the time runs until the server has finished all work it caused (the next request behind its workspace lock is answered). p95 of ${samples} edits, alternately made and undone, with ${teamFileName(LEAF_TEAM)} and the organization file open. A title or a name is changed to a new text each time (\` (acting 3)\`, \`lead-${LEAF_TEAM}x3\`), as typing would, so that the server cannot restore what it computed for an earlier text; the undo can.`);
    for (const { slot, build } of context.builds) {
        let session: BenchSession | undefined;
        try {
            session = await BenchSession.start(serverLaunchOf(build), workload.folder);
            const initialMs = await session.settle();
            if (session.builds === 0) context.results.note('server-rss', `${build.name}: no build had reported its status when the server said it was idle; the figures of this server are suspect.`);
            const rss = session.rssBytes();
            record(context, 'server-rss', slot, { value: rss, text: formatBytes(rss) });
            context.results.note('server-rss', `${build.name}: the initial build finished ${formatMs(initialMs)} after the initialize result.`);
            await measureEdits(context, slot, session, samples);
            await measureEditorReports(context, slot, session);
        } catch (error) {
            const text = `failed: ${(error as Error).message.split('\n')[0]}`;
            for (const id of [...EDITOR_FIGURES, ...EDITOR_REPORT_FIGURES]) if (!context.results.get(id, slot)) record(context, id, slot, missing(text));
        } finally {
            await session?.dispose();
        }
    }
}

async function measureEdits(context: BenchContext, slot: BuildSlot, session: BenchSession, samples: number): Promise<void> {
    const organization = await session.open('organization.mandate');
    const team = await session.open(teamFileName(LEAF_TEAM));
    const offsetIn = (uri: string, anchor: string, shift: number) => {
        const index = session.text(uri).indexOf(anchor);
        if (index < 0) throw new Error(`'${anchor}' not found`);
        return index + shift;
    };
    const title = `"Person ${LEAF_TEAM}-3`;
    const employedDay = () => {
        const since = session.text(team).indexOf('employed since ', offsetIn(team, title, 0));
        if (since < 0) throw new Error(`no 'employed since' after ${title}`);
        return since + 'employed since YYYY-MM-'.length;
    };
    const lead = `role lead-${LEAF_TEAM} `;
    // Each forward edit writes text the server has not seen yet (` (acting 3)`, `lead-7x3`), as typing
    // does: an edit and its undo alone would let the server restore its earlier results every time.
    const kinds: Array<[string, string, (k: number) => TextEdit, (k: number) => TextEdit]> = [
        ['edit-leaf-comment', team, () => session.insertAt(team, 0, COMMENT), () => session.replaceAt(team, 0, COMMENT.length, '')],
        ['edit-leaf-title', team,
            k => session.insertAt(team, offsetIn(team, `${title}"`, title.length), ` (acting ${k})`),
            k => session.replaceAt(team, offsetIn(team, `${title} (acting ${k})"`, title.length), ` (acting ${k})`.length, '')],
        // The day of the person's `employed since`: what the policy says changes, no exported name does.
        ['edit-leaf-date', team,
            k => session.replaceAt(team, employedDay(), 2, String(10 + (k % 18))),
            () => session.replaceAt(team, employedDay(), 2, '01')],
        ['edit-org-comment', organization, () => session.insertAt(organization, 0, COMMENT), () => session.replaceAt(organization, 0, COMMENT.length, '')],
        ['rename-local', team,
            k => session.insertAt(team, offsetIn(team, lead, lead.length - 1), `x${k}`),
            k => session.replaceAt(team, offsetIn(team, `role lead-${LEAF_TEAM}x${k} `, lead.length - 1), `x${k}`.length, '')],
        ['rename-shared', organization,
            k => session.insertAt(organization, offsetIn(organization, 'role ceo ', 'role ceo'.length), `-x${k}`),
            k => session.replaceAt(organization, offsetIn(organization, `role ceo-x${k} `, 'role ceo'.length), `-x${k}`.length, '')]
    ];
    for (const [id, uri, forward, back] of kinds) {
        const results: EditSample[] = [];
        for (let i = 0; i < samples; i++) results.push(await session.timedEdit(uri, [i % 2 === 0 ? forward(i / 2) : back((i - 1) / 2)]));
        const renames = id.startsWith('rename');
        const ms = results.map(result => result.ms);
        const p95 = percentile(ms, 95);
        const republished = Math.max(...results.map(result => result.republished));
        const unchanged = Math.max(...results.map(result => result.unchangedRepublished));
        const late = results.reduce((sum, result) => sum + result.late, 0);
        record(context, id, slot, {
            value: p95,
            text: `${formatMs(p95)}; ${formatCount(republished)} file${republished === 1 ? '' : 's'} re-published${renames || unchanged === 0 ? '' : ` (${formatCount(unchanged)} unchanged)`}`,
            conditionsMet: renames ? undefined : unchanged === 0
        });
        context.results.note(id, `${slot === 'current' ? 'this build' : '0.1.0'}: median ${formatMs(median(ms))}, max ${formatMs(Math.max(...ms))}; server CPU per edit: median ${formatMs(median(results.map(result => result.cpuMs)))}, p95 ${formatMs(percentile(results.map(result => result.cpuMs), 95))}; at most ${formatCount(republished)} file${republished === 1 ? '' : 's'} re-published per edit, ${formatCount(unchanged)} of them (besides the edited file) with unchanged diagnostics${late > 0 ? `; ${late} publications arrived after the server was idle` : ''}.`);
    }
    await measureCompletion(context, slot, session, team, samples);
}

async function measureCompletion(context: BenchContext, slot: BuildSlot, session: BenchSession, team: string, samples: number): Promise<void> {
    const original = session.text(team);
    const requests = async (typed: string): Promise<CompletionSample[]> => {
        await session.client.changeDocument(team, [session.replaceAll(team, `${original}${typed}`)]);
        await session.settle();
        const text = session.text(team);
        const results: CompletionSample[] = [];
        for (let i = 0; i < samples; i++) results.push(await session.completion(team, positionAt(text, text.length)));
        return results;
    };
    const prefix = `p-${LEAF_TEAM}-1`;
    const open = await requests('assign ');
    const typed = await requests(`assign ${prefix}`);
    await session.client.changeDocument(team, [session.replaceAll(team, original)]);
    await session.settle();
    const p95 = percentile([...open, ...typed].map(sample => sample.ms), 95);
    const first = open[0];
    const narrowed = typed[0];
    // The workload has thousands of people to offer after `assign `. Capped: the list stops at a
    // cap (the goal names no number; 1,000 is taken) and says it is incomplete. Filtered: after a
    // typed prefix, every item matches what is typed (as the editor's fuzzy filter would) and, in
    // the order the editor shows them, the names that start with it come first.
    const capped = first.items.length <= 1000 && first.incomplete;
    const nameOf = (item: CompletionItem) => item.filterText ?? item.label;
    const shown = [...narrowed.items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));
    const starts = shown.map(item => nameOf(item).toLowerCase().startsWith(prefix));
    const matching = starts.filter(Boolean).length;
    const firstOther = starts.indexOf(false);
    const ranked = firstOther < 0 || starts.lastIndexOf(true) < firstOther;
    const filtered = ranked && shown.every(item => isSubsequence(prefix, nameOf(item).toLowerCase()));
    const describe = (sample: CompletionSample) => `${formatCount(sample.items.length)} items${sample.incomplete ? ' (incomplete)' : ''}, ${formatBytes(sample.bytes)}`;
    record(context, 'completion', slot, {
        value: p95,
        text: `${formatMs(p95)}; after assign: ${describe(first)}; after assign ${prefix}: ${formatCount(narrowed.items.length)} items, ${formatCount(matching)} starting with it${matching > 0 && !ranked ? ' (not listed first)' : ''}`,
        conditionsMet: filtered && capped
    });
    if (slot === 'current') context.results.note('completion', 'Judged: capped means at most 1,000 items and marked incomplete (the workload has thousands of people to offer); filtered means every item matches the typed text as the editor\'s fuzzy filter would, and in the order the editor shows them (sortText) the names starting with it come first.');
    context.results.note('completion', `${slot === 'current' ? 'this build' : '0.1.0'}: p95 of ${samples} requests after \`assign \` and ${samples} after \`assign ${prefix}\` at the end of ${teamFileName(LEAF_TEAM)}; median ${formatMs(median([...open, ...typed].map(sample => sample.ms)))}.`);
}

/** Whether the characters of `typed` occur in `name` in order. */
function isSubsequence(typed: string, name: string): boolean {
    let at = 0;
    for (const char of name) if (char === typed[at]) at++;
    return at >= typed.length;
}

/**
 * Growth is judged at rest: right after the restore the heap still holds the edits' garbage, and V8
 * returns its pages about 40 s after the last edit (acme, 3,000 edits: 221 MB right after, 99 MB
 * after 40 s idle, from 91 MB at the start). A leak stays after the rest; garbage does not. Both
 * values are noted.
 */
const REST_MS = 60_000;

export async function measureDriftFigures(context: BenchContext): Promise<void> {
    const workload = context.workloads.acme(context.root);
    const seed = 10;
    context.results.note('drift', `${formatCount(context.settings.edits)} random edits (seed ${seed}: characters, keywords, deletions, names swapped, dates changed, lines duplicated) over LSP to 0.1.0's examples/acme, mostly faster than the server builds; then every file restored to its text, and the latest diagnostics of every file compared with a fresh server's on the same files.`);
    for (const { slot, build } of context.builds) {
        try {
            const result = await measureDrift(serverLaunchOf(build), workload, context.settings.edits, seed, context.log, undefined, REST_MS);
            record(context, 'drift', slot, {
                value: result.identical ? 1 : 0,
                text: `${result.identical ? 'identical' : `differs in ${result.differences.length}${result.differences.length === 5 ? '+' : ''} files`} after ${formatCount(result.edits)} edits`
            });
            for (const difference of result.differences) context.results.note('drift', `${build.name}: ${difference}`);
            const rest = result.rssRestBytes ?? result.rssAfterBytes;
            const growth = (rest - result.rssBeforeBytes) / result.rssBeforeBytes * 100;
            // One decimal: a growth of 10.4% shown as "10%" beside "no" reads as a contradiction.
            record(context, 'drift-rss', slot, { value: growth, text: `${growth.toFixed(1)}% (${formatBytes(result.rssBeforeBytes)} → ${formatBytes(rest)} at rest)` });
            const [before, end] = [result.rssPartsBefore, result.rssPartsEnd];
            context.results.note('drift-rss', `${build.name}: ${formatBytes(result.rssWarmBytes)} after the first tenth of the edits, ${formatBytes(result.rssAfterBytes)} right after the restore, ${formatBytes(rest)} after ${REST_MS / 1000} s idle; the edits and the restore took ${formatMs(result.ms)}. `
                + `Of the RSS, memory the server allocated went from ${formatBytes(before.anonymousBytes)} to ${formatBytes(end.anonymousBytes)}, and pages of Node's executable and libraries `
                + `(paged in as code in them runs for the first time; in the runs looked at, the node executable's own pages) from ${formatBytes(before.fileBytes)} to ${formatBytes(end.fileBytes)}.`);
        } catch (error) {
            const text = `failed: ${(error as Error).message.split('\n')[0]}`;
            for (const id of ['drift', 'drift-rss']) if (!context.results.get(id, slot)) record(context, id, slot, missing(text));
        }
    }
}
