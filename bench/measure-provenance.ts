/**
 * Recorded-by provenance at scale: `mandate report` (which reads the git history for each
 * holder's recordedBy and for record-late) in the repository of the diff benchmark: the 100k-line
 * workload in 500 files as its first commit and 100 commits after it. The history is read in one
 * `git log` and one `git cat-file --batch`, each distinct blob parsed once. 0.1.0 has no provenance.
 */
import { join } from 'node:path';
import { missing, record, type BenchContext } from './context.js';
import { BENCH_AS_OF, generateWorkspace, lineCount, teamsForLines } from './generate-workspace.js';
import { timedRuns } from './measure-cli.js';
import { DIFF_COMMITS, makeRepository } from './measure-diff.js';
import { formatCount } from './stats.js';

export async function measureProvenance(context: BenchContext): Promise<void> {
    const teams = teamsForLines(100_000);
    const files = generateWorkspace(teams);
    const folder = join(context.scratch, 'provenance-100000');
    makeRepository(folder, files, teams);
    context.results.note('provenance-100', `\`mandate report --format json\` with recorded-by provenance in a git repository of ${formatCount(lineCount(files))} lines in `
        + `${formatCount(Object.keys(files).length)} files and ${DIFF_COMMITS + 1} commits: the history read for every assignment, announcement and delegation; `
        + `median of ${context.settings.runs} runs, spawn to exit.`);
    for (const { slot, build } of context.builds) {
        if (slot === 'baseline') {
            record(context, 'provenance-100', slot, missing('not in 0.1.0'));
            continue;
        }
        const args = ['report', folder, '--as-of', BENCH_AS_OF, '--format', 'json', '-o', join(context.scratch, 'provenance-100.json')];
        const { cell } = await timedRuns(context, 'provenance-100', build, args, context.settings.runs, context.settings.timeoutMs);
        record(context, 'provenance-100', slot, cell);
    }
}
