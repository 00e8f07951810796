/**
 * The reports as the editor's command palette makes them: the language server's report request on
 * the workspace it has already built, the way a compliance lead generates one while editing. The
 * CLI's report figures (measure-cli.ts) start a process and check the workspace first; these do not.
 */
import type { BuildSlot } from './figures.js';
import { missing, record, type BenchContext } from './context.js';
import type { BenchSession, ReportSample } from './lsp-session.js';
import { OUT_OF_MEMORY, ranOutOfMemory } from './cli-runs.js';
import { formatBytes, formatMs, median } from './stats.js';

export const EDITOR_REPORT_FIGURES = ['report-editor-md', 'report-editor-html'];
const SIZE_LIMIT = 5e6;
const REQUESTS = 3;

export function noteEditorReports(context: BenchContext, description: string): void {
    context.results.note('report-editor-md', `The \`mandate/report\` request the editor's "Generate report" command sends, on the server that has built ${description} (after the editor figures' edits, all undone); median of ${REQUESTS} requests, the first noted; size of the page that is saved.`);
    context.results.note('report-editor-html', `As the editor asks for HTML: one request answers with the page that is saved and the same page for the report panel (a webview, with its own CSP and links that open the source); median of ${REQUESTS} requests, the first noted; size of the saved page (the panel's noted).`);
}

export async function measureEditorReports(context: BenchContext, slot: BuildSlot, session: BenchSession): Promise<void> {
    for (const [id, format, webview] of [['report-editor-md', 'md', false], ['report-editor-html', 'html', true]] as const) {
        if (session.client.hasExited) {
            record(context, id, slot, missing('not run: the language server had exited'));
            continue;
        }
        const samples: ReportSample[] = [];
        try {
            for (let i = 0; i < REQUESTS; i++) samples.push(await session.report(format, webview, context.settings.timeoutMs));
        } catch (error) {
            const reason = ranOutOfMemory(session.client.serverStderr) ? `the language server ${OUT_OF_MEMORY}` : (error as Error).message.split('\n')[0];
            record(context, id, slot, missing(`failed: ${reason}`));
            continue;
        }
        const ms = median(samples.map(sample => sample.ms));
        const { bytes, webviewBytes } = samples[0];
        record(context, id, slot, { value: ms, text: `${formatMs(ms)}, ${formatBytes(bytes)}`, conditionsMet: bytes <= SIZE_LIMIT });
        const panel = webviewBytes === undefined ? '' : `; the panel's page ${formatBytes(webviewBytes)}`;
        context.results.note(id, `${slot === 'current' ? 'this build' : '0.1.0'}: ${samples.map(sample => formatMs(sample.ms)).join(', ')} (in order)${panel}.`);
    }
}
