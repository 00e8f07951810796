/**
 * The SHA-256 of every job-description and evidence file the policy names that exists in the
 * workspace, for the report's provenance: an auditor can check that the documents they sample
 * are the ones the report was made from. Paths are located by the resolver the rules use
 * (workspace/policy-path.ts): a file is read only when it is a regular file inside the workspace
 * folder, reached without a symbolic link that leads out of it. Nothing outside is ever read.
 */
import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { policyPathTexts } from '../rules/policy-paths.js';
import { compareStrings } from '../util/compare.js';
import type { WorkspaceModel } from '../workspace/workspace-model.js';
import type { FileHash } from './report-model.js';
import type { ReportSources } from './report-sources.js';
import { syntaxNodes } from '../util/syntax-nodes.js';

// The real path has no link on its way, but the last entry could be swapped for a link or a FIFO
// after it was looked up: open without following a link and without blocking, then check what was opened.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

/** The SHA-256 of the regular file at `real`, or undefined when it is anything else by the time it is opened. */
function hashRegularFile(real: string): string | undefined {
    let descriptor: number | undefined;
    try {
        descriptor = openSync(real, OPEN_FLAGS);
        if (!fstatSync(descriptor).isFile()) return undefined;
        const hash = createHash('sha256');
        const buffer = Buffer.alloc(64 * 1024);
        for (let read = readSync(descriptor, buffer); read > 0; read = readSync(descriptor, buffer)) hash.update(buffer.subarray(0, read));
        return hash.digest('hex');
    } catch {
        return undefined; // gone or unreadable since it was located: left out, as a missing file is
    } finally {
        if (descriptor !== undefined) closeSync(descriptor);
    }
}

export function documentHashes(model: WorkspaceModel, sources: ReportSources): FileHash[] {
    const found = new Map<string, { file: string; real: string }>();
    for (const document of model.documents) {
        for (const node of syntaxNodes(document.parseResult.value)) {
            for (const path of policyPathTexts(node)) {
                const located = sources.locate(node, path.text)?.located;
                if (located?.kind !== 'inside' || located.entry.type !== 'file' || located.entry.real.scheme !== 'file') continue;
                found.set(located.uri.toString(), { file: sources.file(located.uri), real: located.entry.real.fsPath });
            }
        }
    }
    const hashes: FileHash[] = [];
    for (const { file, real } of found.values()) {
        const sha256 = hashRegularFile(real);
        if (sha256 !== undefined) hashes.push({ file, sha256 });
    }
    return hashes.sort((a, b) => compareStrings(a.file, b.file));
}
