import { parseConfig } from '../language/config/mandate-config.js';
import { checkSources } from '../language/engine/check-sources.js';
import { buildReport } from '../language/report/build-report.js';
import type { AuditReport } from '../language/report/report-model.js';
import { RULES_BY_ID } from '../language/rules/index.js';
import { AS_OF, type Files } from './helpers.js';

/** The audit report of in-memory files under file:///ws/, optionally with a mandate.config.json text; git is never asked. */
export async function reportOf(files: Files, asOf = AS_OF, configText?: string): Promise<AuditReport> {
    const sources = Object.entries(files).map(([name, text]) => ({ uri: `file:///ws/${name}`, text }));
    const config = configText === undefined ? undefined : parseConfig(configText, RULES_BY_ID).config;
    const checked = await checkSources(sources, { asOf, config });
    return buildReport(checked.services.shared, checked.findings, { toolVersion: '9.9.9', generatedAt: '2025-06-30T12:00:00Z', repository: { git: false } });
}
