/**
 * The SHA-256 of every job-description and evidence file the policy names that exists in the
 * workspace, for the report's provenance: an auditor can check that the documents they sample
 * are the ones the report was made from. Paths resolve against the workspace folder of the
 * policy file that names them (util/policy-paths.ts), and a file is read only when its real path,
 * after following symbolic links, is still inside that folder: nothing outside is ever read.
 */
import { createHash } from 'node:crypto';
import { readFileSync, realpathSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { AstUtils, type URI } from 'langium';
import type { MandateSettings } from '../mandate-settings.js';
import { forEachPolicyPath } from '../rules/policy-paths.js';
import { compareStrings } from '../util/compare.js';
import type { WorkspaceModel } from '../workspace/workspace-model.js';
import type { FileHash } from './report-model.js';
import type { ReportSources } from './report-sources.js';

/** The real path of `file` when it is a regular file whose real path lies inside the real `root`; undefined otherwise. */
function realFileInside(file: URI, root: URI): string | undefined {
    if (file.scheme !== 'file' || root.scheme !== 'file') return undefined;
    try {
        const realRoot = realpathSync(root.fsPath);
        const real = realpathSync(file.fsPath);
        const relative = path.relative(realRoot, real);
        if (relative === '' || relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) return undefined;
        return statSync(real).isFile() ? real : undefined;
    } catch {
        return undefined; // missing, unreadable or a broken link: evidence-missing reports it
    }
}

export function documentHashes(model: WorkspaceModel, settings: MandateSettings, sources: ReportSources): FileHash[] {
    const found = new Map<string, { uri: URI; root: URI }>();
    for (const document of model.documents) {
        const root = settings.rootOf(document.uri);
        if (!root) continue;
        for (const node of AstUtils.streamAst(document.parseResult.value)) {
            forEachPolicyPath(node, root, occurrence => {
                if (occurrence.resolved.kind === 'inside') found.set(occurrence.resolved.uri.toString(), { uri: occurrence.resolved.uri, root });
            });
        }
    }
    const hashes: FileHash[] = [];
    for (const { uri, root } of found.values()) {
        const real = realFileInside(uri, root);
        if (!real) continue;
        try {
            hashes.push({ file: sources.file(uri), sha256: createHash('sha256').update(readFileSync(real)).digest('hex') });
        } catch {
            // Unreadable between the check and the read: left out, as a missing file is.
        }
    }
    return hashes.sort((a, b) => compareStrings(a.file, b.file));
}
