/**
 * The audit-report formats and how they are saved. Kept apart from the renderers so the editor
 * client can offer the formats without bundling them.
 */
export const REPORT_FORMATS = ['md', 'html', 'json', 'oscal', 'oscal-ssp'] as const;
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
    oscal: { label: 'OSCAL', description: 'OSCAL 1.0.6 component definition for GRC tools', extension: '.oscal.json' },
    'oscal-ssp': { label: 'OSCAL SSP', description: 'OSCAL 1.0.6 system security plan: roles, users, control owners', extension: '.oscal-ssp.json' }
};

export function isReportFormat(value: string): value is ReportFormat {
    return (REPORT_FORMATS as readonly string[]).includes(value);
}
