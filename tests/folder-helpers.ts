import { NodeFileSystem } from 'langium/node';
import { readdirSync, readFileSync, statSync } from 'node:fs';
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

/**
 * A fixed git state for reports of folders inside this repository, whose real commit and
 * dirtiness change with every commit: a placeholder commit, clean. report-provenance tests run
 * git for real in a repository of their own.
 */
export const FIXED_REPOSITORY = { git: true, commit: '0123456789abcdef0123456789abcdef01234567', dirty: false } as const;

/** The audit report of a folder, at a fixed as-of date, generation time and git state, so outputs are reproducible. */
export async function reportOfFolder(folder: string, asOf = '2025-06-30'): Promise<AuditReport> {
    const checked = await checkFolder(folder, asOf);
    return buildReport(checked.services.shared, checked.findings, { toolVersion: '0.1.0', generatedAt: '2026-11-26T00:00:00Z', repository: FIXED_REPOSITORY });
}

/** Every file under `folder` as text, by path relative to it (`/`-separated), in sorted order; `keep` filters by relative path. */
export function readTextFolder(folder: string, keep: (relativePath: string) => boolean = () => true): Record<string, string> {
    const files: Record<string, string> = {};
    const names = readdirSync(folder, { recursive: true, encoding: 'utf8', withFileTypes: false }).map(name => name.split(path.sep).join('/')).sort();
    for (const name of names) {
        const full = path.join(folder, name);
        if (keep(name) && statSync(full).isFile()) files[name] = readFileSync(full, 'utf8');
    }
    return files;
}
