import { exportOscal } from './export-oscal.js';
import { exportOscalSsp } from './export-oscal-ssp.js';
import type { ReportFormat } from './format-info.js';
import type { GraphDrawer } from './graph-svg.js';
import type { WebviewContext } from './html-csp.js';
import type { AuditReport } from './report-model.js';
import { renderHtml } from './render-html.js';
import { renderJson } from './render-json.js';
import { renderMarkdown } from './render-markdown.js';

export { OscalSspError } from './export-oscal-ssp.js';
export { REPORT_FORMATS, REPORT_FORMAT_INFO, isReportFormat, type ReportFormat, type ReportFormatInfo } from './format-info.js';

export interface RenderOptions {
    /** Prefix of source links, from the report's folder to the workspace root (e.g. '../'). */
    readonly linkBase?: string;
    /** HTML only: render for a VS Code webview. */
    readonly webview?: WebviewContext;
    /** HTML only: draws the graph as SVG; renderGraphSvg in this thread unless given (the CLI draws it in a worker thread). */
    readonly drawGraph?: GraphDrawer;
}

/** Renders the one report model in the requested format. The SSP throws OscalSspError when the policy claims no requirement. */
export async function renderReport(report: AuditReport, format: ReportFormat, options: RenderOptions = {}): Promise<string> {
    switch (format) {
        case 'md': return renderMarkdown(report, options);
        case 'html': return renderHtml(report, options);
        case 'json': return renderJson(report);
        case 'oscal': return exportOscal(report);
        case 'oscal-ssp': return exportOscalSsp(report);
    }
}
