/**
 * `mandate diff` across 100 commits of the 100k-line workload: a real git repository in the
 * scratch folder, the workload as its first commit and 100 commits after it that each change a
 * team (an appointment ended, a delegation or an appointment added, a conflict declared). The
 * diff reads both ends out of git and checks each as `mandate check` does. 0.1.0 has no diff.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { missing, record, type BenchContext } from './context.js';
import { BENCH_AS_OF, generateWorkspace, lineCount, teamFileName, teamsForLines } from './generate-workspace.js';
import { timedRuns } from './measure-cli.js';
import { formatCount } from './stats.js';

export const DIFF_COMMITS = 100;

/** The edit of commit `n` (1-based) to its team's file. */
function edit(text: string, team: number, n: number): string {
    switch (n % 4) {
        case 0: return text.replace(`assign p-${team}-3 to r-${team}-3 since 2022-01-01 appointed`, `assign p-${team}-3 to r-${team}-3 since 2022-01-01 until 2025-05-31 appointed`);
        case 1: return `${text}delegate duty-${team}-4 from r-${team}-4 to p-${team}-5 since 2025-03-01\n`;
        case 2: return `${text}assign p-${team}-8 to r-${team}-9 since 2025-04-01 appointed by lead-${team}\n`;
        default: return `${text}conflict between r-${team}-10 and r-${team}-11 "Separation of duties"\n`;
    }
}

/** The repository: the workload committed, then DIFF_COMMITS commits of one edit each, with fixed dates and no user configuration. */
export function makeRepository(folder: string, files: Record<string, string>, teams: number): void {
    const environment = (day: number) => {
        const date = new Date(Date.UTC(2025, 0, 1 + day)).toISOString();
        return { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', HOME: tmpdir(), GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date };
    };
    const git = (day: number, ...args: string[]) => execFileSync('git', args, { cwd: folder, env: environment(day), stdio: 'ignore' });
    for (const [path, text] of Object.entries(files)) {
        mkdirSync(dirname(join(folder, path)), { recursive: true });
        writeFileSync(join(folder, path), text);
    }
    git(0, 'init', '-q', '-b', 'main');
    git(0, 'config', 'user.name', 'Bench');
    git(0, 'config', 'user.email', 'bench@bench.example');
    git(0, 'add', '-A');
    git(0, 'commit', '-q', '-m', 'The policy at the last audit');
    for (let n = 1; n <= DIFF_COMMITS; n++) {
        const team = (n * 7) % teams;
        const file = join(folder, teamFileName(team));
        writeFileSync(file, edit(readFileSync(file, 'utf8'), team, n));
        git(n, 'commit', '-q', '-a', '-m', `Change ${n} to team ${team}`);
    }
}

export async function measureDiff(context: BenchContext): Promise<void> {
    const teams = teamsForLines(100_000);
    const files = generateWorkspace(teams);
    const folder = join(context.scratch, 'diff-100000');
    makeRepository(folder, files, teams);
    context.results.note('diff-100', `\`mandate diff HEAD~${DIFF_COMMITS}..HEAD\` in a git repository of ${formatCount(lineCount(files))} lines in `
        + `${formatCount(Object.keys(files).length)} files, ${DIFF_COMMITS} commits apart (an appointment ended, a delegation, an appointment or a conflict added in each); `
        + `both revisions read out of git and checked, in parallel (the newer side in a worker thread, on the second core when one is free); `
        + `median of ${context.settings.runs} runs, spawn to exit.`);
    for (const { slot, build } of context.builds) {
        if (slot === 'baseline') {
            record(context, 'diff-100', slot, missing('not in 0.1.0'));
            continue;
        }
        const args = ['diff', `HEAD~${DIFF_COMMITS}..HEAD`, '--path', folder, '--as-of', BENCH_AS_OF, '--format', 'json', '-o', join(context.scratch, 'diff-100.json')];
        const { cell } = await timedRuns(context, 'diff-100', build, args, context.settings.runs, context.settings.timeoutMs);
        record(context, 'diff-100', slot, cell);
    }
}
