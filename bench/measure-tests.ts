/**
 * `mandate test` on the 100k-line workload: a test file of 200 expectations of every kind (holders,
 * who may perform, who may appoint, findings, status, what-if) over the teams, on two dates, all
 * passing. 0.1.0 has no `mandate test`, so only this build is measured.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { missing, record, type BenchContext } from './context.js';
import { BENCH_AS_OF, generateWorkspace, lineCount, teamFileName, teamsForLines } from './generate-workspace.js';
import { timedRuns } from './measure-cli.js';
import { formatCount } from './stats.js';

export const TEST_EXPECTATIONS = 200;

/** One test per team visited, four expectations each, then findings, status and one what-if: `count` in all. */
export function policyTestFile(teams: number, count = TEST_EXPECTATIONS): string {
    const lines: string[] = [];
    let written = 0;
    // Findings, status and a what-if first: they are the costly kinds (a re-validation, a changed copy).
    lines.push(`test "the workspace is clean" on ${BENCH_AS_OF} {`, '    expect no findings', '    expect status of ISO27001:5.3 is met',
        `    expect no finding role-vacant in "${teamFileName(0)}"`, '}');
    lines.push('test "a delegation in force a year earlier" on 2024-06-30 {', '    expect who may appoint to r-0-2 include p-0-0, p-0-1', '}');
    lines.push(`test "without the first team's lead" on ${BENCH_AS_OF} {`, `    when p-0-0 leaves on 2025-07-01 {`, `        expect finding raci-accountable in "${teamFileName(0)}"`, '    }', '}');
    written += 5;
    for (let team = 0; written < count; team = (team + 1) % teams) {
        const i = 1 + (team % 14);
        const block = [
            `    expect holders of lead-${team} are p-${team}-0`,
            `    expect holders of r-${team}-${i} include p-${team}-${i}`,
            `    expect who may perform duty-${team}-${i} include p-${team}-${i}`,
            `    expect who may appoint to r-${team}-${i} include p-${team}-0`
        ].slice(0, count - written);
        lines.push(`test "team ${team}" on ${BENCH_AS_OF} {`, ...block, '}');
        written += block.length;
    }
    return `${lines.join('\n')}\n`;
}

export async function measurePolicyTests(context: BenchContext): Promise<void> {
    const teams = teamsForLines(100_000);
    const files = { ...generateWorkspace(teams), 'tests/bench.test.mandate': policyTestFile(teams) };
    const folder = join(context.scratch, 'tests-100000');
    for (const [path, text] of Object.entries(files)) {
        mkdirSync(dirname(join(folder, path)), { recursive: true });
        writeFileSync(join(folder, path), text);
    }
    context.results.note('test-200', `\`mandate test\` on ${formatCount(lineCount(files))} lines in ${formatCount(Object.keys(files).length)} files, `
        + `${TEST_EXPECTATIONS} expectations on two dates with one what-if, all passing; median of ${context.settings.runs} runs, spawn to exit.`);
    for (const { slot, build } of context.builds) {
        if (slot === 'baseline') {
            record(context, 'test-200', slot, missing('not in 0.1.0'));
            continue;
        }
        const { cell } = await timedRuns(context, 'test-200', build, ['test', folder], context.settings.runs, context.settings.timeoutMs);
        record(context, 'test-200', slot, cell);
    }
}
