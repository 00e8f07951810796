import { exportOscal } from './export-oscal.js';
import type { AuditReport } from './report-model.js';
import { renderHtml } from './render-html.js';
import { renderJson } from './render-json.js';
import { renderMarkdown } from './render-markdown.js';

/** The audit-report formats, for the CLI's `--format` and the editor's quick pick. */
export const REPORT_FORMATS = ['md', 'html', 'json', 'oscal'] as const;
export type ReportFormat = typeof REPORT_FORMATS[number];

export interface ReportFormatInfo {
    readonly label: string;
    readonly description: string;
    /** File name suffix, including the dot. */
    readonly extension: string;
}

export const REPORT_FORMAT_INFO: Readonly<Record<ReportFormat, ReportFormatInfo>> = {
    md: { label: 'Markdown', description: 'Readable on GitHub and in the Markdown preview', extension: '.md' },
    html: { label: 'HTML', description: 'One self-contained page that prints to PDF', extension: '.html' },
    json: { label: 'JSON', description: 'Versioned machine-readable report (docs/report.schema.json)', extension: '.json' },
    oscal: { label: 'OSCAL', description: 'OSCAL 1.0.6 component definition for GRC tools', extension: '.oscal.json' }
};

export function isReportFormat(value: string): value is ReportFormat {
    return (REPORT_FORMATS as readonly string[]).includes(value);
}

export interface RenderOptions {
    /** Prefix of source links, from the report's folder to the workspace root (e.g. '../'). */
    readonly linkBase?: string;
}

/** Renders the one report model in the requested format. */
export async function renderReport(report: AuditReport, format: ReportFormat, options: RenderOptions = {}): Promise<string> {
    switch (format) {
        case 'md': return renderMarkdown(report, options);
        case 'html': return renderHtml(report, options);
        case 'json': return renderJson(report);
        case 'oscal': return exportOscal(report);
    }
}
