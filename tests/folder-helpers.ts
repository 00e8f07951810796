import { NodeFileSystem } from 'langium/node';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { checkSources, type CheckedWorkspace } from '../language/engine/check-sources.js';
import { buildReport } from '../language/report/build-report.js';
import type { AuditReport } from '../language/report/report-model.js';

/** A workspace folder on disk checked as the CLI checks it: the folder is the root, paths resolve on the real disk. */
export async function checkFolder(folder: string, asOf = '2025-06-30'): Promise<CheckedWorkspace> {
    const files = readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter(name => name.endsWith('.mandate')).sort();
    const sources = files.map(name => ({ uri: pathToFileURL(path.join(folder, name)).href, text: readFileSync(path.join(folder, name), 'utf8') }));
    return checkSources(sources, { asOf, roots: [pathToFileURL(folder).href], fileSystem: NodeFileSystem.fileSystemProvider });
}

/** The audit report of a folder, at a fixed as-of date and generation time, so outputs are reproducible. */
export async function reportOfFolder(folder: string, asOf = '2025-06-30'): Promise<AuditReport> {
    const checked = await checkFolder(folder, asOf);
    return buildReport(checked.services.shared, checked.findings, { toolVersion: '0.1.0', generatedAt: '2026-11-26T00:00:00Z' });
}
