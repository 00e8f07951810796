import { URI, UriUtils } from 'langium';
import { ErrorCodes, ResponseError, type Connection } from 'vscode-languageserver';
import { collectFindings } from '../engine/check-sources.js';
import type { MandateSharedServices } from '../mandate-module.js';
import { buildReport } from '../report/build-report.js';
import { isReportFormat, OscalSspError, REPORT_FORMATS, REPORT_FORMAT_INFO, renderReport } from '../report/formats.js';
import type { AuditReport } from '../report/report-model.js';
import { generatedAt } from '../report/report-provenance.js';
import { renderGraphPage } from '../report/render-graph-page.js';
import { renderHtmlForWebview } from '../report/render-html.js';
import { graphSources } from '../report/graph-links.js';
import { TOOL_VERSION } from '../version.js';
import { pathProbeFor } from '../workspace/path-probe.js';
import { locateWorkspacePath } from '../workspace/policy-path.js';
import { GRAPH_REQUEST, REPORT_REQUEST, type GraphParams, type GraphResult, type ReportParams, type ReportResult } from './mandate-protocol.js';

const DEFAULT_OUTPUT_DIR = 'reports';

/**
 * Serves the editor's report and graph commands from the language server's own workspace, so
 * what the editor shows and saves is built by the same engine, from the same build, as the
 * diagnostics. Reads wait for the current build to finish.
 */
export function registerReportRequests(shared: MandateSharedServices, connection: Connection): void {
    const settings = shared.mandate.Settings;

    function currentReport(): AuditReport {
        const findings = collectFindings(shared.workspace.LangiumDocuments.all);
        return buildReport(shared, findings, { toolVersion: TOOL_VERSION, generatedAt: generatedAt() });
    }

    async function outputFolder(): Promise<{ folder: URI; linkBase: string; written: string; root: URI }> {
        const root = settings.workspaceRoots.at(-1); // the outermost folder: roots are sorted deepest first
        if (!root) throw new ResponseError(ErrorCodes.InvalidRequest, 'Open a folder to write reports into: Mandate writes them inside the workspace only.');
        const configured = (await shared.workspace.ConfigurationProvider.getConfiguration('mandate', 'report'))?.outputDir;
        const written = typeof configured === 'string' && configured.trim() !== '' ? configured : DEFAULT_OUTPUT_DIR;
        // Resolved as policy paths are: a folder that is a symbolic link out of the workspace is refused too.
        const resolved = locateWorkspacePath(written, root, pathProbeFor(shared.workspace.FileSystemProvider));
        if (resolved.kind === 'outside') {
            throw new ResponseError(ErrorCodes.InvalidParams, `mandate.report.outputDir '${written}' is not inside the workspace folder: ${resolved.reason}. Use a relative folder such as 'reports'.`);
        }
        if (resolved.entry.type !== 'directory' && resolved.entry.type !== 'missing') {
            throw new ResponseError(ErrorCodes.InvalidParams, `mandate.report.outputDir '${written}' is not a folder. Use a relative folder such as 'reports'.`);
        }
        const depth = resolved.relative === '' ? 0 : resolved.relative.split('/').length;
        // With several folders the report names files `<folder>/<path>` (report-sources.ts), from the folders' parent.
        const roots = settings.workspaceRoots;
        const aboveRoot = roots.length > 1 && roots.every(other => UriUtils.dirname(other).toString() === UriUtils.dirname(root).toString()) ? 1 : 0;
        return { folder: resolved.uri, linkBase: '../'.repeat(depth + aboveRoot), written, root };
    }

    /** The report file in the output folder, located as the folder is: never a link out of the workspace, a folder or a special file. */
    function reportFile(output: { written: string; root: URI }, name: string): URI {
        const path = `${output.written.replace(/\/+$/, '')}/${name}`;
        const located = locateWorkspacePath(path, output.root, pathProbeFor(shared.workspace.FileSystemProvider));
        if (located.kind === 'outside') throw new ResponseError(ErrorCodes.InvalidParams, `The report '${path}' would be written outside the workspace folder: ${located.reason}.`);
        if (located.entry.type !== 'file' && located.entry.type !== 'missing') {
            throw new ResponseError(ErrorCodes.InvalidParams, `The report '${path}' cannot be written: it is ${located.entry.type === 'directory' ? 'a folder' : 'not a regular file'}. Move it away, or set mandate.report.outputDir.`);
        }
        return located.uri;
    }

    connection.onRequest(REPORT_REQUEST, (params: ReportParams) => shared.workspace.WorkspaceLock.read(async (): Promise<ReportResult> => {
        if (!isReportFormat(params.format)) {
            throw new ResponseError(ErrorCodes.InvalidParams, `Unknown report format '${params.format}'; use ${REPORT_FORMATS.join(', ')}.`);
        }
        const output = await outputFolder();
        const { linkBase } = output;
        const report = currentReport();
        const name = `${report.organization?.id ?? 'mandate'}${REPORT_FORMAT_INFO[params.format].extension}`;
        const target = reportFile(output, name).toString();
        if (params.format === 'html' && params.webview) {
            const pages = await renderHtmlForWebview(report, { linkBase, webview: params.webview });
            return { content: pages.saved, target, webviewContent: pages.webview };
        }
        const content = await renderReport(report, params.format, { linkBase }).catch((error: unknown) => {
            // The policy claims nothing a plan could state: the user's to fix, said as it is.
            if (error instanceof OscalSspError) throw new ResponseError(ErrorCodes.InvalidRequest, error.message);
            throw error;
        });
        return { content, target };
    }));

    connection.onRequest(GRAPH_REQUEST, (params: GraphParams) => shared.workspace.WorkspaceLock.read(async (): Promise<GraphResult> => {
        const report = currentReport();
        const title = `${report.organization?.title ?? 'Organization'}: roles and delegations`;
        const topManagement = report.organization?.topManagement.map(role => role.id) ?? [];
        return { html: await renderGraphPage(report.graph, title, `As of ${report.asOf}. Dashed arrows are delegations in force.`, params.webview, topManagement, graphSources(report)) };
    }));
}
